/**
 * Targets stated in prose: a sentence with a year phrase (`到2025年`, `到 2025 年底`,
 * `力争到2025年`) followed by clauses that state a quantity (`养老机构床位数达到 3.3
 * 万张`, `护理型床位占比不低于55%`, `覆盖率达到 60% 以上`, `培训 1 万人次以上`) or
 * full coverage (`实现全覆盖`). A clause may state several (`A、B分别达到30%、20%`;
 * `城乡居民最低生活保障标准分别不低于 700 元、550 元每月`): each value becomes a
 * target of its own with the subject distributed. Sentences without a year phrase
 * (what was achieved, `由400元提高到570元`) are not targets.
 */
import type { ProseTarget, SourceOp, SourceValue } from './types';
import { isSpaceCode, parseNumeral } from './chars';
import { lineEndOf, paragraphs, positionOf, sentences, type Paragraph, type Sentence } from './sentences';
import { numberAt, PREFIX_OPS, scaleOf, scaled, SUFFIX_OPS } from './values';
import { readUnit } from './units';

/** `到2025年`, `到 2025 年底`, `至2025年末`, `截至2025年`, `力争2025年`. */
const YEAR = /(?:到|至|截至|截止到?|力争|确保|预计)\s{0,2}((?:19|20)\d{2}|[二〇一三四五六七八九零]{4})\s{0,2}年(?:底|末)?/g;

/** Verbs that introduce a stated value, with the comparison they make. */
// The value's own comparison words, as words only: in prose 约 is a filler (`达到约`), not a verb.
const VERBS = PREFIX_OPS.filter(([word]) => /^\p{Script=Han}/u.test(word) && !word.startsWith('约'));

/** Words between a verb and its number that change nothing (`分别达到`, `达到约`). */
const FILLERS = ['分别', '均', '都', '约'];
/** `每月` after the values: the unit is per month (`元/月`). */
const PER = [['每人每月', '人·月'], ['每人每年', '人·年'], ['每月', '月'], ['每年', '年'], ['/月', '月'], ['/年', '年']] as const;

/** Words before a subject that are not part of it (`力争`, `进一步`, `实现`). */
const LEAD_WORDS = ['力争', '确保', '争取', '努力', '基本', '全面', '进一步', '逐步', '要', '将', '使', '全部', '并且', '并', '且', '同时', '以及', '其中', '实现', '、', '，', ',', '：', ':'];
/** Words between a subject and its verb (`总体达到`, `将超过`, `占…的 75%`). */
const TRAIL_WORDS = ['分别', '均', '都', '将', '要', '总体', '要求', '基本', '力争', '稳定', '应', '可', '能够', '已', '逐步', '累计', '总量上', '的', '、', '，', ','];
/** Subjects are looked for near their verb; a longer run before it is context. */
const MAX_SUBJECT_SCAN = 200;

export function findProse(lines: string[], skip: (i: number) => boolean): ProseTarget[] {
  const out: ProseTarget[] = [];
  for (const p of paragraphs(lines, skip)) {
    // Most paragraphs state no year at all; skip them before splitting.
    if (!/年/.test(p.text)) continue;
    // Loops, not `push(...)`: a hostile sentence may hold more targets than a call has arguments.
    for (const s of sentences(p)) if (s.text.includes('年')) for (const t of sentenceTargets(s)) out.push(t);
  }
  return out;
}

interface Found {
  /** Offsets in the sentence. */
  subjectStart: number;
  subject: string;
  value: SentenceValue;
}

interface SentenceValue {
  start: number;
  end: number;
  text: string;
  op?: SourceOp;
  value?: number;
  unit?: string;
  written?: number;
  scale?: number;
}

function sentenceTargets(s: Sentence): ProseTarget[] {
  const text = s.text;
  const marks = [...text.matchAll(YEAR)];
  const out: ProseTarget[] = [];
  marks.forEach((m, k) => {
    const year = parseNumeral(m[1]!);
    if (year === undefined || year < 1990 || year > 2100) return;
    const from = m.index! + m[0].length;
    const to = k + 1 < marks.length ? marks[k + 1]!.index! : text.length;
    const before = clauseBefore(text, m.index!);
    for (const f of segmentTargets(text, from, to, before)) out.push(toTarget(s, f, year, m[0]));
  });
  return out;
}

/** The clause text just before a year phrase (`城市低保标准到2025年达到…`). */
function clauseBefore(text: string, at: number): { start: number; text: string } {
  let a = at;
  // Bounded: a sentence of a million characters has many year phrases.
  while (a > 0 && at - a < MAX_SUBJECT_SCAN && !'，,；;：:。'.includes(text[a - 1]!)) a--;
  return { start: a, text: text.slice(a, at) };
}

function segmentTargets(text: string, from: number, to: number, before: { start: number; text: string }): Found[] {
  const out: Found[] = [];
  let a = from;
  let first = true;
  for (let k = from; k <= to; k++) {
    if (k < to && !'，,：:'.includes(text[k]!)) continue;
    if (k > a) for (const f of clauseTargets(text, a, k, first ? before : undefined)) out.push(f);
    if (k > a) first = false;
    a = k + 1;
  }
  return out;
}

/** The targets of one clause `text[a, b)`. */
function clauseTargets(text: string, a: number, b: number, before?: { start: number; text: string }): Found[] {
  const clause = text.slice(a, b);
  const cover = coverage(clause, a);
  if (cover) return withSubject([cover.value], cover.subjectStart, cover.subject, before);
  const verb = findVerb(clause);
  if (verb) {
    const values = readValues(clause, verb.valueAt, a, verb.op, verb.start);
    if (values.length > 0) return withSubject(values, a, clause.slice(0, verb.start), before);
  }
  const bare = bareQuantity(clause, a);
  if (bare) return withSubject([bare.value], a, clause.slice(0, bare.value.start - a), before);
  return [];
}

/**
 * Subjects for the values: one subject for one value; for several, the subject's
 * `X、Y` enumeration or its leading 城乡 is distributed (`市、县级登记的…` →
 * `市级登记的…`, `县级登记的…`; `城乡居民…` → `城市居民…`, `农村居民…`).
 */
function withSubject(values: SentenceValue[], start: number, raw: string, before?: { start: number; text: string }): Found[] {
  let base = start;
  let used = raw;
  let subject = cleanSubject(raw);
  if (subject === '' && before) {
    used = before.text;
    subject = cleanSubject(used);
    base = before.start;
  }
  if (subject === '') return [];
  // Point at the subject itself, past the words cleanSubject dropped around it.
  const subjectStart = base + Math.max(0, used.lastIndexOf(subject));
  const subjects = values.length > 1 ? distribute(subject, values.length) : [subject];
  return values.map((value, k) => ({ subjectStart, subject: subjects[k] ?? subject, value }));
}

/** Drops leading words and spaces; loops over fixed words, so no regex can backtrack. */
function stripLead(raw: string): string {
  let s = raw;
  for (let changed = true; changed; ) {
    changed = false;
    const t = s.replace(/^\s+/, '');
    if (t !== s) changed = true;
    s = t;
    const w = LEAD_WORDS.find((x) => s.startsWith(x));
    if (w) {
      s = s.slice(w.length);
      changed = true;
    }
  }
  return s;
}

function stripTrail(raw: string): string {
  let s = raw;
  for (let changed = true; changed; ) {
    changed = false;
    let end = s.length;
    while (end > 0 && isSpaceCode(s.charCodeAt(end - 1))) end--;
    if (end !== s.length) changed = true;
    s = s.slice(0, end);
    const w = TRAIL_WORDS.find((x) => s.endsWith(x));
    if (w) {
      s = s.slice(0, -w.length);
      changed = true;
    }
  }
  return s;
}

function cleanSubject(raw: string): string {
  let s = stripTrail(stripLead(raw.length > MAX_SUBJECT_SCAN ? raw.slice(-MAX_SUBJECT_SCAN) : raw));
  // A very long subject is mostly context; keep the tail, where the indicator is named.
  if (s.length > 60) s = s.slice(-60);
  return s;
}

const BOUNDARY = /[的在和与及对占为由]/;

function distribute(subject: string, n: number): string[] {
  if (n === 2 && subject.startsWith('城乡')) return ['城市' + subject.slice(2), '农村' + subject.slice(2)];
  const parts = subject.split('、');
  if (parts.length !== n) return [];
  const firstPart = parts[0]!;
  let cut = firstPart.length;
  while (cut > 0 && !BOUNDARY.test(firstPart[cut - 1]!)) cut--;
  const prefix = firstPart.slice(0, cut);
  const head = firstPart.slice(cut);
  const lastPart = parts[n - 1]!;
  const tail = head.length > 0 && head.length < lastPart.length ? lastPart.slice(head.length) : '';
  const items = [head, ...parts.slice(1, -1), tail === '' ? lastPart : lastPart.slice(0, head.length)];
  return items.map((item) => prefix + item + tail);
}

/** `…实现全覆盖`, `实现村级综合服务设施全覆盖`, `社工站全覆盖`. */
function coverage(clause: string, a: number): { subjectStart: number; subject: string; value: SentenceValue } | undefined {
  const at = clause.indexOf('全覆盖');
  if (at === -1) return undefined;
  const before = clause.slice(0, at);
  const impl = before.lastIndexOf('实现');
  let subject = before;
  let subjectStart = a;
  let valueStart = a + at;
  if (impl !== -1) {
    const between = before.slice(impl + 2);
    if (cleanSubject(between) !== '') {
      subject = between;
      subjectStart = a + impl + 2;
    } else {
      subject = before.slice(0, impl);
      valueStart = a + impl;
    }
  }
  const end = a + at + 3;
  return { subjectStart, subject, value: { start: valueStart, end, text: clause.slice(valueStart - a, at + 3) } };
}

/** The first verb followed (after fillers) by a number. */
function findVerb(clause: string): { start: number; valueAt: number; op: SourceOp | undefined } | undefined {
  let best: { start: number; valueAt: number; op: SourceOp | undefined } | undefined;
  for (const [word, op] of VERBS) {
    let from = 0;
    for (;;) {
      const at = clause.indexOf(word, from);
      if (at === -1 || (best && at >= best.start)) break;
      const valueAt = skipFillers(clause, at + word.length);
      if (numberAt(clause, valueAt) && !isYear(clause, valueAt)) {
        best = { start: at, valueAt, op };
        break;
      }
      from = at + 1;
    }
  }
  return best;
}

function skipFillers(s: string, i: number): number {
  let k = i;
  for (let guard = 0; guard < 4; guard++) {
    while (k < s.length && isSpaceCode(s.charCodeAt(k))) k++;
    const filler = FILLERS.find((f) => s.startsWith(f, k));
    if (!filler) break;
    k += filler.length;
  }
  while (k < s.length && isSpaceCode(s.charCodeAt(k))) k++;
  return k;
}

function isYear(s: string, i: number): boolean {
  const n = numberAt(s, i);
  return n !== undefined && n.length === 4 && s[skipSpaces(s, i + 4)] === '年';
}

function skipSpaces(s: string, i: number): number {
  while (i < s.length && isSpaceCode(s.charCodeAt(i))) i++;
  return i;
}

/**
 * Values from `i`: `30%、20%`, `700 元、550 元每月`, `3.3 万张`, `55%以上`. The first
 * value's text includes the comparison word (`不低于55%`).
 */
function readValues(clause: string, i: number, a: number, op: SourceOp | undefined, verbAt: number): SentenceValue[] {
  const out: SentenceValue[] = [];
  let k = i;
  while (out.length < 12) {
    const v = readValue(clause, k, a);
    if (!v) break;
    if (v.op === undefined && op !== undefined) v.op = op;
    out.push(v);
    k = v.end - a;
    const sep = skipSpaces(clause, k);
    if (!'、和及'.includes(clause[sep] ?? 'x')) break;
    k = skipSpaces(clause, sep + 1);
  }
  if (out.length === 0) return out;
  const per = PER.find(([w]) => clause.startsWith(w, skipSpaces(clause, k)));
  if (per) for (const v of out) if (v.unit) v.unit = `${v.unit}/${per[1]}`;
  if (op !== undefined) {
    out[0]!.start = a + verbAt;
    out[0]!.text = clause.slice(verbAt, out[0]!.end - a);
  }
  return out;
}

function readValue(clause: string, i: number, a: number): SentenceValue | undefined {
  const num = numberAt(clause, i);
  if (!num) return undefined;
  let k = skipSpaces(clause, i + num.length);
  const scale = scaleOf(clause[k]);
  if (scale !== undefined) k = skipSpaces(clause, k + 1);
  const unit = readUnit(clause, k);
  let end = unit ? k + unit.length : scale !== undefined ? k : i + num.length;
  const afterUnit = skipSpaces(clause, end);
  const suffix = SUFFIX_OPS.find(([w]) => clause.startsWith(w, afterUnit));
  if (suffix) end = afterUnit + suffix[0].length;
  const v: SentenceValue = { start: a + i, end: a + end, text: clause.slice(i, end), value: scaled(num.written, scale) };
  if (suffix) v.op = suffix[1];
  if (unit) v.unit = unit;
  if (scale !== undefined) {
    v.scale = scale;
    v.written = num.written;
  }
  return v;
}

/** A quantity with a unit and 以上/以下/左右 but no verb: `培训养老服务人员 1 万人次以上`. */
function bareQuantity(clause: string, a: number): { value: SentenceValue } | undefined {
  for (let i = 0; i < clause.length; i++) {
    const c = clause[i]!;
    if (c < '0' || c > '9' || (i > 0 && clause[i - 1]! >= '0' && clause[i - 1]! <= '9') || clause[i - 1] === '.') continue;
    if (isYear(clause, i)) continue;
    const v = readValue(clause, i, a);
    if (v && v.op && v.unit && i > 0) return { value: v };
    if (v) i = v.end - a - 1;
  }
  return undefined;
}

function toTarget(s: Sentence, f: Found, year: number, yearText: string): ProseTarget {
  const p: Paragraph = s.paragraph;
  const start = positionOf(p, s.at + f.subjectStart);
  const endOffset = s.at + f.value.end;
  const end = positionOf(p, endOffset - 1);
  const vStart = positionOf(p, s.at + f.value.start);
  const vEnd = positionOf(p, endOffset - 1);
  const value: SourceValue = {
    text: f.value.text,
    line: vStart.line,
    column: vStart.column,
    length: vEnd.line === vStart.line ? vEnd.column + 1 - vStart.column : lineEndOf(p, s.at + f.value.start).column - vStart.column,
  };
  if (f.value.op) value.op = f.value.op;
  if (f.value.value !== undefined) value.value = f.value.value;
  if (f.value.unit) value.unit = f.value.unit;
  if (f.value.scale !== undefined) {
    value.scale = f.value.scale;
    value.written = f.value.written!;
  }
  const target: ProseTarget = {
    line: start.line,
    column: start.column,
    length: end.line === start.line ? end.column + 1 - start.column : lineEndOf(p, s.at + f.subjectStart).column - start.column,
    year,
    subject: f.subject,
    value,
    sentence: s.text,
    yearText,
  };
  if (end.line !== start.line) {
    target.endLine = end.line;
    target.endColumn = end.column + 1;
  }
  return target;
}
