/**
 * What editor features need beyond one file's analysis: the other analysed files
 * (for references across `use`), path resolution (the engine's own rules), and
 * the plan texts. The language server supplies it; tests supply one in memory.
 */
import type * as A from '../../../../grammar/src/ast';
import type { Localized } from '../../../../grammar/src/message';
import type { LineIndex, Range } from '../../../../grammar/src/range';
import type { SourceIndex, SourceRow, SourceTable } from '../../sources/types';
import { findQuote, findRow, matchName } from '../../sources';
import type { FileAnalysis } from '../analyze';
import type { IndicatorSymbol, ValueSymbol } from '../model';

export interface FeatureWorkspace {
  /** Every analysed `.ptl` file of the workspace (the current one included or not). */
  analyses(): readonly FileAnalysis[];
  /**
   * The analyses of the files that may refer to what `path` declares: those that `use`
   * it, and any whose imports are not known yet. A superset is right, only slower.
   */
  importers(path: string): readonly FileAnalysis[];
  /** One file's analysis, without analysing the rest of the workspace. */
  analysis(path: string): FileAnalysis | undefined;
  /** A path written in `from` (`source`, `use`, `cite "…"`) as a workspace path; undefined when refused. */
  resolvePath(from: string, written: string): string | undefined;
  /** The index of a plan text, by workspace path. */
  sourceIndex(path: string): SourceIndex | undefined;
}

export const NO_WORKSPACE: FeatureWorkspace = {
  analyses: () => [],
  importers: () => [],
  analysis: () => undefined,
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
  return path === undefined ? undefined : ws.analysis(path);
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

/** Where a symbol's id is written, in the lines of the file declaring it. */
export function idRange(symbol: ValueSymbol, lines: LineIndex): Range {
  return lines.rangeOfSpan(symbol.decl.id ?? symbol.decl.keyword);
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
    const hit = findRow(index, cite.table?.name ?? indicator?.table?.id?.name, cite.row.value);
    return hit && rowPassage(path, index, hit.table, hit.row);
  }
  if (cite.line) {
    const text = index.lines[cite.line.value - 1];
    if (text === undefined) return undefined;
    return { file: path, line: cite.line.value, lastLine: cite.line.value, text: text.trim(), what: { zh: `第 ${cite.line.value} 行`, en: `line ${cite.line.value}` } };
  }
  if (cite.quote) {
    const hit = findQuote(index, cite.quote.value);
    if (!hit) return undefined;
    return { file: path, line: hit.line, lastLine: hit.line, column: hit.column, length: hit.length, text: index.lines[hit.line - 1]!.trim(), what: { zh: `第 ${hit.line} 行`, en: `line ${hit.line}` } };
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
  const match = matchName(indicator.name, source.index);
  if (match.row && match.table) return rowPassage(source.path, source.index, match.table, match.row);
  const prose = match.prose[0];
  if (prose) return { file: source.path, line: prose.line, lastLine: prose.endLine ?? prose.line, column: prose.column, length: prose.length, text: prose.sentence.trim(), what: { zh: `第 ${prose.line} 行`, en: `line ${prose.line}` } };
  return undefined;
}

