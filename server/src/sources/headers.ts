/**
 * A table's header row: which column is the 序号, the name, the unit, the baseline,
 * the target(s), the actual, the attribute, and the year each value column names.
 * Headers arrive split (`2020年` on one line, `基础值` on the next; `指标` / `属性`),
 * letter-spaced (`指  标  名  称`) or merged (`2020年基础值`).
 */
import type { ColumnRole } from './types';
import { fold, removeSpaces } from './chars';

export interface HeaderWord {
  role: ColumnRole | 'year';
  year?: number;
}

export interface Column {
  role: ColumnRole;
  year?: number;
}

/** The words each role is written with, exactly (so `指标单位` is not taken for `指标`+`单位`). */
const WORDS: Record<string, ColumnRole> = {};
function words(role: ColumnRole, list: string[]): void {
  for (const w of list) WORDS[w] = role;
}
words('number', ['序号', '编号', '序']);
words('category', ['类别', '领域', '分类', '类型', '方面', '指标类别', '指标类型', '一级指标']);
words('name', ['指标', '指标名称', '主要指标', '指标名', '名称', '项目', '指标内容', '具体指标', '二级指标', '指标项']);
words('unit', ['单位', '计量单位']);
words('baseline', ['基础值', '基期值', '基数', '现状值', '基准值', '基期', '现状', '基础', '基年值', '基期年']);
words('target', ['目标值', '目标', '规划目标', '预期目标', '规划值', '预期值', '目标年', '规划目标值']);
words('actual', ['完成值', '实际值', '完成情况', '实现值', '实际完成', '完成数', '实际完成值', '实际', '完成', '实现情况']);
words('attribute', ['属性', '指标属性', '性质', '指标性质', '类型属性']);

/** Roles a year may qualify: `2020年基础值`, `目标值（2025年）`. */
const YEARED = new Set<ColumnRole>(['baseline', 'target', 'actual']);

/** Classifies one header cell, or undefined when it is not a header word. */
export function classifyHeader(text: string): HeaderWord | undefined {
  if (text.length > 40) return undefined;
  if (memo.has(text)) return memo.get(text);
  // Bounded: a long-running server classifies many documents' lines.
  if (memo.size > 5000) memo.clear();
  const word = classify(text);
  memo.set(text, word);
  return word;
}

const memo = new Map<string, HeaderWord | undefined>();

function classify(text: string): HeaderWord | undefined {
  let s = removeSpaces(fold(text)).replace(/[:：*]+$/, '');
  if (s === '' || s.length > 16) return undefined;
  const years = s.match(/(?:19|20)\d{2}/g);
  if (years && years.length > 1) return undefined;
  const year = years ? Number(years[0]) : undefined;
  if (year !== undefined) s = s.replace(/(?:19|20)\d{2}\s*年?(?:末|底|度)?/, '');
  // `（2020年）`, `(%)` leave brackets behind; drop them.
  s = s.replace(/[()（）[\]【】]/g, '').replace(/^[%‰]$/, '');
  if (s === '') return year === undefined ? undefined : { role: 'year', year };
  const role = WORDS[s];
  if (role === undefined) return undefined;
  if (year !== undefined && !YEARED.has(role)) return undefined;
  return year === undefined ? { role } : { role, year };
}

/**
 * Merges header cells split over lines or columns, in order. Two neighbours merge when
 * together they are a header word and one of them is a bare year, is not a word on its
 * own, or names a different role (`指标` + `属性` = the attribute column).
 */
export function mergeHeader(texts: string[]): Array<{ word: HeaderWord; parts: number[] }> | undefined {
  const out: Array<{ word: HeaderWord; parts: number[] }> = [];
  let i = 0;
  while (i < texts.length) {
    const a = classifyHeader(texts[i]!);
    if (i + 1 < texts.length) {
      const b = classifyHeader(texts[i + 1]!);
      const both = classifyHeader(texts[i]! + texts[i + 1]!);
      const split = !a || !b || a.role === 'year' || b.role === 'year' || a.role !== both?.role || a.role === b.role;
      if (both && both.role !== 'year' && split) {
        out.push({ word: both, parts: [i, i + 1] });
        i += 2;
        continue;
      }
    }
    if (!a) return undefined;
    out.push({ word: a, parts: [i] });
    i++;
  }
  return out;
}

/**
 * Gives bare years a role: without a word, the earliest year of several is the baseline
 * and the later ones targets; a single bare year is the baseline when a target column
 * exists and a target otherwise.
 */
export function resolveColumns(words: HeaderWord[]): Column[] {
  const bare = words.filter((w) => w.role === 'year');
  const hasBaseline = words.some((w) => w.role === 'baseline');
  const hasTarget = words.some((w) => w.role === 'target');
  const minYear = bare.reduce((m, w) => Math.min(m, w.year!), Infinity);
  return words.map((w) => {
    if (w.role !== 'year') return w.year === undefined ? { role: w.role } : { role: w.role, year: w.year };
    let role: ColumnRole;
    if (bare.length > 1) role = w.year === minYear && !hasBaseline ? 'baseline' : 'target';
    else role = hasTarget && !hasBaseline ? 'baseline' : 'target';
    return { role, year: w.year! };
  });
}

/** A header worth a table: a name column and at least one value or attribute column. */
export function isUsableHeader(columns: Column[], strict: boolean): boolean {
  const roles = new Set(columns.map((c) => c.role));
  if (!roles.has('name')) return false;
  const values = roles.has('baseline') || roles.has('target') || roles.has('actual');
  if (strict) return values && columns.length >= 3;
  return (values || roles.has('attribute')) && columns.length >= 2;
}

/** Parses a whole header (cells in order) into columns, or undefined. */
export function parseHeader(texts: string[], strict: boolean): Column[] | undefined {
  const merged = mergeHeader(texts);
  if (!merged) return undefined;
  const columns = resolveColumns(merged.map((m) => m.word));
  return isUsableHeader(columns, strict) ? columns : undefined;
}
