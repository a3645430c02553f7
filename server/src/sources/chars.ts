/**
 * Character classes shared by the source readers. Plans mix half- and full-width
 * forms freely, so every comparison goes through these helpers rather than ad-hoc
 * regexes (which are also where catastrophic backtracking hides).
 */

/** Spaces a plan's text uses between words or cells: ASCII, NBSP, ideographic, thin… */
export function isSpaceCode(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0xa0 ||
    c === 0x3000 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0xfeff
  );
}

export function isSpace(ch: string): boolean {
  return ch.length > 0 && isSpaceCode(ch.charCodeAt(0));
}

/** A line holding nothing but spaces (NBSP and ideographic spaces included). */
export function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (!isSpaceCode(line.charCodeAt(i))) return false;
  return true;
}

const HAN = /\p{Script=Han}/u;

/** A CJK ideograph (one UTF-16 unit suffices: indicator names stay in the BMP). */
export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && isHanCode(ch.charCodeAt(0), ch);
}

export function hasHan(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isHanCode(s.charCodeAt(i), s[i]!)) return true;
  return false;
}

/** The common ideographs and ASCII are told without the Unicode property. */
function isHanCode(c: number, ch: string): boolean {
  if (c >= 0x4e00 && c <= 0x9fff) return true;
  return c >= 0x80 && HAN.test(ch);
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/**
 * Punctuation plans are full of that is its own NFKC form (test/sources/values.test.ts
 * checks each): `、。《》「」『』【】“”‘’—―·•・‰≤≥×÷−`.
 */
const OWN_NFKC = new Set([...'、。《》「」『』【】“”‘’—―·•・‰≤≥×÷−'].map((c) => c.charCodeAt(0)));

/** NFKC folds full-width ASCII (`（％）１２`) into its half-width form; `。` `、` `“` stay. */
export function fold(s: string): string {
  // Most cells hold only ASCII, common ideographs, the punctuation above (all their own
  // NFKC form) and full-width ASCII (NFKC maps it one to one); none of them composes.
  let fullWidth = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80 || (c >= 0x4e00 && c <= 0x9fff)) continue;
    if (c >= 0xff01 && c <= 0xff5e) fullWidth = true;
    else if (!OWN_NFKC.has(c)) return s.normalize('NFKC');
  }
  return fullWidth ? s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) : s;
}

/** Removes every kind of space: header words are written letter-spaced (`指  标  名  称`). */
export function removeSpaces(s: string): string {
  if (!hasSpace(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) if (!isSpaceCode(s.charCodeAt(i)) && s[i] !== '\n') out += s[i];
  return out;
}

function hasSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || isSpaceCode(c)) return true;
  }
  return false;
}

const CN_DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** `十二` → 12, `二〇二五` → 2025 (digit by digit), `5` → 5; undefined when not a numeral. */
export function parseNumeral(s: string): number | undefined {
  const t = fold(s);
  if (/^\d+$/.test(t)) return Number(t);
  if (t === '' || t.length > 6) return undefined;
  if (t.includes('十')) {
    const [tens, ones] = t.split('十') as [string, string];
    const a = tens === '' ? 1 : CN_DIGITS[tens];
    const b = ones === '' ? 0 : CN_DIGITS[ones];
    return a === undefined || b === undefined || tens.length > 1 || ones.length > 1 ? undefined : a * 10 + b;
  }
  let n = 0;
  for (const ch of t) {
    const d = CN_DIGITS[ch];
    if (d === undefined) return undefined;
    n = n * 10 + d;
  }
  return n;
}
