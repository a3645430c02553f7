/**
 * Matching an indicator's `name "…"` against the names the plan uses. The same name is
 * typed with full- or half-width parentheses (`乡镇（街道）` / `乡镇(街道)`), curly or
 * straight quotes, a unit in parentheses or not, a footnote mark, stray spaces; all of
 * that is normalized away. When nothing matches, the closest names are suggested.
 */
import type { NameMatch, ProseTarget, SourceIndex, SourceRow, SourceTable } from './types';
import { fold } from './chars';
import { splitName } from './names';

const QUOTES = /[“”‘’"'「」『』《》〈〉`]/g;
const SPACES = /[\s\u00a0\u3000\u2000-\u200b\u202f\u205f\ufeff]+/g;
const MARKUP = /<\/?[a-zA-Z][^<>\n]{0,100}>|\*\*/g;

/**
 * The comparable form of a name: NFKC (full-width → half-width, `²` → `2`), no markup,
 * spaces or quote marks, no 其中 prefix, no footnote mark, no unit in parentheses,
 * ASCII lower-cased.
 */
export function normalizeName(s: string): string {
  const t = plainName(s) ? s : fold(s).replace(MARKUP, '').replace(SPACES, '').replace(QUOTES, '');
  const name = splitName(t).name;
  return plainName(name) ? name.toLowerCase() : name.replace(SPACES, '').toLowerCase();
}

/** Ideographs, ASCII letters and digits only, as most names are: nothing above would change. */
function plainName(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a))) return false;
  }
  return true;
}

interface Entry {
  key: string;
  name: string;
  row?: SourceRow;
  table?: SourceTable;
  prose?: ProseTarget;
}

const entries = new WeakMap<SourceIndex, Entry[]>();
/** The entries by key, in list order: a name is looked up per indicator, so not by scanning every name. */
const byKey = new WeakMap<SourceIndex, Map<string, Entry[]>>();

function entriesFor(index: SourceIndex, key: string): Entry[] {
  let map = byKey.get(index);
  if (!map) {
    map = new Map();
    for (const e of entriesOf(index)) {
      const same = map.get(e.key);
      if (same) same.push(e);
      else map.set(e.key, [e]);
    }
    byKey.set(index, map);
  }
  return map.get(key) ?? [];
}

/** Every name the plan states, table rows (children included) first, then prose subjects. */
function entriesOf(index: SourceIndex): Entry[] {
  let list = entries.get(index);
  if (list) return list;
  list = [];
  for (const table of index.tables) {
    for (const row of table.rows) {
      for (const r of [row, ...row.children]) list.push({ key: normalizeName(r.name), name: r.name, row: r, table });
    }
  }
  for (const p of index.prose) list.push({ key: normalizeName(p.subject), name: p.subject, prose: p });
  entries.set(index, list);
  return list;
}

export function matchName(name: string, index: SourceIndex): NameMatch {
  const key = normalizeName(name);
  const same = entriesFor(index, key);
  const hit = same.find((e) => e.row);
  const prose = same.filter((e) => e.prose).map((e) => e.prose!);
  if (hit || prose.length > 0) {
    const out: NameMatch = { prose, suggestions: [] };
    if (hit) {
      out.row = hit.row!;
      out.table = hit.table!;
    }
    return out;
  }
  return { prose: [], suggestions: suggest(key, entriesOf(index)) };
}

/** At most five names, best first, that are close enough to be what was meant. */
function suggest(key: string, list: Entry[]): string[] {
  if (key === '') return [];
  const seen = new Set<string>();
  const scored: Array<{ name: string; score: number }> = [];
  for (const e of list) {
    if (seen.has(e.key) || e.key === '') continue;
    seen.add(e.key);
    const score = similarity(key, e.key);
    if (score >= 0.34) scored.push({ name: e.name, score });
  }
  scored.sort((a, b) => b.score - a.score);
  return scored.slice(0, 5).map((s) => s.name);
}

/**
 * Similarity in 0..1: the better of bigram overlap (Dice) and edit distance relative to
 * the longer name, with a bonus when one name contains the other (`护理型床位占比` in
 * `养老机构护理型床位占比`).
 */
export function similarity(a: string, b: string): number {
  const dice = bigramDice(a, b);
  const edit = 1 - levenshtein(a, b) / Math.max(a.length, b.length, 1);
  const contained = a.includes(b) || b.includes(a) ? 0.2 : 0;
  return Math.min(1, Math.max(dice, edit) + contained);
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

function bigramDice(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0;
  const x = bigrams(a);
  const y = bigrams(b);
  let common = 0;
  for (const [g, n] of x) common += Math.min(n, y.get(g) ?? 0);
  return (2 * common) / (a.length - 1 + b.length - 1);
}

/** Edit distance, capped at 200 characters a side (names are short; hostile ones are not). */
export function levenshtein(a0: string, b0: string): number {
  const a = a0.slice(0, 200);
  const b = b0.slice(0, 200);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
