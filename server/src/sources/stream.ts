/**
 * Tables whose cells come as a flat sequence rather than as rows: one cell per line
 * with blank lines between (001), or a whole table run together on one line with
 * single spaces. Rows are recovered from the sequence itself: a row starts at the next
 * expected 序号 followed by a name, ends with its attribute, and a 其中 name (or an
 * un-numbered name followed by values) opens a sub-row. Whatever does not fit ends the
 * table, so the prose after it is never read as rows.
 */
import type { SourceRow } from './types';
import type { Cell } from './cells';
import type { Column } from './headers';
import { cellKind, rowNumber } from './values';
import { assignCells, buildRow, isNameLike, isNameLikeKind, type RowContext } from './rows';

interface Builder {
  number?: Cell;
  category?: Cell;
  /** Name, unit, values, attribute, in order; empty cells stand for empty table cells. */
  cells: Cell[];
  attribute: boolean;
  children: Builder[];
}

export interface StreamResult {
  rows: SourceRow[];
  /** Line of the last cell that belonged to the table (0 when none did). */
  lastLine: number;
}

export function readStream(cells: Cell[], columns: Column[], ctx: RowContext): StreamResult {
  return new StreamReader(cells, columns, ctx).read();
}

class StreamReader {
  private readonly tops: Builder[] = [];
  private current: Builder | undefined;
  private parent: Builder | undefined;
  private expected = 1;
  private category: Cell | undefined;
  private pendingCategory = false;
  private lastLine = 0;
  private readonly hasNumber: boolean;
  private readonly hasAttribute: boolean;
  /** Cells a complete row has after its 序号 and category. */
  private readonly width: number;

  constructor(
    private readonly cells: Cell[],
    private readonly columns: Column[],
    private readonly ctx: RowContext,
  ) {
    this.hasNumber = columns.some((c) => c.role === 'number');
    this.hasAttribute = columns.some((c) => c.role === 'attribute');
    this.width = columns.filter((c) => c.role !== 'number' && c.role !== 'category' && c.role !== 'other').length;
  }

  read(): StreamResult {
    for (let k = 0; k < this.cells.length; k++) {
      if (!this.step(k)) break;
    }
    return { rows: this.finish(), lastLine: this.lastLine };
  }

  /** Takes cell k; false when it ends the table. */
  private step(k: number): boolean {
    const c = this.cells[k]!;
    const kind = cellKind(c.text);
    if (this.startsNumberedRow(k)) return this.open(c, true);
    const cur = this.current;
    if (kind === 'empty') {
      if (cur && this.hasName(cur) && !this.complete(cur)) cur.cells.push(c);
      return true;
    }
    if (isNameLikeKind(c.text, kind)) return this.takeName(c, k);
    if (!cur || !this.hasName(cur) || this.complete(cur)) return false;
    cur.cells.push(c);
    if (kind === 'attribute') cur.attribute = true;
    this.consume(c);
    return true;
  }

  private startsNumberedRow(k: number): boolean {
    const n = rowNumber(this.cells[k]!.text);
    if (n === undefined) return false;
    // Numbering may restart under a new category.
    if (n !== this.expected && !(n === 1 && this.pendingCategory)) return false;
    const next = this.nextNonEmpty(k + 1);
    if (!next || !isNameLike(next.text)) return false;
    return !this.current || this.hasName(this.current);
  }

  private takeName(c: Cell, k: number): boolean {
    const cur = this.current;
    if (!cur) {
      if (this.nextStartsRow(k)) return this.setCategory(c);
      if (!this.hasNumber && this.tops.length === 0) return this.open(c, false);
      return false;
    }
    if (!this.hasName(cur)) {
      cur.cells.push(c);
      this.consume(c);
      return true;
    }
    const started = this.complete(cur) || cur.cells.length > 1;
    if (!started) {
      // A name wrapped onto a second cell before any value: one name.
      const name = cur.cells[0]!;
      cur.cells[0] = { ...name, text: name.text + c.text, length: name.line === c.line ? c.column + c.length - name.column : name.length };
      this.consume(c);
      return true;
    }
    if (/^其中/.test(c.text) && this.parent) return this.openChild(c);
    if (this.nextStartsRow(k)) return this.setCategory(c);
    const next = this.nextNonEmpty(k + 1);
    if (this.hasNumber && this.parent && next && !isNameLike(next.text) && rowNumber(next.text) !== this.expected) return this.openChild(c);
    if (!this.hasNumber) return this.open(c, false);
    return false;
  }

  /** The cell after k is the next expected 序号 followed by a name: k is a category. */
  private nextStartsRow(k: number): boolean {
    const next = this.nextIndex(k + 1);
    if (next === -1) return false;
    const n = rowNumber(this.cells[next]!.text);
    const after = this.nextNonEmpty(next + 1);
    return (n === this.expected || n === 1) && after !== undefined && isNameLike(after.text);
  }

  private setCategory(c: Cell): boolean {
    this.category = c;
    this.pendingCategory = true;
    this.consume(c);
    return true;
  }

  private open(c: Cell, numbered: boolean): boolean {
    const b: Builder = { cells: [], attribute: false, children: [] };
    if (numbered) {
      b.number = c;
      this.expected = rowNumber(c.text)! + 1;
    } else b.cells.push(c);
    if (this.category) b.category = this.category;
    this.pendingCategory = false;
    this.tops.push(b);
    this.current = this.parent = b;
    this.consume(c);
    return true;
  }

  private openChild(c: Cell): boolean {
    const b: Builder = { cells: [c], attribute: false, children: [] };
    this.parent!.children.push(b);
    this.current = b;
    this.consume(c);
    return true;
  }

  private hasName(b: Builder): boolean {
    return b.cells.some((c) => c.text !== '');
  }

  private complete(b: Builder): boolean {
    return this.hasAttribute ? b.attribute : b.cells.length >= this.width;
  }

  private consume(c: Cell): void {
    this.lastLine = Math.max(this.lastLine, c.line);
  }

  private nextIndex(from: number): number {
    for (let k = from; k < this.cells.length; k++) if (this.cells[k]!.text !== '') return k;
    return -1;
  }

  private nextNonEmpty(from: number): Cell | undefined {
    const k = this.nextIndex(from);
    return k === -1 ? undefined : this.cells[k];
  }

  private finish(): SourceRow[] {
    const columns = this.columns.filter((c) => c.role !== 'category');
    const childColumns = columns.filter((c) => c.role !== 'number');
    const rows: SourceRow[] = [];
    for (const b of this.tops) {
      const row = this.build(b, b.number ? columns : childColumns);
      if (!row) continue;
      row.index = rows.length + 1;
      for (const cb of b.children) {
        const child = this.build(cb, childColumns);
        if (!child) continue;
        child.index = row.children.length + 1;
        if (!child.attribute && row.attribute) child.attribute = row.attribute;
        // `其中：城市` / `农村` share the parent's unit unless they state their own.
        if (!child.unit && row.unit) child.unit = row.unit;
        row.children.push(child);
      }
      rows.push(row);
    }
    return rows;
  }

  private build(b: Builder, columns: Column[]): SourceRow | undefined {
    // Empty cells at the edges are the blank lines around a row, not cells of it.
    const cells = [...b.cells];
    while (cells.length > 0 && cells[cells.length - 1]!.text === '') cells.pop();
    const assigned = assignCells(b.number ? [b.number, ...cells] : cells, columns);
    if (!assigned) return undefined;
    if (b.number) assigned.number = b.number;
    if (b.category) assigned.category = b.category;
    return buildRow(assigned, this.ctx);
  }
}
