/**
 * Table and prose layouts, one fixture each: `fixtures/NAME.txt` is the plan text and
 * `fixtures/NAME.expected.json` what the index must find in it, as one-line
 * descriptions (see describe.ts). Layout-specific details are checked below.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexSourceBytes } from '../../server/src/sources/index';
import type { SourceIndex } from '../../server/src/sources/types';
import { describeProse, describeRows, describeTable } from './describe';
import { checkLocations } from './locations';

const DIR = join(__dirname, 'fixtures');
const fixtures = readdirSync(DIR).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4));

interface Expected {
  encoding: string;
  tables: string[];
  rows: Record<string, string[]>;
  prose: string[];
}

function load(name: string): SourceIndex {
  return indexSourceBytes(readFileSync(join(DIR, `${name}.txt`)));
}

describe.each(fixtures)('fixture %s', (name) => {
  const ix = load(name);
  const expected = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), 'utf8')) as Expected;

  it('decodes and finds the expected tables', () => {
    expect(ix.encoding).toBe(expected.encoding);
    expect(ix.problems).toEqual([]);
    expect(ix.tables.map(describeTable)).toEqual(expected.tables);
  });

  it('reads the expected rows', () => {
    const rows: Record<string, string[]> = {};
    for (const t of ix.tables) if (t.rows.length > 0) rows[t.id] = describeRows(t);
    expect(rows).toEqual(expected.rows);
  });

  it('finds the expected prose targets', () => {
    expect(ix.prose.map(describeProse)).toEqual(expected.prose);
  });

  it('locates every name and value exactly', () => {
    checkLocations(ix);
  });
});

describe('layout details', () => {
  it('markdown pipes: the unit column, a blank unit cell, 以上/左右/不超过', () => {
    const [t] = load('pipes').tables;
    expect(t!.rows.map((r) => r.unit)).toEqual(['元/人·月', '%', '万人', undefined, '小时']);
    expect(t!.rows[1]!.target).toMatchObject({ text: '55%以上', op: '>=', value: 55, unit: '%' });
    expect(t!.rows[3]!.target).toMatchObject({ text: '40左右', op: '~', value: 40 });
    expect(t!.rows[4]!.target).toMatchObject({ text: '不超过24', op: '<=', value: 24 });
  });

  it('one-line table: caption, header and rows on one line, the 其中 row a child', () => {
    const [t] = load('one-line').tables;
    expect(t!.title).toBe('专栏3：主要指标');
    const child = t!.rows[1]!.children[0]!;
    expect(child.rawName).toBe('其中：公办养老机构护理型床位占比');
    expect(child.nameLocation.line).toBe(1);
  });

  it('HTML: cells stacked with <br> become a parent and its 其中 child, located in the line', () => {
    const ix = load('html');
    const line = ix.lines[3]!;
    const row = ix.tables[0]!.rows[0]!;
    expect(row.nameLocation).toEqual({ line: 4, column: line.indexOf('养老床位数'), length: 8 });
    expect(row.children[0]!.nameLocation).toEqual({ line: 4, column: line.indexOf('护理型'), length: 10 });
    expect(row.target).toMatchObject({ text: '3300', line: 4, column: line.indexOf('3300'), length: 4 });
    expect(row.children[0]!.target).toMatchObject({ text: '55', line: 4, column: line.indexOf('55<'), length: 2 });
    // A row whose cells are on lines of their own (`<tr>` … `</tr>`).
    expect(ix.tables[0]!.rows[1]).toMatchObject({ firstLine: 6, lastLine: 10, nameLocation: { line: 7, column: 4 } });
  });

  it('cumulative values in 〔〕 and [ ], 。 as a decimal point, footnote marks after names', () => {
    const t = load('cumulative').tables[0]!;
    expect(t.rows[0]!.baseline).toMatchObject({ text: '〔5000〕', value: 5000, cumulative: true });
    expect(t.rows[1]!.target).toMatchObject({ text: '[5000]', value: 5000, cumulative: true });
    expect(t.rows[2]!).toMatchObject({ name: '城市社区综合服务设施覆盖率', rawName: '城市社区综合服务设施覆盖率1' });
    expect(t.rows[2]!.baseline).toMatchObject({ text: '99。5', value: 99.5 });
    expect(t.rows[3]!).toMatchObject({ name: '农村低保标准占城市低保标准比例', unit: '%' });
    expect(t.rows[4]!).toMatchObject({ name: '节地生态安葬率', unit: '%' });
  });

  it('space-aligned PDF text: a name wrapped onto the next line, a missing cell', () => {
    const t = load('space-aligned').tables[0]!;
    expect(t.rows[2]!.rawName).toBe('乡镇（街道）范围具备综合功能的养老服务机构覆盖率');
    expect(t.rows[3]!.baseline).toBeUndefined();
  });

  it('a one-cell-per-line table: an extra blank line is an empty cell, a missing line is an absent one', () => {
    const t = load('header-split').tables[0]!;
    expect(t.rows[0]!.baseline).toMatchObject({ none: true, text: '', line: 22 });
    expect(t.rows[2]!.baseline).toBeUndefined();
  });

  it('text that is not a table: bylines, tables of contents, a sentence starting 序号', () => {
    expect(load('uncaptioned').tables.map((t) => t.id)).toEqual(['表1']);
    expect(load('prose').tables).toEqual([]);
  });

  it('prose: a sentence broken over lines keeps every line', () => {
    const p = load('prose').prose.find((x) => x.subject.startsWith('城市社区和农村社区'))!;
    expect(p).toMatchObject({ line: 9, endLine: 11, endColumn: 7, year: 2025 });
    expect(p.sentence).toBe('到2025年，基本建成养老服务体系，养老服务设施建设稳步推进，城市社区和农村社区养老服务设施覆盖率达到90%以上。');
    expect(p.value).toMatchObject({ text: '90%以上', line: 11, column: 2, op: '>=', value: 90, unit: '%' });
  });
});
