/**
 * Definition, references and rename. A reference leads to its indicator, across
 * files through `use`; a citation or an indicator leads into the plan text at the
 * cited line. Renaming changes an id and every reference to it in the workspace;
 * keywords are never renamed.
 */
import { KEYWORD_BY_SPELLING } from '../../../../grammar/src/words';
import type { Localized } from '../../../../grammar/src/message';
import type { Position, Range } from '../../../../grammar/src/range';
import type { FileAnalysis } from '../analyze';
import type { ValueSymbol } from '../model';
import { itemAt, items, ownerSymbol, segmentAt, symbolOf } from './walk';
import { declarationOf, idRange, indicatorPassage, resolveCitation, useTarget, type FeatureWorkspace, type Location, type Passage, NO_WORKSPACE } from './workspace';

/** A location in a plan text: 0-based line and columns like every other location. */
function passageLocation(p: Passage): Location {
  const line = p.line - 1;
  const start = p.column ?? 0;
  const end = p.length !== undefined ? start + p.length : start;
  return { file: p.file, range: { start: { line, character: start }, end: { line, character: end } } };
}

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function definition(analysis: FileAnalysis, position: Position, ws: FeatureWorkspace = NO_WORKSPACE): Location[] {
  const offset = analysis.parse.lines.offsetAt(position);
  const item = itemAt(analysis.parse.file, offset);
  if (!item) return [];
  switch (item.type) {
    case 'reference': {
      const ref = item.node;
      const head = ref.path[0]?.name;
      if (segmentAt(ref, offset) === 0 && ref.path.length > 1 && head !== undefined && analysis.imports.has(head)) {
        const file = useTarget(analysis, head, ws);
        return file ? [{ file, range: ZERO }] : [];
      }
      const declared = declarationOf(analysis, ref, ws);
      return declared?.analysis ? [{ file: declared.file, range: idRange(declared.symbol, declared.analysis.parse.lines) }] : [];
    }
    case 'citation': {
      const owner = ownerSymbol(analysis, item);
      const p = resolveCitation(analysis, item.node, owner?.kind === 'indicator' ? owner : undefined, ws);
      return p ? [passageLocation(p)] : [];
    }
    case 'declId': {
      const symbol = symbolOf(analysis, item.decl);
      if (symbol?.kind !== 'indicator') return [];
      const p = indicatorPassage(analysis, symbol, ws);
      return p ? [passageLocation(p)] : [];
    }
    case 'string': {
      if (item.role !== 'source' && item.role !== 'use' && item.role !== 'cite-file') return [];
      const file = ws.resolvePath(analysis.path, item.node.value);
      return file ? [{ file, range: ZERO }] : [];
    }
    case 'alias': {
      const file = useTarget(analysis, item.node.name, ws);
      return file ? [{ file, range: ZERO }] : [];
    }
    default:
      return [];
  }
}

/** The symbol at a position (its declaration id or a reference to it) and the file declaring it. */
export function symbolAt(analysis: FileAnalysis, position: Position, ws: FeatureWorkspace): { symbol: ValueSymbol; file: string; range: Range } | undefined {
  const offset = analysis.parse.lines.offsetAt(position);
  const item = itemAt(analysis.parse.file, offset);
  if (!item) return undefined;
  if (item.type === 'declId') {
    const symbol = symbolOf(analysis, item.decl);
    return symbol ? { symbol, file: analysis.path, range: analysis.parse.lines.rangeOfSpan(item.node) } : undefined;
  }
  if (item.type === 'reference') {
    const segment = segmentAt(item.node, offset);
    if (segment !== item.node.path.length - 1) return undefined;
    const declared = declarationOf(analysis, item.node, ws);
    return declared ? { symbol: declared.symbol, file: declared.file, range: analysis.parse.lines.rangeOfSpan(item.node.path[segment]!) } : undefined;
  }
  return undefined;
}

/** Every reference to the symbol in the workspace, the declaration first when asked. */
export function references(analysis: FileAnalysis, position: Position, includeDeclaration: boolean, ws: FeatureWorkspace = NO_WORKSPACE): Location[] {
  const at = symbolAt(analysis, position, ws);
  if (!at) return [];
  return referencesTo(at.symbol, at.file, includeDeclaration, searched(analysis, at.file, ws), ws);
}

/** Where references to a symbol declared in `file` can be: that file, the current one, and the files that import it. */
function searched(current: FileAnalysis, file: string, ws: FeatureWorkspace): FileAnalysis[] {
  const analyses = new Map<string, FileAnalysis>([[current.path, current]]);
  const declaring = file === current.path ? current : ws.analysis(file);
  if (declaring) analyses.set(declaring.path, declaring);
  for (const a of ws.importers(file)) if (!analyses.has(a.path)) analyses.set(a.path, a);
  return [...analyses.values()];
}

function sameDeclaration(a: ValueSymbol, b: ValueSymbol): boolean {
  return a === b || (a.id === b.id && a.decl.start === b.decl.start && a.decl.end === b.decl.end);
}

function referencesTo(symbol: ValueSymbol, file: string, includeDeclaration: boolean, analyses: readonly FileAnalysis[], ws: FeatureWorkspace): Location[] {
  const out: Location[] = [];
  const declaring = analyses.find((a) => a.path === file);
  if (includeDeclaration && declaring) out.push({ file, range: idRange(symbol, declaring.parse.lines) });
  for (const a of analyses) {
    for (const item of items(a.parse.file)) {
      if (item.type !== 'reference') continue;
      const declared = declarationOf(a, item.node, ws);
      if (!declared || declared.file !== file || !sameDeclaration(declared.symbol, symbol)) continue;
      out.push({ file: a.path, range: a.parse.lines.rangeOfSpan(item.node.path.at(-1)!) });
    }
  }
  return out;
}

export interface RenameError {
  error: Localized;
}

/** The range of the id to rename, or why it cannot be renamed. */
export function prepareRename(analysis: FileAnalysis, position: Position, ws: FeatureWorkspace = NO_WORKSPACE): { range: Range; placeholder: string } | RenameError {
  const at = symbolAt(analysis, position, ws);
  if (!at) return { error: { zh: '这里不是可以重命名的指标或序列名', en: 'Only indicator and series ids can be renamed' } };
  return { range: at.range, placeholder: at.symbol.id };
}

export function rename(analysis: FileAnalysis, position: Position, newName: string, ws: FeatureWorkspace = NO_WORKSPACE): { edits: { file: string; range: Range; newText: string }[] } | RenameError {
  const at = symbolAt(analysis, position, ws);
  if (!at) return { error: { zh: '这里不是可以重命名的指标或序列名', en: 'Only indicator and series ids can be renamed' } };
  if (!/^[\p{L}_][\p{L}\p{M}\p{Nd}_]*$/u.test(newName)) return { error: { zh: `「${newName}」不是合法的标识符`, en: `“${newName}” is not a valid identifier` } };
  if (KEYWORD_BY_SPELLING.has(newName)) return { error: { zh: `「${newName}」是关键字`, en: `“${newName}” is a keyword` } };
  const declaring = at.file === analysis.path ? analysis : ws.analysis(at.file);
  if (declaring?.model.symbols.has(newName) && newName !== at.symbol.id) {
    return { error: { zh: `「${newName}」已被使用`, en: `“${newName}” is already declared` } };
  }
  const locations = referencesTo(at.symbol, at.file, true, searched(analysis, at.file, ws), ws);
  return { edits: locations.map((l) => ({ ...l, newText: newName })) };
}

export function isRenameError(x: unknown): x is RenameError {
  return typeof x === 'object' && x !== null && 'error' in x;
}

/** The occurrences of the symbol in this file (asked at every move of the cursor: this file is all that is read). */
export function highlights(analysis: FileAnalysis, position: Position, ws: FeatureWorkspace = NO_WORKSPACE): Range[] {
  const at = symbolAt(analysis, position, ws);
  if (!at) return [];
  return referencesTo(at.symbol, at.file, true, [analysis], ws).filter((l) => l.file === analysis.path).map((l) => l.range);
}

