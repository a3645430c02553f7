/** Decoding plan bytes: encodings, line breaks, and located problems instead of crashes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePlanText } from '../../server/src/sources/decode';
import { indexSourceBytes } from '../../server/src/sources/index';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const cat = (...parts: ArrayLike<number>[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => Array.from(p)));

function utf16(s: string, bigEndian: boolean): Uint8Array {
  const out: number[] = bigEndian ? [0xfe, 0xff] : [0xff, 0xfe];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (bigEndian) out.push(c >> 8, c & 0xff);
    else out.push(c & 0xff, c >> 8);
  }
  return Uint8Array.from(out);
}

const PLAN = '专栏1：主要指标\r\n序号\t指标\t2020年\t2025年\t属性\r\n1\t养老机构护理型床位占比（%）\t31.1\t55\t约束性\r\n';

describe('decodePlanText', () => {
  it.each([
    ['UTF-8', utf8(PLAN), 'utf-8', false],
    ['UTF-8 with BOM', cat([0xef, 0xbb, 0xbf], utf8(PLAN)), 'utf-8', true],
    ['UTF-16 LE with BOM', utf16(PLAN, false), 'utf-16le', true],
    ['UTF-16 BE with BOM', utf16(PLAN, true), 'utf-16be', true],
  ])('%s', (_, bytes, encoding, bom) => {
    const d = decodePlanText(bytes);
    expect(d).toMatchObject({ encoding, bom, problems: [] });
    expect(d.text).toBe(PLAN.replace(/\r\n/g, '\n'));
    expect(indexSourceBytes(bytes).tables[0]!.rows[0]!.target).toMatchObject({ value: 55, line: 3 });
  });

  it('detects GB18030/GBK without a BOM', () => {
    const bytes = readFileSync(join(__dirname, 'fixtures/gb18030.txt'));
    const d = decodePlanText(bytes);
    expect(d.encoding).toBe('gb18030');
    expect(d.problems).toEqual([]);
    expect(d.text.split('\n')[0]).toBe('专栏1：主要指标');
    expect(d.text.includes('\r')).toBe(false);
  });

  it('normalizes CRLF and lone CR to LF', () => {
    expect(decodePlanText(utf8('a\r\nb\rc\nd')).text).toBe('a\nb\nc\nd');
  });

  it('reports invalid UTF-8 at its line and column and replaces it', () => {
    // `到2025年` on line 2 with a stray 0xFF after `到`, more valid Chinese around it.
    const bytes = cat(utf8('第一行，全部正常。\r\n到'), [0xff], utf8('2025年，养老机构床位数达到3.3万张。\n'));
    const d = decodePlanText(bytes);
    expect(d.encoding).toBe('utf-8');
    expect(d.text.split('\n')[1]).toBe('到\ufffd2025年，养老机构床位数达到3.3万张。');
    expect(d.problems).toHaveLength(1);
    expect(d.problems[0]).toMatchObject({ line: 2, column: 1 });
    expect(d.problems[0]!.message.zh).toContain('UTF-8');
    expect(d.problems[0]!.message.en).toContain('U+FFFD');
  });

  it('reports a truncated sequence at the end of the file', () => {
    const d = decodePlanText(cat(utf8('指标名称'), [0xe4, 0xb8]));
    expect(d.text).toBe('指标名称\ufffd');
    expect(d.problems).toMatchObject([{ line: 1, column: 4 }]);
  });

  it('does not take English with a stray byte for GBK', () => {
    const d = decodePlanText(cat(utf8('abc'), [0x80], utf8('def')));
    expect(d.encoding).toBe('utf-8');
    expect(d.problems).toMatchObject([{ line: 1, column: 3 }]);
  });

  it('caps the problems of a hopeless file and summarizes the rest', () => {
    const bytes = Uint8Array.from({ length: 5000 }, (_, k) => (k % 2 === 0 ? 0xff : 0x41));
    const d = decodePlanText(bytes);
    expect(d.problems).toHaveLength(101);
    expect(d.problems[100]!.message.en).toMatch(/2400 more/);
  });

  it('treats NUL bytes as a binary file: a problem, no text, no tables', () => {
    const bytes = cat(utf8('专栏1'), [0, 0, 1, 2], utf8('序号\t指标\t2025年\n'));
    const d = decodePlanText(bytes);
    expect(d).toMatchObject({ encoding: 'binary', text: '' });
    expect(d.problems).toMatchObject([{ line: 1, column: 0 }]);
    const ix = indexSourceBytes(bytes);
    expect(ix.tables).toEqual([]);
    expect(ix.prose).toEqual([]);
    expect(ix.problems).toHaveLength(1);
  });

  it('reports an unpaired surrogate in UTF-16', () => {
    const bytes = cat([0xff, 0xfe], [0x41, 0x00, 0x0a, 0x00, 0x00, 0xd8, 0x42, 0x00]);
    const d = decodePlanText(bytes);
    expect(d.text).toBe('A\n\ufffdB');
    expect(d.problems).toMatchObject([{ line: 2, column: 0 }]);
  });
});
