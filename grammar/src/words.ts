/**
 * Splitting runs of letters into keywords and identifiers. Chinese drafters do not
 * type spaces: `目标值不低于55` must read as 目标值 · 不低于 · 55, while `约束性目标`
 * and `专栏2` stay single identifiers. A word splits only when it is made entirely
 * of keywords, the last of which may be followed by digits if it takes a number.
 */
import { KEYWORDS, type KeywordId } from './keywords';

export const KEYWORD_BY_SPELLING: ReadonlyMap<string, KeywordId> = new Map(
  KEYWORDS.flatMap((k) => [...k.en, ...k.zh].map((s) => [s, k.id] as const)),
);

/** Keywords that are directly followed by a number, so `基础值31.1` or `不低于55` split. */
const TAKES_NUMBER = new Set<KeywordId>(['baseline', 'target', 'actual', 'value', 'row', 'line', 'within', 'ge', 'le', 'approx']);

/** Chinese spellings by the code of their first character, longest first, for prefix search. */
const SPELLINGS_BY_FIRST = new Map<number, string[]>();
for (const spelling of KEYWORDS.flatMap((k) => k.zh).sort((a, b) => b.length - a.length)) {
  const first = spelling.charCodeAt(0);
  if (!SPELLINGS_BY_FIRST.has(first)) SPELLINGS_BY_FIRST.set(first, []);
  SPELLINGS_BY_FIRST.get(first)!.push(spelling);
}

const WORD = /[\p{L}_][\p{L}\p{M}\p{Nd}_]*/uy;
/** Digits, with a scale suffix: `不低于3万` is 不低于 · 3万. */
const DIGITS = /^[0-9０-９]+[万亿]?$/;
/** Longer runs are prose, not keywords typed together; bounds the work on hostile input. */
const MAX_COMPOUND = 24;

/**
 * Every spelling, grouped by its first character; and by character code, 1 + the index of
 * its group, 0 where no keyword starts (most words): a word's candidates with one load.
 */
const SPELLING_GROUPS: string[][] = [];
const GROUP_OF_FIRST = new Uint8Array(0x10000);
for (const spelling of KEYWORD_BY_SPELLING.keys()) {
  const first = spelling.charCodeAt(0);
  if (GROUP_OF_FIRST[first] === 0) GROUP_OF_FIRST[first] = SPELLING_GROUPS.push([]);
  SPELLING_GROUPS[GROUP_OF_FIRST[first]! - 1]!.push(spelling);
}
if (SPELLING_GROUPS.length > 255) throw new Error('more first characters of keywords than a byte counts');

/** Whether a word may be a keyword: false for most words, which then need no lookup by their text. */
export function mayBeKeyword(word: string): boolean {
  return GROUP_OF_FIRST[word.charCodeAt(0)] !== 0;
}

/** The word (or the first keyword of a compound) at offset; undefined where no word starts. */
export function wordAt(text: string, offset: number): string | undefined {
  const end = commonWordEnd(text, offset);
  const word = end === -1 ? unicodeWordAt(text, offset) : undefined;
  if (end === -1 && word === undefined) return undefined;
  const group = GROUP_OF_FIRST[text.charCodeAt(offset)]!;
  const candidates = group === 0 ? undefined : SPELLING_GROUPS[group - 1];
  // No keyword starts so: the word is an identifier, without a lookup by its text.
  if (candidates === undefined) return word ?? text.slice(offset, end);
  const length = word?.length ?? end - offset;
  for (const spelling of candidates) if (spelling.length === length && text.startsWith(spelling, offset)) return spelling;
  const whole = word ?? text.slice(offset, end);
  return splitCompound(whole) ?? whole;
}

/**
 * Where the word at offset ends when it is made of ASCII letters, digits, `_` and common
 * CJK ideographs, the words of nearly every file; -1 otherwise, and the regex decides.
 * A character loop reads these several times faster than the Unicode-aware regex.
 */
function commonWordEnd(text: string, offset: number): number {
  if (!isCommonWordChar(text.charCodeAt(offset), true)) return -1;
  let end = offset + 1;
  while (end < text.length && isCommonWordChar(text.charCodeAt(end), false)) end++;
  const next = text.charCodeAt(end);
  // Any other letter, mark or digit continues the word: leave it to the regex.
  if (end < text.length && next >= 0x80) return -1;
  return end;
}

function isCommonWordChar(c: number, first: boolean): boolean {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f) return true;
  if (c >= 0x4e00 && c <= 0x9fff) return true;
  return !first && c >= 0x30 && c <= 0x39;
}

function unicodeWordAt(text: string, offset: number): string | undefined {
  WORD.lastIndex = offset;
  return WORD.exec(text)?.[0];
}

/** The first keyword of a word made only of keywords (and trailing digits), else undefined. */
function splitCompound(word: string): string | undefined {
  if (word.length > MAX_COMPOUND) return undefined;
  for (const spelling of SPELLINGS_BY_FIRST.get(word.charCodeAt(0)) ?? []) {
    if (!word.startsWith(spelling)) continue;
    if (restIsKeywords(word.slice(spelling.length), KEYWORD_BY_SPELLING.get(spelling)!)) return spelling;
  }
  return undefined;
}

function restIsKeywords(rest: string, previous: KeywordId): boolean {
  if (rest === '') return true;
  if (DIGITS.test(rest)) return TAKES_NUMBER.has(previous);
  for (const spelling of SPELLINGS_BY_FIRST.get(rest.charCodeAt(0)) ?? []) {
    if (rest.startsWith(spelling) && restIsKeywords(rest.slice(spelling.length), KEYWORD_BY_SPELLING.get(spelling)!)) {
      return true;
    }
  }
  return false;
}
