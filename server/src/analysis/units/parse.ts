/**
 * Reading units: from the syntax tree (`unitFromExpr`) and from unit text found in
 * plan texts and messages (`parseUnitText`).
 *
 * The reading of `/` is the one PTL and the plans use: everything after a `/` is in
 * the denominator, so `元/人·月` is 元 per (人·月) and `元/人/月` means the same.
 * `每` is a written `/` (`元每月` = 元/月, `张每千人` = 张/千人, `每千人` = 1/千人).
 */
import type { UnitExpr } from '../../../../grammar/src/ast';
import { memoized, memoizedBy } from '../lru';
import { analyzeAtom, atomUnit } from './atoms';
import { normalizeUnitText } from './normalize';
import { makeUnit, multiply, ONE, power, type Unit } from './unit';

/**
 * The unit a `unit` clause or a number's own unit denotes. Never fails: unknown atoms
 * are count nouns. Units repeat (every `%` of a plan): each combination of factors is
 * read once.
 */
export const unitFromExpr: (expr: UnitExpr) => Unit = memoizedBy(factorsKey, readUnitExpr, 4096);

function factorsKey(expr: UnitExpr): string {
  let key = '';
  for (const f of expr.numerator) key += `${f.name}^${f.power}·`;
  key += '/';
  for (const f of expr.denominator) key += `${f.name}^${f.power}·`;
  return key;
}

function readUnitExpr(expr: UnitExpr): Unit {
  let result = ONE;
  for (const factor of expr.numerator) {
    result = multiply(result, power(factorUnit(factor.name), powerOf(factor.power)));
  }
  for (const factor of expr.denominator) {
    // The denominator's powers are read as written (`人` in `元/人·月` has power 1 there), whatever their sign.
    result = multiply(result, power(factorUnit(factor.name), -Math.abs(powerOf(factor.power))));
  }
  return result;
}

/** One factor's unit; a word with `每` inside (`元每月`, copied from a plan) is read as the quotient it says. */
function factorUnit(name: string): Unit {
  if (name.includes('每')) {
    const quotient = parseUnitText(name);
    if (quotient) return quotient;
  }
  return atomUnit(name);
}

function powerOf(p: number): number {
  return Number.isFinite(p) && p !== 0 ? Math.trunc(p) : 1;
}

/** Longest run of Chinese characters accepted as one atom: longer runs are prose, not a unit. */
export const MAX_HAN_ATOM_LENGTH = 6;

export { normalizeUnitText };

type Token =
  | { kind: 'atom'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'per' }
  | { kind: 'times' }
  | { kind: 'open' }
  | { kind: 'close' }
  | { kind: 'power'; value: number };

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const TIMES = new Set(['·', '・', '•', '⋅', '‧', '∙', '*', '×', '.']);

function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const number = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(rest);
    if (number) {
      tokens.push({ kind: 'number', value: Number(number[0]) });
      i += number[0].length;
      continue;
    }
    if (ch === '/' || ch === '每') {
      tokens.push({ kind: 'per' });
      i++;
    } else if (TIMES.has(ch)) {
      tokens.push({ kind: 'times' });
      i++;
    } else if (ch === '(') {
      tokens.push({ kind: 'open' });
      i++;
    } else if (ch === ')') {
      tokens.push({ kind: 'close' });
      i++;
    } else if (ch === '^') {
      const m = /^\^\s*([+-]?\d+)/.exec(rest);
      if (!m) return undefined;
      tokens.push({ kind: 'power', value: Number(m[1]) });
      i += m[0].length;
    } else if (ch === '⁻' || SUPERSCRIPT_DIGITS.includes(ch)) {
      const m = /^⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+/.exec(rest);
      if (!m) return undefined;
      const digits = [...m[0].replace('⁻', '')].map((d) => SUPERSCRIPT_DIGITS.indexOf(d)).join('');
      tokens.push({ kind: 'power', value: (m[0].startsWith('⁻') ? -1 : 1) * Number(digits) });
      i += m[0].length;
    } else if (ch === '%' || ch === '‰') {
      tokens.push({ kind: 'atom', text: ch });
      i++;
    } else {
      const han = /^(?:(?!每)\p{Script=Han})+/u.exec(rest);
      const ascii = han ? null : /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
      const word = han ?? ascii;
      if (!word) return undefined;
      if (han && word[0].length > MAX_HAN_ATOM_LENGTH) return undefined;
      tokens.push({ kind: 'atom', text: word[0] });
      i += word[0].length;
    }
  }
  return tokens;
}

/**
 * Reads a unit as plan texts write it: `万人`, `%`, `％`, `平方米`, `元/人·月`, `元/(人·月)`,
 * `张/千人`, `元每月`, `米²`, `1/月`. Undefined when the text is empty or not a unit
 * (a sentence, stray punctuation, unbalanced parentheses). Plan texts and target files
 * write the same few dozen units; units are frozen, so results are shared.
 */
export const parseUnitText: (text: string) => Unit | undefined = memoized(read, 4096, 32);

function read(text: string): Unit | undefined {
  const tokens = tokenize(normalizeUnitText(text));
  if (!tokens || tokens.length === 0) return undefined;
  const parser = new UnitParser(tokens);
  const unit = parser.unit();
  return unit && parser.done() ? unit : undefined;
}

class UnitParser {
  private pos = 0;

  constructor(private readonly tokens: Token[]) {}

  done(): boolean {
    return this.pos === this.tokens.length;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  /** unit := ['per'] term ('per' term)* — every term after a `per` divides. */
  unit(): Unit | undefined {
    let result = ONE;
    let divide = false;
    if (this.peek()?.kind === 'per') {
      this.pos++;
      divide = true;
    }
    for (;;) {
      const term = this.term();
      if (!term) return undefined;
      result = multiply(result, divide ? power(term, -1) : term);
      if (this.peek()?.kind !== 'per') return result;
      this.pos++;
      divide = true;
    }
  }

  /** term := factor (['·'] factor)* — juxtaposition is a product (`10万人`, `kg m`). */
  private term(): Unit | undefined {
    let result = this.factor();
    if (!result) return undefined;
    for (;;) {
      const next = this.peek();
      if (next?.kind === 'times') {
        this.pos++;
      } else if (!next || (next.kind !== 'atom' && next.kind !== 'number' && next.kind !== 'open')) {
        return result;
      }
      const factor = this.factor();
      if (!factor) return undefined;
      result = multiply(result, factor);
    }
  }

  /** factor := (atom | number | '(' unit ')') power? */
  private factor(): Unit | undefined {
    const token = this.peek();
    let base: Unit | undefined;
    if (token?.kind === 'atom') {
      this.pos++;
      base = analyzeAtom(token.text).unit;
    } else if (token?.kind === 'number') {
      this.pos++;
      if (!(token.value > 0) || !Number.isFinite(token.value)) return undefined;
      base = makeUnit(token.value);
    } else if (token?.kind === 'open') {
      this.pos++;
      base = this.unit();
      if (!base || this.peek()?.kind !== 'close') return undefined;
      this.pos++;
    } else {
      return undefined;
    }
    const exponent = this.peek();
    if (exponent?.kind === 'power') {
      this.pos++;
      if (exponent.value === 0) return undefined;
      base = power(base, exponent.value);
    }
    return base;
  }
}
