/**
 * The syntax layer's entry point: text in, a typed AST and located problems out.
 * It never throws; whatever chevrotain throws is turned into a problem.
 */
import type { IRecognitionException, IToken } from 'chevrotain';
import type { Comment, IndicatorDecl, PtlFile } from './ast';
import { lex } from './lexer';
import { PtlParser } from './parser';
import { decodeMessage } from './parser-messages';
import type { SyntaxProblem } from './problem';
import { LineIndex } from './range';
import { BlockComment, LParen, Minus, Plus, Slash, Star, UnclosedBlockComment } from './tokens';

export interface ParseResult {
  file: PtlFile;
  problems: SyntaxProblem[];
  lines: LineIndex;
  /** After an incremental parse (see reparse.ts): the one indicator declaration it replaced, and the new one. */
  replaced?: { before: IndicatorDecl; after: IndicatorDecl };
}

let parser: PtlParser | undefined;

/** One parser for the process: building it (chevrotain's grammar analysis) is the costly part. */
export function sharedParser(): PtlParser {
  parser ??= new PtlParser();
  return parser;
}

export function parse(text: string): ParseResult {
  const lines = new LineIndex(text);
  const lexed = lex(text, lines);
  const comments = lexed.comments.map(comment);
  const parser = sharedParser();
  parser.load(lexed.tokens, lines);
  let declarations: PtlFile['declarations'] = [];
  const problems = [...lexed.problems];
  try {
    declarations = parser.file() ?? [];
    problems.push(...parser.takeExtraProblems());
    problems.push(...parser.errors.map((error) => recognitionProblem(error, lines)));
    parser.unload();
  } catch (error) {
    parser.unload();
    const at = error instanceof RangeError ? deepestNesting(lexed.tokens) : 0;
    problems.push({
      code: 'syntax-error',
      message:
        error instanceof RangeError
          ? { zh: `括号或负号嵌套过深（超过约 ${MAX_EXPRESSION_DEPTH} 层），未能分析此文件`, en: `Parentheses or minus signs nest too deeply (beyond about ${MAX_EXPRESSION_DEPTH} levels); the file was not parsed` }
          : { zh: `语法分析中止：${String(error)}`, en: `The parser stopped: ${String(error)}` },
      range: lines.rangeOf(at, at),
      start: at,
      end: at,
    });
  }
  if (mayNestTooDeeply(lexed.tokens)) problems.push(...pruneDeepExpressions(declarations, lines, lexed.tokens));
  problems.sort((a, b) => a.start - b.start || a.end - b.end);
  const file: PtlFile = { kind: 'File', declarations, comments, start: 0, end: text.length };
  return { file, problems: dedupe(problems), lines };
}

/**
 * Expressions deeper than this (a chain of 200 `+`, or parentheses 200 deep) are
 * reported and dropped from the tree, so that nothing after the parser — checker,
 * evaluator, formatter, editor features — recurses deeper than the stack allows.
 */
export const MAX_EXPRESSION_DEPTH = 200;

const EXPRESSION_KINDS = new Set(['Binary', 'Unary', 'Paren', 'Number', 'Reference']);

/** By token type index, 1 for the tokens an expression nests with: one load per token (past the end, none). */
const NESTING_TYPES = [Plus, Minus, Star, Slash, LParen];
const NESTING = new Uint8Array(Math.max(...NESTING_TYPES.map((t) => t.tokenTypeIdx!)) + 1);
for (const type of NESTING_TYPES) NESTING[type.tokenTypeIdx!] = 1;

/**
 * Every level of an expression below its leaf is an operator or a `(`: a file with fewer
 * of those than the limit holds no expression too deep, and its tree is not walked.
 */
function mayNestTooDeeply(tokens: IToken[]): boolean {
  let n = 0;
  if (tokens.length < MAX_EXPRESSION_DEPTH) return false;
  for (const t of tokens) if (NESTING[t.tokenTypeIdx] === 1 && ++n >= MAX_EXPRESSION_DEPTH) return true;
  return false;
}

/** Depth of an expression tree, without recursion. */
function expressionDepth(root: object): number {
  let max = 0;
  const stack: [object, number][] = [[root, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > max) max = depth;
    if (max > MAX_EXPRESSION_DEPTH) return max;
    const n = node as { left?: object; right?: object; operand?: object; expr?: object };
    for (const child of [n.left, n.right, n.operand, n.expr]) if (child) stack.push([child, depth + 1]);
  }
  return max;
}

/** Replaces every expression nested deeper than {@link MAX_EXPRESSION_DEPTH} by nothing, with a located problem. */
export function pruneDeepExpressions(declarations: PtlFile['declarations'], lines: LineIndex, tokens: IToken[]): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  // An expression node spans more tokens than any of its children, so a subtree of at most
  // MAX_EXPRESSION_DEPTH tokens cannot hold a deeper expression: it is skipped unread. This
  // keeps the walk off the ordinary indicator (a few dozen tokens each).
  const starts = tokens.map((t) => t.startOffset);
  const tokensIn = (start: number, end: number) => lowerBound(starts, end) - lowerBound(starts, start);
  const stack: object[] = [...declarations];
  while (stack.length) {
    const node = stack.pop() as Record<string, unknown>;
    const { start, end } = node as { start?: unknown; end?: unknown };
    if (typeof start === 'number' && typeof end === 'number' && tokensIn(start, end) <= MAX_EXPRESSION_DEPTH) continue;
    for (const key of Object.keys(node)) {
      const value = node[key];
      if (!value || typeof value !== 'object' || key === 'range') continue;
      const kind = (value as { kind?: string }).kind;
      if (kind && EXPRESSION_KINDS.has(kind)) {
        if (expressionDepth(value) > MAX_EXPRESSION_DEPTH) {
          const { start } = value as { start: number };
          problems.push({
            code: 'syntax-error',
            message: { zh: `表达式嵌套过深（超过 ${MAX_EXPRESSION_DEPTH} 层），未检查`, en: `The expression nests too deeply (beyond ${MAX_EXPRESSION_DEPTH} levels) and was not checked` },
            range: lines.rangeOf(start, start),
            start,
            end: start,
          });
          node[key] = undefined;
        }
        continue;
      }
      stack.push(value as object);
    }
  }
  return problems;
}

/** The index of the first offset ≥ value in a sorted array. */
function lowerBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where parentheses (or a run of minus signs) first nest deeper than the limit. */
function deepestNesting(tokens: IToken[]): number {
  let depth = 0;
  let minus = 0;
  for (const t of tokens) {
    const name = t.tokenType.name;
    if (name === 'LParen') depth++;
    else if (name === 'RParen') depth = Math.max(0, depth - 1);
    minus = name === 'Minus' ? minus + 1 : 0;
    if (depth + minus > MAX_EXPRESSION_DEPTH) return t.startOffset;
  }
  return 0;
}

export function comment(token: IToken): Comment {
  const start = token.startOffset;
  const end = start + token.image.length;
  const block = token.tokenType === BlockComment || token.tokenType === UnclosedBlockComment;
  return { kind: 'Comment', text: token.image, block, start, end };
}

function recognitionProblem(error: IRecognitionException, lines: LineIndex): SyntaxProblem {
  const token = error.token;
  const atEnd = token.tokenType.name === 'EOF' || Number.isNaN(token.startOffset);
  const previous = (error as { previousToken?: IToken }).previousToken;
  const start = atEnd ? endOfLastToken(previous, lines) : token.startOffset;
  const end = atEnd ? start : start + token.image.length;
  return { code: 'syntax-error', message: decodeMessage(error.message), range: lines.rangeOf(start, end), start, end };
}

function endOfLastToken(previous: IToken | undefined, lines: LineIndex): number {
  if (previous && !Number.isNaN(previous.startOffset)) return previous.startOffset + previous.image.length;
  return lines.text.length;
}

/** Recovery can report one spot twice (a mismatch, then the skipped token); the first says more. */
function dedupe(problems: SyntaxProblem[]): SyntaxProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.start}:${p.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
