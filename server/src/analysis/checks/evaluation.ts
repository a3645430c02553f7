/**
 * Evaluation rules: targets against baselines, actuals against targets,
 * checks and derivations that must hold, and targets weaker than the parent plan's.
 */
import type * as A from '../../../../grammar/src/ast';
import type { CheckContext } from '../context';
import { compareQuantities, evaluate, measureValue, satisfies, type Quantity } from '../evaluate';
import type { IndicatorSymbol } from '../model';
import { STATUS_LABELS, targetStatuses, type TargetStatus } from '../status';
import { convert, formatUnit } from '../units';

/** One indicator's targets evaluated, with the findings they give. */
export function checkIndicatorEvaluation(ctx: CheckContext, indicator: IndicatorSymbol): TargetStatus[] {
  const statuses = targetStatuses(indicator, ctx.resolve, ctx.tolerance);
  for (const s of statuses) reportStatus(ctx, s);
  checkRegression(ctx, statuses);
  checkDerive(ctx, indicator);
  checkAligns(ctx, indicator, statuses);
  return statuses;
}

/** The file's `check` assertions. */
export function checkFileEvaluation(ctx: CheckContext): void {
  for (const check of ctx.model.checks) checkAssertion(ctx, check);
}

const fmt = (n: number): string => String(Number(n.toPrecision(6)));
const unitOf = (i: IndicatorSymbol): string => (i.unitField?.unit?.text === '%' ? '%' : i.unitField?.unit ? ` ${i.unitField.unit.text}` : '');

function reportStatus(ctx: CheckContext, s: TargetStatus): void {
  const i = s.indicator;
  const u = unitOf(i);
  const opText = s.target.opWritten && s.target.op !== '=' ? `${s.target.op} ` : '';
  if (s.status === 'missed' && s.actual) {
    const binding = i.attribute === 'binding';
    const at = s.actual.measure.expr ?? s.actual.measure.field;
    const [actual, target] = [fmt(s.actual.value), fmt(s.targetValue)];
    ctx.report(binding ? 'binding-target-missed' : 'anticipatory-target-missed', at, {
      zh: `实际值 ${actual}${u} 未达到${binding ? '约束性' : '预期性'}目标 ${opText}${target}${u}（${s.year}年）`,
      en: `The actual ${actual}${u} misses the ${binding ? 'binding' : 'anticipatory'} target ${opText}${target}${u} (${s.year})`,
    });
  }
  if (s.status === 'lagging' && s.actual && s.expected !== undefined) {
    const at = s.actual.measure.expr ?? s.actual.measure.field;
    const [actual, expected, target] = [fmt(s.actual.value), fmt(s.expected), fmt(s.targetValue)];
    ctx.report('progress-lagging', at, {
      zh: `${STATUS_LABELS.lagging.zh}：${s.actual.year}年实际值 ${actual}${u}，按线性进度应达 ${expected}${u}（目标 ${target}${u}，${s.year}年）`,
      en: `Lagging: ${actual}${u} in ${s.actual.year}, where straight-line progress would be ${expected}${u} (target ${target}${u} in ${s.year})`,
    });
  }
}

function checkRegression(ctx: CheckContext, statuses: TargetStatus[]): void {
  for (const s of statuses) {
    if (!s.baseline || !s.indicator.direction) continue;
    const worse = s.indicator.direction === 'increase' ? s.targetValue < s.baseline.value : s.targetValue > s.baseline.value;
    if (!worse) continue;
    reportRegression(ctx, s);
  }
  for (const s of statuses) {
    if (!s.baseline || s.indicator.direction) continue;
    if (!s.target.opWritten) continue;
    const declines = (s.target.op === '>=' || s.target.op === '>') && s.targetValue < s.baseline.value;
    const rises = (s.target.op === '<=' || s.target.op === '<') && s.targetValue > s.baseline.value;
    if (declines || rises) reportRegression(ctx, s);
  }
}

function reportRegression(ctx: CheckContext, s: TargetStatus): void {
  const u = unitOf(s.indicator);
  const [target, baseline] = [fmt(s.targetValue), fmt(s.baseline!.value)];
  ctx.report('target-regresses', s.target.expr ?? s.target.field, {
    zh: `目标 ${target}${u}（${s.year}年）比基期值 ${baseline}${u}（${s.baseline!.year}年）退步`,
    en: `The target ${target}${u} (${s.year}) falls back from the baseline ${baseline}${u} (${s.baseline!.year})`,
  });
}

function checkDerive(ctx: CheckContext, indicator: IndicatorSymbol): void {
  const derive = indicator.derive;
  if (!derive?.expr) return;
  // A derivation computes what the value is, so it is held against baselines and actuals;
  // a target is a commitment and may differ from today's value.
  for (const m of [...indicator.baselines, ...indicator.actuals]) {
    const year = m.years.at(-1);
    const declared = measureValue(indicator, m, ctx.resolve);
    if (!declared?.ok || year === undefined) continue;
    const computed = evaluate(derive.expr, { resolve: ctx.resolve, year, visiting: new Set([indicator]) });
    if (!computed.ok) continue;
    const value = convert(computed.quantity.value, computed.quantity.unit, declared.quantity.unit);
    if (value === undefined) {
      ctx.report('unit-mismatch', derive.expr, {
        zh: `推导式的单位 ${formatUnit(computed.quantity.unit)} 与指标单位 ${formatUnit(declared.quantity.unit)} 不相容`,
        en: `The derivation's unit ${formatUnit(computed.quantity.unit)} does not fit the indicator's ${formatUnit(declared.quantity.unit)}`,
      });
      return;
    }
    if (satisfies(declared.quantity.value, '~', value, ctx.tolerance)) continue;
    ctx.report('derive-mismatch', m.expr ?? m.field, {
      zh: `声明值 ${fmt(declared.quantity.value)} 与推导值 ${fmt(value)} 不符（${year}年）`,
      en: `The declared ${fmt(declared.quantity.value)} differs from the derived ${fmt(value)} (${year})`,
    });
  }
}

function checkAssertion(ctx: CheckContext, check: A.CheckDecl): void {
  if (!check.left || !check.right || !check.comparison) return;
  const year = ctx.model.plan?.period?.to;
  const left = evaluate(check.left, { resolve: ctx.resolve, year });
  const right = evaluate(check.right, { resolve: ctx.resolve, year });
  for (const side of [left, right]) {
    if (!side.ok && side.problem === 'unit-mismatch' && side.message) ctx.report('unit-mismatch', side.node, side.message);
  }
  if (!left.ok || !right.ok) return;
  const difference = compareQuantities(left.quantity, right.quantity);
  if (difference === undefined) {
    ctx.report('unit-mismatch', check.comparison, {
      zh: `不能比较单位不相容的量：${formatUnit(left.quantity.unit)} 与 ${formatUnit(right.quantity.unit)}`,
      en: `Cannot compare quantities in incompatible units: ${formatUnit(left.quantity.unit)} and ${formatUnit(right.quantity.unit)}`,
    });
    return;
  }
  const r = convert(right.quantity.value, right.quantity.unit, left.quantity.unit)!;
  const tolerance = check.within ? withinTolerance(check.within) : ctx.tolerance;
  const op = check.comparison.op === '=' && check.within ? '~' : check.comparison.op;
  if (satisfies(left.quantity.value, op, r, tolerance)) return;
  const label = check.title ? `「${check.title.value}」` : '';
  ctx.report('check-failed', check.comparison, {
    zh: `校验${label}不成立：左边 ${show(left.quantity)}，右边 ${show({ value: r, unit: left.quantity.unit })}`,
    en: `Check ${check.title ? `“${check.title.value}” ` : ''}does not hold: left ${show(left.quantity)}, right ${show({ value: r, unit: left.quantity.unit })}`,
  });
}

function withinTolerance(within: A.NumberLit): number {
  const percent = within.unit?.text === '%' || !within.unit;
  return percent ? within.value / 100 : within.value;
}

function show(q: Quantity): string {
  const unit = formatUnit(q.unit);
  return unit ? `${fmt(q.value)} ${unit}` : fmt(q.value);
}

/** A target that asks less than the parent plan's target it implements. */
function checkAligns(ctx: CheckContext, indicator: IndicatorSymbol, statuses: TargetStatus[]): void {
  const expr = indicator.aligns?.expr;
  if (!expr) return;
  for (const s of statuses) {
    const parent = evaluate(expr, { resolve: ctx.resolve, year: s.year });
    if (!parent.ok || !indicator.unit) continue;
    const parentValue = convert(parent.quantity.value, parent.quantity.unit, indicator.unit);
    if (parentValue === undefined) continue;
    const weaker = s.direction === 'increase' ? s.targetValue < parentValue - 1e-9 : s.targetValue > parentValue + 1e-9;
    if (!weaker) continue;
    const u = unitOf(indicator);
    const [target, parentTarget] = [fmt(s.targetValue), fmt(parentValue)];
    ctx.report('weaker-than-parent', s.target.expr ?? s.target.field, {
      zh: `目标 ${target}${u} 弱于上级规划的目标 ${parentTarget}${u}（${s.year}年）`,
      en: `The target ${target}${u} is weaker than the parent plan's ${parentTarget}${u} (${s.year})`,
    });
  }
}
