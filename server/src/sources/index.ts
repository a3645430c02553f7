/**
 * The source index: what a plan's text says, found once and queried by the checker,
 * the hover and the importer. Pure: text or bytes in, data out (no fs, no protocol).
 *
 *   indexSourceBytes(bytes)        decode (decode.ts) + indexSource
 *   indexSource(text, encoding?)   lines, tables (tables.ts), prose targets (prose.ts)
 *   findRow / findTable / findLine / findQuote   resolve `cite` forms
 *   matchName / normalizeName      `name "…"` against row names and prose subjects
 *
 * Conventions: lines 1-based, columns 0-based UTF-16; a value's `value` has its 万/亿
 * applied and its `unit` is what follows the scale (`3.3万张` → 33000, `张`).
 */
import type { ProseTarget, SourceIndex, SourceLocation, SourceRow, SourceTable } from './types';
import { decodePlanText } from './decode';
import { findTables } from './tables';
import { findProse } from './prose';
import { normalizeTableId } from './captions';
import { findQuote as findQuoteIn } from './quote';

export type * from './types';
export { decodePlanText } from './decode';
export { normalizeName, matchName } from './match';
export { normalizeTableId } from './captions';
export { parseValue } from './values';

/** Indexes decoded text. CRLF/CR are normalized to LF and a leading BOM dropped. */
export function indexSource(text: string, encoding = 'utf-8'): SourceIndex {
  const normalized = normalizeText(text);
  const lines = normalized.split('\n');
  const tables = findTables(lines);
  const inTable = new Uint8Array(lines.length);
  for (const t of tables) {
    if (t.kind === 'text') continue;
    for (let l = t.firstLine; l <= t.lastLine; l++) inTable[l - 1] = 1;
  }
  const prose = findProse(lines, (i) => inTable[i] === 1);
  return { text: normalized, lines, encoding, problems: [], tables, prose };
}

/** Decodes bytes (UTF-8 ± BOM, UTF-16 with BOM, GB18030) and indexes them; decoding problems are kept. */
export function indexSourceBytes(bytes: Uint8Array): SourceIndex {
  const decoded = decodePlanText(bytes);
  const index = indexSource(decoded.text, decoded.encoding);
  index.problems = decoded.problems;
  return index;
}

export function normalizeText(text: string): string {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return t.includes('\r') ? t.replace(/\r\n?/g, '\n') : t;
}

export interface RowHit {
  table: SourceTable;
  row: SourceRow;
}

/**
 * Row `rowIndex` (1-based, as `cite row N` counts numbered rows) of a table. Without a
 * table id: the only indicator table, or the first one holding that row.
 */
export function findRow(index: SourceIndex, tableId: string | undefined, rowIndex: number): RowHit | undefined {
  const tables = index.tables.filter((t) => t.rows.length > 0);
  if (tableId === undefined) {
    for (const table of tables) {
      const row = table.rows.find((r) => r.index === rowIndex);
      if (row) return { table, row };
    }
    return undefined;
  }
  const id = normalizeTableId(tableId);
  const table = index.tables.find((t) => t.id === id && t.rows.length > 0) ?? index.tables.find((t) => t.id === id);
  const row = table?.rows.find((r) => r.index === rowIndex);
  return table && row ? { table, row } : undefined;
}

/** A table's rows and their sub-rows, depth first, in the plan's order. */
export function flattenRows(rows: SourceRow[], out: SourceRow[] = []): SourceRow[] {
  for (const row of rows) {
    out.push(row);
    flattenRows(row.children, out);
  }
  return out;
}

/** A table by id (`专栏2`, `专栏 2`, `专栏二` all find `专栏2`). */
export function findTable(index: SourceIndex, tableId: string): SourceTable | undefined {
  const id = normalizeTableId(tableId);
  return index.tables.find((t) => t.id === id && t.rows.length > 0) ?? index.tables.find((t) => t.id === id);
}

export interface LineHit {
  line: number;
  text: string;
  /** Prose targets stated on (or running onto) the line. */
  prose: ProseTarget[];
  /** Table rows (children included) that lie on the line. */
  rows: RowHit[];
}

/** Line `line` (1-based) with what the index found on it; undefined past the end. */
export function findLine(index: SourceIndex, line: number): LineHit | undefined {
  if (!Number.isInteger(line) || line < 1 || line > index.lines.length) return undefined;
  const prose = index.prose.filter((p) => p.line <= line && line <= (p.endLine ?? p.line));
  const rows: RowHit[] = [];
  for (const table of index.tables) {
    if (line < table.firstLine || line > table.lastLine) continue;
    for (const row of table.rows) {
      for (const r of [row, ...row.children]) if (r.firstLine <= line && line <= r.lastLine) rows.push({ table, row: r });
    }
  }
  return { line, text: index.lines[line - 1]!, prose, rows };
}

/**
 * Where a quoted passage occurs, robust to full-/half-width punctuation, quotes and
 * whitespace (`到2025年,养老机构…` finds `到2025年，养老机构…`).
 */
export function findQuote(index: SourceIndex, quote: string): SourceLocation | undefined {
  return findQuoteIn(index, quote);
}
