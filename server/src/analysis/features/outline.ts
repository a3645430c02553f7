/**
 * The file's shape: document symbols (plan › tables › indicators), workspace
 * symbols, folding ranges, semantic tokens, code lenses with each target's
 * status, inlay hints with converted and evaluated values, and document links.
 */
import type * as A from '../../../../grammar/src/ast';
import { nested } from '../../../../grammar/src/spans';
import type { Localized } from '../../../../grammar/src/message';
import type { LineIndex, Position, Range } from '../../../../grammar/src/range';
import type { FileAnalysis } from '../analyze';
import { evaluate } from '../evaluate';
import { STATUS_LABELS } from '../status';
import { convert, formatUnit, sameUnit, unitFromExpr } from '../units';
import { OP_TEXT, plainNumber, withUnit } from './text';
import { citationParts, items, ownItems, symbolOf, type BlockDecl, type Item } from './walk';
import { type FeatureWorkspace, NO_WORKSPACE } from './workspace';

// ---- document symbols ----

export type SymbolKindName = 'plan' | 'use' | 'series' | 'table' | 'indicator' | 'check';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: SymbolKindName;
  range: Range;
  selectionRange: Range;
  children: OutlineSymbol[];
}

export function documentSymbols(analysis: FileAnalysis): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  let plan: OutlineSymbol | undefined;
  for (const decl of analysis.parse.file.declarations) {
    const symbol = declSymbol(decl, analysis.parse.lines);
    if (!symbol) continue;
    if (decl.kind === 'Plan' && !plan) {
      plan = symbol;
      out.push(symbol);
    } else if (plan && (decl.kind === 'Table' || decl.kind === 'Indicator' || decl.kind === 'Series' || decl.kind === 'Check' || decl.kind === 'Use')) {
      plan.children.push(symbol);
    } else out.push(symbol);
  }
  // The plan's symbol spans what it contains, so editors nest the outline under it.
  if (plan) {
    const last = plan.children.at(-1);
    if (last) plan.range = { start: plan.range.start, end: last.range.end };
  }
  return out;
}

function declSymbol(decl: A.Declaration, lines: LineIndex): OutlineSymbol | undefined {
  switch (decl.kind) {
    case 'Use':
      return { name: decl.alias?.name ?? decl.path?.value ?? 'use', detail: decl.path?.value, kind: 'use', range: lines.rangeOfSpan(decl), selectionRange: lines.rangeOfSpan(decl.alias ?? decl.keyword), children: [] };
    case 'Check':
      return { name: decl.title?.value ?? 'check', kind: 'check', range: lines.rangeOfSpan(decl), selectionRange: lines.rangeOfSpan(decl.title ?? decl.keyword), children: [] };
    default:
      return blockSymbol(decl, lines);
  }
}

function blockSymbol(decl: BlockDecl, lines: LineIndex): OutlineSymbol {
  const kind: SymbolKindName = decl.kind === 'Plan' ? 'plan' : decl.kind === 'Series' ? 'series' : decl.kind === 'Table' ? 'table' : 'indicator';
  const nested = decl.kind === 'Table' ? decl.indicators : decl.kind === 'Indicator' ? decl.children : [];
  const nameField = decl.fields.find((f): f is A.NameField => f.field === 'name');
  const detail = nameField?.value?.value ?? decl.title?.value;
  return {
    name: decl.id?.name ?? decl.keyword.text,
    detail,
    kind,
    range: lines.rangeOfSpan(decl),
    selectionRange: lines.rangeOfSpan(decl.id ?? decl.keyword),
    children: nested.map((child) => blockSymbol(child, lines)),
  };
}

export interface WorkspaceSymbol {
  name: string;
  kind: SymbolKindName;
  file: string;
  range: Range;
  container?: string;
}

export function workspaceSymbols(analyses: readonly FileAnalysis[], query: string): WorkspaceSymbol[] {
  const q = query.trim().toLowerCase();
  const out: WorkspaceSymbol[] = [];
  const matches = (...texts: (string | undefined)[]) => !q || texts.some((t) => t !== undefined && fuzzy(t.toLowerCase(), q));
  for (const a of analyses) {
    const visit = (s: OutlineSymbol, container?: string) => {
      if (s.kind !== 'use' && matches(s.name, s.detail)) out.push({ name: s.detail && s.detail !== s.name ? `${s.name} — ${s.detail}` : s.name, kind: s.kind, file: a.path, range: s.selectionRange, container });
      for (const c of s.children) visit(c, s.name);
    };
    for (const s of documentSymbols(a)) visit(s);
  }
  return out;
}

/** Every character of the query appears in order. */
function fuzzy(text: string, query: string): boolean {
  if (text.includes(query)) return true;
  let i = 0;
  for (const c of text) if (c === query[i]) i++;
  return i >= query.length;
}

// ---- folding ----

export interface Fold {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'region';
}

export function foldingRanges(analysis: FileAnalysis): Fold[] {
  const out: Fold[] = [];
  const lines = analysis.parse.lines;
  const visit = (decl: BlockDecl) => {
    const start = lines.positionAt(decl.start).line;
    const end = lines.positionAt((decl.close ?? decl).end).line;
    if (end > start) out.push({ startLine: start, endLine: end - (decl.close ? 1 : 0) > start ? end - (decl.close ? 1 : 0) : end });
    const nested = decl.kind === 'Table' ? decl.indicators : decl.kind === 'Indicator' ? decl.children : [];
    nested.forEach(visit);
  };
  for (const decl of analysis.parse.file.declarations) if (decl.kind !== 'Use' && decl.kind !== 'Check') visit(decl);
  let run: { start: number; end: number } | undefined;
  const flush = () => {
    if (run && run.end > run.start) out.push({ startLine: run.start, endLine: run.end, kind: 'comment' });
    run = undefined;
  };
  for (const c of analysis.parse.file.comments) {
    const line = lines.positionAt(c.start).line;
    if (c.block) {
      flush();
      const endLine = lines.positionAt(c.end).line;
      if (endLine > line) out.push({ startLine: line, endLine, kind: 'comment' });
      continue;
    }
    const ownLine = lines.lineText(line).trimStart().startsWith('//');
    if (!ownLine) continue;
    if (run && line === run.end + 1) run.end = line;
    else {
      flush();
      run = { start: line, end: line };
    }
  }
  flush();
  return out.sort((a, b) => a.startLine - b.startLine);
}

// ---- semantic tokens ----

export const TOKEN_TYPES = ['keyword', 'variable', 'number', 'type', 'string', 'enumMember', 'operator', 'namespace', 'comment', 'class'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'readonly', 'binding', 'anticipatory', 'defaultLibrary'] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export interface SemanticToken {
  line: number;
  character: number;
  length: number;
  type: TokenType;
  modifiers: readonly TokenModifier[];
}

const NO_MODIFIERS: readonly TokenModifier[] = [];
const READONLY: readonly TokenModifier[] = ['readonly'];
const DECLARATION_MODIFIERS: Record<'binding' | 'anticipatory' | 'none', readonly TokenModifier[]> = {
  binding: ['declaration', 'binding'],
  anticipatory: ['declaration', 'anticipatory'],
  none: ['declaration'],
};
const ATTRIBUTE_MODIFIERS: Record<'binding' | 'anticipatory', readonly TokenModifier[]> = { binding: ['binding'], anticipatory: ['anticipatory'] };

export function semanticTokens(analysis: FileAnalysis): SemanticToken[] {
  const out: SemanticToken[] = [];
  const visit = (decl: A.Declaration) => {
    for (const token of ownTokens(analysis, decl)) out.push(token);
    nested(decl).forEach(visit);
  };
  analysis.parse.file.declarations.forEach(visit);
  return out.sort((a, b) => a.line - b.line || a.character - b.character);
}

/**
 * A declaration's own tokens (not those of the indicators nested in it), kept while
 * what they read outside the declaration is unchanged: its indicator's attribute, the
 * attributes of the indicators its references name, and which names are import
 * aliases. An edit makes a new tree but keeps the declarations it did not touch, and
 * their lines: a token keeps its place.
 */
const tokenCache = new WeakMap<A.Declaration, { outside: string; tokens: SemanticToken[] }>();

function ownTokens(analysis: FileAnalysis, decl: A.Declaration): SemanticToken[] {
  const own = ownItems(decl);
  const outside = readOutside(analysis, own);
  const cached = tokenCache.get(decl);
  if (cached?.outside === outside) return cached.tokens;
  const tokens = tokensOf(analysis, own);
  tokenCache.set(decl, { outside, tokens });
  return tokens;
}

function readOutside(analysis: FileAnalysis, own: readonly Item[]): string {
  let key = '';
  for (const item of own) {
    if (item.type === 'declId') key += `${attributeOf(analysis, item.decl)};`;
    else if (item.type === 'reference') key += `${referenceAttribute(analysis, item.node)}${isAliasHead(analysis, item.node) ? '.' : ''};`;
  }
  return key;
}

function attributeOf(analysis: FileAnalysis, decl: BlockDecl): 'binding' | 'anticipatory' | 'none' {
  const s = symbolOf(analysis, decl);
  return s?.kind === 'indicator' && s.attribute ? s.attribute : 'none';
}

function referenceAttribute(analysis: FileAnalysis, ref: A.Reference): 'binding' | 'anticipatory' | 'none' {
  const target = analysis.resolve(ref);
  return target?.kind === 'indicator' && target.attribute ? target.attribute : 'none';
}

/** `省.低保标准`: the head names an imported file. */
function isAliasHead(analysis: FileAnalysis, ref: A.Reference): boolean {
  return ref.path.length > 1 && analysis.imports.has(ref.path[0]!.name);
}

function tokensOf(analysis: FileAnalysis, own: readonly Item[]): SemanticToken[] {
  const out: SemanticToken[] = [];
  const lines = analysis.parse.lines;
  const add = (span: A.Span, type: TokenType, modifiers: readonly TokenModifier[] = NO_MODIFIERS) => addPart(span, span.start, span.end, type, modifiers);
  // A token of one line: the part [start, end) of a node on that line.
  const addPart = (node: A.Span, start: number, end: number, type: TokenType, modifiers: readonly TokenModifier[] = NO_MODIFIERS) => {
    const { line, character } = lines.positionAt(node.start);
    if (end <= start || lines.positionAt(node.end).line !== line) return;
    out.push({ line, character: character + start - node.start, length: end - start, type, modifiers });
  };
  const visit = (item: Item) => {
    switch (item.type) {
      case 'keyword':
        add(item.node, 'keyword');
        return;
      case 'declId': {
        const kind = item.decl.kind;
        add(item.node, kind === 'Plan' ? 'namespace' : kind === 'Table' ? 'class' : 'variable', DECLARATION_MODIFIERS[attributeOf(analysis, item.decl)]);
        return;
      }
      case 'alias':
        add(item.node, 'namespace', ['declaration']);
        return;
      case 'reference': {
        const attribute = referenceAttribute(analysis, item.node);
        const mods = attribute === 'none' ? NO_MODIFIERS : ATTRIBUTE_MODIFIERS[attribute];
        const alias = isAliasHead(analysis, item.node);
        item.node.path.forEach((p, i) => {
          if (i === 0 && alias) add(p, 'namespace');
          else add(p, 'variable', mods);
        });
        if (item.node.part) add(item.node.part.keyword, 'keyword');
        return;
      }
      case 'number':
        if (item.node.unit) {
          addPart(item.node, item.node.start, Math.min(item.node.unit.start, item.node.start + item.node.raw.trimEnd().length), 'number');
        } else add(item.node, 'number');
        return;
      case 'unit':
        add(item.node, 'type');
        return;
      case 'attribute':
        add(item.node.keyword, 'enumMember', [item.node.attribute]);
        return;
      case 'string':
        add(item.node, 'string');
        return;
      case 'comparison':
        add(item.node, /[\u4e00-\u9fff]/.test(item.node.text) ? 'keyword' : 'operator');
        return;
      case 'word':
        add(item.node, 'enumMember');
        return;
      case 'tableRef':
        add(item.node, 'class');
        return;
      case 'citation':
        for (const part of citationParts(item.node, item.owner)) visit(part);
        for (const n of [item.node.row, item.node.line]) {
          if (!n) continue;
          const text = analysis.text.slice(n.keyword.end, n.end);
          const at = text.search(/\d/);
          if (at >= 0) addPart(n, n.keyword.end + at, n.end, 'number');
        }
        return;
      case 'year': {
        const start = /[@＠]/.test(analysis.text[item.node.start] ?? '') ? item.node.start + 1 : item.node.start;
        addPart(item.node, start, item.node.end, 'number', READONLY);
        return;
      }
    }
  };
  for (const item of own) visit(item);
  return out;
}

// ---- code lenses ----

export interface Lens {
  range: Range;
  title: Localized;
}

export function codeLenses(analysis: FileAnalysis): Lens[] {
  return analysis.statuses.map((s) => {
    const unitText = s.indicator.unitField?.unit?.text;
    const label = STATUS_LABELS[s.status];
    const target = `${OP_TEXT[s.target.op].zh}${withUnit(s.targetValue, unitText)}`;
    const targetEn = `${OP_TEXT[s.target.op].en}${withUnit(s.targetValue, unitText)}`;
    const actual = s.actual ? withUnit(s.actual.value, unitText) : undefined;
    return {
      range: analysis.parse.lines.rangeOfSpan(s.target.field),
      title: {
        zh: `${label.zh} · ${s.year} 年目标 ${target}${actual ? ` · ${s.actual!.year} 年完成 ${actual}` : ''}`,
        en: `${label.en} · ${s.year} target ${targetEn}${actual ? ` · ${actual} in ${s.actual!.year}` : ''}`,
      },
    };
  });
}

// ---- inlay hints ----

export interface InlayHint {
  position: Position;
  label: string;
  tooltip?: Localized;
}

export function inlayHints(analysis: FileAnalysis, range?: Range): InlayHint[] {
  const out: InlayHint[] = [];
  const lines = analysis.parse.lines;
  const inRange = (p: Position) => !range || ((p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character)) && (p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character)));
  const seenExprs = new Set<A.Field>();
  for (const item of items(analysis.parse.file)) {
    if (item.type === 'number') {
      const n = item.node;
      const owner = symbolOf(analysis, item.owner);
      const whole = item.field && 'value' in item.field ? item.field.value === n : item.field === undefined || !('expr' in item.field);
      if (!whole && !n.scale) continue;
      if (whole && n.unit && owner?.unit && owner.unitField?.unit) {
        const own = unitFromExpr(n.unit);
        if (!sameUnit(own, owner.unit)) {
          const c = convert(n.value, own, owner.unit);
          if (c !== undefined) out.push({ position: lines.positionAt(n.end), label: ` = ${withUnit(c, owner.unitField.unit.text, true)}`, tooltip: { zh: '换算为指标的单位', en: "in the indicator's unit" } });
          continue;
        }
      }
      if (n.scale) out.push({ position: lines.positionAt(n.unit ? n.unit.start : n.end), label: ` = ${plainNumber(n.value)}`, tooltip: { zh: `${n.scale} 已换算`, en: `${n.scale} applied` } });
      continue;
    }
    if (item.type === 'reference' && item.field && !seenExprs.has(item.field)) {
      const field = item.field;
      const expr = field.field === 'derive' || field.field === 'aligns' ? field.expr : field.field === 'target' || field.field === 'baseline' || field.field === 'actual' || field.field === 'value' ? (field.value?.kind === 'None' || field.value?.kind === 'String' ? undefined : field.value) : undefined;
      if (!expr) continue;
      seenExprs.add(field);
      const owner = symbolOf(analysis, item.owner);
      const year = 'year' in field && field.year ? field.year.to ?? field.year.from : undefined;
      const result = evaluate(expr, { resolve: analysis.resolve, defaultUnit: owner?.unit, year, visiting: owner ? new Set([owner]) : undefined });
      if (!result.ok) continue;
      let value = result.quantity.value;
      let unitText = formatUnit(result.quantity.unit);
      if (owner?.unit && owner.unitField?.unit) {
        const c = convert(value, result.quantity.unit, owner.unit);
        if (c !== undefined) {
          value = c;
          unitText = owner.unitField.unit.text;
        }
      }
      out.push({ position: lines.positionAt(expr.end), label: ` = ${withUnit(value, unitText || undefined, true)}`, tooltip: { zh: '表达式的值', en: 'value of the expression' } });
    }
  }
  for (const check of analysis.model.checks) {
    for (const side of [check.left, check.right]) {
      if (!side || side.kind === 'Number') continue;
      const result = evaluate(side, { resolve: analysis.resolve });
      if (result.ok) out.push({ position: lines.positionAt(side.end), label: ` = ${withUnit(result.quantity.value, formatUnit(result.quantity.unit) || undefined, true)}` });
    }
  }
  return out.filter((h) => inRange(h.position)).sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
}

// ---- document links ----

export interface Link {
  range: Range;
  file: string;
}

export function documentLinks(analysis: FileAnalysis, ws: FeatureWorkspace = NO_WORKSPACE): Link[] {
  const out: Link[] = [];
  const link = (s: A.StringLit) => {
    const file = ws.resolvePath(analysis.path, s.value);
    // Inside the quotes: a string stays on one line.
    if (file) out.push({ range: analysis.parse.lines.rangeOf(s.start + 1, Math.max(s.start + 1, s.end - 1)), file });
  };
  for (const item of items(analysis.parse.file)) {
    if (item.type === 'string' && (item.role === 'source' || item.role === 'use')) link(item.node);
    if (item.type === 'citation' && item.node.file) link(item.node.file);
  }
  return out;
}
