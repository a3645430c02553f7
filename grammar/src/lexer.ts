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
  /** What `read` found: its type (undefined for spaces and line breaks), where it ends, and a word's text. */
  private type: TokenType | undefined;
  private end = 0;
  private word: string | undefined;

  constructor(private readonly text: string, private readonly lines: LineIndex) {}

  run(): LexResult {
    const { text } = this;
    let i = 0;
    while (i < text.length) {
      if (!this.read(i)) {
        i = this.unreadable(i);
        continue;
      }
      if (this.type !== undefined) this.emit(this.type, i, this.end);
      i = this.end;
    }
    return { tokens: this.tokens, comments: this.comments, problems: this.problems };
  }

  /** Reads the token at i into `type` and `end`; false when none starts there. */
  private read(i: number): boolean {
    const { text } = this;
    const c = text.charCodeAt(i);
    // Ideographs and ASCII letters start words only: half the tokens of a plan.
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return this.readWord(i);
    if (isSpace(c)) return this.found(undefined, spacesEnd(text, i));
    if (c === 10 || c === 0x2028 || c === 0x2029) return this.found(undefined, i + 1);
    if (c === 13) return this.found(undefined, text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1);
    if (c === 0x2f /* / */) {
      const next = text.charCodeAt(i + 1);
      if (next === 0x2f) return this.found(T.LineComment, lineEnd(text, i + 2));
      if (next === 0x2a /* * */) {
        const close = text.indexOf('*/', i + 2);
        return close === -1 ? this.found(T.UnclosedBlockComment, text.length) : this.found(T.BlockComment, close + 2);
      }
      return this.found(T.Slash, i + 1);
    }
    if (c === 0x22 /* " */) return this.string(i);
    if (c === 0x201c /* “ */) return this.curlyString(i);
    if (isDigit(c)) return this.found(T.NumberLiteral, numberEnd(text, i));
    const single = SINGLE[c]!;
    if (single !== 0) return this.found(SINGLE_LIST[single], i + 1);
    switch (c) {
      case 0x3e /* > */: return this.found(text.charCodeAt(i + 1) === 0x3d ? T.GreaterEqual : T.Greater, text.charCodeAt(i + 1) === 0x3d ? i + 2 : i + 1);
      case 0x3c /* < */: return this.found(text.charCodeAt(i + 1) === 0x3d ? T.LessEqual : T.Less, text.charCodeAt(i + 1) === 0x3d ? i + 2 : i + 1);
      case 0xff1e /* ＞ */: return this.found(text.charCodeAt(i + 1) === 0xff1d ? T.GreaterEqual : T.Greater, text.charCodeAt(i + 1) === 0xff1d ? i + 2 : i + 1);
      case 0xff1c /* ＜ */: return this.found(text.charCodeAt(i + 1) === 0xff1d ? T.LessEqual : T.Less, text.charCodeAt(i + 1) === 0xff1d ? i + 2 : i + 1);
      case 0x3d /* = */: return this.found(T.Equals, text.charCodeAt(i + 1) === 0x3d ? i + 2 : i + 1);
      case 0xff1d /* ＝ */: return this.found(T.Equals, i + 1);
      case 0x2e /* . */: return this.found(text.charCodeAt(i + 1) === 0x2e ? T.DotDot : T.Dot, text.charCodeAt(i + 1) === 0x2e ? i + 2 : i + 1);
      case 0xff0e /* ． */: return this.found(text.charCodeAt(i + 1) === 0xff0e ? T.DotDot : T.Dot, text.charCodeAt(i + 1) === 0xff0e ? i + 2 : i + 1);
      case 0x2014: case 0x2015: /* — ― */ return this.found(T.Dash, dashesEnd(text, i));
    }
    return this.readWord(i);
  }

  private readWord(i: number): boolean {
    const word = wordAt(this.text, i);
    if (word === undefined) return false;
    this.found((mayBeKeyword(word) && KEYWORD_TYPES.get(word)) || T.Identifier, i + word.length);
    this.word = word;
    return true;
  }

  private found(type: TokenType | undefined, end: number): true {
    this.type = type;
    this.end = end;
    this.word = undefined;
    return true;
  }

  /** `"…"` closed on its line; else unclosed, up to the line's end (a trailing `\` included). */
  private string(i: number): boolean {
    const { text } = this;
    for (let k = i + 1; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c === 0x22) return this.found(T.StringLiteral, k + 1);
      if (c === 10 || c === 13) return this.found(T.UnclosedString, k);
      if (c !== 0x5c /* \ */) continue;
      const escaped = text.charCodeAt(k + 1);
      if (k + 1 >= text.length || escaped === 10 || escaped === 13) return this.found(T.UnclosedString, k + 1);
      k++;
    }
    return this.found(T.UnclosedString, text.length);
  }

  /** `“…”` on one line; an opening `“` alone starts nothing. */
  private curlyString(i: number): boolean {
    const { text } = this;
    for (let k = i + 1; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c === 0x201d) return this.found(T.CurlyString, k + 1);
      if (c === 10 || c === 13) return false;
    }
    return false;
  }

  /** Skips characters up to the next one a token starts at, as one problem; returns that offset. */
  private unreadable(start: number): number {
    let i = start + 1;
    while (i < this.text.length && !this.read(i)) i++;
    const found = this.text.slice(start, i);
    this.problems.push(syntaxError(this.lines, start, i, {
      zh: `无法识别的字符「${printable(found)}」`,
      en: `Unexpected character “${printable(found)}”`,
    }));
    return i;
  }

  private emit(type: TokenType, start: number, end: number): void {
    const word = this.word;
    const token: IToken = { image: word ?? this.text.slice(start, end), startOffset: start, endOffset: end - 1, tokenTypeIdx: type.tokenTypeIdx!, tokenType: type };
    if (type.GROUP === 'comments') {
      this.comments.push(token);
      if (type === T.UnclosedBlockComment) {
        this.problems.push(syntaxError(this.lines, start, start + 2, { zh: '块注释缺少结尾的「*/」', en: 'Block comment is not closed with “*/”' }));
      }
      return;
    }
    this.tokens.push(token);
    // A word's letters are its own: full width is right there.
    if (word === undefined) this.check(token, type, start, end);
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
