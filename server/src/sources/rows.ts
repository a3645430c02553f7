/**
 * Turning one row's cells into a SourceRow. Cells do not always line up with the
 * header: a merged category cell appears only in its first row, empty cells vanish
 * in cell-per-line text (001 专栏2 rows 5–10 only have a target), a unit column may be
 * blank. When the count matches the header the cells are read by position; otherwise by
 * what each cell looks like (序号, name, unit, values, attribute from the end).
 */
import type { Attribute, SourceRow, SourceValue } from './types';
import type { Cell } from './cells';
import type { Column } from './headers';
import { cellKind, cellValue, isAttributeText, rowNumber, parseValue, type CellKind } from './values';
import { splitName } from './names';
import { fold, hasHan } from './chars';

export interface Assigned {
  number?: Cell;
  category?: Cell;
  name: Cell;
  unit?: Cell;
  attribute?: Cell;
  values: Array<{ column: Column; cell: Cell }>;
}

const VALUE_ROLES = new Set(['baseline', 'target', 'actual']);

export function valueColumns(columns: Column[]): Column[] {
  return columns.filter((c) => VALUE_ROLES.has(c.role));
}

/** Assigns cells to columns, or undefined when the cells are not an indicator row. */
export function assignCells(cells: Cell[], columns: Column[]): Assigned | undefined {
  if (cells.length === columns.length) {
    const byPosition = assignByPosition(cells, columns);
    if (byPosition) return byPosition;
  }
  return assignByKind(cells, columns);
}

function assignByPosition(cells: Cell[], columns: Column[]): Assigned | undefined {
  const out: Partial<Assigned> & { values: Assigned['values'] } = { values: [] };
  for (let k = 0; k < columns.length; k++) {
    const col = columns[k]!;
    const cell = cells[k]!;
    const kind = cellKind(cell.text);
    switch (col.role) {
      case 'number':
        if (kind !== 'empty' && rowNumber(cell.text) === undefined) return undefined;
        if (kind !== 'empty') out.number = cell;
        break;
      case 'category':
        if (kind !== 'empty') out.category = cell;
        break;
      case 'name':
        if (!isNameLikeKind(cell.text, kind)) return undefined;
        out.name = cell;
        break;
      case 'unit':
        if (kind !== 'empty' && kind !== 'none') out.unit = cell;
        break;
      case 'attribute':
        if (kind !== 'empty' && kind !== 'attribute') return undefined;
        if (kind === 'attribute') out.attribute = cell;
        break;
      case 'other':
        break;
      default:
        out.values.push({ column: col, cell });
    }
  }
  return out.name ? (out as Assigned) : undefined;
}

function assignByKind(all: Cell[], columns: Column[]): Assigned | undefined {
  const has = (role: string): boolean => columns.some((c) => c.role === role);
  let cells = all;
  while (cells.length > 0 && cells[0]!.text === '') cells = cells.slice(1);
  let i = 0;
  const out: Partial<Assigned> & { values: Assigned['values'] } = { values: [] };
  if (has('category') && cells.length > 2 && isNameLike(cells[0]!.text)) {
    const next = cells[1]!.text;
    if (has('number') ? rowNumber(next) !== undefined : isNameLike(next)) out.category = cells[i++];
  }
  if (rowNumber(cells[i]?.text ?? '') !== undefined && i + 1 < cells.length && isNameLike(cells[i + 1]!.text)) out.number = cells[i++];
  while (i < cells.length && cells[i]!.text === '') i++;
  const name = cells[i];
  if (!name || !isNameLike(name.text)) return undefined;
  out.name = name;
  i++;
  let j = cells.length;
  while (j > i && cells[j - 1]!.text === '') j--;
  if (j > i && cellKind(cells[j - 1]!.text) === 'attribute') out.attribute = cells[--j];
  const valueCols = valueColumns(columns);
  if (has('unit') && i < j) {
    const kind = cellKind(cells[i]!.text);
    if (kind === 'unit' || ((kind === 'none' || kind === 'empty') && j - i > valueCols.length)) {
      if (kind === 'unit') out.unit = cells[i];
      i++;
    }
  }
  out.values = distribute(cells.slice(i, j), valueCols);
  return out as Assigned;
}

/**
 * Values to value columns. Equal counts zip; a lone value is the target (a row that
 * only states its 2025 goal); otherwise from the left, extra cells dropped.
 */
function distribute(values: Cell[], columns: Column[]): Assigned['values'] {
  if (values.length === 0 || columns.length === 0) return [];
  if (values.length === 1 && columns.length > 1) {
    const targets = columns.filter((c) => c.role === 'target');
    const col = targets[targets.length - 1] ?? columns[columns.length - 1]!;
    return [{ column: col, cell: values[0]! }];
  }
  return values.slice(0, columns.length).map((cell, k) => ({ column: columns[k]!, cell }));
}

/** Text that can be an indicator name: has Han or letters and is not a value, dash or attribute. */
export function isNameLike(text: string): boolean {
  return isNameLikeKind(text, cellKind(text));
}

/** isNameLike, for a cell whose kind is known. */
export function isNameLikeKind(text: string, kind: CellKind): boolean {
  // Names are short and never a sentence: a paragraph of prose is not a row.
  if (kind !== 'text' || text.length > 80 || text.includes('。')) return false;
  return hasHan(text) || /[a-z]{2}/i.test(text);
}

export function parseAttribute(text: string): Attribute | undefined {
  if (!isAttributeText(text)) return undefined;
  return text.includes('约束') ? 'binding' : 'anticipatory';
}

export interface RowContext {
  columns: Column[];
  /** The text of a source line, to locate the parts of a stacked cell. */
  lineText: (line: number) => string;
}

/** Builds the row (index 0: the table numbers rows afterwards). */
export function buildRow(a: Assigned, ctx: RowContext): SourceRow {
  return splitStacked(a, ctx) ?? buildSimple(a);
}

function makeRow(a: Assigned, values: Array<{ column: Column; value: SourceValue }>, nameCell: Cell, rawName: string): SourceRow {
  const parts = splitName(rawName);
  const unitText = a.unit ? fold(a.unit.text).replace(/\s+/g, '') : undefined;
  const row: SourceRow = {
    index: 0,
    name: parts.name,
    rawName: rawName.includes('\n') ? rawName.replace(/\n/g, ' ') : rawName,
    nameLocation: { line: nameCell.line, column: nameCell.column, length: nameCell.length },
    children: [],
    firstLine: nameCell.line,
    lastLine: nameCell.line,
  };
  if (a.number) row.number = a.number.text;
  const unit = unitText || parts.unit;
  if (unit) row.unit = unit;
  if (a.category) row.category = a.category.text;
  const targets = values.filter((v) => v.column.role === 'target');
  for (const { column, value } of values) {
    if (column.role === 'baseline') {
      row.baseline = value;
      if (column.year !== undefined) row.baselineYear = column.year;
    } else if (column.role === 'actual') {
      row.actual = value;
      if (column.year !== undefined) row.actualYear = column.year;
    } else if (column.role === 'target') {
      row.target = value;
    }
  }
  // The target and its year are the last target column's.
  const lastTarget = targets[targets.length - 1];
  if (lastTarget?.column.year !== undefined) row.targetYear = lastTarget.column.year;
  if (targets.length > 1 && targets.every((t) => t.column.year !== undefined)) {
    row.targets = {};
    for (const t of targets) row.targets[t.column.year!] = t.value;
  }
  const attribute = a.attribute ? parseAttribute(a.attribute.text) : undefined;
  if (attribute) row.attribute = attribute;
  // Not the category: a merged category cell belongs to every row under it.
  for (const cell of [a.number, a.unit, a.attribute]) if (cell) spread(row, cell.line);
  for (const v of values) spread(row, v.value.line);
  return row;
}

/** Widens the row's lines to take in `line`. */
function spread(row: SourceRow, line: number): void {
  if (line < row.firstLine) row.firstLine = line;
  if (line > row.lastLine) row.lastLine = line;
}

/**
 * A row whose name cell stacks sub-rows (`养老床位数（张）<br>其中：护理型床位占比（%）`)
 * and whose value cells stack their values the same way (`3000<br>30`): the parent
 * takes the first value, each 其中 child the next; a cell with one value stays the
 * parent's, and a single unit or attribute cell is shared with the children.
 */
function splitStacked(a: Assigned, ctx: RowContext): SourceRow | undefined {
  const text = a.name.text;
  const at = text.indexOf('其中');
  if (at <= 0) return undefined;
  const parentName = text.slice(0, at).trim();
  const childNames = splitChildNames(text.slice(at).replace(/^其中\s*[:：,，]?\s*/, ''));
  if (parentName === '' || childNames.length === 0) return undefined;
  const n = childNames.length;
  const names = locateParts(a.name, [parentName, ...childNames], ctx);
  const parent: Assigned = { ...a, name: names[0]!, values: [] };
  const children: Assigned[] = childNames.map((_, k) => ({ ...a, number: undefined, category: undefined, name: names[k + 1]!, values: [] }));
  for (const { column, cell } of a.values) {
    const parts = splitStackedValue(cell.text);
    if (parts.length !== n + 1 && parts.length !== n) {
      parent.values.push({ column, cell });
      continue;
    }
    const cells = locateParts(cell, parts, ctx);
    const offset = parts.length - n;
    if (offset === 1) parent.values.push({ column, cell: cells[0]! });
    for (let k = 0; k < n; k++) children[k]!.values.push({ column, cell: cells[k + offset]! });
  }
  for (const key of ['unit', 'attribute'] as const) {
    const cell = a[key];
    const parts = cell ? cell.text.split(/\n|\s+/).filter((p) => p !== '') : [];
    if (!cell || parts.length !== n + 1) continue;
    const cells = locateParts(cell, parts, ctx);
    parent[key] = cells[0];
    children.forEach((c, k) => (c[key] = cells[k + 1]));
  }
  const row = buildSimple(parent);
  row.children = children.map((c, k) => {
    const child = buildSimple(c);
    child.index = k + 1;
    // A child without its own unit shares the parent's (`城乡低保标准（元/月）其中：城市`).
    if (!child.unit && row.unit && !a.unit) child.unit = row.unit;
    return child;
  });
  return row;
}

function buildSimple(a: Assigned): SourceRow {
  return makeRow(a, a.values.map((v) => ({ column: v.column, value: cellValue(v.cell) })), a.name, a.name.text);
}

function splitChildNames(rest: string): string[] {
  const byBreak = rest.split(/\n|[；;]/).map((s) => s.trim()).filter((s) => s !== '');
  if (byBreak.length > 1) return byBreak;
  const bySpace = rest.split(/\s+/).filter((s) => s !== '');
  if (bySpace.length > 1 && bySpace.every((s) => hasHan(s) && !/^[(（]/.test(s))) return bySpace;
  return rest.trim() === '' ? [] : [rest.trim()];
}

/** The values stacked in one cell: split at `<br>`, or at spaces when every piece is a value. */
export function splitStackedValue(text: string): string[] {
  const byBreak = text.split('\n').map((s) => s.trim()).filter((s) => s !== '');
  if (byBreak.length > 1) return byBreak;
  const bySpace = text.split(/\s+/).filter((s) => s !== '');
  if (bySpace.length > 1 && bySpace.every((s) => parseValue(s)?.value !== undefined || parseValue(s)?.none)) return bySpace;
  return [text];
}

/**
 * Locates the pieces of a cell in its line, each after the previous one (so `30` is
 * not found inside `3000`). A piece that cannot be found keeps the whole cell's range.
 */
function locateParts(cell: Cell, parts: string[], ctx: RowContext): Cell[] {
  const line = ctx.lineText(cell.line);
  const end = cell.column + cell.length;
  let from = cell.column;
  return parts.map((part) => {
    const at = line.indexOf(part, from);
    if (at === -1 || at + part.length > end) return { ...cell, text: part };
    from = at + part.length;
    return { text: part, line: cell.line, column: at, length: part.length };
  });
}
