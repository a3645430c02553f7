/**
 * Type rules: units that do not fit, shares outside 0..100, years out of order
 * or outside the plan period, binding indicators without a number to meet.
 */
import type * as A from '../../../../grammar/src/ast';
import type { CheckContext } from '../context';
import { evaluate } from '../evaluate';
import { literalValue, type IndicatorSymbol, type Measure } from '../model';
import { analyzeAtom, convert, formatUnit, isPercentLike, sameDimension, unitFromExpr } from '../units';

/** The type rules of one indicator. */
export function checkIndicatorTypes(ctx: CheckContext, indicator: IndicatorSymbol): void {
  checkUnits(ctx, indicator);
  checkShare(ctx, indicator);
  checkYears(ctx, indicator);
  checkQuantified(ctx, indicator);
  if (indicator.unitField?.unit) checkUnknownAtoms(ctx, indicator.unitField.unit);
}

/** The type rules of what is not an indicator: series units. */
export function checkFileTypes(ctx: CheckContext): void {
  for (const s of ctx.model.series) if (s.unitField?.unit) checkUnknownAtoms(ctx, s.unitField.unit);
}

function measures(indicator: IndicatorSymbol): Measure[] {
  return [...indicator.baselines, ...indicator.targets, ...indicator.actuals];
}

function checkUnits(ctx: CheckContext, indicator: IndicatorSymbol): void {
  const unit = indicator.unit;
  for (const m of measures(indicator)) {
    // A number without a unit of its own is in the indicator's unit: nothing to check.
    if (!m.expr || literalValue(m) !== undefined) continue;
    const result = evaluate(m.expr, { resolve: ctx.resolve, defaultUnit: unit, year: m.years.at(-1) });
    if (!result.ok) {
      if (result.problem === 'unit-mismatch' && result.message) ctx.report('unit-mismatch', result.node, result.message);
      continue;
    }
    if (!unit || sameDimension(result.quantity.unit, unit)) continue;
    ctx.report('unit-mismatch', m.expr, {
      zh: `数值的单位 ${formatUnit(result.quantity.unit)} 与指标「${indicator.id}」的单位 ${formatUnit(unit)} 不相容`,
      en: `The value's unit ${formatUnit(result.quantity.unit)} does not fit indicator “${indicator.id}”'s unit ${formatUnit(unit)}`,
    });
  }
}

const GROWTH = /增速|增长率|增幅|增长|下降率|降幅|变化率/;

/** A share or coverage in % lies in 0..100; growth rates may exceed it. */
function checkShare(ctx: CheckContext, indicator: IndicatorSymbol): void {
  if (!indicator.unit || !isPercentLike(indicator.unit)) return;
  const label = `${indicator.name ?? ''}${indicator.id}`;
  if (GROWTH.test(label)) return;
  for (const m of measures(indicator)) {
    if (!m.expr || m.expr.kind !== 'Number') continue;
    const inPercent = convert(m.expr.value, m.expr.unit ? unitFromExpr(m.expr.unit) : indicator.unit, unitFromExpr(percentExpr));
    if (inPercent === undefined || (inPercent >= 0 && inPercent <= 100)) continue;
    ctx.report('share-out-of-range', m.expr, {
      zh: `比例「${indicator.name ?? indicator.id}」的数值 ${m.expr.raw}${indicator.unitField?.unit?.text ?? ''} 超出 0–100%`,
      en: `The share “${indicator.name ?? indicator.id}” is ${m.expr.raw}${indicator.unitField?.unit?.text ?? ''}, outside 0–100%`,
    });
  }
}

const percentExpr: A.UnitExpr = {
  kind: 'Unit',
  numerator: [{ name: '%', power: 1, start: 0, end: 0 }],
  denominator: [],
  text: '%',
  start: 0,
  end: 0,
};

function checkYears(ctx: CheckContext, indicator: IndicatorSymbol): void {
  const baselineYear = indicator.baselines.map((b) => b.years.at(-1)).filter((y): y is number => y !== undefined).at(0);
  for (const target of indicator.targets) {
    const year = target.years[0];
    if (year === undefined || baselineYear === undefined || !target.field.year) continue;
    if (year > baselineYear) continue;
    ctx.report('year-order', target.field.year, {
      zh: `目标年份 ${year} 不晚于基期年份 ${baselineYear}`,
      en: `The target year ${year} is not after the baseline year ${baselineYear}`,
    });
  }
  const period = ctx.model.plan?.period;
  if (!period) return;
  for (const m of [...indicator.targets, ...indicator.actuals]) {
    const year = m.field.year;
    if (!year) continue;
    const outside = m.years.filter((y) => y < period.from - 1 || y > period.to);
    if (outside.length === 0) continue;
    ctx.report('year-outside-period', year, {
      zh: `年份 ${outside[0]} 不在规划期 ${period.from}–${period.to} 内`,
      en: `The year ${outside[0]} is outside the plan period ${period.from}–${period.to}`,
    });
  }
}

function checkQuantified(ctx: CheckContext, indicator: IndicatorSymbol): void {
  if (indicator.attribute !== 'binding' || indicator.targets.length === 0) return;
  if (indicator.targets.some((t) => t.expr)) return;
  const at = indicator.targets[0]!.field;
  ctx.report('binding-not-quantified', at, {
    zh: `约束性指标「${indicator.id}」的目标没有量化，无法考核`,
    en: `Binding indicator “${indicator.id}” has no quantified target to be held to`,
  });
}

/** Chinese words are count nouns of their own; an unknown Latin atom is probably a typo. */
function checkUnknownAtoms(ctx: CheckContext, unit: A.UnitExpr): void {
  for (const factor of [...unit.numerator, ...unit.denominator]) {
    const kind = analyzeAtom(factor.name).kind;
    if (kind !== 'ascii' && kind !== 'invalid') continue;
    ctx.report('unknown-unit', factor, {
      zh: `未知的单位「${factor.name}」，将作为独立计数单位处理`,
      en: `Unknown unit “${factor.name}”; it is treated as a count of its own`,
    });
  }
}
