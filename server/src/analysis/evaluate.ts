/**
 * Evaluation of values and expressions with units, for a year, by the reference
 * rules of the language: a bare reference takes the actual recorded for that
 * year, else the target for that year, else the latest value before it.
 */
import type * as A from '../../../grammar/src/ast';
import type { Localized } from '../../../grammar/src/message';
import { literalValue, type IndicatorSymbol, type Measure, type ValueSymbol } from './model';
import { convert, divide, formatUnit, multiply, ONE, sameDimension, unitFromExpr, type Unit } from './units';

export interface Quantity {
  value: number;
  unit: Unit;
}

export type Evaluation =
  | { ok: true; quantity: Quantity }
  | { ok: false; problem: 'unresolved' | 'no-value' | 'unit-mismatch' | 'cycle' | 'incomplete'; node: A.Span; message?: Localized };

/** Finds what a reference names; supplied by the workspace so imports resolve across files. */
export type Resolver = (ref: A.Reference) => ValueSymbol | undefined;

export interface EvalContext {
  resolve: Resolver;
  /** The unit a bare number is in: the indicator's own, inside its fields. */
  defaultUnit?: Unit;
  year?: number;
  /** Symbols being evaluated, to stop at cycles. */
  visiting?: Set<ValueSymbol>;
}

export function evaluate(expr: A.Expr | undefined, ctx: EvalContext): Evaluation {
  if (!expr) return { ok: false, problem: 'incomplete', node: { start: 0, end: 0 } };
  switch (expr.kind) {
    case 'Number':
      return { ok: true, quantity: { value: expr.value, unit: expr.unit ? unitFromExpr(expr.unit) : ctx.defaultUnit ?? ONE } };
    case 'Paren':
      return expr.expr ? evaluate(expr.expr, ctx) : { ok: false, problem: 'incomplete', node: expr };
    case 'Unary': {
      const operand = evaluate(expr.operand, ctx);
      return operand.ok ? { ok: true, quantity: { value: -operand.quantity.value, unit: operand.quantity.unit } } : operand;
    }
    case 'Binary':
      return evaluateBinary(expr, ctx);
    case 'Reference':
      return evaluateReference(expr, ctx);
  }
}

function evaluateBinary(expr: A.Binary, ctx: EvalContext): Evaluation {
  const left = evaluate(expr.left, ctx);
  if (!left.ok) return left;
  if (!expr.right) return { ok: false, problem: 'incomplete', node: expr };
  const right = evaluate(expr.right, ctx);
  if (!right.ok) return right;
  const a = left.quantity;
  const b = right.quantity;
  if (expr.op === '*') return { ok: true, quantity: { value: a.value * b.value, unit: multiply(a.unit, b.unit) } };
  if (expr.op === '/') return { ok: true, quantity: { value: a.value / b.value, unit: divide(a.unit, b.unit) } };
  const converted = convert(b.value, b.unit, a.unit);
  if (converted === undefined) {
    return {
      ok: false,
      problem: 'unit-mismatch',
      node: expr,
      message: {
        zh: `不能对单位不相容的量做${expr.op === '+' ? '加' : '减'}法：${formatUnit(a.unit)} 与 ${formatUnit(b.unit)}`,
        en: `Cannot ${expr.op === '+' ? 'add' : 'subtract'} quantities in incompatible units: ${formatUnit(a.unit)} and ${formatUnit(b.unit)}`,
      },
    };
  }
  const value = expr.op === '+' ? a.value + converted : a.value - converted;
  return { ok: true, quantity: { value, unit: a.unit } };
}

function evaluateReference(ref: A.Reference, ctx: EvalContext): Evaluation {
  const symbol = ctx.resolve(ref);
  if (!symbol) return { ok: false, problem: 'unresolved', node: ref };
  const visiting = ctx.visiting ?? new Set<ValueSymbol>();
  if (visiting.has(symbol)) return { ok: false, problem: 'cycle', node: ref };
  visiting.add(symbol);
  try {
    const year = ref.year?.from ?? ctx.year;
    const measure = pickMeasure(symbol, ref.part?.name, year);
    if (!measure || measure.none || !measure.expr) {
      return {
        ok: false,
        problem: 'no-value',
        node: ref,
        message: {
          zh: `「${symbol.id}」${year ? `在 ${year} 年` : ''}没有可用的数值`,
          en: `“${symbol.id}” has no value${year ? ` for ${year}` : ''}`,
        },
      };
    }
    return evaluate(measure.expr, { resolve: ctx.resolve, defaultUnit: symbol.unit, year: measure.years.at(-1) ?? year, visiting });
  } finally {
    visiting.delete(symbol);
  }
}

/** The measure a reference takes, by the language's rules. */
export function pickMeasure(symbol: ValueSymbol, part: A.ReferencePart | undefined, year: number | undefined): Measure | undefined {
  if (symbol.kind === 'series') return atOrBefore(symbol.values, year);
  if (part === 'baseline') return numeric(symbol.baselines).at(-1);
  if (part === 'target') return forYear(symbol.targets, year) ?? numeric(symbol.targets).at(-1);
  if (part === 'actual') return year === undefined ? numeric(symbol.actuals).at(-1) : forYear(symbol.actuals, year) ?? atOrBefore(symbol.actuals, year);
  if (year === undefined) return numeric(symbol.actuals).at(-1) ?? numeric(symbol.targets).at(-1) ?? numeric(symbol.baselines).at(-1);
  return forYear(symbol.actuals, year) ?? forYear(symbol.targets, year) ?? atOrBefore([...symbol.baselines, ...symbol.actuals, ...symbol.targets], year);
}

function numeric(measures: Measure[]): Measure[] {
  return measures.filter((m) => m.expr && !m.none);
}

function forYear(measures: Measure[], year: number | undefined): Measure | undefined {
  if (year === undefined) return undefined;
  return numeric(measures).find((m) => m.years.includes(year));
}

function atOrBefore(measures: Measure[], year: number | undefined): Measure | undefined {
  const candidates = numeric(measures);
  if (year === undefined) return candidates.at(-1);
  let best: Measure | undefined;
  for (const m of candidates) {
    const y = m.years.filter((v) => v <= year).at(-1);
    if (y === undefined) continue;
    if (!best || y >= (best.years.filter((v) => v <= year).at(-1) ?? -Infinity)) best = m;
  }
  return best;
}

/** A measure's value in its indicator's unit, for the year it is stated for. */
export function measureValue(symbol: IndicatorSymbol, m: Measure, resolve: Resolver): Evaluation | undefined {
  if (!m.expr || m.none) return undefined;
  // The commonest measure, a number in the indicator's own unit, is already that value:
  // asked for by several rules per indicator, it is not evaluated and converted each time.
  const literal = literalValue(m);
  if (literal !== undefined) return { ok: true, quantity: { value: literal, unit: symbol.unit ?? ONE } };
  // A number refers to nothing: only a reference needs to know what is being evaluated.
  const visiting = m.expr.kind === 'Number' ? undefined : new Set<ValueSymbol>([symbol]);
  const result = evaluate(m.expr, { resolve, defaultUnit: symbol.unit, year: m.years.at(-1), visiting });
  if (!result.ok || !symbol.unit) return result;
  const value = convert(result.quantity.value, result.quantity.unit, symbol.unit);
  if (value === undefined) return { ok: false, problem: 'unit-mismatch', node: m.expr };
  return { ok: true, quantity: { value, unit: symbol.unit } };
}

/** Compares two quantities after conversion; undefined when their units are incompatible. */
export function compareQuantities(a: Quantity, b: Quantity): number | undefined {
  if (!sameDimension(a.unit, b.unit)) return undefined;
  const converted = convert(b.value, b.unit, a.unit);
  if (converted === undefined) return undefined;
  return a.value - converted;
}

/** Whether `actual op target` holds, with `~` taken within a relative tolerance. */
export function satisfies(actual: number, op: A.ComparisonOp, target: number, tolerance: number): boolean {
  const eps = 1e-9 * Math.max(1, Math.abs(target));
  switch (op) {
    case '>=': return actual >= target - eps;
    case '>': return actual > target + eps;
    case '<=': return actual <= target + eps;
    case '<': return actual < target - eps;
    case '=': return Math.abs(actual - target) <= eps;
    case '~': return Math.abs(actual - target) <= Math.abs(target) * tolerance + eps;
  }
}
