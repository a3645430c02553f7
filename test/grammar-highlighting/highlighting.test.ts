/**
 * What VS Code shows: every keyword of keywords.ts gets a keyword scope where the
 * language puts it, and a table of small snippets pins the scopes of chosen tokens.
 *
 * Expectations read `NEEDLE => scope … !scope …` (the needle is exactly one
 * highlighted thing: token boundaries at both ends, and its first scope stops
 * there) or `NEEDLE ~> …` (every token inside carries the scopes, nothing said
 * about its edges). `NEEDLE#2` is the second occurrence. Scopes match as
 * TextMate selectors do: `keyword` matches `keyword.other.field.unit.ptl`.
 */
import { readFileSync } from 'node:fs';
import type { IGrammar } from 'vscode-textmate';
import { beforeAll, describe, expect, it } from 'vitest';
import { KEYWORDS, REFERENCE_PARTS, type KeywordId, type KeywordSpec } from '../../grammar/src/keywords';
import { TAKES_NUMBER } from '../../grammar/syntaxes/build-grammar';
import { hasKeywordScope, hasScope, loadGrammar, tokenize, tokensIn, type Token } from './tokenize';

let grammar: IGrammar;
beforeAll(async () => {
  grammar = await loadGrammar();
});

// ——— the expectation language ———

function locate(src: string, needle: string): { start: number; end: number } {
  const m = /^(.*?)(?:#(\d+))?$/s.exec(needle)!;
  const text = m[1]!;
  const nth = m[2] ? Number(m[2]) : 1;
  let start = -1;
  for (let i = 0; i < nth; i++) {
    start = src.indexOf(text, start + 1);
    if (start < 0) throw new Error(`“${text}” (occurrence ${nth}) is not in the snippet`);
  }
  return { start, end: start + text.length };
}

function describeTokens(tokens: readonly Token[]): string {
  return tokens.map((t) => `${JSON.stringify(t.text)} ${t.scopes.slice(1).join(' ')}`).join('\n');
}

function expectScopes(src: string, expectation: string, tokens = tokenize(grammar, src)): void {
  const m = /^(.+?) (=>|~>)(.*)$/s.exec(expectation);
  if (!m) throw new Error(`bad expectation: ${expectation}`);
  const [, needle, arrow, rest] = m as unknown as [string, string, string, string];
  const { start, end } = locate(src, needle);
  expectSpan(src, tokens, start, end, arrow === '=>', rest.trim().split(/\s+/).filter(Boolean), expectation);
}

/** `scopes`: wanted ones, and unwanted ones prefixed with `!`; `exact`: the span is one highlighted thing. */
function expectSpan(src: string, tokens: readonly Token[], start: number, end: number, exact: boolean, scopes: string[], label: string): void {
  const wanted = scopes.filter((w) => !w.startsWith('!'));
  const unwanted = scopes.filter((w) => w.startsWith('!')).map((w) => w.slice(1));
  const inside = tokensIn(tokens, start, end);
  const context = `${label}\nin ${JSON.stringify(src)}\n${describeTokens(inside)}`;
  expect(inside.length, context).toBeGreaterThan(0);
  for (const token of inside) {
    for (const scope of wanted) expect(hasScope(token.scopes, scope), `${context}\n→ “${token.text}” lacks ${scope}`).toBe(true);
    for (const scope of unwanted) expect(hasScope(token.scopes, scope), `${context}\n→ “${token.text}” has ${scope}`).toBe(false);
  }
  if (!exact) return;
  expect(inside[0]!.start, `${context}\n→ a token starts before it`).toBe(start);
  expect(inside.at(-1)!.end, `${context}\n→ a token runs past it`).toBe(end);
  const first = wanted[0];
  if (!first) return;
  const before = tokens.find((t) => t.end === start);
  const after = tokens.find((t) => t.start === end);
  if (before) expect(hasScope(before.scopes, first), `${context}\n→ ${first} goes on before it: “${before.text}”`).toBe(false);
  if (after) expect(hasScope(after.scopes, first), `${context}\n→ ${first} goes on after it: “${after.text}”`).toBe(false);
}

// ——— (a) every keyword spelling, in a place the language puts it ———

type Lang = 'en' | 'zh';
/** The canonical spelling of another keyword in the same language as the one under test. */
type Other = (id: KeywordId) => string;
const spelling = (id: KeywordId, lang: Lang): string => {
  const k = KEYWORDS.find((s) => s.id === id)!;
  return (lang === 'en' ? k.en[0] : k.zh[0]) ?? k.zh[0] ?? k.en[0]!;
};
const inIndicator = (k: Other, line: string): string => `${k('indicator')} 低保增速 {\n  ${line}\n}`;
const inPlan = (k: Other, line: string): string => `${k('plan')} 许昌民政十四五 "许昌市规划" {\n  ${line}\n}`;

/** `W` stands for the spelling under test; TypeScript makes sure a new keyword gets a place here. */
const PLACES: Record<KeywordId, (k: Other, lang: Lang) => string> = {
  plan: () => 'W 许昌民政十四五 "许昌市“十四五”民政事业发展规划" {\n}',
  use: (k) => `W "henan.ptl" ${k('as')} 省意见`,
  as: (k) => `${k('use')} "henan.ptl" W 省意见`,
  series: (k) => `W 老年人口 { ${k('unit')} 万人 }`,
  table: () => 'W 专栏2 "主要指标" {\n}',
  indicator: (k) => `${k('table')} 专栏2 {\n  W 低保增速 {\n  }\n}`,
  check: () => 'W "床位" 床位需求 ~ 老年人口 * 35 张/千人',
  within: (k) => `${k('check')} 床位需求 ~ 老年人口 * 35 张/千人 W 2%`,
  name: (k) => inIndicator(k, 'W "城乡低保标准年度增速"'),
  unit: (k) => inIndicator(k, 'W 元/人·月'),
  baseline: (k) => inIndicator(k, 'W 70 @2020'),
  target: (k) => inIndicator(k, 'W >= 75 @2025'),
  actual: (k) => inIndicator(k, `W 79.4 @2025 ${k('cite')} "003.txt" ${k('line')} 37`),
  value: (k) => `${k('series')} 老年人口 { ${k('unit')} 万人  W 95 @2025 }`,
  binding: (k) => inIndicator(k, 'W'),
  anticipatory: (k) => inIndicator(k, 'W'),
  direction: (k, lang) => inIndicator(k, lang === 'en' ? 'W increase' : 'W 上升'),
  derive: (k) => inIndicator(k, 'W 老年人口 * 35 张/千人'),
  aligns: (k) => inIndicator(k, 'W 省意见.农村低保标准 / 省意见.城市低保标准'),
  cite: (k) => inIndicator(k, `W ${k('row')} 1`),
  note: (k) => inIndicator(k, 'W "按年折算"'),
  source: (k) => inPlan(k, 'W "001_274d81b69c494f30.txt"'),
  period: (k) => inPlan(k, 'W 2021..2025'),
  region: (k) => inPlan(k, 'W "许昌市"'),
  level: (k, lang) => inPlan(k, lang === 'en' ? 'W city' : 'W 市'),
  parent: (k) => inPlan(k, 'W 省意见'),
  row: (k) => inIndicator(k, `${k('cite')} W 1`),
  line: (k) => inIndicator(k, `${k('cite')} "003.txt" W 37`),
  ge: (k) => inIndicator(k, `${k('target')} W 55% @2025`),
  le: (k) => inIndicator(k, `${k('target')} W 10% @2025`),
  approx: (k) => inIndicator(k, `${k('target')} W 3.3万 @2025`),
};

function expectedScope(spec: KeywordSpec): string {
  switch (spec.role) {
    case 'declaration':
      return spec.id === 'use' ? 'keyword.control.import.ptl' : `storage.type.${spec.id}.ptl`;
    case 'field':
      return `keyword.other.field.${spec.id}.ptl`;
    case 'attribute':
      return spec.id === 'binding' ? 'keyword.control.attribute.binding.ptl' : `keyword.other.attribute.${spec.id}.ptl`;
    case 'citation':
      return `keyword.other.citation.${spec.id}.ptl`;
    case 'comparison':
      return 'keyword.operator.comparison.word.ptl';
    case 'part':
      return 'keyword.other.reference-part.ptl';
    case 'other':
      return spec.id === 'as' ? 'keyword.control.as.ptl' : `keyword.other.${spec.id}.ptl`;
  }
}

const SPELLINGS = KEYWORDS.flatMap((spec) => [
  ...spec.en.map((word) => ({ spec, word, lang: 'en' as Lang })),
  ...spec.zh.map((word) => ({ spec, word, lang: 'zh' as Lang })),
]);

describe('every keyword of keywords.ts', () => {
  it.each(SPELLINGS.map((s) => [s.word, s.spec.id, s] as const))('%s (%s) is a keyword where the language puts it', (_w, _id, { spec, word, lang }) => {
    const template = PLACES[spec.id]((id) => spelling(id, lang), lang);
    const at = template.indexOf('W');
    const src = template.slice(0, at) + word + template.slice(at + 1);
    const tokens = tokenize(grammar, src);
    expectSpan(src, tokens, at, at + word.length, true, [expectedScope(spec)], `${word} => ${expectedScope(spec)}`);
    // Every other word of the snippet that is a keyword is scoped as one, and no non-keyword is.
    for (const token of tokens) {
      if (hasScope(token.scopes, 'string') || hasScope(token.scopes, 'comment') || !/^[\p{L}_]/u.test(token.text)) continue;
      const isKeyword = SPELLINGS.some((s) => s.word === token.text);
      expect(hasKeywordScope(token.scopes), `${JSON.stringify(token.text)} in ${JSON.stringify(src)}: ${token.scopes.join(' ')}`).toBe(isKeyword);
    }
  });

  it.each(Object.keys(REFERENCE_PARTS))('%s is a keyword as the part of a reference', (part) => {
    const zh = /[\u4e00-\u9fff]/.test(part);
    const src = `${zh ? '校验' : 'check'} 低保标准.${part}@2025 >= 省意见.低保标准.${part}`;
    expectScopes(src, `${part} => keyword.other.reference-part.ptl`);
    expectScopes(src, `${part}#2 => keyword.other.reference-part.ptl`);
    expectScopes(src, '低保标准 => variable.other.object.ptl !keyword');
    expectScopes(src, '.#1 => punctuation.accessor.ptl');
  });

  it.each(SPELLINGS.map((s) => [s.word, s] as const))('%s is not a keyword inside a longer word', (word, { spec }) => {
    const zh = /[\u4e00-\u9fff]/.test(word);
    const longer = zh ? [`${word}目标`, `甲${word}`, ...(TAKES_NUMBER.has(spec.id) ? [] : [`${word}2`])] : [`${word}_x`, `x${word}`, `${word}2`];
    for (const w of longer) {
      const src = `${zh ? '校验' : 'check'} ${w} >= 1`;
      expectScopes(src, `${w} => variable.other.ptl !keyword !storage`);
    }
  });

  it.each(SPELLINGS.filter((s) => s.lang === 'zh' && TAKES_NUMBER.has(s.spec.id)).map((s) => [s.word, s] as const))(
    '%s typed against its number splits off it, as the lexer reads it',
    (word, { spec }) => {
      const src = inIndicator((id) => spelling(id, 'zh'), `${word}55 @2025`);
      expectScopes(src, `${word} => ${expectedScope(spec)}`);
      expectScopes(src, '55 => constant.numeric.decimal.ptl');
    },
  );
});

// ——— (b) snippets with expected scopes ———

interface Case {
  name: string;
  src: string;
  expect: string[];
}

const CASES: Case[] = [
  {
    name: 'binding and anticipatory have distinct scopes; binding is keyword.control',
    src: 'indicator 护理型床位占比 {\n  约束性\n}\nindicator 低保增速 {\n  预期性\n}\nindicator a { binding }\nindicator b { anticipatory }',
    expect: [
      '约束性 => keyword.control.attribute.binding.ptl',
      '预期性 => keyword.other.attribute.anticipatory.ptl !keyword.control',
      'binding => keyword.control.attribute.binding.ptl',
      'anticipatory => keyword.other.attribute.anticipatory.ptl',
    ],
  },
  {
    name: 'Chinese curly quotes inside a string are content',
    src: 'indicator 两项补贴 {\n  name "残疾人“两项补贴”覆盖率"\n}',
    expect: [
      '"残疾人“两项补贴”覆盖率" => string.quoted.double.ptl',
      '“ ~> string.quoted.double.ptl !punctuation.definition.string',
      '” ~> string.quoted.double.ptl !punctuation.definition.string',
      '" ~> punctuation.definition.string.begin.ptl',
      '"#2 ~> punctuation.definition.string.end.ptl',
    ],
  },
  {
    name: 'escapes in strings; keywords in strings stay text',
    src: 'note "他说\\"约束性\\" target \\\\ 不低于"\nunit %',
    expect: ['"他说\\"约束性\\" target \\\\ 不低于" => string.quoted.double.ptl !keyword', '\\" ~> constant.character.escape.ptl', '\\\\ ~> constant.character.escape.ptl', 'unit => keyword.other.field.unit.ptl'],
  },
  {
    name: 'an unclosed string ends with its line',
    src: 'name "未闭合\nunit %',
    expect: ['"未闭合 ~> string.quoted.double.ptl', 'unit => keyword.other.field.unit.ptl !string'],
  },
  {
    name: 'curly quotes typed where ASCII ones were meant still make a string',
    src: 'name “全覆盖”',
    expect: ['“全覆盖” => string.quoted.double.curly.ptl'],
  },
  {
    name: 'a number with a scale is one number',
    src: 'target ≥ 3.3万 @2025\nvalue 0.2万 @2020\nvalue 12亿 @2020',
    expect: ['3.3万 => constant.numeric.decimal.ptl', '万 ~> keyword.other.unit.scale.ptl', '0.2万 => constant.numeric.decimal.ptl', '12亿 => constant.numeric.decimal.ptl'],
  },
  {
    name: 'years and year ranges',
    src: 'target >= 居民人均消费支出增速 @2021..2025\nbaseline 70 @2020\nperiod 2021..2025',
    expect: [
      '@2021..2025 => meta.year.ptl',
      '@ ~> punctuation.definition.year.ptl',
      '2021 => constant.numeric.year.ptl',
      '.. ~> keyword.operator.range.ptl',
      '@2020 => meta.year.ptl',
      '2021#2 => constant.numeric.year.ptl',
      '..#2 => keyword.operator.range.ptl',
      '居民人均消费支出增速 => variable.other.ptl',
    ],
  },
  {
    name: 'a written comparison against its number',
    src: 'target 不低于55% @2025',
    expect: ['不低于 => keyword.operator.comparison.word.ptl', '55% => constant.numeric.decimal.ptl', '% ~> keyword.other.unit.ptl'],
  },
  {
    name: 'Chinese typed without spaces splits where the lexer splits',
    src: '指标 残疾人两项补贴 {\n  目标值不低于98% @2025\n  基础值31.1@2020\n  引用行3\n}',
    expect: [
      '目标值 => keyword.other.field.target.ptl',
      '不低于 => keyword.operator.comparison.word.ptl',
      '98% => constant.numeric.decimal.ptl',
      '基础值 => keyword.other.field.baseline.ptl',
      '31.1 => constant.numeric.decimal.ptl',
      '引用 => keyword.other.field.cite.ptl',
      '行 => keyword.other.citation.row.ptl',
    ],
  },
  {
    name: 'one word is one identifier, keyword inside or not',
    src: 'check 约束性目标 >= 指标总数\ntable 专栏2 "主要指标" {\n}\ncite 专栏2 row 3',
    expect: [
      '约束性目标 => variable.other.ptl !keyword !storage',
      '指标总数 => variable.other.ptl !keyword !storage',
      '专栏2 => entity.name.type.table.ptl',
      '专栏2#2 => variable.other.ptl !keyword',
      'row => keyword.other.citation.row.ptl',
    ],
  },
  {
    name: 'a qualified reference is no keyword',
    src: 'aligns 省意见.低保标准\nparent 省意见',
    expect: ['省意见 => variable.other.object.ptl !keyword', '. => punctuation.accessor.ptl', '低保标准 => variable.other.property.ptl !keyword', '省意见#2 => variable.other.ptl'],
  },
  {
    name: 'reference parts and years on references',
    src: 'derive X.baseline * 1.3 - 省意见.低保标准.目标值@2025',
    expect: [
      'X => variable.other.object.ptl',
      'baseline => keyword.other.reference-part.ptl',
      '低保标准 => variable.other.property.ptl',
      '目标值 => keyword.other.reference-part.ptl',
      '@2025 => meta.year.ptl',
      '* => keyword.operator.arithmetic.ptl',
      '- => keyword.operator.arithmetic.ptl',
    ],
  },
  {
    name: 'declaration names',
    src: 'plan 许昌民政十四五 "规划" {\n}\nuse "henan.ptl" as 省意见\n导入 "henan.ptl" 作为 省级\nseries 老年人口 { unit 万人 }\n专栏 专栏3 {\n  指标 床位需求 {\n  }\n}',
    expect: [
      'plan => storage.type.plan.ptl',
      '许昌民政十四五 => entity.name.type.plan.ptl',
      'use => keyword.control.import.ptl',
      'as => keyword.control.as.ptl',
      '省意见 => entity.name.namespace.ptl',
      '导入 => keyword.control.import.ptl',
      '作为 => keyword.control.as.ptl',
      '省级 => entity.name.namespace.ptl',
      '老年人口 => entity.name.function.series.ptl',
      '专栏 => storage.type.table.ptl',
      '专栏3 => entity.name.type.table.ptl',
      '指标 => storage.type.indicator.ptl',
      '床位需求 => entity.name.function.indicator.ptl',
    ],
  },
  {
    name: 'unit expressions after unit, and keywords after them',
    src: 'unit 元/人·月\n单位 张/千人\nunit %\nseries 老年人口 { unit 万人 基础值 0.16 @2020 }\nunit: 平方米^2',
    expect: [
      '元/人·月 => meta.unit.ptl',
      '元 => keyword.other.unit.ptl',
      '/ => keyword.operator.unit.per.ptl',
      '· => punctuation.separator.unit.ptl',
      '月 => keyword.other.unit.ptl',
      '单位 => keyword.other.field.unit.ptl',
      '张/千人 => meta.unit.ptl',
      '% => keyword.other.unit.ptl',
      '万人 => keyword.other.unit.ptl',
      '基础值 => keyword.other.field.baseline.ptl !keyword.other.unit !meta.unit',
      '0.16 => constant.numeric.decimal.ptl',
      ': => punctuation.separator.colon.ptl',
      '平方米^2 => meta.unit.ptl',
      '^2 ~> constant.numeric.power.ptl',
    ],
  },
  {
    name: 'a unit written with a number',
    src: 'check "床位需求 = 老年人口 × 35‰" 床位需求 ~ 老年人口 * 35 张/千人 within 2%\n目标值 不低于 6672 元/人·年 @2025',
    expect: [
      '"床位需求 = 老年人口 × 35‰" => string.quoted.double.ptl',
      '~ => keyword.operator.comparison.ptl',
      '35#2 => constant.numeric.decimal.ptl',
      '张/千人 => meta.unit.ptl',
      'within => keyword.other.within.ptl',
      '2% => constant.numeric.decimal.ptl',
      '6672 => constant.numeric.decimal.ptl',
      '元/人·年 => meta.unit.ptl',
    ],
  },
  {
    name: 'comparison symbols, full width too',
    src: 'a >= 1\nb ≥ 1\nc ≧ 1\nd <= 1\ne ≤ 1\nf ≦ 1\ng > 1\nh < 1\ni = 1\nj ~ 1\nk ≈ 1\nl ＞ 1\nm ＜ 1\nn ＝ 1\no ＞＝ １２ ＠２０２５',
    expect: [
      '>= => keyword.operator.comparison.ptl',
      '≥ => keyword.operator.comparison.ptl',
      '≧ => keyword.operator.comparison.ptl',
      '<= => keyword.operator.comparison.ptl',
      '≤ => keyword.operator.comparison.ptl',
      '≦ => keyword.operator.comparison.ptl',
      '>#2 => keyword.operator.comparison.ptl',
      '<#2 => keyword.operator.comparison.ptl',
      '=#3 => keyword.operator.comparison.ptl',
      '~ => keyword.operator.comparison.ptl',
      '≈ => keyword.operator.comparison.ptl',
      '＞ => keyword.operator.comparison.ptl',
      '＜ => keyword.operator.comparison.ptl',
      '＝ => keyword.operator.comparison.ptl',
      '＞＝ => keyword.operator.comparison.ptl',
      '１２ => constant.numeric.decimal.ptl',
      '＠２０２５ => meta.year.ptl',
    ],
  },
  {
    name: 'written comparisons',
    src: 'target 不低于 55%\ntarget 不少于 3\ntarget 不高于 8\ntarget 不超过 9\ntarget 约 3.3万\ntarget 约3.3万',
    expect: [
      '不低于 => keyword.operator.comparison.word.ptl',
      '不少于 => keyword.operator.comparison.word.ptl',
      '不高于 => keyword.operator.comparison.word.ptl',
      '不超过 => keyword.operator.comparison.word.ptl',
      '约 => keyword.operator.comparison.word.ptl',
      '约#2 => keyword.operator.comparison.word.ptl',
      '3.3万#2 => constant.numeric.decimal.ptl',
    ],
  },
  {
    name: 'no value: a dash',
    src: 'baseline — @2020\nactual - @2025\n基础值 —— @2020\nbaseline 10 - 2 @2020\nactual: - }',
    expect: [
      '— => constant.language.none.ptl',
      '- => constant.language.none.ptl',
      '—— => constant.language.none.ptl',
      '-#2 => keyword.operator.arithmetic.ptl',
      '-#3 => constant.language.none.ptl',
    ],
  },
  {
    name: 'level and direction values are constants there and identifiers elsewhere',
    src: 'level 省\n层级 city\ndirection decrease\n方向 上升\nparent 省意见\ncheck 增加 >= 1',
    expect: [
      '省 => constant.language.level.ptl',
      'city => constant.language.level.ptl',
      'decrease => constant.language.direction.ptl',
      '上升 => constant.language.direction.ptl',
      '省意见 => variable.other.ptl',
      '增加 => variable.other.ptl',
    ],
  },
  {
    name: 'citations',
    src: 'cite row 1\ncite "003_3951c9a6444b22c2.txt" line 37\n引用 行 5\n引用 "004.txt" 行号 12\ncite 专栏2 row 3\ncite "到2025年,养老机构护理型床位占比不低于55%"',
    expect: [
      'row => keyword.other.citation.row.ptl',
      'line => keyword.other.citation.line.ptl',
      '行 => keyword.other.citation.row.ptl',
      '行号 => keyword.other.citation.line.ptl',
      '37 => constant.numeric.decimal.ptl',
      '"到2025年,养老机构护理型床位占比不低于55%" => string.quoted.double.ptl !keyword !constant',
    ],
  },
  {
    name: 'suppression directives in comments',
    src: '// ptl-disable-next-line target-regresses -- 规划原文如此\n/* ptl-disable-next-line unit-mismatch, check-failed -- 口径不同 */ indicator X {\n}\n// ptl-disable-next-line',
    expect: [
      'ptl-disable-next-line => keyword.control.directive.suppression.ptl comment.line.double-slash.ptl',
      'target-regresses => constant.other.rule-id.ptl comment.line',
      '-- => punctuation.separator.reason.ptl',
      '规划原文如此 ~> comment.line.double-slash.ptl meta.reason.ptl',
      'ptl-disable-next-line#2 => keyword.control.directive.suppression.ptl comment.block.ptl',
      'unit-mismatch => constant.other.rule-id.ptl',
      'check-failed => constant.other.rule-id.ptl',
      '口径不同 ~> comment.block.ptl !punctuation',
      '*/ => punctuation.definition.comment.end.ptl',
      'indicator => storage.type.indicator.ptl !comment',
      'ptl-disable-next-line#3 => keyword.control.directive.suppression.ptl',
    ],
  },
  {
    name: 'comments hide keywords, across lines too',
    src: '// 约束性 target 不低于 55%\n/* 指标\n   unit % */ unit 元',
    expect: ['约束性 ~> comment.line.double-slash.ptl !keyword', '指标 ~> comment.block.ptl !storage', 'unit % ~> comment.block.ptl !keyword', 'unit#2 => keyword.other.field.unit.ptl !comment', '元 => keyword.other.unit.ptl'],
  },
  {
    name: 'region markers for folding',
    src: '// #region 主要指标\n// #endregion',
    expect: ['#region => keyword.control.region.ptl', '#endregion => keyword.control.region.ptl'],
  },
  {
    name: 'CRLF line ends and full-width punctuation',
    src: '指标 低保 ｛\r\n  单位：%\r\n  约束性\r\n｝\r\n',
    expect: ['｛ => punctuation.section.block.begin.ptl', '： => punctuation.separator.colon.ptl', '% => keyword.other.unit.ptl', '约束性 => keyword.control.attribute.binding.ptl', '｝ => punctuation.section.block.end.ptl'],
  },
];

describe('snippets', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const tokens = tokenize(grammar, c.src);
    for (const e of c.expect) expectScopes(c.src, e, tokens);
  });
});

// ——— a whole file ———

describe('the Xuchang fixture', () => {
  const src = readFileSync(new URL('./fixtures/xuchang.ptl', import.meta.url), 'utf8');

  it('scopes every visible character', () => {
    const bare = tokenize(grammar, src).filter((t) => t.text.trim() !== '' && t.scopes.length === 1);
    expect(describeTokens(bare)).toBe('');
  });

  it('scopes what a drafter reads', () => {
    const tokens = tokenize(grammar, src);
    for (const e of [
      '许昌民政十四五 => entity.name.type.plan.ptl',
      '专栏2 => entity.name.type.table.ptl',
      '护理型床位占比 => entity.name.function.indicator.ptl',
      'binding => keyword.control.attribute.binding.ptl',
      '约束性 => keyword.control.attribute.binding.ptl',
      '目标值不低于98% ~> !variable !entity',
      'value-differs-from-source => constant.other.rule-id.ptl',
      '容差 => keyword.other.within.ptl',
      '城乡低保比.target@2025 ~> !string',
      'target@2025 ~> !variable',
    ]) {
      expectScopes(src, e, tokens);
    }
  });
});
