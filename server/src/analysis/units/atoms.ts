/**
 * Unit atoms: the words a unit is made of (`元`, `万人`, `平方米`, `张`, `%`).
 *
 * Resolution of one atom, in order:
 * 1. the whole atom is a known unit (`千米` is the known length, `千克` the known mass);
 * 2. otherwise a leading scale prefix (万 亿 千 百 十) is split off and the rest is
 *    resolved again (`千人` = 1000 人, `万亿元` = 10¹² 元, `万张` = 10⁴ 张);
 * 3. otherwise the atom is a count noun, a dimension of its own that only matches
 *    itself (`张`, `个`, `所`, `家`, `人次`, `床位`; ASCII atoms such as `kg` too).
 */
import { memoized } from '../lru';
import { normalizeUnitText } from './normalize';
import { countDimension, makeUnit, type Unit } from './unit';

export interface KnownAtom {
  /** The canonical spelling. */
  text: string;
  unit: Unit;
}

const known = (scale: number, dims: Record<string, number> = {}): Unit => makeUnit(scale, dims);

/** Every atom the checker knows, with its unit in base dimensions. */
export const KNOWN_ATOMS: Readonly<Record<string, Unit>> = Object.freeze({
  // currency
  元: known(1, { currency: 1 }),
  // persons, households
  人: known(1, { person: 1 }),
  人口: known(1, { person: 1 }),
  名: known(1, { person: 1 }),
  户: known(1, { household: 1 }),
  // time (base 月; 日 is a 30-day month's day)
  月: known(1, { time: 1 }),
  个月: known(1, { time: 1 }),
  年: known(12, { time: 1 }),
  季度: known(3, { time: 1 }),
  季: known(3, { time: 1 }),
  周: known(7 / 30, { time: 1 }),
  日: known(1 / 30, { time: 1 }),
  天: known(1 / 30, { time: 1 }),
  // length (base 米)
  米: known(1, { length: 1 }),
  千米: known(1000, { length: 1 }),
  公里: known(1000, { length: 1 }),
  厘米: known(0.01, { length: 1 }),
  毫米: known(0.001, { length: 1 }),
  // area = length² (base 平方米)
  平方米: known(1, { length: 2 }),
  平方千米: known(1e6, { length: 2 }),
  平方公里: known(1e6, { length: 2 }),
  公顷: known(1e4, { length: 2 }),
  亩: known(2000 / 3, { length: 2 }),
  // volume = length³
  立方米: known(1, { length: 3 }),
  // mass (base 千克)
  千克: known(1, { mass: 1 }),
  公斤: known(1, { mass: 1 }),
  克: known(0.001, { mass: 1 }),
  斤: known(0.5, { mass: 1 }),
  吨: known(1000, { mass: 1 }),
  // dimensionless
  '%': known(0.01),
  '‰': known(0.001),
  百分比: known(0.01),
  百分点: known(0.01),
  个百分点: known(0.01),
  倍: known(1),
});

/** Scale prefixes; each is one character and they stack (`万亿` = 10¹²). */
export const SCALE_PREFIXES: Readonly<Record<string, number>> = Object.freeze({
  万: 1e4,
  亿: 1e8,
  千: 1e3,
  百: 1e2,
  十: 10,
});

export type AtomKind =
  /** The whole atom is known (`元`, `千米`, `%`). */
  | 'known'
  /** A scale prefix on a known atom or on nothing (`万人`, `亿元`, `万`). */
  | 'scaled'
  /** A Chinese count noun, possibly scaled (`张`, `万张`, `人次`). */
  | 'count'
  /** An ASCII atom (`kg`, `pcs`): a count noun of its own, but likely not what the author meant. */
  | 'ascii'
  /** Anything else (symbols, digits inside, empty): still a count noun so analysis continues. */
  | 'invalid';

export interface AtomAnalysis {
  readonly unit: Unit;
  readonly kind: AtomKind;
  /** The scale prefixes split off, in order (`万亿元` → `万亿`). */
  readonly prefix: string;
  /** What remains after the prefixes (`元`); the whole atom when nothing was split. */
  readonly base: string;
}

const HAN = /^\p{Script=Han}+$/u;
const ASCII_ATOM = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Resolves one atom (see the module comment for the order); full-width forms (`％`, `ｋｇ`) are read as ASCII. Never fails.
 * Atoms repeat across every indicator of a workspace; analyses are frozen, so one serves them all.
 */
export const analyzeAtom: (name: string) => AtomAnalysis = memoized((name) => Object.freeze(analyze(name)), 4096, 32);

function analyze(name: string): AtomAnalysis {
  let prefix = '';
  let rest = normalizeUnitText(name).trim();
  let scale = 1;
  for (;;) {
    const whole = KNOWN_ATOMS[rest];
    if (whole) {
      return {
        unit: makeUnit(whole.scale * scale, whole.dims),
        kind: prefix ? 'scaled' : 'known',
        prefix,
        base: rest,
      };
    }
    const head = rest.charAt(0);
    const factor = SCALE_PREFIXES[head];
    if (factor === undefined) break;
    prefix += head;
    scale *= factor;
    rest = rest.slice(1);
    if (rest === '') return { unit: makeUnit(scale), kind: 'scaled', prefix, base: '' };
  }
  const kind: AtomKind = HAN.test(rest) ? 'count' : ASCII_ATOM.test(rest) ? 'ascii' : 'invalid';
  return { unit: makeUnit(scale, { [countDimension(rest)]: 1 }), kind, prefix, base: rest };
}

/** The unit of one atom. */
export function atomUnit(name: string): Unit {
  return analyzeAtom(name).unit;
}

/** Whether `name` is spelled like an atom: Chinese characters, an ASCII word, or a unit symbol. */
export function isAtomSpelling(name: string): boolean {
  return HAN.test(name) || ASCII_ATOM.test(name) || name in KNOWN_ATOMS;
}
