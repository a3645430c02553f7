/**
 * The editor features, data-driven: a fixture with a `<|>` cursor, the feature,
 * and what the user sees (Chinese unless the case says en).
 */
import { describe, expect, it } from 'vitest';
import * as F from '../../server/src/analysis/features';
import { fixture, PLAN, SEED } from './helpers';

const OTHER = 'plan 省意见 "河南省意见" { period 2021..2025 }\nindicator 低保标准 { unit 元/人·月 target >= 500 @2025 binding }\n';

const BEDS = `${PLAN}
use "other.ptl" as 省
series 老年人口 { unit 万人 value 95 @2025 }
table 专栏2 "主要指标" {
  indicator 护理型床位占比 {
    name "养老机构护理型床位占比"
    unit %
    baseline 31.1 @2020
    target >= 55 @2025
    actual 50 @2023
    binding
    cite row 4
  }
  indicator 床位 {
    unit 张
    baseline 3.3万 @2020
    target >= 老年人口 * 35 张/千人 @2025
    anticipatory
  }
  indicator 低保 {
    unit 元/人·年
    target >= 6672 @2025
    aligns 省.低保标准
    预期性
  }
}
`;

const at = (marker: string, replacement = marker.replace('<|>', '')) => BEDS.replace(replacement, marker);

const HOVERS: Array<[string, string, 'zh' | 'en', string]> = [
  ['a number with a scale', at('3.3<|>万'), 'zh', '**3.3万 = 33,000**\n\n按指标的单位：33,000 张'],
  ['a number in a scaled unit', at('value 9<|>5'), 'en', '**95**\n\nIn the indicator\'s unit: 95 万人\n\nthat is 950,000 人'],
  ['a unit', at('unit 元/人<|>·年'), 'zh', '**元/人·年**：货币/人口/时间\n\n- 1 元/人·年 = 0.083333 元/人·月\n- 1 元/人·年 = 0.0001 万元/人·年'],
  ['an attribute keyword', at('预期<|>性'), 'en', '**Anticipatory: an expected direction, steered but not guaranteed** (anticipatory / 预期性)\n\nAn expected direction the government steers towards but does not guarantee; missing it is a warning.'],
  ['a keyword', at('unit <|>%'.replace('<|>', '') === 'unit %' ? 'un<|>it %' : ''), 'zh', '**unit**：单位，如 %、元/人·月、万人'],
  ['a citation', at('cite row <|>4'), 'zh', `规划原文（${SEED} 专栏2 第 4 行（第 269 行））：\n\n> 4 │ 养老机构护理型床位占比(%) │ 31.1 │ ≥55 │ 约束性`],
];

describe('hover', () => {
  it.each(HOVERS)('on %s', (_name, text, locale, expected) => {
    const f = fixture(text, { 'other.ptl': OTHER });
    const h = F.hover(f.analysis, f.position, f.ws);
    expect(h?.contents[locale]).toBe(expected);
  });

  it('on a reference shows its value here and the indicator it names', () => {
    const f = fixture(at('aligns 省.低保<|>标准'), { 'other.ptl': OTHER });
    const h = F.hover(f.analysis, f.position, f.ws)!;
    expect(h.contents.zh.split('\n\n---\n\n')[0]).toBe('`省.低保标准` 在此取值 500 元/人·月（定义于 other.ptl）');
    expect(h.contents.zh).toContain('**低保标准**');
    expect(h.contents.zh).toContain('*约束性：政府必须完成*');
  });

  it('on an indicator gives the pace and the status against straight-line progress', () => {
    const f = fixture(at('indicator 护理<|>型床位占比'), { 'other.ptl': OTHER });
    const h = F.hover(f.analysis, f.position, f.ws)!;
    expect(h.contents.zh).toContain('- 基础值 31.1% @2020 → 目标值 ≥ 55% @2025，变化 +23.9 个百分点，需每年 +4.78 个百分点');
    expect(h.contents.zh).toContain('- 2025 年目标 ≥ 55%：**快于预期**（2023 年完成 50%，按线性进度应为 45.44%）');
  });
});

const COMPLETIONS: Array<[string, string, string[], string[]]> = [
  ['units after unit', BEDS.replace('unit 张', 'unit <|>'), ['%', '‰', '倍', '元'], []],
  ['imported indicators after an alias', BEDS.replace('aligns 省.低保标准', 'aligns 省.<|>'), ['低保标准'], ['护理型床位占比']],
  ['references in an expression', BEDS.replace('>= 老年人口 * 35', '>= <|>老年人口 * 35'), ['低保', '床位', '护理型床位占比', '老年人口', '省', '省.低保标准'], []],
  ['top-level declarations in Chinese first for a Chinese file', '规划 P "t" {\n  来源 "x.txt"\n}\n<|>', ['规划', '导入', '序列', '专栏', '指标', '校验', 'plan'], []],
];

describe('completion', () => {
  it.each(COMPLETIONS)('%s', (_name, text, first, absent) => {
    const f = fixture(text, { 'other.ptl': OTHER });
    const labels = F.completion(f.analysis, f.position).sort((a, b) => a.sortText.localeCompare(b.sortText)).map((c) => c.label);
    expect(labels.slice(0, first.length)).toEqual(first);
    for (const a of absent) expect(labels).not.toContain(a);
  });

  it('offers an undeclared plan row as a whole indicator block', () => {
    const f = fixture(BEDS.replace('  indicator 床位 {', '  <|>\n  indicator 床位 {'), { 'other.ptl': OTHER });
    const row = F.completion(f.analysis, f.position).find((c) => c.label === '残疾人“两项补贴”覆盖率')!;
    expect(row.insertText).toBe('  indicator 残疾人两项补贴覆盖率 {\n    name     "残疾人“两项补贴”覆盖率"\n    unit     %\n    baseline 99 @2020\n    target   100 @2025\n    binding\n    cite     专栏2 row 3\n  }\n');
    expect(row.range).toEqual({ start: { line: 17, character: 0 }, end: { line: 17, character: 2 } });
  });
});

describe('navigation', () => {
  it('goes to an imported indicator', () => {
    const f = fixture(at('aligns 省.低保<|>标准'), { 'other.ptl': OTHER });
    expect(F.definition(f.analysis, f.position, f.ws)).toEqual([{ file: '/ws/other.ptl', range: { start: { line: 1, character: 10 }, end: { line: 1, character: 14 } } }]);
  });

  it('goes from an indicator into the plan text', () => {
    const f = fixture(at('indicator 护理<|>型床位占比'), { 'other.ptl': OTHER });
    expect(F.definition(f.analysis, f.position, f.ws)).toEqual([{ file: `/ws/${SEED}`, range: { start: { line: 268, character: 0 }, end: { line: 268, character: 0 } } }]);
  });

  it('finds references across files and renames them', () => {
    const f = fixture(OTHER.replace('indicator 低保标准', 'indicator 低保<|>标准'), { 'main2.ptl': `use "main.ptl" as 省\nindicator x { unit 元/人·月 target >= 省.低保标准 @2025 binding }\n` });
    const refs = F.references(f.analysis, f.position, true, f.ws);
    expect(refs.map((r) => `${r.file}:${r.range.start.line}:${r.range.start.character}`)).toEqual(['/ws/main.ptl:1:10', '/ws/main2.ptl:1:37']);
    const r = F.rename(f.analysis, f.position, '低保', f.ws);
    expect(F.isRenameError(r) ? r : r.edits.map((e) => e.newText)).toEqual(['低保', '低保']);
    expect(F.prepareRename(f.analysis, { line: 1, character: 2 }, f.ws)).toEqual({ error: { zh: '这里不是可以重命名的指标或序列名', en: 'Only indicator and series ids can be renamed' } });
  });

  it('looks for references only in the files that import the declaring one, and highlights from this file alone', () => {
    const importer = `use "main.ptl" as 省\nindicator x { unit 元/人·月 target >= 省.低保标准 @2025 binding }\n`;
    const f = fixture(OTHER.replace('indicator 低保标准', 'indicator 低保<|>标准'), { 'main2.ptl': importer, 'unrelated.ptl': OTHER });
    const asked: string[] = [];
    // In a workspace of thousands of plans, reading every analysis is seconds of work: neither request may.
    const ws: F.FeatureWorkspace = {
      ...f.ws,
      analyses: () => { throw new Error('every analysis read'); },
      importers: (path) => (asked.push(path), f.ws.analyses().filter((a) => a.path === '/ws/main2.ptl')),
    };
    expect(F.references(f.analysis, f.position, false, ws).map((r) => `${r.file}:${r.range.start.line}:${r.range.start.character}`)).toEqual(['/ws/main2.ptl:1:37']);
    expect(asked).toEqual(['/ws/main.ptl']);
    expect(F.highlights(f.analysis, f.position, { ...ws, importers: () => { throw new Error('importers read'); } })).toEqual([
      { start: { line: 1, character: 10 }, end: { line: 1, character: 14 } },
    ]);
  });
});

describe('outline', () => {
  it('nests plan › tables › indicators', () => {
    const f = fixture(BEDS, { 'other.ptl': OTHER });
    const show = (s: F.OutlineSymbol): unknown => (s.children.length ? { [`${s.kind} ${s.name}`]: s.children.map(show) } : `${s.kind} ${s.name}`);
    expect(F.documentSymbols(f.analysis).map(show)).toEqual([
      { 'plan 许昌民政十四五': ['use 省', 'series 老年人口', { 'table 专栏2': ['indicator 护理型床位占比', 'indicator 床位', 'indicator 低保'] }] },
    ]);
    expect(F.workspaceSymbols([f.analysis], '床位').map((s) => s.name)).toEqual(['护理型床位占比 — 养老机构护理型床位占比', '床位']);
  });

  it('folds blocks', () => {
    const f = fixture(BEDS, { 'other.ptl': OTHER });
    expect(F.foldingRanges(f.analysis).map((r) => `${r.startLine}-${r.endLine}`)).toEqual(['0-2', '7-28', '8-15', '17-21', '23-27']);
  });

  it('shows each target status as a code lens', () => {
    const f = fixture(BEDS, { 'other.ptl': OTHER });
    expect(F.codeLenses(f.analysis).map((l) => `${l.range.start.line}: ${l.title.zh}`)).toEqual([
      '12: 快于预期 · 2025 年目标 ≥ 55% · 2023 年完成 50%',
      '20: 暂无完成值 · 2025 年目标 ≥ 33,250 张',
      '25: 暂无完成值 · 2025 年目标 ≥ 6,672 元/人·年',
    ]);
  });

  it('shows converted and evaluated values as inlay hints', () => {
    const f = fixture(BEDS, { 'other.ptl': OTHER });
    expect(F.inlayHints(f.analysis).map((h) => `${h.position.line}:${h.position.character}${h.label}`)).toEqual([
      '19:17 = 33000',
      '20:28 = 33250 张',
      '26:17 = 6000 元/人·年',
    ]);
  });

  it('links source and use paths', () => {
    const f = fixture(BEDS, { 'other.ptl': OTHER });
    expect(F.documentLinks(f.analysis, f.ws).map((l) => l.file)).toEqual([`/ws/${SEED}`, '/ws/other.ptl']);
  });

  it('colours binding and anticipatory indicators apart', () => {
    const f = fixture(BEDS, { 'other.ptl': OTHER });
    const tokens = F.semanticTokens(f.analysis);
    const text = (t: F.SemanticToken) => f.analysis.parse.lines.lineText(t.line).slice(t.character, t.character + t.length);
    const shown = tokens.filter((t) => t.line === 8 || t.line === 14 || t.line === 20 || t.line === 27).map((t) => `${text(t)}:${t.type}${t.modifiers.length ? `.${t.modifiers.join('.')}` : ''}`);
    expect(shown).toEqual([
      'indicator:keyword', '护理型床位占比:variable.declaration.binding', 'binding:enumMember.binding',
      'target:keyword', '>=:operator', '老年人口:variable', '35:number', '张/千人:type', '2025:number.readonly',
      '预期性:enumMember.anticipatory',
    ]);
  });
});

describe('code actions', () => {
  it('imports every undeclared row at once', () => {
    const f = fixture(BEDS, { 'other.ptl': OTHER });
    const actions = F.codeActions(f.analysis, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    const all = actions.find((a) => a.title.zh.startsWith('导入规划中全部'))!;
    expect(all.title.en).toMatch(/^Import all \d+ undeclared rows of the plan$/);
    const text = all.edits[0]!.newText;
    expect(text.match(/^indicator /gm)!.length).toBe(all.findings.length);
    expect(new Set(text.match(/^indicator (\S+)/gm)).size).toBe(all.findings.length);
  });
});
