/**
 * Writing units: `formatUnit` gives the canonical text (what messages, hovers and
 * inlay hints show, and what `parseUnitText` reads back to the same unit);
 * `describeUnit` names the dimension in words.
 */
import type { Localized } from '../../../../grammar/src/message';
import { parseUnitText } from './parse';
import { approxEqual, compareDimensions, countNoun, isDimensionless, sameUnit, type Unit } from './unit';

interface AtomOption {
  text: string;
  /** Value of one written atom in base units. */
  scale: number;
  /** The power the atom is written with, for a dimension power of 1 (area atoms stand for length²). */
  per: number;
}

const LENGTH: AtomOption[] = [
  { text: '米', scale: 1, per: 1 },
  { text: '公里', scale: 1000, per: 1 },
];
const AREA: AtomOption[] = [
  { text: '平方米', scale: 1, per: 2 },
  { text: '平方公里', scale: 1e6, per: 2 },
  { text: '公顷', scale: 1e4, per: 2 },
  { text: '亩', scale: 2000 / 3, per: 2 },
];
const VOLUME: AtomOption[] = [{ text: '立方米', scale: 1, per: 3 }];

/** Ways to write each dimension; the first is the base and costs nothing. */
function optionsFor(dimension: string, power: number): AtomOption[] {
  switch (dimension) {
    case 'currency':
      return [{ text: '元', scale: 1, per: 1 }];
    case 'person':
      return [{ text: '人', scale: 1, per: 1 }];
    case 'household':
      return [{ text: '户', scale: 1, per: 1 }];
    case 'time':
      return [
        { text: '月', scale: 1, per: 1 },
        { text: '年', scale: 12, per: 1 },
        { text: '季度', scale: 3, per: 1 },
        { text: '日', scale: 1 / 30, per: 1 },
      ];
    case 'mass':
      return [
        { text: '千克', scale: 1, per: 1 },
        { text: '吨', scale: 1000, per: 1 },
        { text: '克', scale: 0.001, per: 1 },
      ];
    case 'length':
      return Math.abs(power) === 2 ? AREA : Math.abs(power) === 3 ? VOLUME : LENGTH;
    default:
      return [{ text: countNoun(dimension) ?? dimension, scale: 1, per: 1 }];
  }
}

/** Scale words, written in front of an atom (`万人`, `张/千人`) or alone (`万`). */
const PREFIXES: ReadonlyArray<readonly [string, number]> = [
  ['十', 10],
  ['百', 100],
  ['千', 1e3],
  ['万', 1e4],
  ['十万', 1e5],
  ['百万', 1e6],
  ['千万', 1e7],
  ['亿', 1e8],
  ['十亿', 1e9],
  ['百亿', 1e10],
  ['千亿', 1e11],
  ['万亿', 1e12],
];

interface Written {
  text: string;
  power: number;
}

interface Candidate {
  numerator: Written[];
  denominator: Written[];
  cost: number;
  prefixes: number;
}

const MATCH = 1e-12;

/**
 * The canonical text of a unit: base dimensions in a fixed order (`元/人·月`), the
 * usual atoms where they express the scale exactly (`元/人·年`, `万人`, `张/千人`,
 * `平方公里`, `%`), otherwise a leading factor (`1.5元`, `360月`). Dimensionless 1 is `1`.
 * `parseUnitText(formatUnit(u))` is `u` again.
 */
export function formatUnit(unit: Unit): string {
  const best = bestCandidate(unit);
  if (best) {
    const text = render(best.numerator, best.denominator);
    const back = parseUnitText(text);
    if (back && sameUnit(back, unit)) return text;
  }
  return withFactor(unit);
}

function bestCandidate(unit: Unit): Candidate | undefined {
  const keys = Object.keys(unit.dims).sort(compareDimensions);
  let best: Candidate | undefined;
  const consider = (candidate: Candidate): void => {
    if (
      !best ||
      candidate.cost < best.cost ||
      (candidate.cost === best.cost && candidate.prefixes < best.prefixes)
    ) {
      best = candidate;
    }
  };

  const walk = (index: number, written: Written[], scale: number, cost: number): void => {
    if (index < keys.length) {
      const key = keys[index]!;
      const power = unit.dims[key]!;
      optionsFor(key, power).forEach((option, i) => {
        const writtenPower = option.per === 1 ? power : Math.sign(power) * (Math.abs(power) / option.per);
        walk(index + 1, [...written, { text: option.text, power: writtenPower }], scale * option.scale ** writtenPower, cost + (i === 0 ? 0 : 1));
      });
      return;
    }
    const residual = unit.scale / scale;
    const numerator = written.filter((w) => w.power > 0);
    const denominator = written.filter((w) => w.power < 0).map((w) => ({ text: w.text, power: -w.power }));
    if (approxEqual(residual, 1, MATCH)) consider({ numerator, denominator, cost, prefixes: 0 });
    // % and ‰ read best on a ratio or a rate (%, %/年); elsewhere a scale word does (张/千人, not ‰·张/人).
    const ratioOrRate = keys.every((key) => key === 'time');
    if (ratioOrRate) percent(numerator, denominator, residual, cost);
    for (const [word, value] of PREFIXES) {
      if (approxEqual(residual, value, MATCH)) {
        const first = numerator[0];
        if (!first) consider({ numerator: [{ text: word, power: 1 }], denominator, cost: cost + 1, prefixes: 1 });
        else if (first.power === 1) {
          consider({ numerator: [{ text: word + first.text, power: 1 }, ...numerator.slice(1)], denominator, cost: cost + 1, prefixes: 1 });
        }
      }
      if (approxEqual(residual, 1 / value, MATCH)) {
        const first = denominator[0];
        if (!first) consider({ numerator, denominator: [{ text: word, power: 1 }], cost: cost + 1, prefixes: 1 });
        else if (first.power === 1) {
          consider({ numerator, denominator: [{ text: word + first.text, power: 1 }, ...denominator.slice(1)], cost: cost + 1, prefixes: 1 });
        }
      }
    }
    if (!ratioOrRate) percent(numerator, denominator, residual, cost);
  };
  const percent = (numerator: Written[], denominator: Written[], residual: number, cost: number): void => {
    for (const [symbol, value] of [['%', 0.01], ['‰', 0.001]] as const) {
      if (approxEqual(residual, value, MATCH)) {
        consider({ numerator: [{ text: symbol, power: 1 }, ...numerator], denominator, cost: cost + 1, prefixes: 1 });
      }
    }
  };
  walk(0, [], 1, 0);
  return best;
}

function renderFactor(w: Written): string {
  return w.text + powerText(w.power);
}

function powerText(p: number): string {
  if (p === 1) return '';
  if (p === 2) return '²';
  if (p === 3) return '³';
  return `^${p}`;
}

function render(numerator: Written[], denominator: Written[], factor = ''): string {
  const top = numerator.map(renderFactor).join('·');
  const bottom = denominator.map(renderFactor).join('·');
  const head = factor + top;
  if (!bottom) return head || '1';
  return `${head || '1'}/${bottom}`;
}

/** Base atoms with the scale written as a leading number. */
function withFactor(unit: Unit): string {
  const written: Written[] = Object.keys(unit.dims)
    .sort(compareDimensions)
    .map((key) => {
      const power = unit.dims[key]!;
      const option = optionsFor(key, power)[0]!;
      return { text: option.text, power: option.per === 1 ? power : Math.sign(power) * (Math.abs(power) / option.per) };
    });
  const numerator = written.filter((w) => w.power > 0);
  const denominator = written.filter((w) => w.power < 0).map((w) => ({ text: w.text, power: -w.power }));
  return render(numerator, denominator, unit.scale === 1 ? '' : String(unit.scale));
}

const WORDS: Readonly<Record<string, Localized>> = {
  currency: { zh: '货币', en: 'currency' },
  person: { zh: '人口', en: 'person' },
  household: { zh: '户数', en: 'household' },
  time: { zh: '时间', en: 'time' },
  length: { zh: '长度', en: 'length' },
  mass: { zh: '质量', en: 'mass' },
};

function dimensionWords(key: string, power: number): Localized {
  const p = Math.abs(power);
  if (key === 'length' && p === 2) return { zh: '面积', en: 'area' };
  if (key === 'length' && p === 3) return { zh: '体积', en: 'volume' };
  const noun = countNoun(key);
  const words = noun !== undefined ? { zh: `计数（${noun}）`, en: `count of ${noun}` } : (WORDS[key] ?? { zh: key, en: key });
  return p === 1 ? words : { zh: words.zh + powerText(p), en: words.en + powerText(p) };
}

/**
 * The dimension in words: 「货币/人口/时间」 / "currency per person per time" for 元/人·月,
 * 「计数（张）」 / "count of 张" for 万张, 「无量纲（百分比）」 / "dimensionless (percentage)" for %.
 */
export function describeUnit(unit: Unit): Localized {
  if (isDimensionless(unit)) {
    if (approxEqual(unit.scale, 0.01)) return { zh: '无量纲（百分比）', en: 'dimensionless (percentage)' };
    if (approxEqual(unit.scale, 0.001)) return { zh: '无量纲（千分比）', en: 'dimensionless (per mille)' };
    return { zh: '无量纲', en: 'dimensionless' };
  }
  const keys = Object.keys(unit.dims).sort(compareDimensions);
  const top = keys.filter((k) => unit.dims[k]! > 0).map((k) => dimensionWords(k, unit.dims[k]!));
  const bottom = keys.filter((k) => unit.dims[k]! < 0).map((k) => dimensionWords(k, unit.dims[k]!));
  const zh = (top.length ? top.map((w) => w.zh).join('·') : '1') + bottom.map((w) => `/${w.zh}`).join('');
  const en = [top.length ? top.map((w) => w.en).join(' × ') : '', ...bottom.map((w) => `per ${w.en}`)]
    .filter(Boolean)
    .join(' ');
  return { zh, en };
}
