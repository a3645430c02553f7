/**
 * Incremental parsing: after an edit that stays inside one indicator's braces and
 * on one line, only that indicator is lexed and parsed again; the rest of the tree
 * is kept, its offsets moved by the edit's change in length. Anything else (an edit
 * that adds or removes a line, touches a brace, or leaves a syntax error) returns
 * undefined and the caller parses the whole text, so the result always equals a full
 * parse (test/grammar/reparse.test.ts compares them on random edits).
 *
 * The previous tree is updated in place and must not be used afterwards: the file
 * node is new, so caches keyed by it start afresh, while the declarations outside
 * the edit keep their identity and whatever was computed for them.
 */
import type { IToken } from 'chevrotain';
import type * as A from './ast';
import { lex } from './lexer';
import { comment, pruneDeepExpressions, sharedParser, type ParseResult } from './parse';
import { LineIndex } from './range';
import { forEachFieldSpan, forEachSpan, nested } from './spans';

export function reparse(previous: ParseResult, text: string): ParseResult | undefined {
  const before = previous.lines.text;
  if (previous.problems.length > 0 || before === text) return undefined;
  const edit = changedRegion(before, text);
  if (/[\r\n\u2028\u2029]/.test(before.slice(edit.start, edit.oldEnd)) || /[\r\n\u2028\u2029]/.test(text.slice(edit.start, edit.newEnd))) return undefined;
  // Next to a `\r` the edit may split or join a CRLF, and so change the lines.
  if (text.charCodeAt(edit.start - 1) === 13) return undefined;
  const lines = previous.lines.edited(text, edit.start, text.length - before.length);
  const path = enclosingIndicator(previous.file.declarations, edit.start, edit.oldEnd);
  if (!path) return undefined;
  const { decl, siblings } = path;
  if (!restOfLineIsBlank(before, decl.end)) return undefined;
  const delta = text.length - before.length;
  const fresh = parseIndicator(text, decl.start, decl.end + delta, lines);
  if (!fresh) return undefined;

  if (delta !== 0) for (const node of previous.file.declarations) shiftAfter(node, decl.end, delta, decl);
  siblings[siblings.indexOf(decl)] = fresh.decl;
  const comments = [
    ...previous.file.comments.filter((c) => c.end <= decl.start),
    ...fresh.comments,
    ...previous.file.comments.filter((c) => c.start >= decl.end).map((c) => ({ ...c, start: c.start + delta, end: c.end + delta })),
  ];
  const file: A.PtlFile = { kind: 'File', declarations: previous.file.declarations, comments, start: 0, end: text.length };
  return { file, problems: [], lines, replaced: { before: decl, after: fresh.decl } };
}

interface Region {
  start: number;
  /** End of the replaced text in the old text, and of its replacement in the new. */
  oldEnd: number;
  newEnd: number;
}

function changedRegion(before: string, after: string): Region {
  const shorter = Math.min(before.length, after.length);
  const start = commonLength(before, after, shorter, (text, i) => text.charCodeAt(i), (text, from, to) => text.slice(from, to));
  const tail = commonLength(before, after, shorter - start,
    (text, i) => text.charCodeAt(text.length - 1 - i),
    (text, from, to) => text.slice(text.length - to, text.length - from));
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}

const CHUNK = 4096;

/**
 * How many leading characters (as `at` and `slice` read them) two texts share, up to
 * `limit`: whole chunks compared as strings first, which the engine does natively,
 * then characters. Keeps finding an edit in a 500 KB file well under a millisecond.
 */
function commonLength(a: string, b: string, limit: number, at: (text: string, i: number) => number, slice: (text: string, from: number, to: number) => string): number {
  let n = 0;
  while (n + CHUNK <= limit && slice(a, n, n + CHUNK) === slice(b, n, n + CHUNK)) n += CHUNK;
  while (n < limit && at(a, n) === at(b, n)) n++;
  return n;
}

/** The innermost indicator whose braces hold the region, with the list it sits in. */
function enclosingIndicator(declarations: A.Declaration[], start: number, end: number): { decl: A.IndicatorDecl; siblings: A.IndicatorDecl[] } | undefined {
  let found: { decl: A.IndicatorDecl; siblings: A.IndicatorDecl[] } | undefined;
  let list: readonly A.Declaration[] = declarations;
  for (;;) {
    const holder = list.find((d) => d.start <= start && end <= d.end);
    if (!holder) return found;
    if (holder.kind === 'Indicator') {
      if (!holder.open || !holder.close || start < holder.open.end || end > holder.close.start) return found;
      found = { decl: holder, siblings: list as A.IndicatorDecl[] };
      list = holder.children;
    } else if (holder.kind === 'Table') {
      list = holder.indicators;
    } else {
      return found;
    }
  }
}

function restOfLineIsBlank(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** The indicator at [start, end) of the new text, if it parses cleanly and exactly fills that span. */
function parseIndicator(text: string, start: number, end: number, lines: LineIndex): { decl: A.IndicatorDecl; comments: A.Comment[] } | undefined {
  const slice = text.slice(start, end);
  const lexed = lex(slice, new LineIndex(slice));
  if (lexed.problems.length > 0) return undefined;
  const moved = (token: IToken): IToken => {
    token.startOffset += start;
    if (token.endOffset !== undefined) token.endOffset += start;
    return token;
  };
  const tokens = lexed.tokens.map(moved);
  const parser = sharedParser();
  parser.load(tokens, lines);
  let decl: A.IndicatorDecl | undefined;
  let clean = false;
  try {
    decl = parser.indicator();
    clean = parser.errors.length === 0 && parser.takeExtraProblems().length === 0 && parser.atEnd();
  } catch {
    return undefined;
  } finally {
    parser.unload();
  }
  if (!decl || !clean) return undefined;
  if (decl.start !== start || decl.end !== end) return undefined;
  if (pruneDeepExpressions([decl], lines, tokens).length > 0) return undefined;
  return { decl, comments: lexed.comments.map(moved).map(comment) };
}

/**
 * Moves every offset at or after `pivot` by `delta`, leaving `skip` (the node being
 * replaced) alone. Their lines and columns, which the new line index gives, stay: the
 * edit added no line, and what follows the edited indicator starts on a later line. A
 * declaration that holds the edit is stretched; a field never holds one (fields hold
 * no indicators).
 */
function shiftAfter(decl: A.Declaration, pivot: number, delta: number, skip: A.Declaration): void {
  if (decl === skip || decl.end < pivot) return;
  const move = (span: A.Span) => {
    span.start += delta;
    span.end += delta;
  };
  if (decl.start >= pivot) {
    forEachSpan(decl, move);
    return;
  }
  decl.end += delta;
  if (decl.kind !== 'Table' && decl.kind !== 'Indicator') return;
  if (decl.close) move(decl.close);
  for (const field of decl.fields) if (field.start >= pivot) forEachFieldSpan(field, move);
  for (const child of nested(decl)) shiftAfter(child, pivot, delta, skip);
}
