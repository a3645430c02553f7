/**
 * Recognizing unit words in plan text: the `(%)` after an indicator's name, the `万张`
 * after a number. The source index only needs to know *that* a string is a unit and
 * where it ends; what the unit means is the checker's business (analysis/units).
 */
import { fold } from './chars';

/** Unit words plans write, longest first so `平方米` wins over `米` and `人次` over `人`. */
const ATOMS = [
  '平方公里', '平方千米', '立方米', '平方米', '万亿元',
  '千克', '公斤', '公里', '千米', '厘米', '公顷', '人次', '户次', '床位', '个月', '小时', '万元', '亿元', '学时',
  '元', '人', '户', '张', '个', '所', '家', '处', '座', '条', '名', '岁', '年', '月', '日', '天', '周', '次',
  '倍', '项', '件', '辆', '台', '套', '册', '本', '篇', '亩', '米', '吨', '床', '间', '批', '支', '只', '场',
  '期', '类', '种', '分', '块', '部', '栋',
  '%', '‰', '㎡', 'km', 'm2', 'm', 'kg', 't',
].sort((a, b) => b.length - a.length);

/** The atoms by their first character, longest first: a name's characters are tried against a handful, most against none. */
const ATOMS_BY_FIRST = new Map<string, string[]>();
for (const atom of ATOMS) ATOMS_BY_FIRST.set(atom.charAt(0), [...(ATOMS_BY_FIRST.get(atom.charAt(0)) ?? []), atom]);

const SCALES = ['万', '亿', '千', '百', '十'];

/** Separators inside compound units: `元/人·月`, `张/千人`, `平方米/百户`. */
const JOINERS = new Set(['/', '·', '•', '・', '.', '每', '*', '×']);

/** Length of the unit atom (scale prefix included) starting at `i`, or 0. */
export function atomAt(s: string, i: number): number {
  const n = atomLength(s, i);
  if (n > 0 || !SCALES.includes(s[i] ?? '')) return n;
  const scaled = atomLength(s, i + 1);
  return scaled > 0 ? scaled + 1 : 0;
}

function atomLength(s: string, i: number): number {
  for (const atom of ATOMS_BY_FIRST.get(s.charAt(i)) ?? []) if (s.startsWith(atom, i)) return atom.length;
  return 0;
}

/**
 * Whether `s` is a unit: atoms (with optional 万/千 scales) joined by `/` `·` or 每.
 * Anything else — `敬老院`, `含公益性公墓` — is part of a name, not a unit.
 */
export function isUnitText(raw: string): boolean {
  const s = fold(raw).replace(/\s+/g, '');
  if (s === '' || s.length > 16) return false;
  let i = 0;
  let atoms = 0;
  while (i < s.length) {
    if (JOINERS.has(s[i]!)) {
      i++;
      continue;
    }
    // `张/千人`: a bare scale before an atom is part of that atom; a trailing `2` is `m2`.
    const n = atomAt(s, i);
    if (n === 0) return false;
    atoms++;
    i += n;
  }
  return atoms > 0;
}

/**
 * The unit written right after a number in prose (`3.3 万张以上` → `张` after the scale
 * was taken): the longest run of atoms and joiners that ends on an atom.
 */
export function readUnit(s: string, from: number): string {
  const first = atomAt(s, from);
  if (first === 0) return '';
  let end = from + first;
  // Further atoms only after a joiner: `张/千人`, not `张床位`.
  while (end < s.length && end - from < 16 && (s[end] === '/' || s[end] === '·')) {
    const n = atomAt(s, end + 1);
    if (n === 0) break;
    end += 1 + n;
  }
  return s.slice(from, end);
}
