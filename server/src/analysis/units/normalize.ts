/**
 * Full-width ASCII forms (IME output: `％` `／` `（` `）` `１`) to ASCII, ideographic space to
 * space, and `㎡`-style symbols to their atoms. Superscripts are kept (NFKC would turn `²` into `2`).
 */
export function normalizeUnitText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += SYMBOLS[ch] ?? ch;
  }
  return out;
}

const SYMBOLS: Readonly<Record<string, string>> = {
  '㎡': '平方米',
  '㎞': '公里',
  '㎏': '千克',
  '㎜': '毫米',
  '㎝': '厘米',
  '㎥': '立方米',
};
