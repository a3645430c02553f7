/**
 * The analysis engine run in the extension host, on the editor's text, for what the
 * language protocol does not carry: the dashboard, the status bar, the cited passage
 * and the import. Diagnostics, hovers and the rest come from the language server.
 *
 * Reads go through a Host that refuses everything outside the workspace folders, and
 * everything at all in an untrusted workspace (restricted mode reads no plan text).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { pick, type Locale } from '../../grammar/src/message';
import { Analyzer, type FileAnalysis, type Host } from '../../server/src/analysis/analyze';
import type { Citation } from '../../grammar/src/ast';
import { indicatorPassage, resolveCitation, type FeatureWorkspace, type Passage } from '../../server/src/analysis/features/workspace';
import type { IndicatorSymbol } from '../../server/src/analysis/model';
import { resolveInside } from '../../server/src/analysis/paths';
import { isRuleId } from '../../server/src/analysis/rules';
import type { Status } from '../../server/src/analysis/status';
import { STATUS_LABELS } from '../../server/src/analysis/status';
import { buildReport, STATUS_COLORS, type ReportRow } from '../../server/src/cli/reporters/report';
import { effectiveSeverity, findConfigFile, parseConfig } from '../../server/src/config';
import { decodeUtf8, nodeHost } from '../../server/src/host/node-host';
import { indexSourceBytes } from '../../server/src/sources';
import type { SourceIndex } from '../../server/src/sources/types';
import * as fs from 'node:fs';

/** A report row, with its colour and where the indicator's id is (0-based) for click-to-reveal. */
export interface DashboardRow extends ReportRow {
  color: string;
  line: number;
  character: number;
}

export interface DashboardData {
  uri: string;
  file: string;
  title: string;
  locale: Locale;
  rows: DashboardRow[];
  counts: Partial<Record<Status, number>>;
  binding: BindingCounts;
  legend: { status: Status; label: string; color: string }[];
}

export interface BindingCounts {
  total: number;
  met: number;
  onTrack: number;
  lagging: number;
  missed: number;
  noData: number;
}

const MET: Status[] = ['achieved', 'achieved-early'];
const ON_TRACK: Status[] = ['ahead', 'on-track'];

function workspaceRoots(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
}

/** The folders a file may read from: the workspace folders, else (a loose file) its own folder. */
function rootsFor(file: string): string[] {
  const roots = workspaceRoots();
  return roots.length ? roots : [path.dirname(file)];
}

/** The file system, limited to the workspace folders, and to nothing when the workspace is not trusted. */
export function guardedHost(extraRoots: readonly string[] = []): Host {
  const allowed = (p: string) => {
    if (!vscode.workspace.isTrusted) return false;
    const roots = [...workspaceRoots(), ...extraRoots];
    return roots.some((r) => p === r || p.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
  };
  return {
    readText: (p) => (allowed(p) ? nodeHost.readText(p) : undefined),
    readBytes: (p) => (allowed(p) ? nodeHost.readBytes(p) : undefined),
    realPath: (p) => (allowed(p) ? nodeHost.realPath(p) : undefined),
  };
}

/** One Analyzer per configuration (ptl.config.json found above the file, else the editor settings). */
export class Engine {
  private analyzers = new Map<string, Analyzer>();
  private indexes = new Map<string, { mtime: number; index: SourceIndex }>();

  reset(): void {
    this.analyzers.clear();
    this.indexes.clear();
  }

  analyze(document: vscode.TextDocument): FileAnalysis {
    const file = document.uri.scheme === 'file' ? document.uri.fsPath : path.join(workspaceRoots()[0] ?? '/', path.basename(document.uri.path) || 'untitled.ptl');
    return this.analyzerFor(file, document.uri).analyze(file, document.getText());
  }

  private analyzerFor(file: string, uri: vscode.Uri): Analyzer {
    const host = guardedHost(rootsFor(file));
    const configFile = vscode.workspace.isTrusted ? findConfigFile(file, (p) => host.realPath(p) !== undefined) : undefined;
    const key = `${configFile ?? ''}\u0000${vscode.workspace.isTrusted}\u0000${rootsFor(file).join('\u0000')}`;
    const cached = this.analyzers.get(key);
    if (cached) return cached;
    const settings = vscode.workspace.getConfiguration('ptl', uri);
    const text = configFile ? host.readText(configFile) : undefined;
    const { config } = parseConfig(text ?? JSON.stringify({ tolerance: settings.get<number>('tolerance', 0.05) }), configFile ?? '');
    const roots = configFile ? [path.dirname(configFile), ...rootsFor(file)] : rootsFor(file);
    const analyzer = new Analyzer(host, {
      roots,
      tolerance: config.tolerance,
      severityOf: (rule) => effectiveSeverity(config, rule),
      isRule: isRuleId,
    });
    this.analyzers.set(key, analyzer);
    return analyzer;
  }

  /** What the features module needs to resolve citations into other plan texts. */
  featureWorkspace(analysis: FileAnalysis): FeatureWorkspace {
    const host = guardedHost(rootsFor(analysis.path));
    return {
      analyses: () => [analysis],
      importers: () => [],
      analysis: (p) => (p === analysis.path ? analysis : undefined),
      resolvePath: (from, written) => {
        const r = resolveInside(from, written, rootsFor(from), (p) => host.realPath(p));
        return r.ok ? r.path : undefined;
      },
      sourceIndex: (p) => this.sourceIndex(p, host),
    };
  }

  private sourceIndex(p: string, host: Host): SourceIndex | undefined {
    const bytes = host.readBytes(p);
    if (!bytes) return undefined;
    let mtime = 0;
    try {
      mtime = fs.statSync(p).mtimeMs;
    } catch {
      return undefined;
    }
    const cached = this.indexes.get(p);
    if (cached && cached.mtime === mtime) return cached.index;
    const index = indexSourceBytes(bytes);
    this.indexes.set(p, { mtime, index });
    return index;
  }

  /** The plan passage the indicator (or the citation) under the cursor stands for. */
  passageAt(document: vscode.TextDocument, position: vscode.Position): { indicator?: IndicatorSymbol; passage?: Passage } {
    const analysis = this.analyze(document);
    const ws = this.featureWorkspace(analysis);
    const offset = document.offsetAt(position);
    const contains = (span: { start: number; end: number }) => span.start <= offset && offset <= span.end;
    // The innermost indicator around the cursor (nested ones come after their parent).
    const around = analysis.model.indicators.filter((i) => contains(i.decl));
    const indicator = around.at(-1);
    if (!indicator) return {};
    const cite: Citation | undefined = indicator.cites.find((c) => contains(c));
    const passage = cite ? resolveCitation(analysis, cite, indicator, ws) : indicatorPassage(analysis, indicator, ws);
    return { indicator, passage };
  }

  dashboard(document: vscode.TextDocument, locale: Locale): DashboardData {
    const analysis = this.analyze(document);
    const [plan] = buildReport([{ path: analysis.path, text: analysis.text, findings: analysis.findings, model: analysis.model, statuses: analysis.statuses }], locale, path.dirname(analysis.path));
    const indicators = analysis.model.indicators;
    const rows: DashboardRow[] = (plan?.rows ?? []).map((r, n) => {
      const id = indicators[n]?.decl.id ?? indicators[n]?.decl.keyword;
      const at = id ? analysis.parse.lines.positionAt(id.start) : { line: 0, character: 0 };
      return { ...r, color: STATUS_COLORS[r.status || 'no-data'], line: at.line, character: at.character };
    });
    return {
      uri: document.uri.toString(),
      file: vscode.workspace.asRelativePath(document.uri),
      title: plan?.title ?? path.basename(document.uri.path),
      locale,
      rows,
      counts: plan?.counts ?? {},
      binding: bindingCounts(rows),
      legend: (Object.keys(STATUS_COLORS) as Status[]).map((s) => ({ status: s, label: pick(STATUS_LABELS[s], locale), color: STATUS_COLORS[s] })),
    };
  }
}

export function bindingCounts(rows: readonly Pick<DashboardRow, 'binding' | 'status'>[]): BindingCounts {
  const counts: BindingCounts = { total: 0, met: 0, onTrack: 0, lagging: 0, missed: 0, noData: 0 };
  for (const r of rows) {
    if (!r.binding) continue;
    counts.total++;
    if (MET.includes(r.status as Status)) counts.met++;
    else if (ON_TRACK.includes(r.status as Status)) counts.onTrack++;
    else if (r.status === 'lagging') counts.lagging++;
    else if (r.status === 'missed') counts.missed++;
    else counts.noData++;
  }
  return counts;
}

/** `ptl import` in process: the .ptl text for a plan's bytes, citing it by a path relative to the output. */
export { generatePtl } from '../../server/src/analysis/import-plan';
export { indexSourceBytes, decodeUtf8 };
