/**
 * Prose as sentences. Converted plans break paragraphs mid-sentence (000: `…完善` /
 * blank line / `统一的…`; a page break), and wrap sentences in markup (`**…。**`,
 * `<b>`). A paragraph continues onto the next non-blank line when its line is long and
 * does not end a sentence and the next line is not a heading; markup is dropped with a
 * column map kept, so every character of a sentence maps back to its line and column.
 */
import { isBlank, isSpaceCode } from './chars';
import { isHeading, parseCaption } from './captions';
import { lineCell } from './cells';

interface Piece {
  /** Offset of the piece in the paragraph text. */
  at: number;
  line: number;
  /** Column of each character, or undefined when the piece is the line verbatim from `column`. */
  cols?: number[];
  column: number;
  length: number;
}

export interface Paragraph {
  text: string;
  pieces: Piece[];
}

/** A paragraph being built: its text in parts (joined once), its last line apart. */
interface Building {
  parts: string[];
  length: number;
  last: string;
  pieces: Piece[];
}

export interface Sentence {
  text: string;
  /** Offset of the sentence in its paragraph. */
  at: number;
  paragraph: Paragraph;
}

/** Characters that end a sentence (as char codes: no string per character); a line ending in one is not continued. */
const TERMINAL = new Set([0x3002 /* 。 */, 0xff01 /* ！ */, 0xff1f /* ？ */, 0x21, 0x3f, 0xff1b /* ； */, 0x3b]);
const LINE_END_STOP = new Set([...TERMINAL, 0xff1a /* ： */, 0x3a]);
/** Shorter lines are headings or titles and are never joined to the next. */
const MIN_JOIN = 20;

/** The paragraphs of `lines`, skipping lines for which `skip(i)` holds (tables). */
export function paragraphs(lines: string[], skip: (i: number) => boolean): Paragraph[] {
  const out: Building[] = [];
  let cur: Building | undefined;
  let blanks = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (skip(i)) {
      cur = undefined;
      continue;
    }
    if (isBlank(raw)) {
      blanks++;
      continue;
    }
    const piece = cleanLine(raw, i + 1);
    if (piece.text === '') continue;
    const heading = isHeading(piece.text, raw) || parseCaption(piece.text) !== undefined;
    if (cur && blanks <= 2 && !heading && joinable(cur)) {
      append(cur, piece);
    } else {
      cur = { parts: [], length: 0, last: '', pieces: [] };
      append(cur, piece);
      out.push(cur);
    }
    if (heading) cur = undefined;
    blanks = 0;
  }
  return out.map((b) => ({ text: b.parts.join(''), pieces: b.pieces }));
}

/** Looks at the last line only: re-reading a growing paragraph would be quadratic. */
function joinable(b: Building): boolean {
  const last = lastVisible(b.last);
  return b.length >= MIN_JOIN && last !== -1 && !LINE_END_STOP.has(last);
}

function lastVisible(text: string): number {
  for (let k = text.length - 1; k >= 0; k--) if (!isSpaceCode(text.charCodeAt(k))) return text.charCodeAt(k);
  return -1;
}

function append(b: Building, piece: { text: string; line: number; column: number; cols?: number[] }): void {
  b.pieces.push({ at: b.length, line: piece.line, column: piece.column, length: piece.text.length, ...(piece.cols ? { cols: piece.cols } : {}) });
  b.parts.push(piece.text);
  b.length += piece.text.length;
  b.last = piece.text;
}

/**
 * A line without markup, with the column of every kept character. Lines without
 * markup (almost all) are returned verbatim, trimmed, with no map.
 */
function cleanLine(raw: string, line: number): { text: string; line: number; column: number; cols?: number[] } {
  if (!/[<*#&]/.test(raw)) {
    let a = 0;
    let b = raw.length;
    while (a < b && isSpaceCode(raw.charCodeAt(a))) a++;
    while (b > a && isSpaceCode(raw.charCodeAt(b - 1))) b--;
    return { text: raw.slice(a, b), line, column: a };
  }
  const cell = lineCell(raw, line);
  // Recover each character's column by walking the raw line alongside the clean text.
  const cols: number[] = [];
  const text = cell.text;
  let k = cell.column;
  for (let j = 0; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 10) {
      cols.push(Math.min(k, raw.length));
      continue;
    }
    while (k < raw.length && raw.charCodeAt(k) !== c && !(c === 0x20 && isSpaceCode(raw.charCodeAt(k)))) k++;
    cols.push(Math.min(k, raw.length));
    k++;
  }
  return { text: cell.text.replace(/\n/g, ' '), line, column: cell.column, cols };
}

/** Splits a paragraph into sentences at 。！？；, each keeping its terminator. */
export function sentences(p: Paragraph): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const text = p.text;
  for (let k = 0; k <= text.length; k++) {
    if (k === text.length || TERMINAL.has(text.charCodeAt(k))) {
      const end = Math.min(k + 1, text.length);
      let a = start;
      while (a < end && isSpaceCode(text.charCodeAt(a))) a++;
      if (end > a) out.push({ text: text.slice(a, end), at: a, paragraph: p });
      start = end;
    }
  }
  return out;
}

export interface Position {
  line: number;
  column: number;
}

/** Index of the piece holding a paragraph offset (binary search). */
function pieceIndex(p: Paragraph, offset: number): number {
  let lo = 0;
  let hi = p.pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (p.pieces[mid]!.at <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Line and column of a paragraph offset. */
export function positionOf(p: Paragraph, offset: number): Position {
  const piece = p.pieces[pieceIndex(p, offset)]!;
  const d = Math.min(offset - piece.at, piece.length);
  if (piece.cols) return { line: piece.line, column: d < piece.cols.length ? piece.cols[d]! : (piece.cols[piece.cols.length - 1] ?? piece.column) + 1 };
  return { line: piece.line, column: piece.column + d };
}

/** The end of the line holding `offset`, as a column: where a location broken over lines stops. */
export function lineEndOf(p: Paragraph, offset: number): Position {
  const piece = p.pieces[pieceIndex(p, offset)]!;
  const end = positionOf(p, piece.at + Math.max(piece.length - 1, 0));
  return { line: piece.line, column: end.column + 1 };
}
