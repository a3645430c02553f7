/**
 * An indicator name as a table writes it carries more than the name: a unit in
 * parentheses (`覆盖率(%)`, `（平方米）`), a footnote mark glued on (`覆盖率1`,
 * `比例²`, `率①`), a `其中：` that makes it a sub-row, spaces a PDF put between
 * characters. This separates them.
 */
import { fold, isHan, isSpaceCode } from './chars';
import { isUnitText } from './units';

export interface NameParts {
  name: string;
  unit?: string;
  /** The name began with 其中 (a sub-row of the row above). */
  child: boolean;
}

const CHILD_PREFIX = /^其中\s*[:：,，]?\s*/;
/** Footnote marks: superscripts, circled numbers, daggers, asterisks. */
const MARKS = /[¹²³⁴⁵⁶⁷⁸⁹⁰*※†‡①②③④⑤⑥⑦⑧⑨⑩]+$/;
const MARK_CHARS = new Set([...'¹²³⁴⁵⁶⁷⁸⁹⁰*※†‡①②③④⑤⑥⑦⑧⑨⑩']);

export function splitName(raw: string): NameParts {
  let s = (raw.includes('\n') ? raw.replace(/\n/g, '') : raw).trim();
  let child = false;
  const m = CHILD_PREFIX.exec(s);
  if (m && m[0].length < s.length) {
    child = true;
    s = s.slice(m[0].length);
  }
  s = stripFootnote(s);
  const paren = trailingUnit(s);
  let unit: string | undefined;
  if (paren) {
    unit = paren.unit;
    s = stripFootnote(s.slice(0, paren.start).trimEnd());
  }
  s = closeHanSpaces(s);
  return unit === undefined ? { name: s, child } : { name: s, unit, child };
}

/**
 * Drops a footnote mark at the end: superscripts and circled numbers always; plain
 * digits (one or two) only when glued to a Han character or closing bracket, since a
 * name itself never ends in a bare number that way (`覆盖率1`, but `PM2.5` is kept).
 */
export function stripFootnote(s: string): string {
  let t = MARK_CHARS.has(s.charAt(s.length - 1)) ? s.replace(MARKS, '') : s;
  const last = t.charCodeAt(t.length - 1);
  const m = last >= 0x30 && last <= 0x39 ? /(\d{1,2})$/.exec(t) : null;
  if (m) {
    const before = t[t.length - m[1]!.length - 1];
    if (isHan(before) || before === ')' || before === '）' || before === '”') t = t.slice(0, -m[1]!.length);
  }
  return t.trimEnd();
}

/** A trailing `(…)` / `（…）` whose content is a unit (`%`, `万人`, `元/人·月`, `单位：张`). */
function trailingUnit(s: string): { start: number; unit: string } | undefined {
  const close = s[s.length - 1];
  if (close !== ')' && close !== '）') return undefined;
  const open = Math.max(s.lastIndexOf('('), s.lastIndexOf('（'));
  if (open <= 0) return undefined;
  const inner = fold(s.slice(open + 1, -1)).replace(/^单位[:：]?/, '').replace(/\s+/g, '');
  return isUnitText(inner) ? { start: open, unit: inner } : undefined;
}

/** `城乡低保 标准` → `城乡低保标准`: a space between two Han characters is layout. */
function closeHanSpaces(s: string): string {
  if (!hasSpaceCode(s)) return s.trim();
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (isSpaceCode(s.charCodeAt(i))) {
      let j = i;
      while (j < s.length && isSpaceCode(s.charCodeAt(j))) j++;
      if (isHan(out[out.length - 1]) && isHan(s[j])) {
        i = j - 1;
        continue;
      }
      out += ' ';
      i = j - 1;
      continue;
    }
    out += s[i];
  }
  return out.trim();
}

function hasSpaceCode(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isSpaceCode(s.charCodeAt(i))) return true;
  return false;
}
