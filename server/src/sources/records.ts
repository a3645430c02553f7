/**
 * Tables whose rows are lines: tab-separated (002), markdown pipes, HTML `<tr>`, or
 * columns aligned with runs of spaces (PDF). Each line is one row (an HTML row may
 * span lines); a row without a 序号 under a numbered row is its sub-row, a lone short
 * name before a numbered row is a category heading, and a lone name fragment under
 * a row's name (same column) is that name wrapped by the PDF. A blank line may fall
 * inside a table (a page break); after it only the next expected row continues it.
 */
import type { SourceRow } from './types';
import { splitLine, type Cell, type LineRecord, type SplitKind } from './cells';
import type { Column } from './headers';
import { isBlank } from './chars';
import { rowNumber } from './values';
import { splitName } from './names';
import { assignCells, buildRow, isNameLike, type Assigned, type RowContext } from './rows';

export interface RecordSource {
  lines: string[];
  /** Whether line `index` (0-based) is a caption or chapter heading, which ends any table. */
  isBoundary: (index: number) => boolean;
}

export interface RecordResult {
  rows: SourceRow[];
  lastLine: number;
}

/** Lines a table may run before giving up on a blank gap. */
const MAX_BLANK_RUN = 3;

export function readRecords(
  src: RecordSource,
  start: number,
  columns: Column[],
  kind: SplitKind,
  ctx: RowContext,
  pending: LineRecord[] = [],
): RecordResult {
  const reader = new RecordReader(columns, ctx);
  for (const rec of pending) if (!reader.take(rec, false)) return reader.result();
  let blanks = 0;
  for (let i = start; i < src.lines.length; i++) {
    const line = src.lines[i]!;
    if (isBlank(line)) {
      if (++blanks > MAX_BLANK_RUN) break;
      continue;
    }
    if (src.isBoundary(i)) break;
    const { records, last } = recordsAt(src.lines, i, kind);
    let ok = true;
    for (const rec of records) {
      ok = reader.take(rec, blanks > 0, () => peekNumber(src.lines, last + 1, kind));
      if (!ok) break;
    }
    if (!ok) break;
    blanks = 0;
    i = last;
  }
  return reader.result();
}

/** The records at line i; an HTML row left open (`<tr>` … `</tr>` over lines) is joined. */
export function recordsAt(lines: string[], i: number, kind: SplitKind): { records: LineRecord[]; last: number } {
  const line = lines[i]!;
  if (kind === 'html' && /<tr/i.test(line) && !/<\/tr/i.test(line)) {
    const cells: Cell[] = [];
    let k = i;
    for (; k < lines.length && k < i + 60; k++) {
      if (k > i && /<tr/i.test(lines[k]!)) {
        k--;
        break;
      }
      for (const r of splitLine(lines[k]!, k + 1)) if (r.kind === 'html') for (const c of r.cells) cells.push(c);
      if (/<\/tr/i.test(lines[k]!)) break;
    }
    return { records: [{ kind: 'html', cells }], last: Math.min(k, lines.length - 1) };
  }
  return { records: splitLine(line, i + 1), last: i };
}

/** The 序号 of the next non-blank line's first cell, to tell a category heading from the end. */
function peekNumber(lines: string[], from: number, kind: SplitKind): number | undefined {
  for (let k = from; k < lines.length && k < from + 4; k++) {
    if (isBlank(lines[k]!)) continue;
    const rec = recordsAt(lines, k, kind).records[0];
    const first = rec?.cells.find((c) => c.text !== '');
    return first ? rowNumber(first.text) : undefined;
  }
  return undefined;
}

class RecordReader {
  private readonly tops: SourceRow[] = [];
  private last: SourceRow | undefined;
  private lastName: Cell | undefined;
  /** The last top row's cells while it has a name but nothing else (its name may wrap). */
  private bare: Assigned | undefined;
  private category: string | undefined;
  private expected = 1;
  private lastLine = 0;
  private readonly hasNumber: boolean;

  constructor(
    private readonly columns: Column[],
    private readonly ctx: RowContext,
  ) {
    this.hasNumber = columns.some((c) => c.role === 'number');
  }

  /** Takes one record; false when it is not part of the table. */
  take(rec: LineRecord, afterGap: boolean, nextNumber?: () => number | undefined): boolean {
    if (rec.separator) return true;
    const filled = rec.cells.filter((c) => c.text !== '');
    if (filled.length === 0) return true;
    const a = assignCells(rec.cells, this.columns);
    if (!a || (a.values.length === 0 && !a.attribute && !a.number)) return this.takeLone(filled, afterGap, nextNumber);
    if (this.bare && !a.number && !afterGap && !/^其中/.test(a.name.text)) return this.finishWrapped(a);
    const n = a.number ? rowNumber(a.number.text) : undefined;
    if (afterGap && this.hasNumber && n !== this.expected && !(n === 1 && this.category !== undefined)) return false;
    if (a.category) this.category = a.category.text;
    const row = buildRow(a, this.ctx);
    if (!a.category && this.category !== undefined) row.category = this.category;
    const child = this.isChild(a);
    if (child) this.addChild(row);
    else this.addTop(row, n);
    this.lastName = a.name;
    this.bare = !child && a.values.length === 0 && !a.attribute ? a : undefined;
    this.lastLine = Math.max(this.lastLine, row.lastLine);
    for (const c of row.children) this.lastLine = Math.max(this.lastLine, c.lastLine);
    return true;
  }

  /**
   * A numbered row that had only its name (`3  乡镇（街道）范围具备综合功能的`) and a
   * following line without 序号 that carries the rest of the name and the values: one
   * row whose name wrapped in the PDF.
   */
  private finishWrapped(rest: Assigned): boolean {
    const head = this.bare!;
    const name: Cell = { ...head.name, text: head.name.text + rest.name.text };
    const merged: Assigned = { ...rest, number: head.number, category: head.category ?? rest.category, name };
    const row = buildRow(merged, this.ctx);
    row.lastLine = Math.max(row.lastLine, rest.name.line);
    row.nameLocation.endLine = rest.name.line;
    row.nameLocation.endColumn = rest.name.column + rest.name.length;
    const old = this.tops.pop()!;
    row.index = old.index;
    if (old.category !== undefined && row.category === undefined) row.category = old.category;
    this.tops.push(row);
    this.last = row;
    this.lastName = rest.name;
    this.bare = undefined;
    this.lastLine = Math.max(this.lastLine, row.lastLine);
    return true;
  }

  /** A row without a 序号 under a numbered row, or any row named 其中…, is a sub-row. */
  private isChild(a: Assigned): boolean {
    if (!this.last) return false;
    if (/^其中/.test(a.name.text)) return true;
    return this.hasNumber && !a.number && this.tops.length > 0;
  }

  private addTop(row: SourceRow, n: number | undefined): void {
    row.index = this.tops.length + 1;
    this.tops.push(row);
    this.last = row;
    if (n !== undefined) this.expected = n + 1;
  }

  private addChild(row: SourceRow): void {
    const parent = this.last!;
    row.index = parent.children.length + 1;
    if (!row.attribute && parent.attribute) row.attribute = parent.attribute;
    // `其中：城市` / `农村` share the parent's unit unless they state their own.
    if (!row.unit && parent.unit) row.unit = parent.unit;
    parent.children.push(row);
  }

  /**
   * A record with a single name and nothing else: a category heading when a numbered row
   * follows, the wrapped rest of the previous row's name when it sits in that column.
   */
  private takeLone(filled: Cell[], afterGap: boolean, nextNumber?: () => number | undefined): boolean {
    if (filled.length !== 1 || !isNameLike(filled[0]!.text) || filled[0]!.text.length > 30) return false;
    const cell = filled[0]!;
    const upcoming = nextNumber?.();
    if (upcoming !== undefined && (upcoming === this.expected || upcoming === 1)) {
      this.category = cell.text;
      this.lastLine = Math.max(this.lastLine, cell.line);
      return true;
    }
    if (!afterGap && this.last && this.lastName && Math.abs(cell.column - this.lastName.column) <= 3) {
      const row = this.last;
      row.rawName += cell.text;
      const parts = splitName(row.rawName);
      row.name = parts.name;
      if (parts.unit && !row.unit) row.unit = parts.unit;
      row.lastLine = cell.line;
      row.nameLocation.endLine = cell.line;
      row.nameLocation.endColumn = cell.column + cell.length;
      this.lastLine = cell.line;
      return true;
    }
    return false;
  }

  result(): RecordResult {
    return { rows: this.tops, lastLine: this.lastLine };
  }
}
