/**
 * The JSON Schema of `ptl.config.json`, generated from the zod schema. The
 * committed copy `schemas/ptl.config.schema.json` is compared with this output by
 * test/config/schema-json.test.ts; `UPDATE_SCHEMA=1 npx vitest run test/config`
 * rewrites it.
 */
import { z } from 'zod';
import { CONFIG_SCHEMA_URL, configSchema } from './schema';

/** Repository-relative path of the committed schema. */
export const CONFIG_SCHEMA_PATH = 'schemas/ptl.config.schema.json';

export function configJsonSchema(): Record<string, unknown> {
  // draft-07: what VS Code's JSON language service and most editors validate fully.
  const generated = z.toJSONSchema(configSchema, { target: 'draft-07', io: 'input' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: CONFIG_SCHEMA_URL, ...rest };
}

/** The file's exact text: two-space indentation and a final newline. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
