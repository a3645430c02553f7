/**
 * Each target's status in the vocabulary of plan evaluations, against
 * straight-line interpolation from baseline to target.
 */
import type { Localized } from '../../../grammar/src/message';
import { measureValue, satisfies, type Resolver } from './evaluate';
import type { IndicatorSymbol, Measure } from './model';

export type Status = 'achieved' | 'missed' | 'achieved-early' | 'ahead' | 'on-track' | 'lagging' | 'no-data';

export const STATUS_LABELS: Record<Status, Localized> = {
  achieved: { zh: '已实现', en: 'achieved' },
  missed: { zh: '未实现', en: 'missed' },
  'achieved-early': { zh: '提前实现', en: 'achieved early' },
  ahead: { zh: '快于预期', en: 'ahead of schedule' },
  'on-track': { zh: '基本符合预期', en: 'on track' },
  lagging: { zh: '滞后预期', en: 'lagging' },
  'no-data': { zh: '暂无完成值', en: 'no actuals yet' },
};

export interface TargetStatus {
  indicator: IndicatorSymbol;
  target: Measure;
  year: number;
  targetValue: number;
  baseline?: { value: number; year: number };
  actual?: { value: number; year: number; measure: Measure };
  /** The value straight-line progress would have reached by the actual's year. */
  expected?: number;
  direction: 'increase' | 'decrease';
  status: Status;
}

/** Progress within ±10% of the straight line counts as on track. */
const ON_TRACK_BAND = 0.1;

export function targetStatuses(indicator: IndicatorSymbol, resolve: Resolver, tolerance: number): TargetStatus[] {
  const baseline = firstValue(indicator, indicator.baselines, resolve);
  const actuals = indicator.actuals
    .map((m) => ({ m, v: valueOf(indicator, m, resolve), year: m.years.at(-1) }))
    .filter((a): a is { m: Measure; v: number; year: number } => a.v !== undefined && a.year !== undefined)
    .sort((a, b) => a.year - b.year);
  const statuses: TargetStatus[] = [];
  for (const target of indicator.targets) {
    const year = target.years.at(-1);
    const targetValue = valueOf(indicator, target, resolve);
    if (year === undefined || targetValue === undefined) continue;
    const direction = indicator.direction ?? inferDirection(target, baseline?.value, targetValue);
    const upTo = actuals.filter((a) => a.year <= year);
    const latest = upTo.at(-1);
    // One shape for every status: the fields a classification may set are there from the start.
    const status: TargetStatus = { indicator, target, year, targetValue, baseline, actual: undefined, expected: undefined, direction, status: 'no-data' };
    if (latest) status.actual = { value: latest.v, year: latest.year, measure: latest.m };
    statuses.push(classify(status, tolerance));
  }
  return statuses;
}

/** Sets the status (and the straight line's expected value) of a status made for it. */
function classify(s: TargetStatus, tolerance: number): TargetStatus {
  if (!s.actual) return s;
  const met = satisfies(s.actual.value, s.target.op, s.targetValue, tolerance);
  if (s.actual.year >= s.year) {
    s.status = met ? 'achieved' : 'missed';
    return s;
  }
  if (met) {
    s.status = 'achieved-early';
    return s;
  }
  if (!s.baseline || s.baseline.year >= s.year || s.actual.year <= s.baseline.year) return s;
  const fraction = (s.actual.year - s.baseline.year) / (s.year - s.baseline.year);
  const expected = s.baseline.value + (s.targetValue - s.baseline.value) * fraction;
  const planned = expected - s.baseline.value;
  const made = s.actual.value - s.baseline.value;
  const ratio = planned === 0 ? 1 : made / planned;
  s.expected = expected;
  s.status = ratio > 1 + ON_TRACK_BAND ? 'ahead' : ratio >= 1 - ON_TRACK_BAND ? 'on-track' : 'lagging';
  return s;
}

function inferDirection(target: Measure, baseline: number | undefined, targetValue: number): 'increase' | 'decrease' {
  if (target.op === '<=' || target.op === '<') return 'decrease';
  if (target.op === '>=' || target.op === '>') return 'increase';
  if (target.op === '~' || target.op === '=') return baseline !== undefined && targetValue < baseline ? 'decrease' : 'increase';
  if (baseline !== undefined && targetValue < baseline) return 'decrease';
  return 'increase';
}

function valueOf(indicator: IndicatorSymbol, m: Measure, resolve: Resolver): number | undefined {
  const result = measureValue(indicator, m, resolve);
  return result?.ok ? result.quantity.value : undefined;
}

function firstValue(indicator: IndicatorSymbol, measures: Measure[], resolve: Resolver): { value: number; year: number } | undefined {
  for (const m of measures) {
    const value = valueOf(indicator, m, resolve);
    const year = m.years.at(-1);
    if (value !== undefined && year !== undefined) return { value, year };
  }
  return undefined;
}
