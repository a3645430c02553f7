import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  approxEqual,
  convert,
  divide,
  formatUnit,
  isDimensionless,
  makeUnit,
  multiply,
  parseUnitText,
  power,
  sameUnit,
  type Unit,
} from '../../server/src/analysis/units';

const DIMENSIONS = ['currency', 'person', 'household', 'time', 'length', 'mass', 'count:张', 'count:人次', 'count:kg'];

/** Scales the plans use, multiplied together, or arbitrary positive doubles. */
const niceScale = fc
  .array(fc.constantFrom(1, 10, 100, 1e3, 1e4, 1e8, 12, 3, 1 / 30, 1 / 12, 0.01, 0.001, 2000 / 3, 1e6), { maxLength: 3 })
  .map((factors) => factors.reduce((a, b) => a * b, 1));
const anyScale = fc.double({ min: 1e-9, max: 1e12, noNaN: true, noDefaultInfinity: true });

const arbUnit: fc.Arbitrary<Unit> = fc
  .record({
    scale: fc.oneof(niceScale, anyScale),
    dims: fc.dictionary(fc.constantFrom(...DIMENSIONS), fc.integer({ min: -3, max: 3 }), { maxKeys: 4 }),
  })
  .map(({ scale, dims }) => makeUnit(scale, dims));

const value = fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true });

describe('unit algebra properties', () => {
  test('convert there and back gives the value (1e-9 relative)', () => {
    fc.assert(
      fc.property(arbUnit, fc.oneof(niceScale, anyScale), value, (from, scale, v) => {
        const to = makeUnit(scale, from.dims);
        const there = convert(v, from, to);
        expect(there).toBeDefined();
        const back = convert(there!, to, from)!;
        expect(approxEqual(back, v, 1e-9) || Math.abs(back - v) < 1e-300).toBe(true);
      }),
    );
  });

  test('convert between different dimensions is undefined', () => {
    fc.assert(
      fc.property(arbUnit, arbUnit, value, (a, b, v) => {
        fc.pre(JSON.stringify(a.dims) !== JSON.stringify(b.dims));
        expect(convert(v, a, b)).toBeUndefined();
      }),
    );
  });

  test('multiply commutes', () => {
    fc.assert(
      fc.property(arbUnit, arbUnit, (a, b) => {
        expect(multiply(a, b)).toEqual(multiply(b, a));
      }),
    );
  });

  test('multiply associates (scales within 1e-12)', () => {
    fc.assert(
      fc.property(arbUnit, arbUnit, arbUnit, (a, b, c) => {
        expect(sameUnit(multiply(multiply(a, b), c), multiply(a, multiply(b, c)), 1e-12)).toBe(true);
      }),
    );
  });

  test('divide(a, a) is dimensionless with scale 1', () => {
    fc.assert(
      fc.property(arbUnit, (a) => {
        const q = divide(a, a);
        expect(isDimensionless(q)).toBe(true);
        expect(q.scale).toBe(1);
      }),
    );
  });

  test('divide undoes multiply; power(a, 2) is a × a', () => {
    fc.assert(
      fc.property(arbUnit, arbUnit, (a, b) => {
        expect(sameUnit(divide(multiply(a, b), b), a)).toBe(true);
        expect(sameUnit(power(a, 2), multiply(a, a))).toBe(true);
      }),
    );
  });

  test('parse(format(u)) is u', () => {
    fc.assert(
      fc.property(arbUnit, (u) => {
        const text = formatUnit(u);
        const back = parseUnitText(text);
        expect(back, text).toBeDefined();
        expect(back!.dims, text).toEqual(u.dims);
        expect(approxEqual(back!.scale, u.scale, 1e-9), `${text}: ${back!.scale} vs ${u.scale}`).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test('format is canonical: format(parse(format(u))) is format(u)', () => {
    fc.assert(
      fc.property(arbUnit, (u) => {
        const text = formatUnit(u);
        expect(formatUnit(parseUnitText(text)!)).toBe(text);
      }),
    );
  });
});
