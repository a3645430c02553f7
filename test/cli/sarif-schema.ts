/**
 * The official SARIF 2.1.0 JSON schema (draft 2020-12), as Microsoft's SARIF SDK ships
 * it in @microsoft/sarif-multitool-linux (`sarif-2.1.0.json`), compiled with ajv.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export function sarifSchemaPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json')), 'sarif-2.1.0.json');
}

let compiled: ReturnType<Ajv2020['compile']> | undefined;

export function sarifValidator(): ReturnType<Ajv2020['compile']> {
  if (!compiled) {
    const schema = JSON.parse(fs.readFileSync(sarifSchemaPath(), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    compiled = ajv.compile(schema);
  }
  return compiled;
}
