/**
 * Parser fixtures: each cases/NAME.ptl carries its expected syntax problems inline
 * (carets under the range, see test/support/annotations.ts) and NAME.tree is the
 * expected outline of what was parsed — so recovery is checked as well as errors.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parse } from '../../grammar/src/parse';
import { describe, readExpectations } from '../support/annotations';
import { outline } from '../support/tree';

const dir = join(__dirname, 'cases');
const cases = readdirSync(dir).filter((f) => f.endsWith('.ptl'));

it.each(cases)('%s', async (name) => {
  const text = readFileSync(join(dir, name), 'utf8');
  const result = parse(text);
  const lines = text.split(/\r?\n/);
  const actual = result.problems.map((p) => {
    const line = p.range.start.line;
    const end = p.range.end.line > line ? lines[line]!.length : Math.max(p.range.end.character, p.range.start.character + 1);
    return { rule: p.code, line, start: p.range.start.character, end, message: `${p.message.zh} | ${p.message.en}` };
  });
  const expected = readExpectations(text);
  expect(actual.map(describe).sort()).toEqual(expected.map(describe).sort());
  for (const e of expected.filter((x) => x.fragment)) {
    expect(actual.find((a) => describe(a) === describe(e))?.message, describe(e)).toContain(e.fragment);
  }
  await expect(outline(result.file)).toMatchFileSnapshot(join(dir, name.replace(/\.ptl$/, '.tree')));
});
