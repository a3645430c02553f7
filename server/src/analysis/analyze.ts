/**
 * The engine's front door: a `.ptl` file's text in, its syntax tree, model,
 * target statuses and findings out. File access goes through the injected Host,
 * so the same engine serves the language server, the CLI and in-memory tests.
 */
import type * as A from '../../../grammar/src/ast';
import { parse, type ParseResult } from '../../../grammar/src/parse';
import { reparse } from '../../../grammar/src/reparse';
import type { Localized } from '../../../grammar/src/message';
import type { LineIndex, Range } from '../../../grammar/src/range';
import { indexSourceBytes } from '../sources';
import type { SourceRow } from '../sources/types';
import { checkFileEvaluation, checkIndicatorEvaluation } from './checks/evaluation';
import { checkFileSources, checkIndicatorSources } from './checks/sources';
import { checkFileStructure, checkIndicatorStructure } from './checks/structure';
import { checkFileTypes, checkIndicatorTypes } from './checks/types';
import type { CheckContext, LoadedSource } from './context';
import type { Resolver } from './evaluate';
import type { Finding, Severity } from './finding';
import { buildModel, type FileModel, type IndicatorSymbol, type PlanInfo, type ValueSymbol } from './model';
import { LruMap } from './lru';
import { resolveInside } from './paths';
import type { TargetStatus } from './status';
import { applySuppressions, parseSuppressions } from './suppressions';

export interface Host {
  readText(path: string): string | undefined;
  readBytes(path: string): Uint8Array | undefined;
  /** The path with symlinks followed; undefined when nothing is there. */
  realPath(path: string): string | undefined;
  /**
   * A token that changes whenever the file's content may have (its size and times),
   * cheaper than reading it; undefined when the host cannot tell, and the file is read.
   */
  stamp?(path: string): string | undefined;
}

export interface AnalyzeOptions {
  /** Folders the workspace may read from; anything else is refused. */
  roots: readonly string[];
  tolerance: number;
  /** The configured severity of a rule, `off` to drop its findings. */
  severityOf(rule: string): Severity | 'off';
  isRule(id: string): boolean;
  /** False in an untrusted workspace: plan texts are not read, so source rules stay silent. */
  readSources?: boolean;
  /**
   * False for a run that analyses each file once (the CLI): what each indicator's rules
   * found is then not kept for reuse after an edit, which only held a few dozen files'
   * trees alive past two young-generation collections at a time.
   */
  incremental?: boolean;
}

/**
 * What the rules found for one indicator, and what that depended on besides the
 * indicator itself: the references it resolved and the plan texts it read. After an
 * edit elsewhere in the file the indicator keeps its symbol, and the result is
 * reused while those still resolve to the same things.
 */
interface IndicatorResult {
  findings: Finding[];
  statuses: TargetStatus[];
  row?: SourceRow;
  plan?: PlanInfo;
  source?: LoadedSource;
  resolved: Array<[A.Reference, ValueSymbol | undefined]>;
  loaded: Array<[string, A.Span, LoadedSource | undefined]>;
  /** Every id in scope, when a reference did not resolve: the suggestions for it were chosen among them. */
  scope?: Array<Map<string, ValueSymbol>>;
}

export interface FileAnalysis {
  path: string;
  text: string;
  parse: ParseResult;
  model: FileModel;
  imports: Map<string, FileModel>;
  resolve: Resolver;
  source?: LoadedSource;
  statuses: TargetStatus[];
  findings: Finding[];
}

/**
 * Parses and sources are cached by content, so re-analysis after an edit redoes only
 * what changed; the caches keep the most recently used files, so memory stays bounded
 * however large the workspace.
 */
export class Analyzer {
  private readonly parses = new LruMap<string, { text: string; stamp?: string; result: ParseResult; model: FileModel }>(32);
  private readonly sources = new LruMap<string, { bytes: Uint8Array; stamp?: string; source: LoadedSource }>(8);
  private readonly results = new WeakMap<IndicatorSymbol, IndicatorResult>();
  private readonly configured = new WeakMap<Finding, Finding>();

  constructor(private readonly host: Host, private readonly options: AnalyzeOptions) {}

  analyze(path: string, text: string): FileAnalysis {
    const { result, model } = this.parsed(path, text);
    const findings: Finding[] = [];
    const imports = this.loadImports(path, model, result.lines, findings);
    const resolve = resolverFor(model, imports);
    const ctx: CheckContext = {
      path,
      text,
      lines: result.lines,
      file: result.file,
      model,
      resolve,
      imports,
      tolerance: this.options.tolerance,
      findings,
      loadSource: (relative, at) => this.loadSource(path, relative, at, ctx),
      report: (rule, at, message, extra) => findings.push({ rule, severity: 'error', file: path, range: result.lines.rangeOfSpan(at), message, ...extra }),
    };
    for (const problem of result.problems) {
      const fixes = problem.fix ? [{ title: fixTitle(problem.fix.newText), edits: [{ file: path, ...problem.fix }], safe: true }] : undefined;
      findings.push({ rule: problem.code, severity: 'error', file: path, range: problem.range, message: problem.message, fixes });
    }
    const planSource = model.plan?.source;
    if (planSource?.path) ctx.source = ctx.loadSource(planSource.path.value, planSource.path);
    const statuses: TargetStatus[] = [];
    const rows = new Set<SourceRow>();
    for (const indicator of model.indicators) {
      const r = this.indicatorResult(ctx, indicator);
      findings.push(...r.findings);
      statuses.push(...r.statuses);
      if (r.row) rows.add(r.row);
    }
    checkFileStructure(ctx);
    checkFileTypes(ctx);
    checkFileEvaluation(ctx);
    checkFileSources(ctx, rows);
    return { path, text, parse: result, model, imports, resolve, source: ctx.source, statuses, findings: this.finish(path, result, model, findings) };
  }

  private indicatorResult(ctx: CheckContext, indicator: IndicatorSymbol): IndicatorResult {
    const previous = this.results.get(indicator);
    if (previous && this.stillHolds(previous, ctx)) return previous;
    const r: IndicatorResult = { findings: [], statuses: [], plan: ctx.model.plan, source: ctx.source, resolved: [], loaded: [] };
    const own: CheckContext = {
      ...ctx,
      findings: r.findings,
      resolve: (ref) => {
        const symbol = ctx.resolve(ref);
        r.resolved.push([ref, symbol]);
        return symbol;
      },
      loadSource: (relative, at) => {
        const source = this.loadSource(ctx.path, relative, at, own);
        r.loaded.push([relative, at, source]);
        return source;
      },
      report: (rule, at, message, extra) => r.findings.push({ rule, severity: 'error', file: ctx.path, range: ctx.lines.rangeOfSpan(at), message, ...extra }),
    };
    checkIndicatorStructure(own, indicator);
    checkIndicatorTypes(own, indicator);
    r.statuses = checkIndicatorEvaluation(own, indicator);
    r.row = checkIndicatorSources(own, indicator);
    if (r.resolved.some(([, symbol]) => !symbol)) r.scope = scopeOf(ctx);
    if (this.options.incremental !== false) this.results.set(indicator, r);
    return r;
  }

  private stillHolds(r: IndicatorResult, ctx: CheckContext): boolean {
    if (r.plan !== ctx.model.plan || r.source !== ctx.source) return false;
    if (r.scope && !sameItems(r.scope, scopeOf(ctx))) return false;
    if (!r.resolved.every(([ref, symbol]) => ctx.resolve(ref) === symbol)) return false;
    if (r.loaded.length === 0) return true;
    const quiet: CheckContext = { ...ctx, findings: [], report: () => undefined };
    return r.loaded.every(([relative, at, source]) => this.loadSource(ctx.path, relative, at, quiet) === source);
  }

  /** Forget a file's cached parse or source bytes (it changed on disk). */
  invalidate(path: string): void {
    this.parses.delete(path);
    this.sources.delete(path);
  }

  private parsed(path: string, text: string) {
    const cached = this.parses.get(path);
    if (cached && cached.text === text) return cached;
    // An edit inside one indicator re-parses that indicator; the model keeps the other symbols.
    const result = (cached && reparse(cached.result, text)) ?? parse(text);
    // Without a stamp: a caller's text (an editor's) need not be what is on disk.
    const entry: { text: string; stamp?: string; result: ParseResult; model: FileModel } = { text, result, model: buildModel(result.file, cached?.model, result.replaced) };
    this.parses.set(path, entry);
    return entry;
  }

  private finish(path: string, result: ParseResult, model: FileModel, findings: Finding[]): Finding[] {
    const configured = this.configure(findings);
    const suppressions = parseSuppressions(result.file.comments, result.lines);
    const protectedRanges = suppressions.length === 0 ? [] : model.indicators.filter((i) => i.attribute === 'binding').flatMap((i) => i.targets.map((t) => result.lines.rangeOfSpan(t.field)));
    const { kept, own } = applySuppressions(configured, suppressions, protectedRanges, path, (id) => this.options.isRule(id));
    return [...kept, ...this.configure(own)].sort(byPosition);
  }

  /** The findings with their configured severity, without those turned off; a reused finding keeps its configured copy. */
  private configure(findings: Finding[]): Finding[] {
    const out: Finding[] = [];
    for (const f of findings) {
      const severity = this.options.severityOf(f.rule);
      if (severity === 'off') continue;
      let copy = this.configured.get(f);
      if (!copy || copy.severity !== severity) {
        copy = { ...f, severity };
        this.configured.set(f, copy);
      }
      out.push(copy);
    }
    return out;
  }

  private loadImports(path: string, model: FileModel, lines: LineIndex, findings: Finding[]): Map<string, FileModel> {
    const imports = new Map<string, FileModel>();
    for (const use of model.uses) {
      if (!use.path || !use.alias) continue;
      const imported = this.importFile(path, use.path, lines.rangeOfSpan(use.path), findings, [path]);
      if (imported) imports.set(use.alias.name, imported);
    }
    return imports;
  }

  /** The model of the file `use` names; `at` is where the path is written, for the findings. */
  private importFile(from: string, written: A.StringLit, at: Range, findings: Finding[], chain: string[]): FileModel | undefined {
    const resolved = resolveInside(from, written.value, this.options.roots, (p) => this.host.realPath(p));
    if (!resolved.ok) {
      findings.push({ rule: 'source-outside-workspace', severity: 'error', file: from, range: at, message: outsideMessage(written.value) });
      return undefined;
    }
    if (chain.includes(resolved.path)) {
      findings.push(cycleFinding(from, at, [...chain, resolved.path]));
      return undefined;
    }
    const model = this.importedModel(resolved.path);
    if (model === undefined) {
      findings.push({
        rule: 'import-missing',
        severity: 'error',
        file: from,
        range: at,
        message: { zh: `找不到导入的文件「${written.value}」`, en: `Imported file “${written.value}” not found` },
      });
      return undefined;
    }
    for (const inner of model.uses) {
      if (inner.path) this.detectCycle(resolved.path, inner.path, findings, [...chain, resolved.path], from, at);
    }
    return model;
  }

  /** Follows the imported file's own imports only to find a cycle leading back to `origin`, whose `use` is at `originAt`. */
  private detectCycle(file: string, written: A.StringLit, findings: Finding[], chain: string[], origin: string, originAt: Range): void {
    const resolved = resolveInside(file, written.value, this.options.roots, (p) => this.host.realPath(p));
    if (!resolved.ok || chain.length > 32) return;
    if (chain.includes(resolved.path)) {
      findings.push(cycleFinding(origin, originAt, [...chain, resolved.path]));
      return;
    }
    const model = this.importedModel(resolved.path);
    if (model === undefined) return;
    for (const inner of model.uses) {
      if (inner.path) this.detectCycle(resolved.path, inner.path, findings, [...chain, resolved.path], origin, originAt);
    }
  }

  /**
   * The model of an imported file, undefined when it cannot be read. A parent plan is
   * imported by each of its children: while its stamp holds it is not read again.
   */
  private importedModel(path: string): FileModel | undefined {
    const stamp = this.host.stamp?.(path);
    const cached = this.parses.get(path);
    if (cached && stamp !== undefined && cached.stamp === stamp) return cached.model;
    const text = this.host.readText(path);
    if (text === undefined) return undefined;
    const entry = this.parsed(path, text);
    entry.stamp = stamp;
    return entry.model;
  }

  private loadSource(from: string, written: string, at: A.Span, ctx: CheckContext): LoadedSource | undefined {
    if (this.options.readSources === false) return undefined;
    const resolved = resolveInside(from, written, this.options.roots, (p) => this.host.realPath(p));
    if (!resolved.ok) {
      ctx.report('source-outside-workspace', at, outsideMessage(written));
      return undefined;
    }
    // The plan text is consulted on every analysis, after every keystroke: an unchanged stamp spares reading it.
    const stamp = this.host.stamp?.(resolved.path);
    const cached = this.sources.get(resolved.path);
    if (cached && stamp !== undefined && cached.stamp === stamp) return cached.source;
    const bytes = this.host.readBytes(resolved.path);
    if (bytes === undefined) {
      ctx.report('source-missing', at, { zh: `找不到规划文本「${written}」`, en: `Plan text “${written}” not found` });
      return undefined;
    }
    if (cached && sameBytes(cached.bytes, bytes)) {
      cached.stamp = stamp;
      return cached.source;
    }
    const source = { path: resolved.path, index: indexSourceBytes(bytes) };
    this.sources.set(resolved.path, { bytes, stamp, source });
    return source;
  }
}

function scopeOf(ctx: CheckContext): Array<Map<string, ValueSymbol>> {
  return [ctx.model.symbols, ...[...ctx.imports.values()].map((m) => m.symbols)];
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  // The plan text is read again on every analysis: compared four bytes at a time when aligned.
  const words = a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0 ? a.length >> 2 : 0;
  const wa = new Int32Array(a.buffer, a.byteOffset, words);
  const wb = new Int32Array(b.buffer, b.byteOffset, words);
  for (let i = 0; i < words; i++) if (wa[i] !== wb[i]) return false;
  for (let i = words * 4; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function outsideMessage(written: string): Localized {
  return { zh: `路径「${written}」在工作区之外，已拒绝读取`, en: `“${written}” lies outside the workspace and was not read` };
}

function cycleFinding(file: string, range: Range, chain: string[]): Finding {
  const path = chain.map(baseName).join(' → ');
  return { rule: 'import-cycle', severity: 'error', file, range, message: { zh: `循环导入：${path}`, en: `Import cycle: ${path}` } };
}

function fixTitle(newText: string): Localized {
  return { zh: `改为「${newText}」`, en: `Replace with “${newText}”` };
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** A total order, so the findings come out the same whichever order the rules ran in. */
function byPosition(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    compareText(a.rule, b.rule) ||
    a.range.end.line - b.range.end.line ||
    a.range.end.character - b.range.end.character ||
    compareText(a.message.en, b.message.en)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Binds references: local ids first, `alias.x` into imports, `table.x` into a local table. */
export function resolverFor(model: FileModel, imports: Map<string, FileModel>): Resolver {
  return (ref) => {
    const names = ref.path.map((p) => p.name);
    if (names.length === 1) return model.symbols.get(names[0]!);
    const [head, ...rest] = names;
    const imported = imports.get(head!);
    if (imported) return lookupIn(imported, rest);
    const table = model.tables.find((t) => t.id?.name === head);
    if (table && rest.length === 1) {
      const symbol = model.symbols.get(rest[0]!);
      return symbol?.kind === 'indicator' && symbol.table === table ? symbol : undefined;
    }
    return undefined;
  };
}

function lookupIn(model: FileModel, names: string[]): ValueSymbol | undefined {
  if (names.length === 1) return model.symbols.get(names[0]!);
  if (names.length === 2) {
    const symbol = model.symbols.get(names[1]!);
    return symbol?.kind === 'indicator' && symbol.table?.id?.name === names[0] ? symbol : undefined;
  }
  return undefined;
}
