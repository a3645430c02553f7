/**
 * Lexing: chevrotain does the matching; this module classifies words as keywords,
 * collects comments, and turns what the lexer could not read (and what an IME typed
 * in full width) into located problems. It never throws.
 */
import { Lexer, type IToken } from 'chevrotain';
import { LineIndex } from './range';
import type { SyntaxProblem } from './problem';
import {
  COMPARISON_OF_KEYWORD,
  CurlyString,
  Identifier,
  KeywordToken,
  LEXER_TOKENS,
  StringLiteral,
  UnclosedBlockComment,
  UnclosedString,
} from './tokens';
import { KEYWORD_BY_SPELLING } from './words';

const lexer = new Lexer(LEXER_TOKENS, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
  skipValidations: true,
});

export interface LexResult {
  tokens: IToken[];
  comments: IToken[];
  problems: SyntaxProblem[];
}

export function lex(text: string, lines: LineIndex): LexResult {
  const result = lexer.tokenize(text);
  const problems: SyntaxProblem[] = [];
  for (const error of result.errors) {
    const found = text.slice(error.offset, error.offset + error.length);
    problems.push(syntaxError(lines, error.offset, error.offset + error.length, {
      zh: `无法识别的字符「${printable(found)}」`,
      en: `Unexpected character “${printable(found)}”`,
    }));
  }
  for (const token of result.tokens) classify(token, lines, problems);
  const comments = result.groups['comments'] ?? [];
  for (const comment of comments) {
    if (comment.tokenType === UnclosedBlockComment) {
      problems.push(syntaxError(lines, comment.startOffset, comment.startOffset + 2, {
        zh: '块注释缺少结尾的「*/」',
        en: 'Block comment is not closed with “*/”',
      }));
    }
  }
  return { tokens: result.tokens, comments, problems };
}

function classify(token: IToken, lines: LineIndex, problems: SyntaxProblem[]): void {
  if (token.tokenType === Identifier) {
    const keyword = KEYWORD_BY_SPELLING.get(token.image);
    if (keyword) {
      const type = COMPARISON_OF_KEYWORD[keyword] ?? KeywordToken[keyword];
      token.tokenType = type;
      token.tokenTypeIdx = type.tokenTypeIdx!;
    }
    return;
  }
  const end = token.startOffset + token.image.length;
  if (token.tokenType === UnclosedString) {
    problems.push(syntaxError(lines, token.startOffset, end, {
      zh: '字符串缺少结尾的英文双引号「"」',
      en: 'String is not closed with a “"” on its line',
    }));
    return;
  }
  if (token.tokenType === CurlyString) {
    problems.push(fullWidthHint(lines, token.startOffset, end, toAsciiString(token.image)));
    return;
  }
  // A string's content is the plan's own text: full-width brackets in it are correct Chinese.
  if (token.tokenType === StringLiteral) return;
  const ascii = toHalfWidth(token.image);
  if (ascii !== token.image) problems.push(fullWidthHint(lines, token.startOffset, end, ascii));
}

const FULL_WIDTH = /[\uff01-\uff5e]/;

/** Full-width forms (U+FF01–FF5E) to their ASCII twins; `．．` to `..`. */
export function toHalfWidth(text: string): string {
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function toAsciiString(curly: string): string {
  const inner = curly.slice(1, -1).replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return `"${inner}"`;
}

function fullWidthHint(lines: LineIndex, start: number, end: number, replacement: string): SyntaxProblem {
  const found = lines.text.slice(start, end);
  return {
    code: 'fullwidth-punctuation',
    message: {
      zh: `全角字符「${found}」应写作半角「${replacement}」`,
      en: `Full-width “${found}” stands for “${replacement}”`,
    },
    range: lines.rangeOf(start, end),
    start,
    end,
    fix: { range: lines.rangeOf(start, end), newText: replacement },
  };
}

export function syntaxError(lines: LineIndex, start: number, end: number, message: SyntaxProblem['message']): SyntaxProblem {
  return { code: 'syntax-error', message, range: lines.rangeOf(start, end), start, end };
}

function printable(text: string): string {
  const shown = text.length > 20 ? `${text.slice(0, 20)}…` : text;
  return shown.replace(/[\u0000-\u001f\ud800-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
