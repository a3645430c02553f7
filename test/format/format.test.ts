import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { format, formatEdits, type TextEdit } from '../../grammar/src/format';
import { displayWidth } from '../../grammar/src/format-width';
import { parse } from '../../grammar/src/parse';
import { LineIndex } from '../../grammar/src/range';
import { fixtures, hasSyntaxError, perturb, stripPositions, verbatimParts } from './helpers';

const ALL = fixtures();
const VALID = ALL.filter((f) => !hasSyntaxError(f.input));

function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = [...edits].sort((a, b) => lines.offsetAt(b.range.start) - lines.offsetAt(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, lines.offsetAt(e.range.start)) + e.newText + out.slice(lines.offsetAt(e.range.end));
  return out;
}

describe('format fixtures', () => {
  test('there are enough cases, among them one with a syntax error', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(8);
    expect(ALL.filter((f) => hasSyntaxError(f.input)).map((f) => f.name)).toEqual(['syntax-error']);
  });

  for (const f of ALL) {
    test(`${f.name}: input formats to expected`, () => {
      const result = format(f.input);
      expect(result.text).toBe(f.expected);
      expect(result.changed).toBe(f.input !== f.expected);
    });
    test(`${f.name}: expected is a fixed point`, () => {
      expect(format(f.expected)).toEqual({ text: f.expected, changed: false });
      expect(formatEdits(f.expected)).toEqual([]);
    });
    test(`${f.name}: document edits reproduce the formatted text`, () => {
      expect(applyEdits(f.input, formatEdits(f.input))).toBe(f.expected);
    });
  }

  test('a file with a syntax error is left unchanged, with no edits', () => {
    const f = ALL.find((x) => x.name === 'syntax-error')!;
    expect(f.input).toBe(f.expected);
    expect(format(f.input).changed).toBe(false);
    expect(formatEdits(f.input)).toEqual([]);
  });

  test('CRLF stays CRLF', () => {
    const f = ALL.find((x) => x.name === 'crlf')!;
    expect(f.input).toContain('\r\n');
    expect(f.expected.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(f.expected.endsWith('}\r\n')).toBe(true);
  });

  test('keywords keep their language and Chinese keywords align by display width', () => {
    const out = format(ALL.find((x) => x.name === 'chinese-keywords')!.input).text;
    expect(out).toContain('    名称   "残疾人“两项补贴”覆盖率"\n    单位   ％\n    目标值 "全覆盖" @2025\n');
    expect(out).not.toMatch(/\b(name|unit|target|indicator)\b/);
  });
});

describe('format details', () => {
  test('display width counts CJK and full-width characters as 2', () => {
    expect(displayWidth('基础值')).toBe(6);
    expect(displayWidth('name')).toBe(4);
    expect(displayWidth('名称：')).toBe(6);
    expect(displayWidth('％')).toBe(2);
    expect(displayWidth('“”‰·')).toBe(4);
  });

  test('indent option', () => {
    const out = format('table T {\nindicator A {\nname "a"\n indicator B { name "b" }\n}\n}\n', { indent: 4 }).text;
    expect(out).toBe('table T {\n    indicator A {\n        name "a"\n        indicator B { name "b" }\n    }\n}\n');
  });

  test('an empty or blank file stays empty; a BOM is kept', () => {
    expect(format('')).toEqual({ text: '', changed: false });
    expect(format('\n\n  \n').text).toBe('');
    expect(format('\ufeffuse "a.ptl"   as A').text).toBe('\ufeffuse "a.ptl" as A\n');
  });

  test('a one-line block with a comment inside is expanded', () => {
    expect(format('series S { unit % /* c */ value 1 @2020 }').text).toBe('series S {\n  unit  % /* c */\n  value 1 @2020\n}\n');
  });

  test('range formatting touches only the declarations in the range', () => {
    const text = 'use  "a.ptl" as A\nindicator X {\nname "x"\n   unit %   // u\n}\nuse  "b.ptl" as B\n';
    const edits = formatEdits(text, { start: { line: 3, character: 0 }, end: { line: 3, character: 2 } });
    expect(applyEdits(text, edits)).toBe('use  "a.ptl" as A\nindicator X {\n  name "x"\n  unit % // u\n}\nuse  "b.ptl" as B\n');
    const all = formatEdits(text, { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } });
    expect(applyEdits(text, all)).toBe(format(text).text);
  });

  test('edits are minimal: untouched gaps produce no edit', () => {
    const edits = formatEdits('use "a.ptl" as A\nuse "b.ptl"  as B\n');
    expect(edits).toEqual([{ range: { start: { line: 1, character: 11 }, end: { line: 1, character: 13 } }, newText: ' ' }]);
  });
});

describe('format properties', () => {
  const source = fc.constantFrom(...ALL.flatMap((f) => [f.input, f.expected]));
  const noise = fc.array(fc.nat({ max: 10_000 }), { minLength: 1, maxLength: 64 });
  const pickFrom = (xs: number[]) => (i: number) => xs[i % xs.length]! + Math.floor(i / xs.length);
  const perturbed = fc.tuple(source, noise, fc.boolean()).map(([text, xs, keep]) => perturb(text, pickFrom(xs), keep));

  test('idempotent', () => {
    fc.assert(fc.property(perturbed, (text) => {
      const once = format(text).text;
      expect(format(once)).toEqual({ text: once, changed: false });
    }), { numRuns: 300 });
  });

  test('the AST is unchanged apart from positions', () => {
    fc.assert(fc.property(perturbed, (text) => {
      const out = format(text).text;
      expect(stripPositions(parse(out).file)).toEqual(stripPositions(parse(text).file));
    }), { numRuns: 300 });
  });

  test('comment texts and string raws are carried over verbatim', () => {
    fc.assert(fc.property(perturbed, (text) => {
      expect(verbatimParts(format(text).text)).toEqual(verbatimParts(text));
    }), { numRuns: 300 });
  });

  test('horizontal whitespace noise formats to the same result as the fixture', () => {
    const valid = fc.constantFrom(...VALID);
    fc.assert(fc.property(valid, noise, (f, xs) => {
      expect(format(perturb(f.expected, pickFrom(xs), true)).text).toBe(f.expected);
    }), { numRuns: 300 });
  });

  test('line-break noise on valid files is really formatted (no silent fallback)', () => {
    const valid = fc.constantFrom(...VALID);
    fc.assert(fc.property(valid, noise, (f, xs) => {
      const text = perturb(f.expected, pickFrom(xs), false);
      fc.pre(!hasSyntaxError(text));
      const out = format(text).text;
      // Every line is indented by a multiple of 2 and carries no trailing whitespace.
      for (const line of out.split(/\r?\n/)) {
        if (line.trimStart().startsWith('*') || line.trimStart().startsWith('spanning')) continue;
        expect(line).not.toMatch(/[ \t]$/);
        expect((line.length - line.trimStart().length) % 2).toBe(0);
      }
    }), { numRuns: 200 });
  });
});
