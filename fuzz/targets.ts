/**
 * What the fuzzer checks on one input. Each function runs the input through the
 * product's pure entry points — parse, Analyzer.analyze over an in-memory Host,
 * the editor features, format, formatEdits, indexSourceBytes, decodePlanText — and
 * throws a {@link FuzzFailure} when an exception escapes, a stage takes too long,
 * the formatter loses a character or touches a file with syntax errors, or the
 * engine reads outside the workspace.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format, formatEdits, type TextEdit } from '../grammar/src/format';
import { lex } from '../grammar/src/lexer';
import { parse } from '../grammar/src/parse';
import { LineIndex } from '../grammar/src/range';
import { StringLiteral } from '../grammar/src/tokens';
import { Analyzer, type FileAnalysis, type Host } from '../server/src/analysis/analyze';
import * as F from '../server/src/analysis/features';
import { insideAny, resolveInside } from '../server/src/analysis/paths';
import { isRuleId, RULES } from '../server/src/analysis/rules';
import { decodePlanText, indexSourceBytes } from '../server/src/sources';
import { findLine, findQuote, findRow } from '../server/src/sources';

export type FailureKind = 'crash' | 'hang' | 'violation';

export class FuzzFailure extends Error {
  constructor(readonly kind: FailureKind, readonly stage: string, message: string, readonly inner?: unknown) {
    super(`${kind} in ${stage}: ${message}`);
  }
}

/** Inputs under this size must get through every stage within {@link STAGE_LIMIT_MS}. */
export const SMALL_INPUT = 100 * 1024;
export const STAGE_LIMIT_MS = 1000;

const ROOT = path.resolve(__dirname, '..');
const SEEDS_DIR = fs.existsSync(path.join(ROOT, 'seeds')) ? path.join(ROOT, 'seeds') : path.resolve(process.cwd(), 'seeds');

export interface Seeds {
  ptl: { name: string; text: string; bytes: Uint8Array }[];
  txt: { name: string; bytes: Uint8Array }[];
}

let seedCache: Seeds | undefined;
export function loadSeeds(): Seeds {
  if (seedCache) return seedCache;
  const names = fs.readdirSync(SEEDS_DIR).sort();
  const read = (n: string) => new Uint8Array(fs.readFileSync(path.join(SEEDS_DIR, n)));
  seedCache = {
    ptl: names.filter((n) => n.endsWith('.ptl')).map((name) => {
      const bytes = read(name);
      return { name, bytes, text: new TextDecoder().decode(bytes) };
    }),
    txt: names.filter((n) => n.endsWith('.txt')).map((name) => ({ name, bytes: read(name) })),
  };
  return seedCache;
}

const DEFAULTS = new Map(RULES.map((r) => [r.id as string, r.severity]));
const WS = '/ws';
const MAIN = '/ws/fuzz.ptl';

/** An in-memory workspace holding the seeds, a fuzzed plan text and a file outside the workspace; it records every read. */
export class FuzzWorkspace {
  readonly files: Record<string, Uint8Array> = {};
  readonly reads: string[] = [];
  readonly host: Host;
  analyzer: Analyzer;

  constructor() {
    const seeds = loadSeeds();
    for (const s of [...seeds.ptl, ...seeds.txt]) this.files[`${WS}/${s.name}`] = s.bytes;
    this.files[`${WS}/plan.txt`] = seeds.txt[1]?.bytes ?? new Uint8Array();
    this.files[`${WS}/parent.ptl`] = seeds.ptl[0]?.bytes ?? new Uint8Array();
    this.files['/outside.txt'] = new TextEncoder().encode('专栏1：主要指标\n序号\t指标\t2020年\t2025年\t属性\n1\t秘密\t1\t2\t约束性\n');
    this.files['/etc/passwd'] = new TextEncoder().encode('root:x:0:0\n');
    const record = (p: string) => {
      this.reads.push(p);
      if (!insideAny(p, [WS])) throw new FuzzFailure('violation', 'host', `the engine read ${JSON.stringify(p)}, outside the workspace`);
    };
    this.host = {
      readBytes: (p) => (record(p), this.files[p]),
      readText: (p) => {
        record(p);
        const b = this.files[p];
        return b && new TextDecoder().decode(b);
      },
      realPath: (p) => (this.files[p] !== undefined || p === WS ? p : undefined),
    };
    this.analyzer = this.fresh();
  }

  fresh(): Analyzer {
    return new Analyzer(this.host, { roots: [WS], tolerance: 0.05, severityOf: (rule) => DEFAULTS.get(rule) ?? 'error', isRule: isRuleId });
  }

  features(analysis: FileAnalysis): F.FeatureWorkspace {
    return {
      analyses: () => [analysis],
      importers: () => [analysis],
      analysis: (p) => (p === analysis.path ? analysis : undefined),
      resolvePath: (from, written) => {
        const r = resolveInside(from, written, [WS], (p) => this.host.realPath(p));
        return r.ok && this.host.realPath(r.path) ? r.path : undefined;
      },
      sourceIndex: (p) => {
        const b = this.host.readBytes(p);
        return b && indexSourceBytes(b);
      },
    };
  }
}

export interface StageTimes {
  [stage: string]: number;
}

/** CPU time of this process (user + system), so a busy machine does not look like a slow input. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function stage<T>(name: string, size: number, times: StageTimes, fn: () => T): T {
  const t0 = cpuMs();
  let result: T;
  try {
    result = fn();
  } catch (e) {
    if (e instanceof FuzzFailure) throw e;
    throw new FuzzFailure('crash', name, e instanceof Error ? e.stack ?? e.message : String(e), e);
  }
  const ms = cpuMs() - t0;
  times[name] = Math.max(times[name] ?? 0, ms);
  if (size < SMALL_INPUT && ms > STAGE_LIMIT_MS) throw new FuzzFailure('hang', name, `${ms.toFixed(0)} ms on ${size} characters`);
  return result;
}

function violation(stage: string, message: string): never {
  throw new FuzzFailure('violation', stage, message);
}

/** Positions to probe features at: a few spread over the text, deterministic. */
function probes(text: string, lines: LineIndex, count: number): { line: number; character: number }[] {
  const out = [];
  for (let i = 0; i < count; i++) out.push(lines.positionAt(Math.floor(((i * 7919) % 997) / 997 * (text.length + 1))));
  return out;
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = [...edits].sort((a, b) => lines.offsetAt(b.range.start) - lines.offsetAt(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, lines.offsetAt(e.range.start)) + e.newText + out.slice(lines.offsetAt(e.range.end));
  return out;
}

const GAP = /[ \t\u00a0\u3000\ufeff\u200b\f\v\r\n\u2028\u2029]/g;

function verbatim(text: string): { comments: string[]; strings: string[] } {
  const { tokens, comments } = lex(text, new LineIndex(text));
  return {
    comments: comments.map((c) => c.image).sort(),
    strings: tokens.filter((t) => t.tokenType === StringLiteral || t.tokenType.CATEGORIES?.includes(StringLiteral)).map((t) => t.image).sort(),
  };
}

/** Runs a `.ptl` text through parse, analyze, features, format and formatEdits. */
export function checkPtl(ws: FuzzWorkspace, text: string, opts: { features?: boolean } = {}): StageTimes {
  const times: StageTimes = {};
  const n = text.length;
  const parsed = stage('parse', n, times, () => parse(text));
  // The parser reports what it cannot read; it never gives up on a file (a thrown error becomes this message).
  const stopped = parsed.problems.find((p) => p.message.en.startsWith('The parser stopped'));
  if (stopped) violation('parse', stopped.message.en);
  const analysis = stage('analyze', n, times, () => ws.analyzer.analyze(MAIN, text));
  if (opts.features !== false) {
    const fws = ws.features(analysis);
    stage('features', n, times, () => {
      for (const p of probes(text, parsed.lines, 3)) {
        F.hover(analysis, p, fws);
        F.completion(analysis, p);
        F.definition(analysis, p, fws);
        F.references(analysis, p, true, fws);
        F.highlights(analysis, p, fws);
        const r = F.prepareRename(analysis, p, fws);
        if (!F.isRenameError(r)) F.rename(analysis, p, '新名', fws);
        F.codeActions(analysis, { start: p, end: p });
      }
      F.documentSymbols(analysis);
      F.workspaceSymbols([analysis], '');
      F.foldingRanges(analysis);
      F.semanticTokens(analysis);
      F.codeLenses(analysis);
      F.inlayHints(analysis);
      F.documentLinks(analysis, fws);
    });
  }
  const hasSyntaxError = parsed.problems.some((p) => p.code === 'syntax-error');
  const formatted = stage('format', n, times, () => format(text));
  const edits = stage('formatEdits', n, times, () => formatEdits(text));
  if (hasSyntaxError) {
    if (formatted.text !== text || formatted.changed) violation('format', 'a file with a syntax error was changed');
    if (edits.length) violation('formatEdits', 'edits were returned for a file with a syntax error');
    return times;
  }
  const out = formatted.text;
  if (out.replace(GAP, '') !== text.replace(GAP, '')) violation('format', 'a character other than whitespace between tokens was lost or changed');
  const before = verbatim(text);
  const after = verbatim(out);
  if (JSON.stringify(before.comments) !== JSON.stringify(after.comments)) violation('format', 'the comments changed');
  if (JSON.stringify(before.strings) !== JSON.stringify(after.strings)) violation('format', 'the strings changed');
  if (applyEdits(text, edits) !== out) violation('formatEdits', 'the edits do not reproduce the formatted text');
  const again = stage('format', n, times, () => format(out));
  if (again.text !== out) violation('format', 'not idempotent: formatting the result changes it again');
  return times;
}

/** Runs a plan text's bytes through decode and the source index, and a target file citing it through the checker. */
export function checkPlanBytes(ws: FuzzWorkspace, bytes: Uint8Array): StageTimes {
  const times: StageTimes = {};
  const n = bytes.length;
  const decoded = stage('decode', n, times, () => decodePlanText(bytes));
  if (typeof decoded.text !== 'string') violation('decode', 'no text');
  const index = stage('index', n, times, () => indexSourceBytes(bytes));
  stage('query', n, times, () => {
    for (let r = 0; r < 4; r++) findRow(index, undefined, r);
    findRow(index, '专栏1', 1);
    findRow(index, '专栏二', 2);
    for (let l = 0; l < 5; l++) findLine(index, l * 7);
    findQuote(index, '到2025年,养老机构护理型床位占比不低于55%');
    findQuote(index, index.lines[Math.min(3, index.lines.length - 1)]?.slice(2, 20) ?? '');
  });
  ws.files['/ws/plan.txt'] = bytes;
  const names = index.tables.flatMap((t) => t.rows.map((r) => [t.id, r] as const)).slice(0, 6);
  const ptl = [
    'plan 测试 "测试规划" {\n  source "plan.txt"\n  period 2021..2025\n}\n',
    ...names.map(([id, r], i) => `indicator 指标${i} {\n  name "${(r.name ?? '').replace(/["\\\r\n]/g, '')}"\n  unit %\n  target >= ${i * 10} @2025\n  cite ${id ?? ''} row ${r.index}\n  anticipatory\n}\n`),
    'indicator 散文 {\n  name "养老机构护理型床位占比"\n  unit %\n  target >= 55 @2025\n  cite "到2025年,养老机构护理型床位占比不低于55%"\n  cite line 3\n  binding\n}\n',
  ].join('\n');
  stage('analyze-source', n, times, () => ws.analyzer.analyze(MAIN, ptl));
  return times;
}
