/**
 * The lexer as it was specified with chevrotain's regular expressions, kept as the
 * oracle for grammar/src/lexer.ts: the hand-written scanner must read every text into
 * the same tokens, comments and unreadable runs (test/grammar/lexer.test.ts). A word may
 * start wherever the word reader accepts one (LANGUAGE.md: a Unicode letter or `_`).
 */
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';
import { wordAt } from '../../grammar/src/words';

const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\u00a0\u3000\ufeff\u200b\f\v]+/, group: Lexer.SKIPPED });
const Newline = createToken({ name: 'Newline', pattern: /\r\n?|\n|\u2028|\u2029/, group: Lexer.SKIPPED, line_breaks: true });
const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\r\n\u2028\u2029]*/, group: 'comments' });
const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[\s\S]*?\*\//, group: 'comments', line_breaks: true });
/** An unclosed block comment runs to the end of the file; the lexer reports it. */
const UnclosedBlockComment = createToken({ name: 'UnclosedBlockComment', pattern: /\/\*[\s\S]*/, group: 'comments', line_breaks: true });

const StringLiteral = createToken({ name: 'StringLiteral', pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*"/ });
/** A string closed by the end of its line; parsed as a string, reported as an error. */
const UnclosedString = createToken({ name: 'UnclosedString', pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*\\?/, categories: [StringLiteral] });
/** “…” typed through an IME where ASCII quotes were meant. */
const CurlyString = createToken({ name: 'CurlyString', pattern: /“[^”\r\n]*”/, categories: [StringLiteral] });

const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /[0-9０-９]+(?:[.．][0-9０-９]+)?(?:万|亿)?/,
  start_chars_hint: [...'0123456789０１２３４５６７８９'],
});
const Percent = createToken({ name: 'Percent', pattern: /[%％]/ });
const Permille = createToken({ name: 'Permille', pattern: /‰/ });
const Superscript = createToken({ name: 'Superscript', pattern: /[²³]/ });

const Comparison = createToken({ name: 'Comparison', pattern: Lexer.NA });
const GreaterEqual = createToken({ name: 'GreaterEqual', pattern: />=|≥|≧|＞＝|⩾/, categories: [Comparison] });
const LessEqual = createToken({ name: 'LessEqual', pattern: /<=|≤|≦|＜＝|⩽/, categories: [Comparison] });
const Greater = createToken({ name: 'Greater', pattern: />|＞/, categories: [Comparison] });
const Less = createToken({ name: 'Less', pattern: /<|＜/, categories: [Comparison] });
const Equals = createToken({ name: 'Equals', pattern: /==?|＝/, categories: [Comparison] });
const Approx = createToken({ name: 'Approx', pattern: /[~≈～]/, categories: [Comparison] });

const LBrace = createToken({ name: 'LBrace', pattern: /[{｛]/ });
const RBrace = createToken({ name: 'RBrace', pattern: /[}｝]/ });
const LParen = createToken({ name: 'LParen', pattern: /[(（]/ });
const RParen = createToken({ name: 'RParen', pattern: /[)）]/ });
const DotDot = createToken({ name: 'DotDot', pattern: /\.\.|．．|…/ });
const Dot = createToken({ name: 'Dot', pattern: /[.．]/ });
const At = createToken({ name: 'At', pattern: /[@＠]/ });
const Plus = createToken({ name: 'Plus', pattern: /[+＋]/ });
/** An em dash (or a run of them) records that the plan gives no value. */
const Dash = createToken({ name: 'Dash', pattern: /[—―]+/ });
const Minus = createToken({ name: 'Minus', pattern: /[-－−]/ });
const Star = createToken({ name: 'Star', pattern: /[*×＊]/ });
const Slash = createToken({ name: 'Slash', pattern: /[/／÷]/ });
const MiddleDot = createToken({ name: 'MiddleDot', pattern: /[·・•]/ });
const Caret = createToken({ name: 'Caret', pattern: /\^/ });
const Colon = createToken({ name: 'Colon', pattern: /[:：]/ });
/** Optional separators between fields, as drafters type them. */
const Separator = createToken({ name: 'Separator', pattern: /[,，、;；]/ });

const Identifier = createToken({
  name: 'Identifier',
  pattern: { exec: (text: string, offset: number) => { const word = wordAt(text, offset); return word === undefined ? null : [word]; } },
  line_breaks: false,
});

const REFERENCE_TOKENS: TokenType[] = [
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

const lexer = new Lexer(REFERENCE_TOKENS, { positionTracking: 'onlyOffset', ensureOptimizations: false, skipValidations: true });

export interface ReferenceLexed {
  tokens: Array<{ type: string; image: string; start: number }>;
  comments: Array<{ type: string; image: string; start: number }>;
  errors: Array<{ offset: number; length: number }>;
}

export function referenceLex(text: string): ReferenceLexed {
  const result = lexer.tokenize(text);
  const plain = (t: IToken) => ({ type: t.tokenType.name, image: t.image, start: t.startOffset });
  return {
    tokens: result.tokens.map(plain),
    comments: (result.groups['comments'] ?? []).map(plain),
    errors: result.errors.map((e) => ({ offset: e.offset, length: e.length })),
  };
}
