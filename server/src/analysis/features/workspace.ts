/**
 * What editor features need beyond one file's analysis: the other analysed files
 * (for references across `use`), path resolution (the engine's own rules), and
 * the plan texts. The language server supplies it; tests supply one in memory.
 */
import type * as A from '../../../../grammar/src/ast';
import type { Localized } from '../../../../grammar/src/message';
import type { Range } from '../../../../grammar/src/range';
import type { SourceIndex, SourceRow, SourceTable } from '../../sources/types';
import type { FileAnalysis } from '../analyze';
import type { IndicatorSymbol, ValueSymbol } from '../model';

export interface FeatureWorkspace {
  /** Every analysed `.ptl` file of the workspace (the current one included or not). */
  analyses(): readonly FileAnalysis[];
  /** A path written in `from` (`source`, `use`, `cite "…"`) as a workspace path; undefined when refused. */
  resolvePath(from: string, written: string): string | undefined;
  /** The index of a plan text, by workspace path. */
  sourceIndex(path: string): SourceIndex | undefined;
}

export const NO_WORKSPACE: FeatureWorkspace = {
  analyses: () => [],
  resolvePath: () => undefined,
  sourceIndex: () => undefined,
};

export interface Location {
  file: string;
  range: Range;
}

/** A symbol and the file that declares it. */
export interface Declared {
  symbol: ValueSymbol;
  file: string;
  /** The declaring file's analysis, when the workspace has one. */
  analysis?: FileAnalysis;
}

/** The file a `use` alias names. */
export function useTarget(analysis: FileAnalysis, alias: string, ws: FeatureWorkspace): string | undefined {
  const use = analysis.model.uses.find((u) => u.alias?.name === alias);
  return use?.path ? ws.resolvePath(analysis.path, use.path.value) : undefined;
}

export function analysisOf(ws: FeatureWorkspace, path: string | undefined): FileAnalysis | undefined {
  return path === undefined ? undefined : ws.analyses().find((a) => a.path === path);
}

/** Where the symbol a reference names is declared. */
export function declarationOf(analysis: FileAnalysis, ref: A.Reference, ws: FeatureWorkspace): Declared | undefined {
  const symbol = analysis.resolve(ref);
  if (!symbol) return undefined;
  const head = ref.path[0]?.name;
  if (ref.path.length > 1 && head !== undefined && analysis.imports.has(head)) {
    const file = useTarget(analysis, head, ws);
    if (!file) return undefined;
    const other = analysisOf(ws, file);
    const own = other?.model.symbols.get(symbol.id) ?? symbol;
    return { symbol: own, file, analysis: other };
  }
  return { symbol, file: analysis.path, analysis };
}

export function idRange(symbol: ValueSymbol): Range {
  return (symbol.decl.id ?? symbol.decl.keyword).range;
}

// ---- the plan text ----

export interface Passage {
  file: string;
  /** 1-based, as drafters count. */
  line: number;
  lastLine: number;
  /** 0-based columns on `line`, when the passage is part of it. */
  column?: number;
  length?: number;
  /** The passage's text, a table row's cells joined with ` │ `. */
  text: string;
  what: Localized;
}

/** The source a citation reads: its own file, else the plan's. */
export function citedSource(analysis: FileAnalysis, cite: A.Citation, ws: FeatureWorkspace): { path: string; index: SourceIndex } | undefined {
  if (cite.file) {
    const path = ws.resolvePath(analysis.path, cite.file.value);
    const index = path ? ws.sourceIndex(path) : undefined;
    return path && index ? { path, index } : undefined;
  }
  return analysis.source ? { path: analysis.source.path, index: analysis.source.index } : undefined;
}

export function resolveCitation(analysis: FileAnalysis, cite: A.Citation, indicator: IndicatorSymbol | undefined, ws: FeatureWorkspace): Passage | undefined {
  const source = citedSource(analysis, cite, ws);
  if (!source) return undefined;
  const { index, path } = source;
  if (cite.row) {
    const tableId = cite.table?.name ?? indicator?.table?.id?.name;
    const table = findTable(index, tableId);
    const row = table && findRowIn(table, cite.row.value);
    if (!table || !row) return undefined;
    return rowPassage(path, index, table, row);
  }
  if (cite.line) {
    const text = index.lines[cite.line.value - 1];
    if (text === undefined) return undefined;
    return { file: path, line: cite.line.value, lastLine: cite.line.value, text: text.trim(), what: { zh: `第 ${cite.line.value} 行`, en: `line ${cite.line.value}` } };
  }
  if (cite.quote) {
    const hit = findQuoteLine(index, cite.quote.value);
    if (!hit) return undefined;
    return { file: path, line: hit.line, lastLine: hit.line, column: hit.column, length: cite.quote.value.length, text: index.lines[hit.line - 1]!.trim(), what: { zh: `第 ${hit.line} 行`, en: `line ${hit.line}` } };
  }
  return undefined;
}

export function rowPassage(path: string, index: SourceIndex, table: SourceTable, row: SourceRow): Passage {
  const cells: string[] = [];
  for (let l = row.firstLine; l <= row.lastLine; l++) {
    const text = index.lines[l - 1]?.trim();
    if (text) cells.push(...text.split(/\t|\s*\|\s*/).map((c) => c.trim()).filter(Boolean));
  }
  return {
    file: path,
    line: row.firstLine,
    lastLine: row.lastLine,
    text: cells.join(' │ '),
    what: { zh: `${table.id} 第 ${row.index} 行（第 ${row.firstLine} 行）`, en: `${table.id} row ${row.index} (line ${row.firstLine})` },
  };
}

/** The passage an indicator stands for: its first resolvable citation, else a row or sentence with its name. */
export function indicatorPassage(analysis: FileAnalysis, indicator: IndicatorSymbol, ws: FeatureWorkspace): Passage | undefined {
  for (const cite of indicator.cites) {
    const passage = resolveCitation(analysis, cite, indicator, ws);
    if (passage) return passage;
  }
  const source = analysis.source;
  if (!source || !indicator.name) return undefined;
  const wanted = normalize(indicator.name);
  for (const table of source.index.tables) {
    const row = flattenRows(table.rows).find((r) => normalize(r.name) === wanted);
    if (row) return rowPassage(source.path, source.index, table, row);
  }
  const prose = source.index.prose.find((p) => p.subject && normalize(p.subject) === wanted);
  if (prose) return { file: source.path, line: prose.line, lastLine: prose.endLine ?? prose.line, column: prose.column, length: prose.length, text: prose.sentence.trim(), what: { zh: `第 ${prose.line} 行`, en: `line ${prose.line}` } };
  return undefined;
}

export function findTable(index: SourceIndex, id: string | undefined): SourceTable | undefined {
  const withRows = index.tables.filter((t) => t.rows.length > 0);
  if (id === undefined) return withRows.length === 1 ? withRows[0] : undefined;
  const wanted = normalize(id);
  return index.tables.find((t) => t.id === id) ?? index.tables.find((t) => normalize(t.id) === wanted);
}

export function findRowIn(table: SourceTable, n: number): SourceRow | undefined {
  return table.rows.find((r) => r.index === n) ?? flattenRows(table.rows).find((r) => r.index === n);
}

export function flattenRows(rows: SourceRow[]): SourceRow[] {
  return rows.flatMap((r) => [r, ...flattenRows(r.children)]);
}

function findQuoteLine(index: SourceIndex, quote: string): { line: number; column: number } | undefined {
  const wanted = normalize(quote);
  if (!wanted) return undefined;
  for (let i = 0; i < index.lines.length; i++) {
    const line = index.lines[i]!;
    const at = line.indexOf(quote);
    if (at >= 0) return { line: i + 1, column: at };
    if (normalize(line).includes(wanted)) return { line: i + 1, column: 0 };
  }
  return undefined;
}

const HALF: Record<string, string> = { '，': ',', '：': ':', '；': ';', '（': '(', '）': ')', '％': '%', '。': '.', '“': '"', '”': '"' };

/** Whitespace dropped and full-width punctuation folded, for matching names and quotes. */
export function normalize(text: string): string {
  return text.replace(/\s+/g, '').replace(/[，：；（）％。“”]/g, (c) => HALF[c] ?? c);
}
