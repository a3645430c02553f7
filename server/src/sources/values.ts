/**
 * Reading a value as plans write it, in a table cell or after a verb in prose:
 * `≥55`, `≧30`, `37.3%`, `55%以上`, `不低于 700 元`, `3.3 万张`, `〔5〕`, `—`,
 * `35。5` (a full stop typed for the decimal point), or a qualitative target
 * (`不低于居民上年度人均消费支出增速`).
 */
import type { SourceOp, SourceValue } from './types';
import type { Cell } from './cells';
import { fold, hasHan, removeSpaces } from './chars';
import { isUnitText } from './units';

export type ValueFields = Omit<SourceValue, 'line' | 'column' | 'length'>;

/** Comparison words at the start of a value, longest first. `undefined`: a verb that states the value itself. */
export const PREFIX_OPS: Array<[string, SourceOp | undefined]> = (
  [
    ['达到并超过', '>='], ['达到或超过', '>='], ['不得低于', '>='], ['不得少于', '>='], ['不得超过', '<='], ['不得高于', '<='],
    ['不低于', '>='], ['不少于', '>='], ['不小于', '>='], ['至少', '>='], ['>=', '>='], ['≥', '>='], ['≧', '>='], ['⩾', '>='],
    ['不高于', '<='], ['不超过', '<='], ['不多于', '<='], ['不大于', '<='], ['最多', '<='], ['<=', '<='], ['≤', '<='], ['≦', '<='], ['⩽', '<='],
    ['高于', '>'], ['超过', '>'], ['大于', '>'], ['多于', '>'], ['>', '>'],
    ['低于', '<'], ['少于', '<'], ['小于', '<'], ['<', '<'],
    ['约为', '~'], ['约', '~'], ['≈', '~'], ['~', '~'],
    ['=', '='],
    ['控制在', undefined], ['保持在', undefined], ['稳定在', undefined], ['提高到', undefined], ['提高至', undefined],
    ['提升到', undefined], ['提升至', undefined], ['增加到', undefined], ['增加至', undefined], ['增长到', undefined],
    ['下降到', undefined], ['降低到', undefined], ['降低至', undefined], ['降至', undefined], ['降到', undefined],
    ['达到', undefined], ['达', undefined],
  ] as Array<[string, SourceOp | undefined]>
).sort((a, b) => b[0].length - a[0].length);

/** Comparison words after a value. */
export const SUFFIX_OPS: Array<[string, SourceOp]> = [
  ['及以上', '>='], ['以上', '>='], ['及以下', '<='], ['以下', '<='], ['以内', '<='], ['之内', '<='], ['左右', '~'], ['上下', '~'],
];

/** Cells saying "none": dashes of every width, a slash, 无. */
const NONE = /^(?:[-－—–―─一]{1,4}|[/／]|无|空|n\/?a)$/i;

const BRACKETS: Array<[string, string]> = [['〔', '〕'], ['[', ']'], ['【', '】'], ['〖', '〗'], ['(', ')']];

/** The prefixes by their first character, longest first: a value is tried against a handful. */
const PREFIXES_BY_FIRST = new Map<string, Array<[string, SourceOp | undefined]>>();
for (const entry of PREFIX_OPS) {
  const first = entry[0].charAt(0);
  PREFIXES_BY_FIRST.set(first, [...(PREFIXES_BY_FIRST.get(first) ?? []), entry]);
}

export function prefixOp(s: string): { word: string; op: SourceOp | undefined } | undefined {
  for (const [word, op] of PREFIXES_BY_FIRST.get(s.charAt(0)) ?? []) if (s.startsWith(word)) return { word, op };
  return undefined;
}

export function suffixOp(s: string): { word: string; op: SourceOp } | undefined {
  for (const [word, op] of SUFFIX_OPS) if (s.endsWith(word)) return { word, op };
  return undefined;
}

export interface NumberAt {
  written: number;
  /** Characters consumed, sign and decimal point included. */
  length: number;
}

/**
 * A number at `i`: `12`, `12.5`, `1,200`, `-3`, and `35。5` where a full stop was typed
 * for the decimal point (only between digits, so a sentence's last `55。` stays a stop).
 */
export function numberAt(s: string, i: number): NumberAt | undefined {
  let k = i;
  let sign = 1;
  if (s[k] === '-' || s[k] === '−' || s[k] === '+') {
    sign = s[k] === '+' ? 1 : -1;
    k++;
  }
  const start = k;
  let digits = '';
  while (k < s.length && k - start < 20) {
    const ch = s[k]!;
    if (ch >= '0' && ch <= '9') {
      digits += ch;
      k++;
    } else if (ch === ',' && digits.length > 0 && /^\d{3}(?!\d)/.test(s.slice(k + 1, k + 5))) {
      k++;
    } else break;
  }
  if (digits === '') return undefined;
  if ((s[k] === '.' || s[k] === '。') && s[k + 1] !== undefined && s[k + 1]! >= '0' && s[k + 1]! <= '9') {
    k++;
    digits += '.';
    while (k < s.length && s[k]! >= '0' && s[k]! <= '9' && digits.length < 30) digits += s[k++]!;
  }
  return { written: sign * Number(digits), length: k - i };
}

export function scaleOf(ch: string | undefined): number | undefined {
  return ch === '万' ? 1e4 : ch === '亿' ? 1e8 : undefined;
}

/** `written × scale` without binary noise (`1.1 × 10⁴` is 11000, not 11000.000000000002). */
export function scaled(written: number, scale: number | undefined): number {
  return scale === undefined ? written : Number((written * scale).toPrecision(15));
}

/**
 * Parses a cell's or phrase's text. Returns undefined for text that is not a value at
 * all (no number, no comparison, no Han characters). The result is shared, and frozen.
 */
export function parseValue(text: string): Readonly<ValueFields> | undefined {
  const hit = memo.get(text);
  if (hit !== undefined || memo.has(text)) return hit;
  const v = parse(text);
  if (v) Object.freeze(v);
  remember(memo, text, v);
  return v;
}

/**
 * Cells repeat (`—`, `预期性`, `100`): results are memoized, in maps cleared when they
 * grow, so a long-running server does not accumulate every document's cells.
 */
const memo = new Map<string, Readonly<ValueFields> | undefined>();
const kinds = new Map<string, CellKind>();

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  if (key.length > 64) return;
  if (map.size >= 10_000) map.clear();
  map.set(key, value);
}

function parse(text: string): ValueFields | undefined {
  let s = removeSpaces(fold(text));
  if (s === '' || NONE.test(s)) return { text, none: true };
  let cumulative = false;
  for (const [open, close] of BRACKETS) {
    if (s.length > 2 && s.startsWith(open) && s.endsWith(close) && (open !== '(' || /^\(\d/.test(s))) {
      s = s.slice(open.length, -close.length);
      cumulative = open !== '(';
      break;
    }
  }
  const pre = prefixOp(s);
  let op = pre?.op;
  if (pre) s = s.slice(pre.word.length);
  const num = numberAt(s, 0);
  if (!num) return qualitative(text, op, s);
  let rest = s.slice(num.length);
  const scale = scaleOf(rest[0]);
  if (scale !== undefined) rest = rest.slice(1);
  const suf = suffixOp(rest);
  if (suf) {
    rest = rest.slice(0, -suf.word.length);
    op ??= suf.op;
  }
  if (rest !== '' && !isUnitText(rest)) return qualitative(text, op, s);
  const out: ValueFields = { text, value: scaled(num.written, scale) };
  if (op) out.op = op;
  if (rest !== '') out.unit = rest;
  if (scale !== undefined) {
    out.scale = scale;
    out.written = num.written;
  }
  if (cumulative) out.cumulative = true;
  return out;
}

function qualitative(text: string, op: SourceOp | undefined, rest: string): ValueFields | undefined {
  // `20-50` (a range) is a qualitative value; `%` or `...` alone is none of it.
  if (!hasHan(rest) && !/[a-z0-9]/i.test(rest) && op === undefined) return undefined;
  return op ? { text, op } : { text };
}

/** A value with the cell's location. */
export function cellValue(cell: Cell): SourceValue {
  const text = cell.text.includes('\n') ? cell.text.replace(/\n/g, ' ') : cell.text;
  const v = parseValue(text);
  const out: SourceValue = { text, line: cell.line, column: cell.column, length: cell.length };
  if (!v) return out;
  if (v.op !== undefined) out.op = v.op;
  if (v.value !== undefined) out.value = v.value;
  if (v.unit !== undefined) out.unit = v.unit;
  if (v.none) out.none = true;
  if (v.cumulative) out.cumulative = true;
  if (v.written !== undefined) out.written = v.written;
  if (v.scale !== undefined) out.scale = v.scale;
  return out;
}

export type CellKind = 'empty' | 'none' | 'attribute' | 'number' | 'value' | 'qualitative' | 'unit' | 'text';

const ATTRIBUTE = /^(?:约束性?|预期性?)(?:指标)?$/;

export function isAttributeText(text: string): boolean {
  return ATTRIBUTE.test(removeSpaces(text));
}

const ROW_NUMBER = /^[(（]?(\d{1,3})[)）]?[.、]?$/;

/** Words a qualitative target starts with; a name never does. */
const QUALITATIVE_START = /^(?:不低于|不少于|不高于|不超过|不小于|不大于|不多于|高于|低于|超过|达到|保持|稳定|持续|逐步|实现|全覆盖|基本(?:实现|覆盖|完成|建成|达到|消除|形成|健全|普及)|≥|≧|≤|≦|>|<|约)/;

/**
 * What a cell looks like on its own. `number` is a plain integer that could be a 序号 or
 * a value; the table reader decides from context.
 */
export function cellKind(text: string): CellKind {
  const hit = kinds.get(text);
  if (hit !== undefined) return hit;
  const kind = kindOf(text);
  remember(kinds, text, kind);
  return kind;
}

function kindOf(text: string): CellKind {
  const s = removeSpaces(fold(text));
  if (s === '') return 'empty';
  if (NONE.test(s)) return 'none';
  if (ATTRIBUTE.test(s)) return 'attribute';
  if (ROW_NUMBER.test(s)) return 'number';
  const v = parseValue(text);
  if (v && v.value !== undefined) return 'value';
  if (isUnitText(s)) return 'unit';
  if (QUALITATIVE_START.test(s) || s.endsWith('全覆盖')) return 'qualitative';
  return 'text';
}

/** The integer a 序号 cell holds: `1`, `1.`, `（1）`, `1、`. */
export function rowNumber(text: string): number | undefined {
  // Its kind is remembered, and only a `number` cell is one.
  if (cellKind(text) !== 'number') return undefined;
  const m = ROW_NUMBER.exec(removeSpaces(fold(text)));
  return m ? Number(m[1]) : undefined;
}
