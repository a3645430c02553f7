/**
 * Every meaningful leaf of a PTL syntax tree, in text order, with the
 * declaration it belongs to. Hover, references, semantic tokens and inlay hints
 * are all built from this one list; `itemAt` finds the innermost one at a cursor.
 */
import type * as A from '../../../../grammar/src/ast';
import type { FileAnalysis } from '../analyze';
import type { FileModel, IndicatorSymbol, SeriesSymbol } from '../model';

export type BlockDecl = A.PlanDecl | A.SeriesDecl | A.TableDecl | A.IndicatorDecl;

export type StringRole = 'title' | 'name' | 'note' | 'region' | 'source' | 'use' | 'cite-file' | 'quote' | 'target';

export type Item =
  | { type: 'keyword'; node: A.Keyword; owner?: BlockDecl }
  | { type: 'declId'; node: A.Identifier; decl: BlockDecl }
  | { type: 'alias'; node: A.Identifier; use: A.UseDecl }
  | { type: 'reference'; node: A.Reference; owner?: BlockDecl; field?: A.Field }
  | { type: 'number'; node: A.NumberLit; owner?: BlockDecl; field?: A.Field }
  | { type: 'unit'; node: A.UnitExpr; owner?: BlockDecl }
  | { type: 'attribute'; node: A.AttributeField; owner?: BlockDecl }
  | { type: 'citation'; node: A.Citation; owner?: BlockDecl }
  | { type: 'string'; node: A.StringLit; role: StringRole; owner?: BlockDecl; use?: A.UseDecl }
  | { type: 'comparison'; node: A.Comparison; owner?: BlockDecl }
  | { type: 'word'; node: A.Identifier; owner?: BlockDecl }
  | { type: 'tableRef'; node: A.Identifier; owner?: BlockDecl; citation: A.Citation }
  | { type: 'year'; node: A.YearSpec; owner?: BlockDecl };

/** Items are computed once per syntax tree (trees are not changed after parsing): hover, completion and the rest ask per request. */
const itemCache = new WeakMap<A.PtlFile, readonly Item[]>();

export function items(file: A.PtlFile): readonly Item[] {
  const cached = itemCache.get(file);
  if (cached) return cached;
  const out: Item[] = [];
  for (const decl of file.declarations) declarationItems(decl, out);
  itemCache.set(file, out);
  return out;
}

function declarationItems(decl: A.Declaration, out: Item[]): void {
  switch (decl.kind) {
    case 'Use':
      out.push({ type: 'keyword', node: decl.keyword });
      if (decl.path) out.push({ type: 'string', node: decl.path, role: 'use', use: decl });
      if (decl.asKeyword) out.push({ type: 'keyword', node: decl.asKeyword });
      if (decl.alias) out.push({ type: 'alias', node: decl.alias, use: decl });
      return;
    case 'Check':
      out.push({ type: 'keyword', node: decl.keyword });
      if (decl.title) out.push({ type: 'string', node: decl.title, role: 'title' });
      exprItems(decl.left, out, undefined, undefined);
      if (decl.comparison) out.push({ type: 'comparison', node: decl.comparison });
      exprItems(decl.right, out, undefined, undefined);
      if (decl.within) out.push({ type: 'number', node: decl.within });
      return;
    default:
      blockItems(decl, out);
  }
}

function blockItems(decl: BlockDecl, out: Item[]): void {
  out.push({ type: 'keyword', node: decl.keyword, owner: decl });
  if (decl.id) out.push({ type: 'declId', node: decl.id, decl });
  if (decl.title) out.push({ type: 'string', node: decl.title, role: 'title', owner: decl });
  const nested: A.IndicatorDecl[] = decl.kind === 'Table' ? decl.indicators : decl.kind === 'Indicator' ? decl.children : [];
  const parts: Array<A.Field | A.IndicatorDecl> = [...decl.fields, ...nested].sort((a, b) => a.start - b.start);
  for (const part of parts) {
    if (part.kind === 'Indicator') blockItems(part, out);
    else fieldItems(part, decl, out);
  }
}

function fieldItems(field: A.Field, owner: BlockDecl, out: Item[]): void {
  if (field.field === 'attribute') {
    out.push({ type: 'attribute', node: field, owner });
    return;
  }
  out.push({ type: 'keyword', node: field.keyword, owner });
  switch (field.field) {
    case 'name':
      if (field.value) out.push({ type: 'string', node: field.value, role: 'name', owner });
      return;
    case 'note':
      if (field.value) out.push({ type: 'string', node: field.value, role: 'note', owner });
      return;
    case 'region':
      if (field.value) out.push({ type: 'string', node: field.value, role: 'region', owner });
      return;
    case 'source':
      if (field.path) out.push({ type: 'string', node: field.path, role: 'source', owner });
      return;
    case 'unit':
      if (field.unit) out.push({ type: 'unit', node: field.unit, owner });
      return;
    case 'baseline':
    case 'actual':
    case 'target':
      if (field.field === 'target' && field.comparison) out.push({ type: 'comparison', node: field.comparison, owner });
      if (field.value?.kind === 'String') out.push({ type: 'string', node: field.value, role: 'target', owner });
      else if (field.value && field.value.kind !== 'None') exprItems(field.value, out, owner, field);
      if (field.year) out.push({ type: 'year', node: field.year, owner });
      for (const cite of field.cites) citationItems(cite, owner, out);
      return;
    case 'value':
      exprItems(field.value, out, owner, field);
      if (field.year) out.push({ type: 'year', node: field.year, owner });
      return;
    case 'derive':
    case 'aligns':
      exprItems(field.expr, out, owner, field);
      return;
    case 'cite':
      if (field.citation) citationItems(field.citation, owner, out);
      return;
    case 'direction':
      if (field.direction) out.push({ type: 'word', node: field.direction, owner });
      return;
    case 'level':
      if (field.value) out.push({ type: 'word', node: field.value, owner });
      return;
    case 'parent':
      if (field.ref) out.push({ type: 'reference', node: field.ref, owner, field });
      return;
    default:
      return;
  }
}

function citationItems(cite: A.Citation, owner: BlockDecl, out: Item[]): void {
  out.push({ type: 'citation', node: cite, owner });
}

/** The parts of a citation, for semantic tokens. */
export function citationParts(cite: A.Citation, owner?: BlockDecl): Item[] {
  const out: Item[] = [];
  if (cite.file) out.push({ type: 'string', node: cite.file, role: 'cite-file', owner });
  if (cite.table) out.push({ type: 'tableRef', node: cite.table, owner, citation: cite });
  if (cite.row) out.push({ type: 'keyword', node: cite.row.keyword, owner });
  if (cite.line) out.push({ type: 'keyword', node: cite.line.keyword, owner });
  if (cite.quote) out.push({ type: 'string', node: cite.quote, role: 'quote', owner });
  return out;
}

function exprItems(expr: A.Expr | undefined, out: Item[], owner: BlockDecl | undefined, field: A.Field | undefined): void {
  if (!expr) return;
  switch (expr.kind) {
    case 'Number':
      out.push({ type: 'number', node: expr, owner, field });
      if (expr.unit) out.push({ type: 'unit', node: expr.unit, owner });
      return;
    case 'Reference':
      out.push({ type: 'reference', node: expr, owner, field });
      return;
    case 'Binary':
      exprItems(expr.left, out, owner, field);
      exprItems(expr.right, out, owner, field);
      return;
    case 'Unary':
      exprItems(expr.operand, out, owner, field);
      return;
    case 'Paren':
      exprItems(expr.expr, out, owner, field);
      return;
  }
}

/** The items sorted by start, with the furthest end reached so far: a cursor lookup reads only the items that can hold it. */
interface ItemIndex {
  /** Positions in the list, sorted by the item's start. */
  order: number[];
  starts: number[];
  reach: number[];
}

const indexCache = new WeakMap<readonly Item[], ItemIndex>();

function indexOf(list: readonly Item[]): ItemIndex {
  const cached = indexCache.get(list);
  if (cached) return cached;
  const order = list.map((_, i) => i).sort((a, b) => list[a]!.node.start - list[b]!.node.start || a - b);
  const starts = order.map((i) => list[i]!.node.start);
  const reach: number[] = [];
  let furthest = -1;
  for (const i of order) reach.push((furthest = Math.max(furthest, list[i]!.node.end)));
  const index = { order, starts, reach };
  indexCache.set(list, index);
  return index;
}

/** The innermost item whose span holds the offset (an end offset counts, so a cursor just after a word finds it). */
export function itemAt(list: readonly Item[], offset: number): Item | undefined {
  const { order, starts, reach } = indexOf(list);
  // Walk back from the last item starting at or before the offset while an earlier one still reaches it;
  // the holders are then weighed in list order, as ties are decided by it.
  const holders: number[] = [];
  for (let k = upperBound(starts, offset) - 1; k >= 0 && reach[k]! >= offset; k--) {
    if (offset <= list[order[k]!]!.node.end) holders.push(order[k]!);
  }
  let best: Item | undefined;
  for (const item of holders.sort((a, b) => a - b).map((i) => list[i]!)) {
    // Inside a citation only its file name is an item of its own (a link); `row`, `line`, the table and the quote stand for the citation.
    const candidates = item.type === 'citation' ? [item, ...citationParts(item.node, item.owner).filter((p) => p.type === 'string' && p.role === 'cite-file')] : [item];
    for (const c of candidates) {
      const { start, end } = c.node;
      if (offset < start || offset > end) continue;
      if (!best || end - start < best.node.end - best.node.start || (end - start === best.node.end - best.node.start && start === offset)) best = c;
    }
  }
  return best;
}

function upperBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The symbol a block declaration declares, if it is an indicator or series with an id. */
export function symbolOf(analysis: FileAnalysis, decl: BlockDecl | undefined): IndicatorSymbol | SeriesSymbol | undefined {
  if (!decl || (decl.kind !== 'Indicator' && decl.kind !== 'Series')) return undefined;
  return declarationSymbols(analysis.model).get(decl);
}

const symbolCache = new WeakMap<FileModel, Map<BlockDecl, IndicatorSymbol | SeriesSymbol>>();

/** Each declaration's symbol, built once per model (the first symbol of a declaration wins, as a search in order would find). */
function declarationSymbols(model: FileModel): Map<BlockDecl, IndicatorSymbol | SeriesSymbol> {
  const cached = symbolCache.get(model);
  if (cached) return cached;
  const map = new Map<BlockDecl, IndicatorSymbol | SeriesSymbol>();
  for (const symbol of [...model.indicators, ...model.series]) if (!map.has(symbol.decl)) map.set(symbol.decl, symbol);
  symbolCache.set(model, map);
  return map;
}

/** The indicator or series owning the item, walking out of nested indicator blocks only as far as the item's own block. */
export function ownerSymbol(analysis: FileAnalysis, item: Item): IndicatorSymbol | SeriesSymbol | undefined {
  const owner = 'owner' in item ? item.owner : item.type === 'declId' ? item.decl : undefined;
  return symbolOf(analysis, owner);
}

/** Which segment of a (possibly qualified) reference the offset is on. */
export function segmentAt(ref: A.Reference, offset: number): number {
  const i = ref.path.findIndex((p) => offset >= p.start && offset <= p.end);
  return i < 0 ? ref.path.length - 1 : i;
}
