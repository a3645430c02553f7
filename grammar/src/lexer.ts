/**
 * Lexing: a hand-written scanner that gives chevrotain's parser its tokens (chevrotain's
 * own regular-expression lexer took a third of the parse). It classifies words as
 * keywords, collects comments, and turns what it cannot read (and what an IME typed in
 * full width) into located problems. It never throws.
 *
 * What each token reads, in the order tried at a character (the first that matches wins):
 * spaces and line breaks (skipped); `//` and `/* … *\/` comments; strings `"…"` (closed
 * on their line, else unclosed) and IME quotes `“…”`; numbers `12`, `3.3万`, `０.５`; the
 * punctuation below, half or full width; a word (grammar/src/words.ts). A run of
 * characters that starts none of them is one problem. test/grammar/lexer.test.ts holds
 * this scanner to the regular expressions it replaced.
 */
import type { IToken, TokenType } from 'chevrotain';
import type { LineIndex } from './range';
import type { SyntaxProblem } from './problem';
import * as T from './tokens';
import { COMPARISON_OF_KEYWORD, KeywordToken } from './tokens';
import { KEYWORD_BY_SPELLING, mayBeKeyword, wordAt } from './words';

export interface LexResult {
  tokens: IToken[];
  comments: IToken[];
  problems: SyntaxProblem[];
}

/** The token type of each keyword spelling, comparison words as their symbols. */
const KEYWORD_TYPES: ReadonlyMap<string, TokenType> = new Map(
  [...KEYWORD_BY_SPELLING].map(([spelling, id]) => [spelling, COMPARISON_OF_KEYWORD[id] ?? KeywordToken[id]]),
);

/** One-character tokens: the character's code to its type. */
const SINGLE_TYPES: ReadonlyMap<number, TokenType> = new Map([
  ...codes('%％', T.Percent), ...codes('‰', T.Permille), ...codes('²³', T.Superscript),
  ...codes('≥≧⩾', T.GreaterEqual), ...codes('≤≦⩽', T.LessEqual), ...codes('~≈～', T.Approx),
  ...codes('{｛', T.LBrace), ...codes('}｝', T.RBrace), ...codes('(（', T.LParen), ...codes(')）', T.RParen),
  ...codes('…', T.DotDot), ...codes('@＠', T.At), ...codes('+＋', T.Plus), ...codes('-－−', T.Minus),
  ...codes('*×＊', T.Star), ...codes('/／÷', T.Slash), ...codes('·・•', T.MiddleDot), ...codes('^', T.Caret),
  ...codes(':：', T.Colon), ...codes(',，、;；', T.Separator),
]);

function codes(chars: string, type: TokenType): Array<[number, TokenType]> {
  return [...chars].map((c) => [c.charCodeAt(0), type]);
}

/** The same, as a table by character code (an index into SINGLE_LIST, 0 for none): one load per character. */
const SINGLE_LIST: Array<TokenType | undefined> = [undefined, ...new Set(SINGLE_TYPES.values())];
const SINGLE = new Uint8Array(0x10000);
for (const [code, type] of SINGLE_TYPES) SINGLE[code] = SINGLE_LIST.indexOf(type);

export function lex(text: string, lines: LineIndex): LexResult {
  return new Scanner(text, lines).run();
}

class Scanner {
  private readonly tokens: IToken[] = [];
  private readonly comments: IToken[] = [];
  private readonly problems: SyntaxProblem[] = [];

  constructor(private readonly text: string, private readonly lines: LineIndex) {}

  run(): LexResult {
    const { text } = this;
    let i = 0;
    /** Where a run of characters that start no token began, -1 outside one. */
    let unreadable = -1;
    while (i < text.length) {
      // A third of a plan is spaces: skipped here, without a call for each.
      const c = text.charCodeAt(i);
      const end = c === 0x20 || c === 10 ? i + 1 : this.read(i);
      if (end === i) {
        if (unreadable === -1) unreadable = i;
        i++;
        continue;
      }
      if (unreadable !== -1) this.unreadable(unreadable, i);
      unreadable = -1;
      i = end;
    }
    if (unreadable !== -1) this.unreadable(unreadable, text.length);
    return { tokens: this.tokens, comments: this.comments, problems: this.problems };
  }

  /**
   * Reads (and keeps) the token at i; returns where it ends, i itself when none starts there.
   * Kept small for the commonest tokens, words, numbers and ASCII punctuation, so that the
   * engine inlines it into the loop; the rest is read by `readRest`.
   */
  private read(i: number): number {
    const { text } = this;
    const c = text.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return this.word(i);
    if (c >= 0x30 && c <= 0x39) return this.emit(T.NumberLiteral, i, numberEnd(text, i));
    if (c < 0x80 && c !== 0x2f && SINGLE[c] !== 0) return this.emit(SINGLE_LIST[SINGLE[c]!]!, i, i + 1);
    return this.readRest(i, c);
  }

  private readRest(i: number, c: number): number {
    const { text } = this;
    if (isSpace(c)) return spacesEnd(text, i);
    if (c === 0x2028 || c === 0x2029) return i + 1;
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    if (c === 0x2f /* / */) {
      const next = text.charCodeAt(i + 1);
      if (next === 0x2f) return this.comment(T.LineComment, i, lineEnd(text, i + 2));
      if (next === 0x2a /* * */) {
        const close = text.indexOf('*/', i + 2);
        return close === -1 ? this.comment(T.UnclosedBlockComment, i, text.length) : this.comment(T.BlockComment, i, close + 2);
      }
      return this.emit(T.Slash, i, i + 1);
    }
    if (c === 0x22 /* " */) return this.string(i);
    if (c === 0x201c /* “ */) return this.curlyString(i);
    if (isDigit(c)) return this.emit(T.NumberLiteral, i, numberEnd(text, i));
    const single = SINGLE[c]!;
    if (single !== 0) return this.emit(SINGLE_LIST[single]!, i, i + 1);
    switch (c) {
      case 0x3e /* > */: return text.charCodeAt(i + 1) === 0x3d ? this.emit(T.GreaterEqual, i, i + 2) : this.emit(T.Greater, i, i + 1);
      case 0x3c /* < */: return text.charCodeAt(i + 1) === 0x3d ? this.emit(T.LessEqual, i, i + 2) : this.emit(T.Less, i, i + 1);
      case 0xff1e /* ＞ */: return text.charCodeAt(i + 1) === 0xff1d ? this.emit(T.GreaterEqual, i, i + 2) : this.emit(T.Greater, i, i + 1);
      case 0xff1c /* ＜ */: return text.charCodeAt(i + 1) === 0xff1d ? this.emit(T.LessEqual, i, i + 2) : this.emit(T.Less, i, i + 1);
      case 0x3d /* = */: return this.emit(T.Equals, i, text.charCodeAt(i + 1) === 0x3d ? i + 2 : i + 1);
      case 0xff1d /* ＝ */: return this.emit(T.Equals, i, i + 1);
      case 0x2e /* . */: return text.charCodeAt(i + 1) === 0x2e ? this.emit(T.DotDot, i, i + 2) : this.emit(T.Dot, i, i + 1);
      case 0xff0e /* ． */: return text.charCodeAt(i + 1) === 0xff0e ? this.emit(T.DotDot, i, i + 2) : this.emit(T.Dot, i, i + 1);
      case 0x2014: case 0x2015: /* — ― */ return this.emit(T.Dash, i, dashesEnd(text, i));
    }
    return this.word(i);
  }

  /** A keyword or an identifier; its text is its image, and its letters are its own (no full-width hint). */
  private word(i: number): number {
    const word = wordAt(this.text, i);
    if (word === undefined) return i;
    const type = (mayBeKeyword(word) && KEYWORD_TYPES.get(word)) || T.Identifier;
    this.tokens.push(token(type, word, i, i + word.length));
    return i + word.length;
  }

  /** `"…"` closed on its line; else unclosed, up to the line's end (a trailing `\` included). */
  private string(i: number): number {
    const { text } = this;
    for (let k = i + 1; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c === 0x22) return this.emit(T.StringLiteral, i, k + 1);
      if (c === 10 || c === 13) return this.emit(T.UnclosedString, i, k);
      if (c !== 0x5c /* \ */) continue;
      const escaped = text.charCodeAt(k + 1);
      if (k + 1 >= text.length || escaped === 10 || escaped === 13) return this.emit(T.UnclosedString, i, k + 1);
      k++;
    }
    return this.emit(T.UnclosedString, i, text.length);
  }

  /** `“…”` on one line; an opening `“` alone starts nothing. */
  private curlyString(i: number): number {
    const { text } = this;
    for (let k = i + 1; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c === 0x201d) return this.emit(T.CurlyString, i, k + 1);
      if (c === 10 || c === 13) return i;
    }
    return i;
  }

  /** Characters from start to end start no token: one problem. */
  private unreadable(start: number, end: number): void {
    const found = this.text.slice(start, end);
    this.problems.push(syntaxError(this.lines, start, end, {
      zh: `无法识别的字符「${printable(found)}」`,
      en: `Unexpected character “${printable(found)}”`,
    }));
  }

  private comment(type: TokenType, start: number, end: number): number {
    this.comments.push(token(type, this.text.slice(start, end), start, end));
    if (type === T.UnclosedBlockComment) {
      this.problems.push(syntaxError(this.lines, start, start + 2, { zh: '块注释缺少结尾的「*/」', en: 'Block comment is not closed with “*/”' }));
    }
    return end;
  }

  /** Keeps the token of `type` from start to end; returns its end. */
  private emit(type: TokenType, start: number, end: number): number {
    const kept = token(type, this.text.slice(start, end), start, end);
    this.tokens.push(kept);
    this.check(kept, type, start, end);
    return end;
  }

  /** Unclosed strings are errors; IME quotes and full-width punctuation get a hint with the ASCII form. */
  private check(token: IToken, type: TokenType, start: number, end: number): void {
    if (type === T.UnclosedString) {
      this.problems.push(syntaxError(this.lines, start, end, { zh: '字符串缺少结尾的英文双引号「"」', en: 'String is not closed with a “"” on its line' }));
      return;
    }
    if (type === T.CurlyString) {
      this.problems.push(fullWidthHint(this.lines, start, end, toAsciiString(token.image)));
      return;
    }
    // A string's content is the plan's own text: full width is right there.
    if (type === T.StringLiteral || !hasFullWidth(token.image)) return;
    this.problems.push(fullWidthHint(this.lines, start, end, toHalfWidth(token.image)));
  }
}

function token(type: TokenType, image: string, start: number, end: number): IToken {
  return { image, startOffset: start, endOffset: end - 1, tokenTypeIdx: type.tokenTypeIdx!, tokenType: type };
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x200b || c === 0x0c || c === 0x0b;
}

function spacesEnd(text: string, i: number): number {
  let k = i + 1;
  while (k < text.length && isSpace(text.charCodeAt(k))) k++;
  return k;
}

function lineEnd(text: string, i: number): number {
  let k = i;
  for (; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) break;
  }
  return k;
}

function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/** Digits, then a decimal part only when a digit follows the point, then 万 or 亿. */
function numberEnd(text: string, i: number): number {
  let k = i + 1;
  while (isDigit(text.charCodeAt(k))) k++;
  const point = text.charCodeAt(k);
  if ((point === 0x2e || point === 0xff0e) && isDigit(text.charCodeAt(k + 1))) {
    k += 2;
    while (isDigit(text.charCodeAt(k))) k++;
  }
  const scale = text.charCodeAt(k);
  return scale === 0x4e07 /* 万 */ || scale === 0x4ebf /* 亿 */ ? k + 1 : k;
}

function dashesEnd(text: string, i: number): number {
  let k = i + 1;
  while (text.charCodeAt(k) === 0x2014 || text.charCodeAt(k) === 0x2015) k++;
  return k;
}

function hasFullWidth(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0xff01 && c <= 0xff5e) return true;
  }
  return false;
}

/** Full-width forms (U+FF01–FF5E) to their ASCII twins; `．．` to `..`. */
export function toHalfWidth(text: string): string {
  if (!hasFullWidth(text)) return text;
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
