/**
 * Hover: what the thing under the cursor means, in the plan's own terms. On an
 * indicator (its id or a reference to it): official name, attribute in plain
 * words, baseline → target with the change and the yearly pace it needs,
 * actuals and status, and the plan passage it was copied from.
 */
import type * as A from '../../../../grammar/src/ast';
import { KEYWORD_BY_SPELLING } from '../../../../grammar/src/words';
import type { KeywordId } from '../../../../grammar/src/keywords';
import type { Localized } from '../../../../grammar/src/message';
import type { Position, Range } from '../../../../grammar/src/range';
import type { FileAnalysis } from '../analyze';
import { evaluate, measureValue } from '../evaluate';
import type { IndicatorSymbol, Measure, SeriesSymbol, ValueSymbol } from '../model';
import { STATUS_LABELS, type TargetStatus } from '../status';
import { convert, describeUnit, formatUnit, isPercentLike, parseUnitText, sameUnit, unitFromExpr, sameDimension, type Unit } from '../units';
import { ATTRIBUTE_WORDS, OP_TEXT, baseName, formatNumber, joinLocalized, quote, signed, withUnit } from './text';
import { itemAt, ownerSymbol, segmentAt, symbolOf, type Item } from './walk';
import { declarationOf, indicatorPassage, resolveCitation, type FeatureWorkspace, type Passage, NO_WORKSPACE } from './workspace';

export interface HoverResult {
  range: Range;
  /** Markdown. */
  contents: Localized;
}

export function hover(analysis: FileAnalysis, position: Position, ws: FeatureWorkspace = NO_WORKSPACE): HoverResult | undefined {
  const offset = analysis.parse.lines.offsetAt(position);
  const item = itemAt(analysis.parse.file, offset);
  if (!item) return undefined;
  const contents = hoverItem(analysis, item, offset, ws);
  return contents ? { range: analysis.parse.lines.rangeOfSpan(item.node), contents } : undefined;
}

function hoverItem(analysis: FileAnalysis, item: Item, offset: number, ws: FeatureWorkspace): Localized | undefined {
  switch (item.type) {
    case 'declId': {
      const symbol = symbolOf(analysis, item.decl);
      if (symbol) return describeSymbol(analysis, symbol, ws);
      if (item.decl.kind === 'Table') return describeTable(analysis, item.decl);
      if (item.decl.kind === 'Plan') return describePlan(analysis);
      return undefined;
    }
    case 'reference':
      return describeReference(analysis, item.node, offset, ws);
    case 'number':
      return describeNumber(analysis, item);
    case 'unit':
      return describeUnitHover(item.node);
    case 'attribute':
      return describeAttribute(item.node);
    case 'citation':
      return describeCitation(analysis, item.node, ownerSymbol(analysis, item), ws);
    case 'keyword': {
      const id = KEYWORD_BY_SPELLING.get(item.node.text);
      return id ? describeKeyword(id, item.node.text) : undefined;
    }
    case 'alias': {
      const use = item.use;
      const imported = analysis.imports.get(item.node.name);
      const title = imported?.plan?.title ?? use.path?.value ?? '';
      return {
        zh: `**${item.node.name}**：导入的规划「${title}」（${use.path?.value ?? ''}），用 \`${item.node.name}.指标\` 引用其中的指标`,
        en: `**${item.node.name}**: the imported plan “${title}” (${use.path?.value ?? ''}); refer to its indicators as \`${item.node.name}.id\``,
      };
    }
    case 'string':
      if (item.role === 'source' || item.role === 'use' || item.role === 'cite-file') {
        const resolved = ws.resolvePath(analysis.path, item.node.value);
        return resolved
          ? { zh: `文件 \`${resolved}\``, en: `File \`${resolved}\`` }
          : { zh: `找不到文件「${item.node.value}」，或它在工作区之外`, en: `“${item.node.value}” was not found or lies outside the workspace` };
      }
      return undefined;
    case 'comparison':
      return describeComparison(item.node);
    default:
      return undefined;
  }
}

// ---- indicators and series ----

export function describeSymbol(analysis: FileAnalysis | undefined, symbol: ValueSymbol, ws: FeatureWorkspace): Localized {
  return symbol.kind === 'indicator' ? describeIndicator(analysis, symbol, ws) : describeSeries(symbol);
}

function unitTextOf(symbol: ValueSymbol): string | undefined {
  return symbol.unitField?.unit?.text;
}

function describeIndicator(analysis: FileAnalysis | undefined, indicator: IndicatorSymbol, ws: FeatureWorkspace): Localized {
  const unitText = unitTextOf(indicator);
  currentText = analysis?.text ?? '';
  const lines: Localized[] = [];
  const title = indicator.name ? ` — ${indicator.name}` : '';
  lines.push({ zh: `**${indicator.id}**${title}`, en: `**${indicator.id}**${title}` });
  if (indicator.attribute) lines.push({ zh: `*${ATTRIBUTE_WORDS[indicator.attribute].zh}*`, en: `*${ATTRIBUTE_WORDS[indicator.attribute].en}*` });
  else lines.push({ zh: '*未标明属性（约束性或预期性）*', en: '*No attribute (binding or anticipatory) given*' });
  const facts: Localized[] = [];
  if (indicator.unit && unitText) {
    const d = describeUnit(indicator.unit);
    facts.push({ zh: `单位：${unitText}（${d.zh}）`, en: `Unit: ${unitText} (${d.en})` });
  }
  if (indicator.table?.id) facts.push({ zh: `所属专栏：${indicator.table.id.name}${indicator.table.title ? ` ${indicator.table.title.value}` : ''}`, en: `Table: ${indicator.table.id.name}${indicator.table.title ? ` ${indicator.table.title.value}` : ''}` });
  const resolve = analysis?.resolve;
  const statuses = analysis?.statuses.filter((s) => s.indicator === indicator) ?? [];
  const baseline = indicator.baselines[0];
  const baseValue = baseline && resolve ? valueOf(indicator, baseline, resolve) : undefined;
  const baseYear = baseline?.years.at(-1);
  for (const target of indicator.targets) {
    facts.push(targetLine(indicator, target, baseline, baseValue, baseYear, unitText, resolve));
  }
  if (indicator.targets.length === 0 && baseline) facts.push(measureLine({ zh: '基础值', en: 'Baseline' }, baseline, baseValue, unitText));
  for (const actual of indicator.actuals) {
    const value = resolve ? valueOf(indicator, actual, resolve) : undefined;
    facts.push(measureLine({ zh: '完成值', en: 'Actual' }, actual, value, unitText));
  }
  for (const s of statuses) facts.push(statusLine(s, unitText));
  if (indicator.derive?.expr) facts.push(exprLine({ zh: '推导', en: 'Derived' }, indicator.derive.expr, indicator, analysis));
  if (indicator.aligns?.expr) facts.push(exprLine({ zh: '对标上级', en: 'Aligns with' }, indicator.aligns.expr, indicator, analysis));
  for (const note of indicator.notes) facts.push({ zh: `备注：${note}`, en: `Note: ${note}` });
  if (facts.length) lines.push(joinLocalized(facts.map((f) => ({ zh: `- ${f.zh}`, en: `- ${f.en}` }))));
  const passage = analysis ? indicatorPassage(analysis, indicator, ws) : undefined;
  if (passage) lines.push(passageText(passage));
  return joinLocalized(lines, '\n\n');
}

function valueOf(indicator: IndicatorSymbol, m: Measure, resolve: FileAnalysis['resolve']): number | undefined {
  const r = measureValue(indicator, m, resolve);
  return r?.ok ? r.quantity.value : undefined;
}

function measureText(m: Measure, value: number | undefined, unitText: string | undefined): Localized {
  if (m.none) return { zh: '—（规划未给出）', en: '— (none given)' };
  if (m.text !== undefined) return { zh: `「${m.text}」`, en: `“${m.text}”` };
  const op = OP_TEXT[m.op];
  const year = yearText(m);
  if (value === undefined) {
    const raw = m.expr ? exprSource(m) : '?';
    return { zh: `${op.zh}${raw}${year}`, en: `${op.en}${raw}${year}` };
  }
  const literal = m.expr?.kind === 'Number';
  const v = withUnit(value, unitText);
  const shown = literal ? v : `${exprSource(m)} = ${v}`;
  return { zh: `${op.zh}${shown}${year}`, en: `${op.en}${shown}${year}` };
}

let currentText = '';

function exprSource(m: Measure): string {
  if (!m.expr) return '?';
  return m.expr.kind === 'Number' ? m.expr.raw : currentText.slice(m.expr.start, m.expr.end) || '…';
}

function yearText(m: Measure): string {
  const y = m.field.year;
  if (!y) return '';
  return y.to !== undefined ? ` @${y.from}..${y.to}` : ` @${y.from}`;
}

function measureLine(label: Localized, m: Measure, value: number | undefined, unitText: string | undefined): Localized {
  const t = measureText(m, value, unitText);
  return { zh: `${label.zh} ${t.zh}`, en: `${label.en} ${t.en}` };
}

function targetLine(indicator: IndicatorSymbol, target: Measure, baseline: Measure | undefined, baseValue: number | undefined, baseYear: number | undefined, unitText: string | undefined, resolve: FileAnalysis['resolve'] | undefined): Localized {
  const targetValue = resolve ? valueOf(indicator, target, resolve) : undefined;
  const t = measureText(target, targetValue, unitText);
  if (!baseline) return { zh: `目标值 ${t.zh}`, en: `Target ${t.en}` };
  const b = measureText(baseline, baseValue, unitText);
  let line: Localized = { zh: `基础值 ${b.zh} → 目标值 ${t.zh}`, en: `Baseline ${b.en} → target ${t.en}` };
  const targetYear = target.years.at(-1);
  if (baseValue !== undefined && targetValue !== undefined && baseYear !== undefined && targetYear !== undefined && targetYear > baseYear) {
    const change = targetValue - baseValue;
    const years = targetYear - baseYear;
    const points = indicator.unit !== undefined && isPercentLike(indicator.unit);
    const unitZh = points ? ' 个百分点' : unitText ? ` ${unitText}` : '';
    const unitEn = points ? ' percentage points' : unitText ? ` ${unitText}` : '';
    const pace = change / years;
    let zh = `，变化 ${signed(change)}${unitZh}，需每年 ${signed(pace)}${unitZh}`;
    let en = `: change ${signed(change)}${unitEn}, ${signed(pace)}${unitEn} a year needed`;
    if (!points && baseValue > 0 && targetValue > 0) {
      const rate = (Math.pow(targetValue / baseValue, 1 / years) - 1) * 100;
      zh += `（年均增长 ${formatNumber(Number(rate.toFixed(2)))}%）`;
      en += ` (${formatNumber(Number(rate.toFixed(2)))}% compound a year)`;
    }
    line = { zh: line.zh + zh, en: line.en + en };
  }
  return line;
}

function statusLine(s: TargetStatus, unitText: string | undefined): Localized {
  const label = STATUS_LABELS[s.status];
  const target = `${OP_TEXT[s.target.op].zh}${withUnit(s.targetValue, unitText)}`;
  const targetEn = `${OP_TEXT[s.target.op].en}${withUnit(s.targetValue, unitText)}`;
  if (!s.actual) return { zh: `${s.year} 年目标 ${target}：**${label.zh}**`, en: `${s.year} target ${targetEn}: **${label.en}**` };
  const actual = withUnit(s.actual.value, unitText);
  const expected = s.expected !== undefined ? { zh: `，按线性进度应为 ${withUnit(s.expected, unitText)}`, en: `, straight-line progress expects ${withUnit(s.expected, unitText)}` } : { zh: '', en: '' };
  return {
    zh: `${s.year} 年目标 ${target}：**${label.zh}**（${s.actual.year} 年完成 ${actual}${expected.zh}）`,
    en: `${s.year} target ${targetEn}: **${label.en}** (${actual} in ${s.actual.year}${expected.en})`,
  };
}

function exprLine(label: Localized, expr: A.Expr, indicator: IndicatorSymbol, analysis: FileAnalysis | undefined): Localized {
  const text = analysis ? analysis.text.slice(expr.start, expr.end) : '';
  const result = analysis ? evaluate(expr, { resolve: analysis.resolve, defaultUnit: indicator.unit, visiting: new Set([indicator]) }) : undefined;
  const value = result?.ok ? ` = ${withUnit(result.quantity.value, formatUnit(result.quantity.unit) || undefined)}` : '';
  return { zh: `${label.zh}：\`${text}\`${value}`, en: `${label.en}: \`${text}\`${value}` };
}

function passageText(p: Passage): Localized {
  const where = `${baseName(p.file)}`;
  return {
    zh: `规划原文（${where} ${p.what.zh}）：\n\n${quote(p.text)}`,
    en: `Plan text (${where}, ${p.what.en}):\n\n${quote(p.text)}`,
  };
}

function describeSeries(series: SeriesSymbol): Localized {
  const unitText = unitTextOf(series);
  const head = `**${series.id}**${series.name ? ` — ${series.name}` : ''}`;
  const facts: Localized[] = [{ zh: '外部统计序列', en: 'An outside statistic (series)' }];
  if (series.unit && unitText) facts.push({ zh: `单位：${unitText}（${describeUnit(series.unit).zh}）`, en: `Unit: ${unitText} (${describeUnit(series.unit).en})` });
  for (const v of series.values) {
    const r = v.expr ? evaluate(v.expr, { resolve: () => undefined, defaultUnit: series.unit }) : undefined;
    const value = r?.ok ? withUnit(r.quantity.value, unitText) : '?';
    facts.push({ zh: `${value}${yearText(v)}`, en: `${value}${yearText(v)}` });
  }
  if (series.values.length === 0) facts.push({ zh: '未给出数值', en: 'No values given' });
  return { zh: `${head}\n\n${facts.map((f) => `- ${f.zh}`).join('\n')}`, en: `${head}\n\n${facts.map((f) => `- ${f.en}`).join('\n')}` };
}

function describeTable(analysis: FileAnalysis, table: A.TableDecl): Localized {
  const n = analysis.model.indicators.filter((i) => i.table === table).length;
  const title = table.title ? ` — ${table.title.value}` : '';
  return { zh: `**${table.id?.name ?? ''}**${title}\n\n专栏，${n} 个指标`, en: `**${table.id?.name ?? ''}**${title}\n\nTable with ${n} indicators` };
}

function describePlan(analysis: FileAnalysis): Localized {
  const plan = analysis.model.plan;
  if (!plan) return { zh: '', en: '' };
  const period = plan.period ? `${plan.period.from}–${plan.period.to}` : '';
  return {
    zh: `**${plan.id ?? ''}** — ${plan.title ?? ''}\n\n- 期间：${period || '未给出'}\n- 地区：${plan.region ?? '未给出'}\n- 规划文本：${plan.source?.path?.value ?? '未给出'}\n- 指标 ${analysis.model.indicators.length} 个`,
    en: `**${plan.id ?? ''}** — ${plan.title ?? ''}\n\n- Period: ${period || 'not given'}\n- Region: ${plan.region ?? 'not given'}\n- Plan text: ${plan.source?.path?.value ?? 'not given'}\n- ${analysis.model.indicators.length} indicators`,
  };
}

// ---- references ----

function describeReference(analysis: FileAnalysis, ref: A.Reference, offset: number, ws: FeatureWorkspace): Localized | undefined {
  const segment = segmentAt(ref, offset);
  const head = ref.path[0]?.name;
  if (segment === 0 && ref.path.length > 1 && head !== undefined && analysis.imports.has(head)) {
    const imported = analysis.imports.get(head)!;
    return { zh: `**${head}**：导入的规划「${imported.plan?.title ?? ''}」`, en: `**${head}**: the imported plan “${imported.plan?.title ?? ''}”` };
  }
  const declared = declarationOf(analysis, ref, ws);
  if (!declared) {
    const name = ref.path.map((p) => p.name).join('.');
    return { zh: `找不到「${name}」`, en: `“${name}” is not declared` };
  }
  const body = describeSymbol(declared.analysis, declared.symbol, ws);
  const result = evaluate(ref, { resolve: analysis.resolve, year: ref.year?.from });
  const written = analysis.text.slice(ref.start, ref.end);
  const value: Localized = result.ok
    ? { zh: `\`${written}\` 在此取值 ${withUnit(result.quantity.value, formatUnit(result.quantity.unit) || undefined)}`, en: `\`${written}\` evaluates to ${withUnit(result.quantity.value, formatUnit(result.quantity.unit) || undefined)} here` }
    : { zh: `\`${written}\` 在此没有可用的数值`, en: `\`${written}\` has no value here` };
  const where: Localized = declared.file !== analysis.path ? { zh: `（定义于 ${baseName(declared.file)}）`, en: ` (declared in ${baseName(declared.file)})` } : { zh: '', en: '' };
  return { zh: `${value.zh}${where.zh}\n\n---\n\n${body.zh}`, en: `${value.en}${where.en}\n\n---\n\n${body.en}` };
}

// ---- numbers and units ----

function describeNumber(analysis: FileAnalysis, item: Extract<Item, { type: 'number' }>): Localized {
  const n = item.node;
  const symbol = ownerSymbol(analysis, item);
  const ownerUnitText = symbol?.unitField?.unit?.text;
  const ownerUnit = symbol?.unit;
  const lines: Localized[] = [];
  const scaled = n.scale ? `${n.raw.replace(/[%‰].*$/, '')} = ${formatNumber(n.value)}` : formatNumber(n.value);
  lines.push({ zh: `**${scaled}**`, en: `**${scaled}**` });
  if (n.unit) {
    const unit = unitFromExpr(n.unit);
    lines.push({ zh: `自带单位 ${n.unit.text}（${describeUnit(unit).zh}）`, en: `In its own unit ${n.unit.text} (${describeUnit(unit).en})` });
    if (ownerUnit && ownerUnitText && !sameUnit(unit, ownerUnit)) {
      const c = convert(n.value, unit, ownerUnit);
      lines.push(c === undefined
        ? { zh: `无法换算为指标的单位 ${ownerUnitText}`, en: `Cannot be converted to the indicator's unit ${ownerUnitText}` }
        : { zh: `换算为指标的单位：${withUnit(c, ownerUnitText)}`, en: `In the indicator's unit: ${withUnit(c, ownerUnitText)}` });
    }
  } else if (ownerUnit && ownerUnitText && item.field && item.field.kind === 'Field' && item.field.field !== 'derive' && item.field.field !== 'aligns') {
    lines.push({ zh: `按指标的单位：${withUnit(n.value, ownerUnitText)}`, en: `In the indicator's unit: ${withUnit(n.value, ownerUnitText)}` });
    if (Math.abs(ownerUnit.scale - 1) > 1e-12 && !isPercentLike(ownerUnit)) {
      const base = baseUnitText(ownerUnit);
      if (base) {
        const v = convert(n.value, ownerUnit, parseUnitText(base)!);
        if (v !== undefined) lines.push({ zh: `即 ${withUnit(v, base)}`, en: `that is ${withUnit(v, base)}` });
      }
    }
  }
  return joinLocalized(lines, '\n\n');
}

function baseUnitText(unit: Unit): string | undefined {
  const text = formatUnit({ scale: 1, dims: unit.dims });
  return text && parseUnitText(text) ? text : undefined;
}

const CONVERSION_CANDIDATES = [
  '%', '‰', '倍', '元', '万元', '亿元', '元/人·月', '元/人·年', '元/月', '元/年', '万元/人·年', '人', '万人', '千人', '户', '万户',
  '平方米', '亩', '公顷', '平方公里', '米', '公里', '年', '月', '日', '千克', '吨',
];

function describeUnitHover(node: A.UnitExpr): Localized {
  const unit = unitFromExpr(node);
  const d = describeUnit(unit);
  const conversions: string[] = [];
  for (const text of CONVERSION_CANDIDATES) {
    const other = parseUnitText(text);
    if (!other || !sameDimension(other, unit) || sameUnit(other, unit)) continue;
    const v = convert(1, unit, other);
    if (v !== undefined) conversions.push(`1 ${node.text} = ${withUnit(v, text)}`);
    if (conversions.length >= 4) break;
  }
  const conv = conversions.length ? `\n\n${conversions.map((c) => `- ${c}`).join('\n')}` : '';
  return { zh: `**${node.text}**：${d.zh}${conv}`, en: `**${node.text}**: ${d.en}${conv}` };
}

// ---- keywords, attributes, citations ----

function describeAttribute(field: A.AttributeField): Localized {
  const other = field.attribute === 'binding' ? 'binding / 约束性' : 'anticipatory / 预期性';
  const more: Localized = field.attribute === 'binding'
    ? { zh: '政府承诺并须以自身手段实现；未实现是错误，不能用注释抑制。', en: 'The government commits to it and must achieve it through its own means; missing it is an error that no comment can suppress.' }
    : { zh: '期望的发展方向，政府引导但不保证；未实现是警告。', en: 'An expected direction the government steers towards but does not guarantee; missing it is a warning.' };
  const words = ATTRIBUTE_WORDS[field.attribute];
  return { zh: `**${words.zh}**（${other}）\n\n${more.zh}`, en: `**${words.en}** (${other})\n\n${more.en}` };
}

function describeCitation(analysis: FileAnalysis, cite: A.Citation, owner: ValueSymbol | undefined, ws: FeatureWorkspace): Localized {
  const passage = resolveCitation(analysis, cite, owner?.kind === 'indicator' ? owner : undefined, ws);
  if (!passage) return { zh: '引用无法在规划文本中找到', en: 'The citation does not resolve in the plan text' };
  return passageText(passage);
}

function describeComparison(node: A.Comparison): Localized {
  const words: Record<A.ComparisonOp, Localized> = {
    '>=': { zh: '不低于（≥）', en: 'at least (≥)' },
    '<=': { zh: '不高于（≤）', en: 'at most (≤)' },
    '>': { zh: '高于（>）', en: 'more than (>)' },
    '<': { zh: '低于（<）', en: 'less than (<)' },
    '=': { zh: '等于（=）', en: 'equal to (=)' },
    '~': { zh: '约等于（~），容差由配置决定，默认 ±5%', en: 'approximately (~), within the configured tolerance, ±5% by default' },
  };
  return words[node.op];
}

const KEYWORD_DOCS: Partial<Record<KeywordId, Localized>> = {
  plan: { zh: '本文件描述的规划：来源文本、期间、地区', en: 'The plan this file describes: source text, period, region' },
  use: { zh: '导入另一个 .ptl 文件，用 `别名.指标` 引用', en: 'Imports another .ptl file; refer to its indicators as `alias.id`' },
  series: { zh: '外部统计量（人口、消费增速），供目标引用', en: 'An outside quantity (population, consumption growth) targets refer to' },
  table: { zh: '专栏：与规划中的表格对应的一组指标', en: 'A table (专栏) of indicators, as in the plan' },
  indicator: { zh: '一个指标：名称、单位、基础值、目标值、属性、完成值', en: 'One indicator: name, unit, baseline, target, attribute, actuals' },
  check: { zh: '量之间的断言，用于规划中写明或隐含的算术', en: 'An assertion between quantities, for arithmetic the plan states or implies' },
  name: { zh: '规划中写的正式名称', en: 'The official name as written in the plan' },
  unit: { zh: '单位，如 %、元/人·月、万人', en: 'The unit, e.g. %, 元/人·月, 万人' },
  baseline: { zh: '基础值（通常为 2020 年）；`—` 表示规划未给出', en: 'The base value (usually 2020); `—` records that the plan gives none' },
  target: { zh: '目标值，可重复（阶段目标）；`@Y1..Y2` 表示每一年', en: 'A target, repeatable (milestones); `@Y1..Y2` means each year' },
  actual: { zh: '完成值（实际观测值）', en: 'An observed value (actual)' },
  value: { zh: '序列在某年的数值', en: 'A value of the series for a year' },
  direction: { zh: '方向：increase 或 decrease；省略时由基础值和目标值推断', en: 'increase or decrease; inferred from baseline and target when omitted' },
  derive: { zh: '由其他指标计算得出；声明的数值会与之核对', en: 'Computed from other indicators; declared values are checked against it' },
  aligns: { zh: '对应上级规划的指标（或其表达式）；目标不得弱于上级', en: 'Implements a parent plan’s indicator (or an expression of them); the target may not be weaker' },
  cite: { zh: '引用规划原文：`row N`、`专栏 row N`、`line N` 或 "原文"', en: 'Cites the plan text: `row N`, `TABLE row N`, `line N` or a quoted "passage"' },
  note: { zh: '悬停时显示的备注', en: 'Free text shown on hover' },
  source: { zh: '规划文本文件，相对本文件所在目录', en: 'The plan’s text file, relative to this file’s folder' },
  period: { zh: '规划期间，如 2021..2025', en: 'The plan period, e.g. 2021..2025' },
  region: { zh: '规划适用的地区', en: 'The region the plan applies to' },
  level: { zh: '层级：nation、province、city、county', en: 'Level: nation, province, city, county' },
  parent: { zh: '上级规划', en: 'The parent plan' },
  row: { zh: '专栏中的第 N 行（按序号）', en: 'Row N of the table (by its number)' },
  line: { zh: '规划文本的第 N 行（从 1 开始）', en: 'Line N of the plan text (1-based)' },
  within: { zh: '校验允许的相对误差', en: 'The relative difference a check allows' },
  as: { zh: '导入文件的别名', en: 'The alias of the imported file' },
  ge: { zh: '不低于（≥）', en: 'at least (≥)' },
  le: { zh: '不高于（≤）', en: 'at most (≤)' },
  approx: { zh: '约等于（~）', en: 'approximately (~)' },
};

function describeKeyword(id: KeywordId, written: string): Localized | undefined {
  const doc = KEYWORD_DOCS[id];
  if (!doc) return undefined;
  return { zh: `**${written}**：${doc.zh}`, en: `**${written}**: ${doc.en}` };
}
