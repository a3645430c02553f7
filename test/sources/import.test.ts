/**
 * `ptl import` on each seed plan: the generated file parses, declares every table
 * row (sub-rows included) and every prose target, and agrees with its plan text —
 * the source rules find nothing to say about it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { generatePtl } from '../../server/src/analysis/import-plan';
import { indexSourceBytes } from '../../server/src/sources';
import type { SourceRow } from '../../server/src/sources/types';
import { memoryAnalyzer } from '../support/memory-host';

const SEEDS = join(__dirname, '..', '..', 'seeds');
const count = (rows: SourceRow[]): number => rows.reduce((n, r) => n + 1 + count(r.children), 0);
const SOURCE_RULES = /source|citation|differs|name-not-in/;

it.each([
  ['000_69a191a5f8c81a6e.txt', 0],
  ['001_274d81b69c494f30.txt', 26],
  ['002_d5c889162d56d462.txt', 13],
])('%s imports into a file the plan text agrees with (%i table rows)', (name, rows) => {
  const bytes = readFileSync(join(SEEDS, name));
  const index = indexSourceBytes(bytes);
  expect(index.tables.reduce((n, t) => n + count(t.rows), 0)).toBe(rows);
  const text = generatePtl(index, name);
  const analysis = memoryAnalyzer({ [`/ws/${name}`]: bytes }).analyze('/ws/imported.ptl', text);
  expect(analysis.parse.problems.filter((p) => p.code === 'syntax-error')).toEqual([]);
  const names = new Set(analysis.model.indicators.map((i) => i.name));
  const flat = (r: SourceRow[]): SourceRow[] => r.flatMap((x) => [x, ...flat(x.children)]);
  const expected = [...index.tables.flatMap((t) => flat(t.rows).map((r) => r.name)), ...index.prose.map((p) => p.subject).filter(Boolean)];
  expect(expected.filter((n) => !names.has(n))).toEqual([]);
  expect(analysis.findings.filter((f) => SOURCE_RULES.test(f.rule)).map((f) => `${f.rule} ${f.message.en}`)).toEqual([]);
});
