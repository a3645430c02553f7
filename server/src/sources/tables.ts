/**
 * Finding the indicator tables of a plan. A table starts at a caption (`专栏2:…`,
 * `表1`) followed within a few lines by a header row, or at a header row alone (then
 * its id is `表N`, N counting the indicator tables found so far). The header decides
 * how rows are read:
 *
 * - a header whose cells share a line (tabs, pipes, `<td>`, runs of spaces) → one row
 *   per line (records.ts);
 * - a header with one cell per line (001) → the lines are a cell stream (stream.ts);
 * - a header written with single spaces, possibly with the whole table after it on
 *   the same line → the words are a cell stream.
 *
 * Decision on 专栏 boxes that hold only prose (001 专栏3–9, 002 专栏2–12: projects and
 * measures): they are returned as tables of kind `text` with no columns and no rows,
 * so a `.ptl` citation of `专栏3` can be told "this box has no indicator rows" rather
 * than "no such table", and nothing in them is ever an undeclared indicator row.
 * Their `lastLine` is approximate: the line before the next heading or caption.
 */
import type { SourceTable } from './types';
import { lineCell, splitLine, splitTokens, type Cell, type LineRecord, type SplitKind } from './cells';
import { classifyHeader, parseHeader, resolveColumns, isUsableHeader, type Column, type HeaderWord } from './headers';
import { isBlank } from './chars';
import { captionAt, isChapterHeading, parseCaption, type Caption } from './captions';
import { readRecords, recordsAt } from './records';
import { readStream } from './stream';
import type { RowContext } from './rows';

interface HeaderHit {
  columns: Column[];
  mode: 'records' | 'lines' | 'tokens';
  kind: SplitKind;
  /** Index of the header's first and last line. */
  first: number;
  last: number;
  /** Records after the header on its own line (`<tr>`s of a one-line HTML table). */
  pending: LineRecord[];
  /** Cells after the header on its own line (a one-line table). */
  cells: Cell[];
  /** The text before the header on its line (the caption of a one-line table). */
  before?: string;
  blankSeparated: boolean;
}

const NAME_HINT = /指\s*标|名\s*称|项\s*目/;

/** Lines longer than this are not searched for tables (a hostile or minified input). */
const MAX_TABLE_LINE = 20_000;
/** Non-blank lines allowed between a caption and its header (`单位：%`, a note). */
const CAPTION_GAP = 3;

export function findTables(lines: string[]): SourceTable[] {
  return new TableFinder(lines).find();
}

class TableFinder {
  private readonly cleaned: Array<string | undefined>;
  private readonly tables: SourceTable[] = [];
  private uncaptioned = 0;
  /**
   * The last line of a run of header words that did not make a header (lenient and
   * strict reading): later lines inside the run are not tried again, which keeps a
   * file of ten thousand `序号` lines linear.
   */
  private failedRun = { lenient: -1, strict: -1 };

  constructor(private readonly lines: string[]) {
    this.cleaned = new Array(lines.length);
  }

  find(): SourceTable[] {
    let i = 0;
    while (i < this.lines.length) {
      i = this.at(i);
    }
    return this.tables;
  }

  /** Looks for a table at line i; returns the next line to look at. */
  private at(i: number): number {
    if (isBlank(this.lines[i]!) || this.lines[i]!.length > MAX_TABLE_LINE) return i + 1;
    const caption = parseCaption(this.clean(i));
    if (caption) return this.captioned(i, caption);
    const inline = captionAt(this.clean(i));
    const hit = inline ? this.headerAt(i, false, true) : this.headerAt(i, true);
    if (inline && hit) {
      const table = this.read(hit, inline.id, hit.before ?? inline.title, i);
      this.tables.push(table);
      return Math.max(table.lastLine, i + 1);
    }
    if (!hit) return i + 1;
    const table = this.read(hit, this.nextId(), '', hit.first);
    if (table.rows.length === 0) return i + 1;
    this.tables.push(table);
    return table.lastLine;
  }

  private captioned(i: number, caption: Caption): number {
    const hit = this.headerAt(i, false, true) ?? this.headerAfter(i);
    if (hit) {
      const table = this.read(hit, caption.id, caption.title, i);
      this.tables.push(table);
      return Math.max(table.lastLine, i + 1);
    }
    this.tables.push({ id: caption.id, title: caption.title, columns: [], kind: 'text', rows: [], firstLine: i + 1, lastLine: this.boxEnd(i) });
    return i + 1;
  }

  /** The header within a few lines after a caption, if any. */
  private headerAfter(i: number): HeaderHit | undefined {
    let seen = 0;
    for (let j = i + 1; j < this.lines.length && j < i + 12; j++) {
      if (isBlank(this.lines[j]!)) continue;
      if (this.isBoundary(j)) return undefined;
      const hit = this.headerAt(j, false);
      if (hit) return hit;
      const text = this.clean(j);
      if (text.length > 40 || text.includes('。') || ++seen > CAPTION_GAP) return undefined;
    }
    return undefined;
  }

  /** A prose box runs to the line before the next heading or caption. */
  private boxEnd(i: number): number {
    let last = i;
    for (let j = i + 1; j < this.lines.length && j < i + 80; j++) {
      if (isBlank(this.lines[j]!)) continue;
      if (this.isBoundary(j)) break;
      last = j;
    }
    return last + 1;
  }

  private nextId(): string {
    let id: string;
    do id = `表${++this.uncaptioned}`;
    while (this.tables.some((t) => t.id === id));
    return id;
  }

  private clean(i: number): string {
    let s = this.cleaned[i];
    if (s === undefined) {
      const line = this.lines[i]!;
      s = line.length > MAX_TABLE_LINE ? '' : lineCell(line, i + 1).text;
      this.cleaned[i] = s;
    }
    return s;
  }

  private isBoundary(i: number): boolean {
    const text = this.clean(i);
    return parseCaption(text) !== undefined || isChapterHeading(text, this.lines[i]!);
  }

  // ── headers ──────────────────────────────────────────────────────────────

  /**
   * A header starting at line i. `strict` (no caption): a name column, a value column
   * and three columns at least. `onCaption`: only a header run later on the caption's
   * own line counts (a one-line table).
   */
  private headerAt(i: number, strict: boolean, onCaption = false): HeaderHit | undefined {
    const line = this.lines[i]!;
    if (line.length > MAX_TABLE_LINE) return undefined;
    // Every header has a name column, and every name word has one of these in it.
    const named = NAME_HINT.test(line);
    if (named && !onCaption) {
      const split = splitLine(line, i + 1);
      const { records, last } = split[0]!.kind === 'html' ? recordsAt(this.lines, i, 'html') : { records: split, last: i };
      const first = records[0]!;
      if (first.kind !== 'single' && first.cells.length >= 2) {
        const hit = this.recordHeader(i, last, first, records.slice(1), strict);
        if (hit) return hit;
        const spread = this.tokenHeader(i, first.cells, strict, first.kind);
        if (spread) return spread;
      }
    }
    if (!onCaption && this.clean(i).length <= 40) {
      const hit = this.lineHeader(i, strict);
      if (hit) return hit;
    }
    return named ? this.tokenHeader(i, splitTokens(line, i + 1), strict, 'single', onCaption) : undefined;
  }

  /** Every cell of the line is a header word (empty ones become `other` columns). */
  private recordHeader(i: number, end: number, rec: LineRecord, pending: LineRecord[], strict: boolean): HeaderHit | undefined {
    let columns = recordColumns(rec.cells.map((c) => c.text));
    if (!columns || !isUsableHeader(columns, strict)) return undefined;
    let last = end;
    // A second header line under the first (`基础值 | 目标值` over `2020年 | 2025年`).
    const j = this.nextNonBlank(end + 1);
    if (j !== -1 && pending.length === 0) {
      const below = splitLine(this.lines[j]!, j + 1)[0]!;
      const texts = below.cells.map((c) => c.text);
      if (below.cells.length === rec.cells.length && texts.some((t) => t !== '') && texts.every((t) => t === '' || classifyHeader(t))) {
        const joined = recordColumns(rec.cells.map((c, k) => c.text + texts[k]));
        if (joined && isUsableHeader(joined, strict)) {
          columns = joined;
          last = j;
        }
      }
    }
    return { columns, mode: 'records', kind: rec.kind, first: i, last, pending, cells: [], blankSeparated: false };
  }

  /** One header word per line, possibly split over lines (`2020年` / `目标值`). */
  private lineHeader(i: number, strict: boolean): HeaderHit | undefined {
    if (i <= this.failedRun.lenient || (strict && i <= this.failedRun.strict)) return undefined;
    const hit = this.lineHeaderRun(i, strict);
    if (!hit.hit && hit.last > i) {
      if (strict) this.failedRun.strict = hit.last;
      else this.failedRun.lenient = hit.last;
    }
    return hit.hit;
  }

  private lineHeaderRun(i: number, strict: boolean): { hit?: HeaderHit; last: number } {
    const texts: string[] = [];
    let j = i;
    let last = i;
    let gaps = 0;
    while (j < this.lines.length && texts.length < 24) {
      if (isBlank(this.lines[j]!)) {
        j++;
        continue;
      }
      const text = this.clean(j);
      if (!classifyHeader(text) && !this.joinsNext(text, j)) break;
      if (texts.length > 0) gaps += j - last - 1;
      texts.push(text);
      last = j;
      j++;
    }
    if (texts.length < 2) return { last };
    const columns = parseHeader(texts, true);
    if (!columns || (strict && columns.length < 3)) return { last };
    const blankSeparated = gaps >= texts.length - 1;
    return { hit: { columns, mode: 'lines', kind: 'single', first: i, last, pending: [], cells: [], blankSeparated }, last };
  }

  /**
   * A header run among a line's words (from one of its first twelve words, so a caption
   * may precede it); the words after it, and on the following lines, are the cells.
   */
  private tokenHeader(i: number, tokens: Cell[], strict: boolean, kind: SplitKind, onCaption = false): HeaderHit | undefined {
    if (tokens.length < 3) return undefined;
    for (let s = onCaption ? 1 : 0; s < Math.min(tokens.length - 2, 12); s++) {
      if (!classifyHeader(tokens[s]!.text) && !classifyHeader(tokens[s]!.text + (tokens[s + 1]?.text ?? ''))) continue;
      let m = s;
      while (m < tokens.length && (classifyHeader(tokens[m]!.text) || (m + 1 < tokens.length && classifyHeader(tokens[m]!.text + tokens[m + 1]!.text)))) m++;
      const columns = m - s >= 3 ? parseHeader(tokens.slice(s, m).map((t) => t.text), true) : undefined;
      if (columns && (!strict || columns.length >= 3)) {
        const before = s > 0 ? lineCell(this.lines[i]!.slice(0, tokens[s]!.column), i + 1).text : undefined;
        const hit: HeaderHit = { columns, mode: 'tokens', kind, first: i, last: i, pending: [], cells: tokens.slice(m), blankSeparated: false };
        if (before) hit.before = before;
        return hit;
      }
    }
    return undefined;
  }

  /** Whether the text and the next non-blank line make a header word together (`2020年` / `基础值`). */
  private joinsNext(text: string, j: number): boolean {
    const k = this.nextNonBlank(j + 1);
    return k !== -1 && classifyHeader(text + this.clean(k)) !== undefined;
  }

  private nextNonBlank(from: number): number {
    for (let k = from; k < this.lines.length && k < from + 6; k++) if (!isBlank(this.lines[k]!)) return k;
    return -1;
  }

  // ── rows ─────────────────────────────────────────────────────────────────

  private read(hit: HeaderHit, id: string, title: string, firstIndex: number): SourceTable {
    const ctx: RowContext = { columns: hit.columns, lineText: (line) => this.lines[line - 1] ?? '' };
    let result;
    if (hit.mode === 'records') {
      const src = { lines: this.lines, isBoundary: (k: number) => this.isBoundary(k) };
      result = readRecords(src, hit.last + 1, hit.columns, hit.kind, ctx, hit.pending);
    } else {
      const cells = hit.mode === 'lines' ? this.lineCells(hit.last + 1, hit.blankSeparated) : [...hit.cells, ...this.tokenCells(hit.last + 1)];
      result = readStream(cells, hit.columns, ctx);
    }
    const table: SourceTable = {
      id,
      title,
      columns: hit.columns.map((c) => c.role),
      kind: 'indicators',
      rows: result.rows,
      firstLine: firstIndex + 1,
      lastLine: Math.max(hit.last + 1, result.lastLine),
    };
    if (hit.columns.some((c) => c.year !== undefined)) table.columnYears = hit.columns.map((c) => c.year);
    return table;
  }

  /**
   * One cell per non-blank line. Where cells are separated by single blank lines, a
   * longer gap holds empty cells (two blank lines for one missing cell); where they are
   * not, each blank line is an empty cell.
   */
  private lineCells(start: number, blankSeparated: boolean): Cell[] {
    const cells: Cell[] = [];
    let gap = 0;
    for (let j = start; j < this.lines.length && j < start + 4000; j++) {
      const line = this.lines[j]!;
      if (isBlank(line)) {
        gap++;
        continue;
      }
      if (this.isBoundary(j) || line.length > 160) break;
      const empties = cells.length === 0 ? 0 : blankSeparated ? Math.floor(gap / 2) : gap;
      for (let e = 0; e < empties; e++) cells.push({ text: '', line: j - gap + 1 + e, column: 0, length: 0 });
      cells.push(lineCell(line, j + 1));
      gap = 0;
    }
    return cells;
  }

  /** The words of the lines after a single-spaced header, up to prose or a heading. */
  private tokenCells(start: number): Cell[] {
    const cells: Cell[] = [];
    let blanks = 0;
    for (let j = start; j < this.lines.length && j < start + 400; j++) {
      const line = this.lines[j]!;
      if (isBlank(line)) {
        if (++blanks > 3) break;
        continue;
      }
      if (this.isBoundary(j) || line.length > 400 || line.includes('。')) break;
      blanks = 0;
      for (const c of splitTokens(line, j + 1)) cells.push(c);
    }
    return cells;
  }
}

/** Header columns of a record: each non-empty cell one word, empty cells `other`. */
function recordColumns(texts: string[]): Column[] | undefined {
  let a = 0;
  let b = texts.length;
  while (a < b && texts[a] === '') a++;
  while (b > a && texts[b - 1] === '') b--;
  const words: HeaderWord[] = [];
  for (let k = a; k < b; k++) {
    if (texts[k] === '') {
      words.push({ role: 'other' });
      continue;
    }
    const w = classifyHeader(texts[k]!);
    if (!w) return undefined;
    words.push(w);
  }
  const lead: Column[] = Array.from({ length: a }, () => ({ role: 'other' }));
  return [...lead, ...resolveColumns(words)];
}
