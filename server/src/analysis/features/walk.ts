/**
 * Every meaningful leaf of a PTL syntax tree, in text order, with the
 * declaration it belongs to. References, inlay hints and links read the whole
 * file's list, semantic tokens and the keyword language each declaration's own
 * items; `itemAt` finds the innermost one at a cursor.
 */
import type * as A from '../../../../grammar/src/ast';
import { nested } from '../../../../grammar/src/spans';
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

/**
 * A declaration's own items in text order, with its nested indicators standing in
 * as their positions in its nested list. Made once per declaration: an incremental
 * parse keeps the declarations it did not touch and replaces an edited indicator at
 * the same position of its parent's list, so the parts stay true while the whole
 * file's list (per tree) and a cursor's lookup read through them.
 */
type Part = Item | number;

const partsCache = new WeakMap<A.Declaration, readonly Part[]>();

function partsOf(decl: A.Declaration): readonly Part[] {
  const cached = partsCache.get(decl);
  if (cached) return cached;
  const out: Part[] = [];
  declarationParts(decl, out);
  partsCache.set(decl, out);
  return out;
}

/** Every item of the file; made once per syntax tree (trees are not changed after parsing). */
const itemCache = new WeakMap<A.PtlFile, readonly Item[]>();

export function items(file: A.PtlFile): readonly Item[] {
  const cached = itemCache.get(file);
  if (cached) return cached;
  const out: Item[] = [];
  for (const decl of file.declarations) flatten(decl, out);
  itemCache.set(file, out);
  return out;
}

function flatten(decl: A.Declaration, out: Item[]): void {
  const children = nested(decl);
  for (const part of partsOf(decl)) {
    if (typeof part === 'number') flatten(children[part]!, out);
    else out.push(part);
  }
}

/** A declaration's own items (not those of the indicators nested in it). */
export function ownItems(decl: A.Declaration): Item[] {
  return partsOf(decl).filter((part): part is Item => typeof part !== 'number');
}

function declarationParts(decl: A.Declaration, out: Part[]): void {
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
      blockParts(decl, out);
  }
}

function blockParts(decl: BlockDecl, out: Part[]): void {
  out.push({ type: 'keyword', node: decl.keyword, owner: decl });
  if (decl.id) out.push({ type: 'declId', node: decl.id, decl });
  if (decl.title) out.push({ type: 'string', node: decl.title, role: 'title', owner: decl });
  const children = nested(decl);
  let k = 0;
  for (const field of decl.fields) {
    for (; k < children.length && children[k]!.start < field.start; k++) out.push(k);
    fieldItems(field, decl, out);
  }
  for (; k < children.length; k++) out.push(k);
}

function fieldItems(field: A.Field, owner: BlockDecl, out: Part[]): void {
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

function citationItems(cite: A.Citation, owner: BlockDecl, out: Part[]): void {
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

function exprItems(expr: A.Expr | undefined, out: Part[], owner: BlockDecl | undefined, field: A.Field | undefined): void {
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

/**
 * The innermost item whose span holds the offset (an end offset counts, so a cursor
 * just after a word finds it). Only the declarations that reach the offset are read.
 */
export function itemAt(file: A.PtlFile, offset: number): Item | undefined {
  const holders: Item[] = [];
  for (const decl of reaching(file.declarations, offset)) collectHolders(decl, offset, holders);
  return innermost(holders, offset);
}

/** Of the items holding the offset, in the whole list's order (which decides ties), the innermost. */
export function innermost(holders: readonly Item[], offset: number): Item | undefined {
  let best: Item | undefined;
  for (const item of holders) {
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

function collectHolders(decl: A.Declaration, offset: number, out: Item[]): void {
  const children = nested(decl);
  for (const part of partsOf(decl)) {
    if (typeof part === 'number') {
      const child = children[part]!;
      if (child.start <= offset && offset <= reach(child)) collectHolders(child, offset, out);
    } else if (part.node.start <= offset && offset <= part.node.end) {
      out.push(part);
    }
  }
}

/**
 * Where a declaration's items end. A block left without its `}` spans only up to its
 * `{`, while the fields parsed after it are still its items.
 */
function reach(decl: A.Declaration): number {
  const parts = partsOf(decl);
  const last = parts[parts.length - 1];
  if (last === undefined) return decl.end;
  return Math.max(decl.end, typeof last === 'number' ? reach(nested(decl)[last]!) : last.node.end);
}

/**
 * The declarations, in order, whose items may hold the offset: the last one starting
 * at or before it, and the one before when they touch there. Declarations follow each
 * other in the text, so no earlier one reaches further.
 */
function reaching(declarations: readonly A.Declaration[], offset: number): A.Declaration[] {
  const out: A.Declaration[] = [];
  for (let k = lastStartingAtOrBefore(declarations, offset); k >= 0 && reach(declarations[k]!) >= offset; k--) out.unshift(declarations[k]!);
  return out;
}

function lastStartingAtOrBefore(declarations: readonly A.Declaration[], offset: number): number {
  let lo = 0;
  let hi = declarations.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (declarations[mid]!.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
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
