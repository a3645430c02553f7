/**
 * The syntax layer's entry point: text in, a typed AST and located problems out.
 * It never throws; whatever chevrotain throws is turned into a problem.
 */
import type { IRecognitionException, IToken } from 'chevrotain';
import type { Comment, PtlFile } from './ast';
import { lex } from './lexer';
import { PtlParser } from './parser';
import { decodeMessage } from './parser-messages';
import type { SyntaxProblem } from './problem';
import { LineIndex } from './range';
import { BlockComment, UnclosedBlockComment } from './tokens';

export interface ParseResult {
  file: PtlFile;
  problems: SyntaxProblem[];
  lines: LineIndex;
}

let parser: PtlParser | undefined;

export function parse(text: string): ParseResult {
  const lines = new LineIndex(text);
  const lexed = lex(text, lines);
  const comments = lexed.comments.map((token) => comment(token, lines));
  parser ??= new PtlParser();
  parser.load(lexed.tokens, lines);
  let declarations: PtlFile['declarations'] = [];
  const problems = [...lexed.problems];
  try {
    declarations = parser.file() ?? [];
    problems.push(...parser.takeExtraProblems());
    problems.push(...parser.errors.map((error) => recognitionProblem(error, lines)));
  } catch (error) {
    problems.push({
      code: 'syntax-error',
      message: { zh: `语法分析中止：${String(error)}`, en: `The parser stopped: ${String(error)}` },
      range: lines.rangeOf(0, 0),
      start: 0,
      end: 0,
    });
  }
  problems.sort((a, b) => a.start - b.start || a.end - b.end);
  const file: PtlFile = { kind: 'File', declarations, comments, start: 0, end: text.length, range: lines.rangeOf(0, text.length) };
  return { file, problems: dedupe(problems), lines };
}

function comment(token: IToken, lines: LineIndex): Comment {
  const start = token.startOffset;
  const end = start + token.image.length;
  const block = token.tokenType === BlockComment || token.tokenType === UnclosedBlockComment;
  return { kind: 'Comment', text: token.image, block, start, end, range: lines.rangeOf(start, end) };
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
