/** Names, quotes, rows and lines looked up in an index. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLine, findQuote, findRow, findTable, indexSource, indexSourceBytes, matchName, normalizeName } from '../../server/src/sources/index';

const seed = (name: string) => indexSourceBytes(readFileSync(join(__dirname, '../../seeds', name)));
const xuchang = seed('001_274d81b69c494f30.txt');
const pingdingshan = seed('002_d5c889162d56d462.txt');
const henan = seed('000_69a191a5f8c81a6e.txt');

describe('normalizeName', () => {
  it.each([
    ['乡镇（街道）范围具备综合功能的养老服务机构覆盖率', '乡镇(街道)范围具备综合功能的养老服务机构覆盖率'],
    ['养老机构护理型床位占比（%）', '养老机构护理型床位占比'],
    ['养老机构护理型床位占比 (％)', '养老机构护理型床位占比'],
    ['残疾人“两项补贴”覆盖率', '残疾人两项补贴覆盖率'],
    ['残疾人"两项补贴"覆盖率', '残疾人两项补贴覆盖率'],
    ['残疾人「两项补贴」覆盖率', '残疾人两项补贴覆盖率'],
    ['城乡低保\u00a0标准　年度增速', '城乡低保标准年度增速'],
    ['其中：护理型床位比例（%）', '护理型床位比例'],
    ['城市社区综合服务设施覆盖率1', '城市社区综合服务设施覆盖率'],
    ['农村低保标准占城市低保标准比例²', '农村低保标准占城市低保标准比例'],
    ['<b>社会工作专业人才总量</b>（万人）', '社会工作专业人才总量'],
    ['ＰＭ２.５浓度', 'pm2.5浓度'],
  ])('%s', (name, normalized) => {
    expect(normalizeName(name)).toBe(normalized);
  });
});

describe('matchName', () => {
  it('finds a table row whatever the parentheses, quotes and unit', () => {
    for (const name of ['乡镇（街道）范围具备综合功能的养老服务机构覆盖率', '乡镇(街道)范围具备综合功能的养老服务机构覆盖率（%）']) {
      const m = matchName(name, xuchang);
      expect(m.table?.id).toBe('专栏2');
      expect(m.row?.index).toBe(5);
      expect(m.suggestions).toEqual([]);
    }
    expect(matchName('残疾人"两项补贴"覆盖率', pingdingshan).row?.index).toBe(3);
  });

  it('finds a sub-row by its own name', () => {
    const m = matchName('护理型床位比例', xuchang);
    expect(m.table?.id).toBe('专栏1');
    expect(m.row?.rawName).toBe('其中:护理型床位比例(%)');
  });

  it('returns the prose that states the same indicator, with or without a row', () => {
    const both = matchName('养老机构护理型床位占比', xuchang);
    expect(both.row?.index).toBe(4);
    expect(both.prose.map((p) => p.line)).toEqual([387]);
    const proseOnly = matchName('养老机构床位数', henan);
    expect(proseOnly.row).toBeUndefined();
    expect(proseOnly.prose).toMatchObject([{ line: 17, year: 2025, value: { value: 33000 } }]);
  });

  it('suggests the closest names, best first, at most five', () => {
    const m = matchName('养老机构护理床位占比', xuchang);
    expect(m.row).toBeUndefined();
    expect(m.suggestions[0]).toBe('养老机构护理型床位占比');
    expect(m.suggestions.length).toBeLessThanOrEqual(5);
    expect(matchName('农村低保占城市低保比例', xuchang).suggestions[0]).toBe('农村低保标准占城市低保标准比例');
    expect(matchName('社会工作人才总量', pingdingshan).suggestions[0]).toBe('社会工作专业人才总量');
  });

  it('suggests nothing for a name unlike any', () => {
    expect(matchName('地方财政一般公共预算收入', xuchang).suggestions).toEqual([]);
    expect(matchName('', xuchang).suggestions).toEqual([]);
  });
});

describe('findQuote', () => {
  it('matches punctuation of either width and spaces', () => {
    // 001 writes `,` where 002 writes `，`; the quote in LANGUAGE.md uses `,`.
    expect(findQuote(xuchang, '到2025年,养老机构护理型床位占比不低于55%')).toEqual({ line: 387, column: 225 - 7, length: 24 });
    const ix = indexSource('前文。\n提升机构养老服务水平。到2025年，养老机构护理型床位占比不低于55％。\n');
    expect(findQuote(ix, '到2025年,养老机构护理型床位占比不低于55%')).toEqual({ line: 2, column: 11, length: 24 });
    expect(findQuote(henan, '到2025年，养老机构床位数达到3.3万张')).toMatchObject({ line: 17 });
    expect(findQuote(henan, '"高端有市场、中端有需求、低端有保障"')).toMatchObject({ line: 17 });
  });

  it('falls back to ignoring punctuation altogether', () => {
    expect(findQuote(xuchang, '到2025年 养老机构护理型床位占比不低于55')).toMatchObject({ line: 387, column: 218 });
  });

  it('locates a passage broken over lines', () => {
    const ix = indexSource('第一段。\n到2025年，养老服务设施\n覆盖率达到90%。\n');
    expect(findQuote(ix, '养老服务设施覆盖率达到90%')).toEqual({ line: 2, column: 7, length: 6, endLine: 3, endColumn: 8 });
  });

  it('is undefined when the passage is not there', () => {
    expect(findQuote(xuchang, '到2025年,养老机构护理型床位占比不低于60%')).toBeUndefined();
    expect(findQuote(xuchang, '   ')).toBeUndefined();
  });
});

describe('findRow, findTable, findLine', () => {
  it('finds a row by table id (as a .ptl writes it) and 1-based index', () => {
    expect(findRow(xuchang, '专栏2', 4)?.row.name).toBe('养老机构护理型床位占比');
    expect(findRow(pingdingshan, '专栏 1', 4)?.row.name).toBe('养老机构护理型床位占比');
    expect(findRow(xuchang, '专栏二', 11)?.row.unit).toBe('万人');
    expect(findRow(xuchang, undefined, 12)?.table.id).toBe('专栏1');
    expect(findRow(xuchang, '专栏2', 14)).toBeUndefined();
    expect(findRow(xuchang, '专栏3', 1)).toBeUndefined();
    expect(findRow(xuchang, '专栏10', 1)).toBeUndefined();
  });

  it('tells a text box from a missing table', () => {
    expect(findTable(xuchang, '专栏3')).toMatchObject({ kind: 'text', rows: [] });
    expect(findTable(xuchang, '专栏10')).toBeUndefined();
  });

  it('finds a line with the targets and rows on it', () => {
    const l = findLine(xuchang, 387)!;
    expect(l.text.startsWith('提升机构养老服务水平')).toBe(true);
    expect(l.prose.map((p) => p.subject)).toEqual(['养老机构护理型床位占比']);
    const cell = findLine(xuchang, 275)!;
    expect(cell.rows.map((r) => `${r.table.id} row ${r.row.index}`)).toEqual(['专栏2 row 4']);
    expect(findLine(xuchang, 0)).toBeUndefined();
    expect(findLine(xuchang, 683)?.text.endsWith('。')).toBe(true);
    expect(findLine(xuchang, 684)).toBeUndefined();
    expect(findLine(xuchang, 1.5)).toBeUndefined();
  });
});
