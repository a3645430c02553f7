/**
 * Every fixture in cases/ is checked and its findings compared, exactly, with the
 * expectations written inline under the offending lines (see test/support/annotations.ts).
 * Plan texts the fixtures cite live beside them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as group, expect, it } from 'vitest';
import { describe, readExpectations } from '../support/annotations';
import { memoryAnalyzer } from '../support/memory-host';
import { RULES } from '../../server/src/analysis/rules';

const dir = join(__dirname, 'cases');
const seeds = join(__dirname, '..', '..', 'seeds');
const files = Object.fromEntries([
  ...readdirSync(dir).map((name) => [`/ws/${name}`, readFileSync(join(dir, name))]),
  // The real plan texts, for fixtures that check against them.
  ...readdirSync(seeds).filter((n) => n.endsWith('.txt')).map((name) => [`/ws/seeds/${name}`, readFileSync(join(seeds, name))]),
]);
const fixtures = readdirSync(dir).filter((name) => name.endsWith('.ptl'));

group('checker fixtures', () => {
  it.each(fixtures)('%s', (name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    const analysis = memoryAnalyzer(files).analyze(`/ws/${name}`, text);
    const lines = text.split(/\r?\n/);
    const actual = analysis.findings.filter((f) => f.file === `/ws/${name}`).map((f) => {
      const line = f.range.start.line;
      const end = f.range.end.line > line ? lines[line]!.length : Math.max(f.range.end.character, f.range.start.character + 1);
      return { rule: f.rule, line, start: f.range.start.character, end, message: `${f.message.zh} | ${f.message.en}` };
    });
    const expected = readExpectations(text);
    expect(actual.map(describe).sort()).toEqual(expected.map(describe).sort());
    for (const e of expected.filter((x) => x.fragment)) {
      const match = actual.find((a) => describe(a) === describe(e));
      expect(match?.message, describe(e)).toContain(e.fragment);
    }
  });
});

group('coverage of the rule table', () => {
  const annotated = new Set<string>();
  for (const folder of [dir, join(__dirname, '..', 'grammar', 'cases')]) {
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.ptl'))) {
      for (const e of readExpectations(readFileSync(join(folder, name), 'utf8'))) annotated.add(e.rule);
    }
  }

  it('every rule has a fixture that triggers it (config-invalid: test/config)', () => {
    expect(RULES.map((r) => r.id).filter((id) => id !== 'config-invalid' && !annotated.has(id))).toEqual([]);
  });

  it('every finding the fixtures produce speaks both languages', () => {
    const analyzer = memoryAnalyzer(files);
    const findings = fixtures.flatMap((name) => analyzer.analyze(`/ws/${name}`, readFileSync(join(dir, name), 'utf8')).findings);
    const monolingual = findings.filter((f) => !f.message.zh.trim() || !f.message.en.trim() || f.message.zh === f.message.en || !/[\u4e00-\u9fff]/.test(f.message.zh));
    expect(monolingual.map((f) => `${f.rule}: ${f.message.en}`)).toEqual([]);
    expect(findings.length).toBeGreaterThan(40);
  });
});
