/**
 * The PTL formatter. Token-based: the text is re-lexed and only the whitespace
 * between tokens and comments (the "gaps") is rewritten, so no character of a
 * token, string, number, identifier, keyword or comment can change. The AST decides
 * where lines break and how deep they are indented.
 *
 * Layout rules:
 * - Every declaration starts a line at its depth; inside a block each field, each
 *   nested indicator and the closing `}` start a line; indentation is `indent`
 *   spaces (default 2) per block level.
 * - A block that sat on one line in the source, has no nested indicators and no
 *   comments inside, stays on one line when it fits in {@link ONE_LINE_MAX} columns
 *   (`series 老年人口 { unit 万人 value 95 @2025 }`); otherwise it is expanded,
 *   and an expanded block is never joined again (so the result is stable).
 * - Within a multi-line block, the values of fields that have one (everything but
 *   `binding`/`预期性`) start in one column: the keyword (with its `:`/`：` if
 *   written) is padded to the widest keyword of the block plus one space, measured
 *   in display columns (CJK and full-width characters count 2). An inline
 *   `cite` that the author put on its own line after a baseline/target/actual stays
 *   on its own line and is aligned like a field.
 * - One space between tokens on a line, none inside years (`@2021..2025`), periods,
 *   units (`元/人·月`), references (`a.b`, `X@2025`), after a unary minus, inside
 *   parentheses, between a number and its `%`/`‰`, and before `,` `：` separators.
 * - Comments are kept verbatim: a comment that followed code on its line stays
 *   trailing (after one space); an own-line comment stays on its own line, indented
 *   like the next line (one level deeper before a `}`). A token that followed a line
 *   comment (or an own-line block comment) inside a field goes on a continuation
 *   line one level deeper.
 * - Runs of blank lines collapse to one; none at the start of the file, at the start
 *   or end of a block. The file ends with exactly one line break; the first line
 *   break of the file (LF or CRLF) is used throughout; a BOM is kept.
 * - A file with any `syntax-error` problem is returned unchanged: with recovered
 *   structure the layout would be guesswork, and the parser's indentation-sensitive
 *   recovery (an `indicator` at its parent's column closes the parent) could read
 *   the reformatted text differently.
 * - As a safety net the result is re-parsed; if its tokens, comments or AST (apart
 *   from positions) differ from the input's, the input is returned unchanged.
 */
import type { IToken } from 'chevrotain';
import type * as A from './ast';
import { displayWidth } from './format-width';
import { lex } from './lexer';
import { parse } from './parse';
import { LineIndex, type Range } from './range';
import * as T from './tokens';

export interface FormatOptions {
  /** Spaces per block level; at least 1 (nesting is column-sensitive). Default 2. */
  indent?: number;
}

export interface FormatResult {
  text: string;
  changed: boolean;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** Longest line (display columns, indentation included) a one-line block may keep. */
export const ONE_LINE_MAX = 80;

export function format(text: string, options?: FormatOptions): FormatResult {
  const layout = computeLayout(text, options);
  if (!layout) return { text, changed: false };
  return { text: layout.output, changed: layout.output !== text };
}

/**
 * Minimal edits turning `text` into its formatted form: one edit per whitespace gap
 * that changes. With a `range`, only the gaps of the declarations the range touches
 * (with their trailing comments) are edited; a range touching no declaration edits
 * the gaps before the items that start inside it.
 */
export function formatEdits(text: string, range?: Range, options?: FormatOptions): TextEdit[] {
  const layout = computeLayout(text, options);
  if (!layout) return [];
  const { items, gaps, lines, declarations } = layout;
  let selected: (index: number) => boolean = () => true;
  if (range) {
    const from = lines.offsetAt(range.start);
    const to = Math.max(from, lines.offsetAt(range.end));
    const touched = declarations.filter((d) => d.start <= to && d.end >= from);
    if (touched.length > 0) {
      const start = Math.min(...touched.map((d) => d.start));
      const lastEnd = Math.max(...touched.map((d) => d.end));
      const end = lines.lineEnd(lines.positionAt(lastEnd).line);
      selected = (i) => (i < items.length ? items[i]!.start >= start && items[i]!.start <= end : end >= lastItemEnd(items));
    } else {
      selected = (i) => (i < items.length ? items[i]!.start >= from && items[i]!.start <= to : to >= lastItemEnd(items));
    }
  }
  const edits: TextEdit[] = [];
  for (let i = 0; i <= items.length; i++) {
    const gapStart = i === 0 ? 0 : items[i - 1]!.end;
    const gapEnd = i < items.length ? items[i]!.start : text.length;
    const old = text.slice(gapStart, gapEnd);
    if (old === gaps[i] || !selected(i)) continue;
    edits.push({ range: lines.rangeOf(gapStart, gapEnd), newText: gaps[i]! });
  }
  return edits;
}

function lastItemEnd(items: Item[]): number {
  return items.length ? items[items.length - 1]!.end : 0;
}

// ——— layout ———

interface Item {
  start: number;
  end: number;
  image: string;
  /** Index into the token list; -1 for comments. */
  token: number;
  lineComment: boolean;
}

interface Layout {
  items: Item[];
  /** gaps[i] is the whitespace before items[i]; gaps[items.length] ends the file. */
  gaps: string[];
  output: string;
  lines: LineIndex;
  declarations: A.Declaration[];
}

type BlockDecl = A.PlanDecl | A.SeriesDecl | A.TableDecl | A.IndicatorDecl;

function computeLayout(text: string, options?: FormatOptions): Layout | undefined {
  const parsed = parse(text);
  if (parsed.problems.some((p) => p.code === 'syntax-error')) return undefined;
  const lines = parsed.lines;
  const { tokens, comments } = lex(text, new LineIndex(text));
  const indentUnit = ' '.repeat(Math.max(1, Math.floor(options?.indent ?? 2)));
  const eol = /\r\n|\n|\r/.exec(text)?.[0] ?? '\n';

  const items: Item[] = [
    ...tokens.map((t, i) => ({ start: t.startOffset, end: t.startOffset + t.image.length, image: t.image, token: i, lineComment: false })),
    ...comments.map((c) => ({
      start: c.startOffset,
      end: c.startOffset + c.image.length,
      image: c.image,
      token: -1,
      lineComment: c.tokenType === T.LineComment,
    })),
  ].sort((a, b) => a.start - b.start);

  const plan = planLayout(text, tokens, comments, parsed.file.declarations, indentUnit.length);
  const gaps = computeGaps(text, items, tokens, plan, indentUnit, eol);
  const output = items.map((item, i) => gaps[i] + item.image).join('') + gaps[items.length];
  if (!sameMeaning(text, output, parsed.file)) return undefined;
  return { items, gaps, output, lines, declarations: parsed.file.declarations };
}

interface Plan {
  /** Token index → indentation level of the line it starts. */
  lineStart: Map<number, number>;
  /** Tokens written directly after the previous token. */
  glue: Set<number>;
  /** Token index → spaces before it (value alignment). */
  pad: Map<number, number>;
  /** Closing braces that start a line. */
  closers: Set<number>;
}

function planLayout(text: string, tokens: IToken[], comments: IToken[], declarations: A.Declaration[], indentWidth: number): Plan {
  const starts = tokens.map((t) => t.startOffset);
  const at = (offset: number): number => {
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  /** Indexes of the first and last token inside a span. */
  const inside = (span: A.Span): [number, number] => [at(span.start), at(span.end) - 1];
  const tokenEnd = (i: number) => tokens[i]!.startOffset + tokens[i]!.image.length;

  const plan: Plan = { lineStart: new Map(), glue: new Set(), pad: new Map(), closers: new Set() };
  const glueInside = (span: A.Span | undefined) => {
    if (!span) return;
    const [a, b] = inside(span);
    for (let i = a + 1; i <= b; i++) plan.glue.add(i);
  };

  // Spacing inside lines: from token types, then from the nodes that are written solid.
  tokens.forEach((t, i) => {
    const type = t.tokenType;
    if (type === T.RParen || type === T.Separator || type === T.Colon) plan.glue.add(i);
    if (i > 0 && tokens[i - 1]!.tokenType === T.LParen) plan.glue.add(i);
  });
  visit(declarations, (node) => {
    switch (node.kind) {
      case 'Year':
      case 'Unit':
      case 'Reference':
        glueInside(node as A.Span);
        break;
      case 'Unary': {
        const first = at((node as A.Unary).start);
        if ((node as A.Unary).operand) plan.glue.add(first + 1);
        break;
      }
      case 'Number': {
        const unit = (node as A.NumberLit).unit;
        if (unit) {
          const u = at(unit.start);
          const type = tokens[u]?.tokenType;
          if (type === T.Percent || type === T.Permille) plan.glue.add(u);
        }
        break;
      }
      case 'Field':
        if ((node as A.Field).field === 'period') glueInside((node as A.PeriodField).years);
        break;
    }
  });

  const commentStarts = comments.map((c) => c.startOffset);
  const hasComment = (from: number, to: number) => commentStarts.some((s) => s >= from && s < to);
  const hasBreak = (from: number, to: number) => /[\r\n]/.test(text.slice(from, to));

  const oneLineWidth = (d: BlockDecl, level: number): number => {
    const [a, b] = inside(d);
    let width = level * indentWidth;
    for (let i = a; i <= b; i++) width += displayWidth(tokens[i]!.image) + (i > a && !plan.glue.has(i) ? 1 : 0);
    return width;
  };

  const declaration = (d: A.Declaration, level: number) => {
    plan.lineStart.set(at(d.start), level);
    if (d.kind !== 'Use' && d.kind !== 'Check') block(d, level);
  };

  const block = (d: BlockDecl, level: number) => {
    const children = d.kind === 'Table' ? d.indicators : d.kind === 'Indicator' ? d.children : [];
    if (!d.open) return;
    const oneLine = children.length === 0 && d.close !== undefined && !hasBreak(d.start, d.end)
      && !hasComment(d.start, d.end) && oneLineWidth(d, level) <= ONE_LINE_MAX;
    if (oneLine) return;
    const heads: { width: number; value: number }[] = [];
    const head = (keyword: number, end: number) => {
      let value = keyword + 1;
      let width = displayWidth(tokens[keyword]!.image);
      if (tokens[value]?.tokenType === T.Colon && tokens[value]!.startOffset < end) {
        width += displayWidth(tokens[value]!.image);
        value++;
      }
      if (value < tokens.length && tokens[value]!.startOffset < end) heads.push({ width, value });
    };
    for (const field of d.fields) {
      const keyword = at(field.start);
      plan.lineStart.set(keyword, level + 1);
      head(keyword, field.end);
      if (field.field === 'baseline' || field.field === 'target' || field.field === 'actual') {
        for (const cite of field.cites) {
          const citeKeyword = at(cite.start) - 1;
          if (citeKeyword > keyword && hasBreak(tokenEnd(citeKeyword - 1), tokens[citeKeyword]!.startOffset)) {
            plan.lineStart.set(citeKeyword, level + 1);
            head(citeKeyword, cite.end);
          }
        }
      }
    }
    for (const child of children) declaration(child, level + 1);
    if (d.close) {
      const close = at(d.close.start);
      plan.lineStart.set(close, level);
      plan.closers.add(close);
    }
    const column = Math.max(0, ...heads.map((h) => h.width)) + 1;
    for (const h of heads) plan.pad.set(h.value, column - h.width);
  };

  for (const d of declarations) declaration(d, 0);
  return plan;
}

function computeGaps(text: string, items: Item[], tokens: IToken[], plan: Plan, indentUnit: string, eol: string): string[] {
  const gaps: string[] = [];
  const broke: boolean[] = [];
  const bom = text.startsWith('\ufeff') ? '\ufeff' : '';
  let baseLevel = 0;

  /** nextToken[k]: the first token item after items[k]. */
  const nextToken: (Item | undefined)[] = new Array(items.length);
  for (let k = items.length - 1, next: Item | undefined; k >= 0; k--) {
    nextToken[k] = next;
    if (items[k]!.token >= 0) next = items[k];
  }
  const commentLevel = (k: number): number => {
    const next = nextToken[k];
    if (!next) return 0;
    const level = plan.lineStart.get(next.token);
    if (level === undefined) return baseLevel + 1;
    return plan.closers.has(next.token) ? level + 1 : level;
  };
  const isOpen = (it: Item | undefined) => it !== undefined && it.token >= 0 && tokens[it.token]!.tokenType === T.LBrace;

  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    const prev = items[k - 1];
    const original = text.slice(prev ? prev.end : 0, item.start);
    const newlines = original.match(/\r\n|\r|\n/g)?.length ?? 0;
    let brk = false;
    let level = 0;
    if (item.token >= 0 && plan.lineStart.has(item.token)) {
      brk = true;
      level = plan.lineStart.get(item.token)!;
      baseLevel = level;
    } else if (item.token < 0) {
      brk = k === 0 || newlines > 0;
      if (brk) level = commentLevel(k);
    } else if (prev && prev.token < 0 && (prev.lineComment || newlines > 0)) {
      brk = true;
      level = baseLevel + 1;
    }
    broke.push(brk);
    if (k === 0) {
      gaps.push(bom + indentUnit.repeat(level));
      continue;
    }
    if (brk) {
      const closing = plan.closers.has(item.token);
      const blockStart = isOpen(prev) || (prev!.token < 0 && !broke[k - 1] && isOpen(items[k - 2]));
      const blank = newlines >= 2 && !closing && !blockStart;
      gaps.push(eol + (blank ? eol : '') + indentUnit.repeat(level));
      continue;
    }
    const afterToken = prev!.token >= 0 && prev!.token === item.token - 1;
    if (afterToken && plan.glue.has(item.token)) gaps.push('');
    else if (afterToken && plan.pad.has(item.token)) gaps.push(' '.repeat(plan.pad.get(item.token)!));
    else gaps.push(' ');
  }
  gaps.push(items.length > 0 ? eol : bom);
  return gaps;
}

/** Calls `fn` on every object node of the tree (positions excluded). */
function visit(node: unknown, fn: (node: { kind?: string }) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) visit(child, fn);
    return;
  }
  fn(node as { kind?: string });
  for (const [key, value] of Object.entries(node)) if (key !== 'range') visit(value, fn);
}

// ——— safety net ———

function sameMeaning(before: string, after: string, beforeFile: A.PtlFile): boolean {
  if (before === after) return true;
  const reparsed = parse(after);
  if (reparsed.problems.some((p) => p.code === 'syntax-error')) return false;
  const images = (text: string) => {
    const lexed = lex(text, new LineIndex(text));
    return JSON.stringify([lexed.tokens.map((t) => t.image), lexed.comments.map((c) => c.image)]);
  };
  if (images(before) !== images(after)) return false;
  return JSON.stringify(withoutPositions(beforeFile)) === JSON.stringify(withoutPositions(reparsed.file));
}

function withoutPositions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutPositions);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'range' || key === 'start' || key === 'end') continue;
    out[key] = withoutPositions(value);
  }
  return out;
}
