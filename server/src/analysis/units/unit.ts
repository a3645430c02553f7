/**
 * The unit algebra: a unit is a scale times a product of base dimensions with
 * integer powers. Plain frozen data, no classes, so units can be compared,
 * cached and sent across layers.
 *
 * Base dimensions (the keys of `dims`):
 *
 * | key         | base atom | notes |
 * | ---         | ---       | --- |
 * | `currency`  | 元        | |
 * | `person`    | 人        | also 人口, 名 |
 * | `household` | 户        | |
 * | `time`      | 月        | 年 = 12 月, 季度 = 3 月, 周 = 7/30 月, 日/天 = 1/30 月 (a 30-day month, so 1 年 = 360 日) |
 * | `length`    | 米        | area is length² (平方米), volume length³ (立方米) |
 * | `mass`      | 千克      | |
 * | `count:X`   | X         | any other word is a count noun of its own (张, 个, 所, 人次 …); ASCII atoms too |
 *
 * A dimensionless unit has no dims; its scale says how it reads: % is 0.01, ‰ is 0.001, 倍 is 1.
 */

export type Dimension = 'currency' | 'person' | 'household' | 'time' | 'length' | 'mass' | `count:${string}`;

export interface Unit {
  /** What one of this unit is worth in the base units: 万人 is 10⁴, 元/人·年 is 1/12. */
  readonly scale: number;
  /** Dimension → non-zero integer power; zero powers are never stored. */
  readonly dims: Readonly<Record<string, number>>;
}

/** The order in which dimensions are written (`元/人·月`, not `元/月·人`). */
export const DIMENSION_ORDER: readonly string[] = ['currency', 'mass', 'length', 'count', 'person', 'household', 'time'];

/** Relative tolerance for comparing scales: floating-point noise, not a policy tolerance. */
export const SCALE_EPSILON = 1e-9;

/** Builds a unit, dropping zero powers and freezing the result. */
export function makeUnit(scale: number, dims: Readonly<Record<string, number>> = {}): Unit {
  const clean: Record<string, number> = {};
  for (const key of Object.keys(dims).sort(compareDimensions)) {
    const power = dims[key]!;
    if (power !== 0) clean[key] = power;
  }
  return Object.freeze({ scale, dims: Object.freeze(clean) });
}

/** The pure number 1. */
export const ONE: Unit = makeUnit(1);

/** `count:张` for the count noun 张. */
export function countDimension(noun: string): Dimension {
  return `count:${noun}`;
}

/** The noun of a count dimension (`count:张` → `张`), undefined for a base dimension. */
export function countNoun(dimension: string): string | undefined {
  return dimension.startsWith('count:') ? dimension.slice('count:'.length) : undefined;
}

export function multiply(a: Unit, b: Unit): Unit {
  const dims: Record<string, number> = { ...a.dims };
  for (const [key, power] of Object.entries(b.dims)) dims[key] = (dims[key] ?? 0) + power;
  return makeUnit(a.scale * b.scale, dims);
}

export function divide(a: Unit, b: Unit): Unit {
  const dims: Record<string, number> = { ...a.dims };
  for (const [key, power] of Object.entries(b.dims)) dims[key] = (dims[key] ?? 0) - power;
  // a.scale / b.scale, not a.scale × b.scale⁻¹: divide(u, u) is exactly 1.
  return makeUnit(a.scale / b.scale, dims);
}

/** `u` to an integer power (a non-integer power is truncated toward zero). */
export function power(u: Unit, exponent: number): Unit {
  const n = Math.trunc(exponent);
  const dims: Record<string, number> = {};
  for (const [key, p] of Object.entries(u.dims)) dims[key] = p * n;
  return makeUnit(u.scale ** n, dims);
}

/** Same dimensions with the same powers; the scales may differ (万人 and 人 are the same dimension). */
export function sameDimension(a: Unit, b: Unit): boolean {
  // Units are memoized and shared: the same object is the common case. Every comparison
  // of values asks this, so it walks the keys rather than listing them in new arrays.
  if (a.dims === b.dims) return true;
  let count = 0;
  for (const key in a.dims) {
    if (a.dims[key] !== b.dims[key]) return false;
    count++;
  }
  for (const _ in b.dims) count--;
  return count === 0;
}

/** Same dimension and the same scale within `relative` (default {@link SCALE_EPSILON}). */
export function sameUnit(a: Unit, b: Unit, relative = SCALE_EPSILON): boolean {
  return sameDimension(a, b) && approxEqual(a.scale, b.scale, relative);
}

export function isDimensionless(u: Unit): boolean {
  for (const _ in u.dims) return false;
  return true;
}

/** `%` or `‰`: a dimensionless unit with scale 0.01 or 0.001 (what a share or coverage is written in). */
export function isPercentLike(u: Unit): boolean {
  return isDimensionless(u) && (approxEqual(u.scale, 0.01) || approxEqual(u.scale, 0.001));
}

/**
 * `value` in `from` expressed in `to`, or undefined when the dimensions differ.
 * 6672 元/人·年 → 556 元/人·月; 0.2 万人 → 2000 人.
 */
export function convert(value: number, from: Unit, to: Unit): number | undefined {
  if (!sameDimension(from, to)) return undefined;
  const ratio = from.scale / to.scale;
  if (ratio === 1) return value;
  // Divide by an integer when the ratio is its reciprocal: 6672 / 12 is exact, 6672 × (1/12) may not be.
  const inverse = to.scale / from.scale;
  const roundInverse = Math.round(inverse);
  if (inverse >= 1 && approxEqual(inverse, roundInverse, 1e-12)) return tidy(value / roundInverse);
  return tidy(value * ratio);
}

export function approxEqual(a: number, b: number, relative = SCALE_EPSILON): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= relative * Math.max(Math.abs(a), Math.abs(b));
}

/** Rounds to 15 significant digits: removes binary noise such as 32999.999999999996. */
export function tidy(x: number): number {
  return Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(15)) : x;
}

function dimensionRank(key: string): number {
  const base = key.startsWith('count:') ? 'count' : key;
  const rank = DIMENSION_ORDER.indexOf(base);
  return rank < 0 ? DIMENSION_ORDER.length : rank;
}

export function compareDimensions(a: string, b: string): number {
  const d = dimensionRank(a) - dimensionRank(b);
  return d !== 0 ? d : a < b ? -1 : a > b ? 1 : 0;
}
