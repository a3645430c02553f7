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

/** Chinese spellings, longest first, for prefix search. */
const CHINESE_SPELLINGS = KEYWORDS.flatMap((k) => k.zh).sort((a, b) => b.length - a.length);

/** A word can only start a compound with the first character of some keyword. */
const FIRST_CHARACTERS = new Set(CHINESE_SPELLINGS.map((s) => s.charAt(0)));

const WORD = /[\p{L}_][\p{L}\p{M}\p{Nd}_]*/uy;
/** Digits, with a scale suffix: `不低于3万` is 不低于 · 3万. */
const DIGITS = /^[0-9０-９]+[万亿]?$/;
/** Longer runs are prose, not keywords typed together; bounds the work on hostile input. */
const MAX_COMPOUND = 24;

/** Chevrotain custom pattern: the word (or the first keyword of a compound) at offset. */
export function matchWord(text: string, offset: number): [string] | null {
  WORD.lastIndex = offset;
  const match = WORD.exec(text);
  if (!match) return null;
  const word = match[0];
  if (KEYWORD_BY_SPELLING.has(word)) return [word];
  const first = splitCompound(word);
  return [first ?? word];
}

/** The first keyword of a word made only of keywords (and trailing digits), else undefined. */
function splitCompound(word: string): string | undefined {
  if (word.length > MAX_COMPOUND || !FIRST_CHARACTERS.has(word.charAt(0))) return undefined;
  for (const spelling of CHINESE_SPELLINGS) {
    if (!word.startsWith(spelling)) continue;
    if (restIsKeywords(word.slice(spelling.length), KEYWORD_BY_SPELLING.get(spelling)!)) return spelling;
  }
  return undefined;
}

function restIsKeywords(rest: string, previous: KeywordId): boolean {
  if (rest === '') return true;
  if (DIGITS.test(rest)) return TAKES_NUMBER.has(previous);
  for (const spelling of CHINESE_SPELLINGS) {
    if (rest.startsWith(spelling) && restIsKeywords(rest.slice(spelling.length), KEYWORD_BY_SPELLING.get(spelling)!)) {
      return true;
    }
  }
  return false;
}
