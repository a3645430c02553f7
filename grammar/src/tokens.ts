/**
 * Token types. Words (identifiers and keywords of both languages) are matched by
 * one custom pattern and classified afterwards, so Chinese text typed without
 * spaces (`目标值不低于55%`) still splits into keywords where it must.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { KEYWORDS, type KeywordId } from './keywords';
import { matchWord } from './words';

/** Every code point of the ranges; a plain loop, as this runs at every start of the server (Array.from took 20 ms). */
function ranges(...pairs: [number, number][]): number[] {
  const out: number[] = [];
  for (const [from, to] of pairs) for (let c = from; c <= to; c++) out.push(c);
  return out;
}

/** First characters a word may start with: Latin, Greek, Cyrillic, CJK, kana, Hangul, full-width Latin, astral letters. */
const WORD_START_CHARS = [
  ...ranges([0x41, 0x5a], [0x61, 0x7a], [0x5f, 0x5f], [0xaa, 0xaa], [0xb5, 0xb5], [0xba, 0xba]),
  ...ranges([0xc0, 0x24f], [0x370, 0x52f], [0x3040, 0x30ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff]),
  ...ranges([0xac00, 0xd7af], [0xd800, 0xdbff], [0xf900, 0xfaff], [0xff21, 0xff3a], [0xff41, 0xff5a]),
];

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\u00a0\u3000\ufeff\u200b\f\v]+/, group: Lexer.SKIPPED });
export const Newline = createToken({ name: 'Newline', pattern: /\r\n?|\n|\u2028|\u2029/, group: Lexer.SKIPPED, line_breaks: true });
export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\r\n\u2028\u2029]*/, group: 'comments' });
export const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[\s\S]*?\*\//, group: 'comments', line_breaks: true });
/** An unclosed block comment runs to the end of the file; the lexer reports it. */
export const UnclosedBlockComment = createToken({ name: 'UnclosedBlockComment', pattern: /\/\*[\s\S]*/, group: 'comments', line_breaks: true });

export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*"/ });
/** A string closed by the end of its line; parsed as a string, reported as an error. */
export const UnclosedString = createToken({ name: 'UnclosedString', pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*\\?/, categories: [StringLiteral] });
/** “…” typed through an IME where ASCII quotes were meant. */
export const CurlyString = createToken({ name: 'CurlyString', pattern: /“[^”\r\n]*”/, categories: [StringLiteral] });

export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /[0-9０-９]+(?:[.．][0-9０-９]+)?(?:万|亿)?/,
  start_chars_hint: [...'0123456789０１２３４５６７８９'],
});
export const Percent = createToken({ name: 'Percent', pattern: /[%％]/ });
export const Permille = createToken({ name: 'Permille', pattern: /‰/ });
export const Superscript = createToken({ name: 'Superscript', pattern: /[²³]/ });

export const Comparison = createToken({ name: 'Comparison', pattern: Lexer.NA });
export const GreaterEqual = createToken({ name: 'GreaterEqual', pattern: />=|≥|≧|＞＝|⩾/, categories: [Comparison] });
export const LessEqual = createToken({ name: 'LessEqual', pattern: /<=|≤|≦|＜＝|⩽/, categories: [Comparison] });
export const Greater = createToken({ name: 'Greater', pattern: />|＞/, categories: [Comparison] });
export const Less = createToken({ name: 'Less', pattern: /<|＜/, categories: [Comparison] });
export const Equals = createToken({ name: 'Equals', pattern: /==?|＝/, categories: [Comparison] });
export const Approx = createToken({ name: 'Approx', pattern: /[~≈～]/, categories: [Comparison] });

export const LBrace = createToken({ name: 'LBrace', pattern: /[{｛]/ });
export const RBrace = createToken({ name: 'RBrace', pattern: /[}｝]/ });
export const LParen = createToken({ name: 'LParen', pattern: /[(（]/ });
export const RParen = createToken({ name: 'RParen', pattern: /[)）]/ });
export const DotDot = createToken({ name: 'DotDot', pattern: /\.\.|．．|…/ });
export const Dot = createToken({ name: 'Dot', pattern: /[.．]/ });
export const At = createToken({ name: 'At', pattern: /[@＠]/ });
export const Plus = createToken({ name: 'Plus', pattern: /[+＋]/ });
/** An em dash (or a run of them) records that the plan gives no value. */
export const Dash = createToken({ name: 'Dash', pattern: /[—―]+/ });
export const Minus = createToken({ name: 'Minus', pattern: /[-－−]/ });
export const Star = createToken({ name: 'Star', pattern: /[*×＊]/ });
export const Slash = createToken({ name: 'Slash', pattern: /[/／÷]/ });
export const MiddleDot = createToken({ name: 'MiddleDot', pattern: /[·・•]/ });
export const Caret = createToken({ name: 'Caret', pattern: /\^/ });
export const Colon = createToken({ name: 'Colon', pattern: /[:：]/ });
/** Optional separators between fields, as drafters type them. */
export const Separator = createToken({ name: 'Separator', pattern: /[,，、;；]/ });

export const Identifier = createToken({
  name: 'Identifier',
  pattern: { exec: (text: string, offset: number) => matchWord(text, offset) },
  line_breaks: false,
  start_chars_hint: WORD_START_CHARS,
});

/** Keyword token types; never matched by the lexer directly, assigned to words after lexing. */
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

export const LEXER_TOKENS: TokenType[] = [
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
