import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, test } from 'vitest';
import { RULE_IDS } from '../../server/src/analysis/rules';
import { CONFIG_SCHEMA_PATH, configJsonSchemaText, configSchema } from '../../server/src/config';

const file = resolve(__dirname, '../..', CONFIG_SCHEMA_PATH);

describe('schemas/ptl.config.schema.json', () => {
  test('is what the zod schema generates (UPDATE_SCHEMA=1 rewrites it)', () => {
    const generated = configJsonSchemaText();
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(file, generated);
    let committed = '';
    try {
      committed = readFileSync(file, 'utf8');
    } catch {
      // reported below
    }
    expect(committed, `${CONFIG_SCHEMA_PATH} is out of date: run UPDATE_SCHEMA=1 npx vitest run test/config`).toBe(generated);
  });

  test('lists every rule id', () => {
    const schema = JSON.parse(configJsonSchemaText());
    expect(Object.keys(schema.properties.rules.properties)).toEqual([...RULE_IDS]);
  });

  // The JSON Schema (what editors check) and zod (what the tools check) agree.
  const ajv = new Ajv({ strict: false });
  const validate = ajv.compile(JSON.parse(configJsonSchemaText()));
  test.each([
    [{}, true],
    [{ $schema: 'x', rules: { 'unit-mismatch': 'off' }, tolerance: 0.1, locale: 'en', sources: { roots: ['a'] } }, true],
    [{ rules: { 'unit-mismatches': 'off' } }, false],
    [{ rules: { 'unit-mismatch': 'warn' } }, false],
    [{ tolerance: 1.5 }, false],
    [{ tolerance: -1 }, false],
    [{ locale: 'fr' }, false],
    [{ sources: { roots: [''] } }, false],
    [{ sources: { root: [] } }, false],
    [{ other: 1 }, false],
    [[], false],
  ])('%j valid: %s', (value, valid) => {
    expect(validate(value)).toBe(valid);
    expect(configSchema.safeParse(value).success).toBe(valid);
  });
});
