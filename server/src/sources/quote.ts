/**
 * Finding a quoted passage (`cite "到2025年,养老机构护理型床位占比不低于55%"`) in the
 * plan. Drafters retype quotes with a different keyboard: half-width `,` for `，`,
 * straight quotes for curly ones, spaces that the plan has not (`到 2025 年`) or lacks.
 * Both sides are folded the same way — NFKC, no whitespace, no quote marks, no markup,
 * one dash — and compared; failing that, compared again without any punctuation.
 */
import type { SourceIndex, SourceLocation } from './types';
import { fold, isSpaceCode } from './chars';

interface Folded {
  text: string;
  /** Original text offset of each folded character. */
  at: Int32Array;
}

interface Cache {
  strict?: Folded;
  loose?: Folded;
  lineStarts?: number[];
}

const caches = new WeakMap<SourceIndex, Cache>();

const QUOTES = new Set(['“', '”', '‘', '’', '"', "'", '「', '」', '『', '』', '`']);
const DASHES = new Set(['—', '–', '－', '‐', '‑', '―', '─']);
const PUNCT = /[\p{P}\p{S}]/u;

/** Folds one character (or nothing) the way both the text and the quote are folded. */
function foldChar(ch: string, loose: boolean): string {
  if (QUOTES.has(ch) || ch === '*') return '';
  if (DASHES.has(ch)) return loose ? '' : '-';
  const out = fold(ch);
  if (loose && PUNCT.test(out)) return '';
  return out.toLowerCase();
}

export function foldText(text: string, loose: boolean): Folded {
  const chars: string[] = [];
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpaceCode(code) || code === 10) continue;
    // Markup is not text: `<b>`, `</td>`.
    if (code === 0x3c && /[a-zA-Z/]/.test(text[i + 1] ?? '')) {
      const close = tagEnd(text, i);
      if (close !== -1) {
        i = close;
        continue;
      }
    }
    const wide = code >= 0xd800 && code <= 0xdbff;
    const ch = wide ? text.slice(i, i + 2) : text[i]!;
    const folded = foldChar(ch, loose);
    for (const c of folded) {
      chars.push(c);
      at.push(i);
    }
    if (wide) i++;
  }
  return { text: chars.join(''), at: Int32Array.from(at) };
}

/** The `>` closing a tag at `i` on the same line within 200 characters, or -1 (bounded: hostile input stays linear). */
function tagEnd(text: string, i: number): number {
  for (let k = i + 1; k < text.length && k < i + 200; k++) {
    const c = text[k];
    if (c === '>') return k;
    if (c === '\n' || c === '<') return -1;
  }
  return -1;
}

function cacheOf(index: SourceIndex): Cache {
  let c = caches.get(index);
  if (!c) {
    c = {};
    caches.set(index, c);
  }
  return c;
}

export function findQuote(index: SourceIndex, quote: string): SourceLocation | undefined {
  const cache = cacheOf(index);
  for (const loose of [false, true]) {
    const q = foldText(quote, loose).text;
    if (q.length === 0) return undefined;
    const hay = loose ? (cache.loose ??= foldText(index.text, true)) : (cache.strict ??= foldText(index.text, false));
    const k = hay.text.indexOf(q);
    if (k === -1) continue;
    const start = hay.at[k]!;
    const lastAt = hay.at[k + q.length - 1]!;
    const end = lastAt + (isHighSurrogate(index.text.charCodeAt(lastAt)) ? 2 : 1);
    return locate(index, cache, start, end);
  }
  return undefined;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function locate(index: SourceIndex, cache: Cache, start: number, end: number): SourceLocation {
  const starts = (cache.lineStarts ??= lineStarts(index.text));
  const a = lineOf(starts, start);
  const b = lineOf(starts, end - 1);
  const column = start - starts[a]!;
  if (a === b) return { line: a + 1, column, length: end - start };
  const lineLength = index.lines[a]!.length;
  return { line: a + 1, column, length: lineLength - column, endLine: b + 1, endColumn: end - starts[b]! };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
