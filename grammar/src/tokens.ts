/**
 * Token types, as the parser sees them. What each one reads is grammar/src/lexer.ts's
 * business (a hand-written scanner: chevrotain's regular-expression lexer was a third of
 * the parse), so none has a pattern here.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { KEYWORDS, type KeywordId } from './keywords';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: Lexer.NA, group: Lexer.SKIPPED });
export const Newline = createToken({ name: 'Newline', pattern: Lexer.NA, group: Lexer.SKIPPED });
export const LineComment = createToken({ name: 'LineComment', pattern: Lexer.NA, group: 'comments' });
export const BlockComment = createToken({ name: 'BlockComment', pattern: Lexer.NA, group: 'comments' });
/** An unclosed block comment runs to the end of the file; the lexer reports it. */
export const UnclosedBlockComment = createToken({ name: 'UnclosedBlockComment', pattern: Lexer.NA, group: 'comments' });

export const StringLiteral = createToken({ name: 'StringLiteral', pattern: Lexer.NA });
/** A string closed by the end of its line; parsed as a string, reported as an error. */
export const UnclosedString = createToken({ name: 'UnclosedString', pattern: Lexer.NA, categories: [StringLiteral] });
/** “…” typed through an IME where ASCII quotes were meant. */
export const CurlyString = createToken({ name: 'CurlyString', pattern: Lexer.NA, categories: [StringLiteral] });

/** Digits (half or full width), a decimal part, a 万 or 亿 scale: `3.3万`. */
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: Lexer.NA });
export const Percent = createToken({ name: 'Percent', pattern: Lexer.NA });
export const Permille = createToken({ name: 'Permille', pattern: Lexer.NA });
export const Superscript = createToken({ name: 'Superscript', pattern: Lexer.NA });

export const Comparison = createToken({ name: 'Comparison', pattern: Lexer.NA });
export const GreaterEqual = createToken({ name: 'GreaterEqual', pattern: Lexer.NA, categories: [Comparison] });
export const LessEqual = createToken({ name: 'LessEqual', pattern: Lexer.NA, categories: [Comparison] });
export const Greater = createToken({ name: 'Greater', pattern: Lexer.NA, categories: [Comparison] });
export const Less = createToken({ name: 'Less', pattern: Lexer.NA, categories: [Comparison] });
export const Equals = createToken({ name: 'Equals', pattern: Lexer.NA, categories: [Comparison] });
export const Approx = createToken({ name: 'Approx', pattern: Lexer.NA, categories: [Comparison] });

export const LBrace = createToken({ name: 'LBrace', pattern: Lexer.NA });
export const RBrace = createToken({ name: 'RBrace', pattern: Lexer.NA });
export const LParen = createToken({ name: 'LParen', pattern: Lexer.NA });
export const RParen = createToken({ name: 'RParen', pattern: Lexer.NA });
export const DotDot = createToken({ name: 'DotDot', pattern: Lexer.NA });
export const Dot = createToken({ name: 'Dot', pattern: Lexer.NA });
export const At = createToken({ name: 'At', pattern: Lexer.NA });
export const Plus = createToken({ name: 'Plus', pattern: Lexer.NA });
/** An em dash (or a run of them) records that the plan gives no value. */
export const Dash = createToken({ name: 'Dash', pattern: Lexer.NA });
export const Minus = createToken({ name: 'Minus', pattern: Lexer.NA });
export const Star = createToken({ name: 'Star', pattern: Lexer.NA });
export const Slash = createToken({ name: 'Slash', pattern: Lexer.NA });
export const MiddleDot = createToken({ name: 'MiddleDot', pattern: Lexer.NA });
export const Caret = createToken({ name: 'Caret', pattern: Lexer.NA });
export const Colon = createToken({ name: 'Colon', pattern: Lexer.NA });
/** Optional separators between fields, as drafters type them. */
export const Separator = createToken({ name: 'Separator', pattern: Lexer.NA });

/** A word that is no keyword (grammar/src/words.ts reads words). */
export const Identifier = createToken({ name: 'Identifier', pattern: Lexer.NA });

/** Keyword token types: a word the lexer finds in the keyword table. */
export const KeywordToken: Record<KeywordId, TokenType> = Object.fromEntries(
  KEYWORDS.map((k) => {
    const categories = k.role === 'comparison' ? [Comparison] : [];
    return [k.id, createToken({ name: `Kw_${k.id}`, pattern: Lexer.NA, categories })];
  }),
) as Record<KeywordId, TokenType>;

/** The English comparison words are symbols; the Chinese ones map onto the symbol tokens' meaning. */
export const COMPARISON_OF_KEYWORD: Partial<Record<KeywordId, TokenType>> = {
  ge: GreaterEqual,
  le: LessEqual,
  approx: Approx,
};

const LEXER_TOKENS: TokenType[] = [
  WhiteSpace,
  Newline,
  LineComment,
  BlockComment,
  UnclosedBlockComment,
  CurlyString,
  StringLiteral,
  UnclosedString,
  NumberLiteral,
  Percent,
  Permille,
  Superscript,
  GreaterEqual,
  LessEqual,
  Greater,
  Less,
  Equals,
  Approx,
  LBrace,
  RBrace,
  LParen,
  RParen,
  DotDot,
  Dot,
  At,
  Plus,
  Dash,
  Minus,
  Star,
  Slash,
  MiddleDot,
  Caret,
  Colon,
  Separator,
  Identifier,
];

/** Every token type the parser knows, lexer tokens first. */
export const ALL_TOKENS: TokenType[] = [...LEXER_TOKENS, Comparison, ...Object.values(KeywordToken)];

/** Human names of token types for messages: what was expected, what was found. */
export const TOKEN_LABELS: Record<string, { zh: string; en: string }> = {
  StringLiteral: { zh: '字符串', en: 'a string' },
  UnclosedString: { zh: '字符串', en: 'a string' },
  CurlyString: { zh: '字符串', en: 'a string' },
  NumberLiteral: { zh: '数字', en: 'a number' },
  Identifier: { zh: '标识符', en: 'an identifier' },
  Comparison: { zh: '比较符（>= <= = ~ …）', en: 'a comparison (>= <= = ~ …)' },
  Percent: { zh: '“%”', en: '“%”' },
  Permille: { zh: '“‰”', en: '“‰”' },
  LBrace: { zh: '“{”', en: '“{”' },
  RBrace: { zh: '“}”', en: '“}”' },
  LParen: { zh: '“(”', en: '“(”' },
  RParen: { zh: '“)”', en: '“)”' },
  DotDot: { zh: '“..”', en: '“..”' },
  Dot: { zh: '“.”', en: '“.”' },
  At: { zh: '“@”（年份）', en: '“@” (a year)' },
  Dash: { zh: '“—”', en: '“—”' },
  Minus: { zh: '“-”', en: '“-”' },
  Plus: { zh: '“+”', en: '“+”' },
  Star: { zh: '“*”', en: '“*”' },
  Slash: { zh: '“/”', en: '“/”' },
  MiddleDot: { zh: '“·”', en: '“·”' },
  Caret: { zh: '“^”', en: '“^”' },
  Colon: { zh: '“:”', en: '“:”' },
  Separator: { zh: '“,”', en: '“,”' },
  Superscript: { zh: '“²”', en: '“²”' },
  GreaterEqual: { zh: '“>=”', en: '“>=”' },
  LessEqual: { zh: '“<=”', en: '“<=”' },
  Greater: { zh: '“>”', en: '“>”' },
  Less: { zh: '“<”', en: '“<”' },
  Equals: { zh: '“=”', en: '“=”' },
  Approx: { zh: '“~”', en: '“~”' },
  EOF: { zh: '文件结尾', en: 'end of file' },
};
