/**
 * Every keyword of PTL with its English spelling and Chinese aliases. This table
 * is the single source for the lexer, the TextMate grammar test, completion and
 * hover; the first spelling of each language is the canonical one.
 */
export interface KeywordSpec {
  id: KeywordId;
  en: string[];
  zh: string[];
  role: 'declaration' | 'field' | 'attribute' | 'part' | 'citation' | 'comparison' | 'other';
}

export type KeywordId =
  | 'plan' | 'use' | 'as' | 'series' | 'table' | 'indicator' | 'check' | 'within'
  | 'name' | 'unit' | 'baseline' | 'target' | 'actual' | 'value' | 'binding' | 'anticipatory'
  | 'direction' | 'derive' | 'aligns' | 'cite' | 'note' | 'source' | 'period' | 'region'
  | 'level' | 'parent' | 'row' | 'line'
  | 'ge' | 'le' | 'approx';

export const KEYWORDS: readonly KeywordSpec[] = [
  { id: 'plan', en: ['plan'], zh: ['规划'], role: 'declaration' },
  { id: 'use', en: ['use'], zh: ['导入'], role: 'declaration' },
  { id: 'as', en: ['as'], zh: ['作为'], role: 'other' },
  { id: 'series', en: ['series'], zh: ['序列'], role: 'declaration' },
  { id: 'table', en: ['table'], zh: ['专栏'], role: 'declaration' },
  { id: 'indicator', en: ['indicator'], zh: ['指标'], role: 'declaration' },
  { id: 'check', en: ['check'], zh: ['校验'], role: 'declaration' },
  { id: 'within', en: ['within'], zh: ['容差'], role: 'other' },
  { id: 'name', en: ['name'], zh: ['名称'], role: 'field' },
  { id: 'unit', en: ['unit'], zh: ['单位'], role: 'field' },
  { id: 'baseline', en: ['baseline'], zh: ['基础值', '基期值'], role: 'field' },
  { id: 'target', en: ['target'], zh: ['目标值'], role: 'field' },
  { id: 'actual', en: ['actual'], zh: ['完成值', '实际值'], role: 'field' },
  { id: 'value', en: ['value'], zh: ['数值'], role: 'field' },
  { id: 'binding', en: ['binding'], zh: ['约束性'], role: 'attribute' },
  { id: 'anticipatory', en: ['anticipatory'], zh: ['预期性'], role: 'attribute' },
  { id: 'direction', en: ['direction'], zh: ['方向'], role: 'field' },
  { id: 'derive', en: ['derive'], zh: ['推导'], role: 'field' },
  { id: 'aligns', en: ['aligns'], zh: ['对标'], role: 'field' },
  { id: 'cite', en: ['cite'], zh: ['引用'], role: 'field' },
  { id: 'note', en: ['note'], zh: ['备注'], role: 'field' },
  { id: 'source', en: ['source'], zh: ['来源'], role: 'field' },
  { id: 'period', en: ['period'], zh: ['期间'], role: 'field' },
  { id: 'region', en: ['region'], zh: ['地区'], role: 'field' },
  { id: 'level', en: ['level'], zh: ['层级'], role: 'field' },
  { id: 'parent', en: ['parent'], zh: ['上级'], role: 'field' },
  { id: 'row', en: ['row'], zh: ['行'], role: 'citation' },
  { id: 'line', en: ['line'], zh: ['行号'], role: 'citation' },
  { id: 'ge', en: [], zh: ['不低于', '不少于'], role: 'comparison' },
  { id: 'le', en: [], zh: ['不高于', '不超过'], role: 'comparison' },
  { id: 'approx', en: [], zh: ['约'], role: 'comparison' },
];

/** Parts of a reference: `X.baseline`, `X.基础值` … */
export const REFERENCE_PARTS: Readonly<Record<string, 'baseline' | 'target' | 'actual'>> = {
  baseline: 'baseline',
  基础值: 'baseline',
  基期值: 'baseline',
  target: 'target',
  目标值: 'target',
  actual: 'actual',
  完成值: 'actual',
  实际值: 'actual',
};

/** Values of `level`; not reserved, so `省意见` stays an identifier. */
export const LEVELS: Readonly<Record<string, 'nation' | 'province' | 'city' | 'county'>> = {
  nation: 'nation',
  国家: 'nation',
  province: 'province',
  省: 'province',
  city: 'city',
  市: 'city',
  county: 'county',
  县: 'county',
};

/** Values of `direction`. */
export const DIRECTIONS: Readonly<Record<string, 'increase' | 'decrease'>> = {
  increase: 'increase',
  增加: 'increase',
  上升: 'increase',
  decrease: 'decrease',
  减少: 'decrease',
  下降: 'decrease',
};

export function allKeywordSpellings(): string[] {
  return KEYWORDS.flatMap((k) => [...k.en, ...k.zh]);
}

export function keywordSpec(id: KeywordId): KeywordSpec {
  return KEYWORDS.find((k) => k.id === id)!;
}

/** Whether a keyword written in Chinese, so the formatter and completion keep the author's language. */
export function isChineseSpelling(text: string): boolean {
  return /[\u4e00-\u9fff]/.test(text);
}
