/**
 * Properties of the syntax layer over generated input: the parser never throws and
 * keeps every range inside the text; a generated program survives formatting with
 * its meaning intact (the outline before and after is the same).
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { format } from '../../grammar/src/format';
import { allKeywordSpellings } from '../../grammar/src/keywords';
import { parse } from '../../grammar/src/parse';
import { wordAt } from '../../grammar/src/words';
import { outline } from '../support/tree';

const PIECES = [...allKeywordSpellings(), '{', '}', '(', ')', '@2025', '@2021..2025', '55%', '3.3万', '"名称"', '“弯引号”', '：', '，', '≥', '~', '-', '—', '*', '/', '元/人·月', '甲', '乙.target', '// 注释\n', '/* 块 */', '\n', ' ', '"未闭合', '０１２', '\u0000', '\ud800'];

it('never throws, on arbitrary text or on shuffled pieces of PTL, and keeps ranges inside the text', () => {
  const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((p) => p.join(' ')));
  fc.assert(
    fc.property(text, (t) => {
      const { file, problems } = parse(t);
      for (const p of problems) expect(p.end).toBeLessThanOrEqual(t.length);
      for (const d of file.declarations) expect(d.end).toBeLessThanOrEqual(t.length);
    }),
    { numRuns: 400 },
  );
});

const id = fc.constantFrom('甲', '乙', '护理型床位占比', 'rate', '低保标准');
const kw = (en: string, zh: string) => fc.constantFrom(en, zh);
const field = fc.oneof(
  fc.tuple(kw('name', '名称'), fc.constantFrom('"养老机构护理型床位占比"', '"残疾人“两项补贴”覆盖率"')).map(([k, v]) => `${k} ${v}`),
  fc.tuple(kw('unit', '单位'), fc.constantFrom('%', '万人', '元/人·月', '张/千人')).map(([k, v]) => `${k} ${v}`),
  fc.tuple(kw('baseline', '基础值'), fc.constantFrom('31.1', '—', '0.2万', '6672 元/人·年')).map(([k, v]) => `${k} ${v} @2020`),
  fc.tuple(kw('target', '目标值'), fc.constantFrom('>= 55', '≥55', '不低于 60', '"全覆盖"', '~ 甲 * 1.3', '(甲 + 乙.baseline) / 2')).map(([k, v]) => `${k} ${v} @2025`),
  fc.tuple(kw('actual', '完成值'), fc.constantFrom('46.9', '50%')).map(([k, v]) => `${k} ${v} @2023`),
  fc.constantFrom('binding', '约束性', 'anticipatory', '预期性', 'cite row 2', '引用 行号 37', 'cite "到2025年,不低于55%"', 'note "备注"'),
);
const indicator = fc.tuple(kw('indicator', '指标'), id, fc.array(field, { maxLength: 7 }), fc.constantFrom(' ', '\n  ', '\n\n  ')).map(([k, name, fields, sep]) => `${k} ${name} {${sep}${fields.join(sep)}\n}`);
const program = fc.array(fc.oneof(indicator, indicator.map((i) => `table 专栏1 "主要指标" {\n${i}\n}`), fc.constant('// 说明\n'), fc.constant('check 甲 ~ 乙 * 2 within 5%')), { minLength: 1, maxLength: 5 }).map((d) => d.join('\n'));

it('formats generated programs without changing what they say, and idempotently', () => {
  fc.assert(
    fc.property(program, (source) => {
      const before = parse(source);
      fc.pre(!before.problems.some((p) => p.code === 'syntax-error'));
      const formatted = format(source).text;
      expect(outline(parse(formatted).file)).toBe(outline(before.file));
      expect(format(formatted).text).toBe(formatted);
    }),
    { numRuns: 300 },
  );
});

/** The word grammar, as the lexer documents it; the character loop must read exactly what it reads. */
const WORD_AS_SPECIFIED = /[\p{L}_][\p{L}\p{M}\p{Nd}_]*/uy;

it('reads a word exactly as the Unicode word pattern does, whatever follows the common characters', () => {
  // ASCII and common ideographs (the loop's fast path) next to what it must hand over: accents,
  // combining marks, kana, Hangul, full-width and Arabic-Indic digits, astral letters.
  const chars = fc.constantFrom('a', 'Z', '_', '7', '指', '标', '值', '目', 'é', '\u0301', 'ä', 'ガ', '한', '０', '٣', '𠀀', '\ud800', ' ', '.', '%', '“', '\n', '基', '础');
  fc.assert(
    fc.property(fc.array(chars, { maxLength: 12 }).map((c) => c.join('')), fc.nat(12), (text, at) => {
      const offset = Math.min(at, text.length);
      WORD_AS_SPECIFIED.lastIndex = offset;
      const word = WORD_AS_SPECIFIED.exec(text)?.[0];
      const read = wordAt(text, offset);
      if (word === undefined) expect(read).toBeUndefined();
      // A keyword compound reads as its first keyword, which the word starts with.
      else expect(word.startsWith(read!) && read!.length > 0).toBe(true);
      if (word !== undefined && !/[指标值目基础]/.test(word)) expect(read).toBe(word);
    }),
    { numRuns: 2000 },
  );
});
