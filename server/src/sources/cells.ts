/**
 * Cutting a line of plan text into cells. Plans reach us converted from Word, PDF and
 * web pages, so a cell may be wrapped in HTML (`<td><b>…</b></td>`), markdown (`**…**`,
 * `#### `), separated by tabs, pipes or runs of spaces. A cell keeps the exact range
 * of its content in the original line, so diagnostics point at what the drafter sees.
 */
import { isSpaceCode } from './chars';

export interface Cell {
  /** The content with markup removed and spaces collapsed; `\n` marks a `<br>` inside the cell. */
  text: string;
  line: number;
  /** 0-based UTF-16 column of the content's first character in the original line. */
  column: number;
  /** UTF-16 length of the content in the original line, markup inside it included. */
  length: number;
}

export type SplitKind = 'pipe' | 'tab' | 'html' | 'spaces' | 'single';

export interface LineRecord {
  kind: SplitKind;
  cells: Cell[];
  /** A markdown `|---|---|` line. */
  separator?: boolean;
}

/** Tags that end a visual line inside a cell; the rest (`<b>`, `<span>`) are dropped. */
const BREAK_TAGS = new Set(['br', 'p', 'div', 'li', 'tr']);
const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', '#160': ' ', '#12288': ' ' };

/**
 * The cleaned content of `line[start, end)`. `stripHeading` drops a leading markdown
 * `#` run (only meaningful for a whole line).
 */
export function cleanSpan(line: string, lineNo: number, start = 0, end = line.length, stripHeading = false): Cell {
  const plain = plainSpan(line, lineNo, start, end);
  if (plain) return plain;
  const pieces: string[] = [];
  // Original range of the kept content (spaces and breaks excluded), for the location.
  let first = -1;
  let last = -1;
  let run = start;
  let leading = true;
  const flush = (to: number): void => {
    if (to <= run) return;
    pieces.push(line.slice(run, to));
    keep(run, to);
  };
  const keep = (a: number, b: number): void => {
    let x = a;
    while (x < b && isSpaceCode(line.charCodeAt(x))) x++;
    if (x === b) return;
    if (first === -1) first = x;
    let y = b;
    while (y > x && isSpaceCode(line.charCodeAt(y - 1))) y--;
    last = y;
  };
  let i = start;
  while (i < end) {
    const code = line.charCodeAt(i);
    if (code === 0x3c /* < */ && i + 1 < end && /[a-zA-Z/!]/.test(line[i + 1]!)) {
      const close = indexWithin(line, '>', i + 1, Math.min(end, i + 300));
      if (close !== -1) {
        flush(i);
        const m = /^<\/?([a-zA-Z][a-zA-Z0-9]*)/.exec(line.slice(i, Math.min(close + 1, i + 20)));
        if (m && BREAK_TAGS.has(m[1]!.toLowerCase())) pieces.push('\n');
        i = run = close + 1;
        continue;
      }
    }
    if (code === 0x26 /* & */) {
      const semi = indexWithin(line, ';', i + 1, Math.min(end, i + 8));
      const rep = semi === -1 ? undefined : ENTITIES[line.slice(i + 1, semi).toLowerCase()];
      if (rep !== undefined) {
        flush(i);
        pieces.push(rep);
        if (rep !== ' ') keep(i, semi + 1);
        i = run = semi + 1;
        continue;
      }
    }
    if (code === 0x2a /* * */ && line.charCodeAt(i + 1) === 0x2a && i + 1 < end) {
      flush(i);
      i = run = i + 2;
      continue;
    }
    if (stripHeading && leading && code === 0x23 /* # */) {
      flush(i);
      i = run = i + 1;
      continue;
    }
    if (isSpaceCode(code)) {
      if (code !== 0x20) {
        flush(i);
        pieces.push(' ');
        run = i + 1;
      }
    } else leading = false;
    i++;
  }
  flush(end);
  if (first === -1) return { text: '', line: lineNo, column: start, length: 0 };
  return { text: tidy(pieces.join('')), line: lineNo, column: first, length: last - first };
}

/** Trims spaces and breaks at the ends, collapses runs inside (a break absorbs spaces). */
function tidy(s: string): string {
  if (!/[ \n]{2}|^[ \n]|[ \n]$|\n/.test(s)) return s;
  const out: string[] = [];
  let pending = '';
  for (let k = 0; k < s.length; k++) {
    const c = s[k]!;
    if (c === ' ' || c === '\n') {
      if (c === '\n' || pending === '') pending = c === '\n' ? '\n' : pending || ' ';
      continue;
    }
    if (pending !== '' && out.length > 0) out.push(pending);
    pending = '';
    out.push(c);
  }
  return out.join('');
}

/**
 * The fast path for the common span without markup, entities or runs of spaces: trim
 * and slice, a lone tab or other space read as a blank (as the slow way reads it: a whole
 * line of a tab-separated table comes this way). Undefined sends the span the slow way.
 */
function plainSpan(line: string, lineNo: number, start: number, end: number): Cell | undefined {
  let a = start;
  let b = end;
  while (a < b && isSpaceCode(line.charCodeAt(a))) a++;
  while (b > a && isSpaceCode(line.charCodeAt(b - 1))) b--;
  // Nothing but spaces: an empty cell, placed at its start as the slow way places it.
  if (a === b) return { text: '', line: lineNo, column: start, length: 0 };
  let prevSpace = false;
  let otherSpace = false;
  for (let k = a; k < b; k++) {
    const c = line.charCodeAt(k);
    // Ideographs first: nearly every character of a plan is one.
    if (c >= 0x4e00 && c <= 0x9fff) {
      prevSpace = false;
      continue;
    }
    if (c === 0x3c /* < */ || c === 0x26 /* & */ || c === 0x2a /* * */ || c === 0x23 /* # */) return undefined;
    const space = isSpaceCode(c);
    if (space && prevSpace) return undefined;
    if (space && c !== 0x20) otherSpace = true;
    prevSpace = space;
  }
  const text = line.slice(a, b);
  return { text: otherSpace ? blanked(text) : text, line: lineNo, column: a, length: b - a };
}

/** The spaces of isSpaceCode but the blank itself. */
const OTHER_SPACES = /[\t\u00a0\u3000\u2000-\u200b\u202f\u205f\ufeff]/g;

/** Every space (tab, ideographic, NBSP …) as a blank. */
function blanked(text: string): string {
  return text.replace(OTHER_SPACES, ' ');
}

/** `s.indexOf(ch, from)` that looks no further than `limit`: hostile lines must stay linear. */
function indexWithin(s: string, ch: string, from: number, limit: number): number {
  for (let k = from; k < limit; k++) if (s[k] === ch) return k;
  return -1;
}

/** The whole line as one cell, markup and heading marks removed. */
export function lineCell(line: string, lineNo: number): Cell {
  return cleanSpan(line, lineNo, 0, line.length, true);
}

/** Splits a line into the records it holds (several only for `<tr>…</tr><tr>…</tr>`). */
export function splitLine(line: string, lineNo: number): LineRecord[] {
  if (/<t[dh][\s>]/i.test(line)) return splitHtml(line, lineNo);
  const trimmed = line.trim();
  if (trimmed.startsWith('|') || countPipes(line) >= 2) return [splitPipes(line, lineNo)];
  if (line.includes('\t')) return [splitTabs(line, lineNo)];
  const spaced = splitSpaces(line, lineNo);
  if (spaced.length >= 2) return [{ kind: 'spaces', cells: spaced }];
  return [{ kind: 'single', cells: [lineCell(line, lineNo)] }];
}

function countPipes(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length && n < 2; i++) if (line[i] === '|' && line[i - 1] !== '\\') n++;
  return n;
}

function splitPipes(line: string, lineNo: number): LineRecord {
  const bounds: number[] = [];
  for (let i = 0; i < line.length; i++) if (line[i] === '|' && line[i - 1] !== '\\') bounds.push(i);
  const cells: Cell[] = [];
  let from = 0;
  for (const b of [...bounds, line.length]) {
    cells.push(cleanSpan(line, lineNo, from, b, from === 0));
    from = b + 1;
  }
  // `| a | b |` has an empty piece before the first and after the last pipe.
  if (line.trim().startsWith('|')) cells.shift();
  if (line.trim().endsWith('|') && cells.length > 0) cells.pop();
  const separator = cells.length > 0 && cells.every((c) => /^:?-{2,}:?$/.test(c.text.replace(/\s/g, '')) || c.text === '');
  return { kind: 'pipe', cells, separator: separator && cells.some((c) => c.text !== '') };
}

function splitTabs(line: string, lineNo: number): LineRecord {
  const cells: Cell[] = [];
  let from = 0;
  for (let i = 0; i <= line.length; i++) {
    if (i === line.length || line[i] === '\t') {
      cells.push(cleanSpan(line, lineNo, from, i, from === 0));
      from = i + 1;
    }
  }
  // Trailing tabs are layout, not empty cells; leading ones are (an empty 序号).
  while (cells.length > 1 && cells[cells.length - 1]!.text === '') cells.pop();
  return { kind: 'tab', cells };
}

/**
 * Cells separated by a run of spaces at least two columns wide (an ideographic space
 * counts double), as PDF extraction aligns tables. A line whose pieces are all single
 * characters is letter-spaced text (`指  标  名  称`), one cell.
 */
export function splitSpaces(line: string, lineNo: number): Cell[] {
  const pieces: Array<[number, number]> = [];
  let i = 0;
  const n = line.length;
  while (i < n && isSpaceCode(line.charCodeAt(i))) i++;
  let start = i;
  while (i < n) {
    if (!isSpaceCode(line.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    let width = 0;
    while (j < n && isSpaceCode(line.charCodeAt(j))) {
      width += line.charCodeAt(j) === 0x3000 || line[j] === '\t' ? 2 : 1;
      j++;
    }
    if (width >= 2 && j < n) {
      pieces.push([start, i]);
      start = j;
    }
    i = j;
  }
  if (start < n) pieces.push([start, n]);
  const cells = pieces.map(([a, b]) => cleanSpan(line, lineNo, a, b, a === 0)).filter((c) => c.text !== '');
  if (cells.length >= 2 && cells.every((c) => [...c.text].length === 1)) {
    const first = cells[0]!;
    const last = cells[cells.length - 1]!;
    return [{ text: cells.map((c) => c.text).join(''), line: lineNo, column: first.column, length: last.column + last.length - first.column }];
  }
  return cells;
}

/** Whitespace-separated tokens, for tables whose cells are separated by single spaces. */
export function splitTokens(line: string, lineNo: number): Cell[] {
  const cells: Cell[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    while (i < n && isSpaceCode(line.charCodeAt(i))) i++;
    const a = i;
    while (i < n && !isSpaceCode(line.charCodeAt(i))) i++;
    if (i > a) {
      const c = cleanSpan(line, lineNo, a, i, a === 0);
      if (c.text !== '') cells.push(c);
    }
  }
  return cells;
}

/** `<tr><td>…</td>…</tr>` rows; cells end at the next cell, row or line end when unclosed. */
function splitHtml(line: string, lineNo: number): LineRecord[] {
  const find = finder(line.toLowerCase());
  const records: LineRecord[] = [];
  let cells: Cell[] = [];
  let i = 0;
  while (i < line.length) {
    const td = nextCellStart(find, i);
    const tr = find('<tr', i);
    if (tr !== -1 && (td === -1 || tr < td)) {
      if (cells.length > 0) records.push({ kind: 'html', cells });
      cells = [];
      i = tr + 3;
      continue;
    }
    if (td === -1) break;
    const open = find('>', td);
    if (open === -1) break;
    const end = nextCellEnd(find, open + 1, line.length);
    cells.push(cleanSpan(line, lineNo, open + 1, end));
    i = Math.max(end, open + 1);
  }
  if (cells.length > 0) records.push({ kind: 'html', cells });
  return records.length > 0 ? records : [{ kind: 'html', cells: [] }];
}

type Finder = (pattern: string, from: number) => number;

/**
 * `indexOf` with memory: a pattern's last hit is reused while it still lies ahead, and a
 * miss is remembered, so scanning a megabyte of `<td>` without `</td>` stays linear.
 */
function finder(s: string): Finder {
  const last = new Map<string, number>();
  return (pattern, from) => {
    const hit = last.get(pattern);
    if (hit !== undefined && (hit === -1 || hit >= from)) return hit;
    const k = s.indexOf(pattern, from);
    last.set(pattern, k);
    return k;
  };
}

function nextCellStart(find: Finder, from: number): number {
  const a = find('<td', from);
  let b = find('<th', from);
  // `<thead>` is not a cell.
  while (b !== -1 && find('<thead', b) === b) b = find('<th', b + 1);
  if (a === -1) return b;
  if (b === -1) return a;
  return Math.min(a, b);
}

function nextCellEnd(find: Finder, from: number, length: number): number {
  let end = length;
  for (const tag of ['</td', '</th', '<td', '<th', '</tr', '<tr']) {
    const k = find(tag, from);
    if (k !== -1 && k < end) end = k;
  }
  return end;
}
