/**
 * The language server: holds documents, composes configuration and the engine
 * per workspace (as the CLI's Session does), caches analyses by document
 * version, debounces and versions pushed diagnostics, answers pulled ones, and
 * maps every editor feature to its LSP request. Every handler is safe: an
 * exception is logged and answered with an empty result.
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  FileChangeType,
  FoldingRangeKind,
  InlayHintKind,
  LSPErrorCodes,
  MarkupKind,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  InsertTextFormat,
  type CancellationToken,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatEdits } from '../../../grammar/src/format';
import { normalizeLocale, pick, type Locale, type Localized } from '../../../grammar/src/message';
import { Analyzer, type FileAnalysis, type Host } from '../analysis/analyze';
import * as F from '../analysis/features';
import type { Finding, Severity } from '../analysis/finding';
import { resolveInside } from '../analysis/paths';
import { LruMap } from '../analysis/lru';
import { isRuleId } from '../analysis/rules';
import { effectiveSeverity, findConfigFile, parseConfig, type ResolvedConfig } from '../config';
import { decodeUtf8, nodeHost, readFileBounded } from '../host/node-host';
import { indexSourceBytes } from '../sources';
import type { SourceIndex } from '../sources/types';
import { completionKind, pathToUri, symbolKind, toDiagnostic, toDocumentSymbol, uriToPath } from './convert';
import { encodeTokens, TokenResults } from './semantic-tokens';
import { AnalysisCosts, DEBOUNCE_MS } from './debounce';

const CONFIG_NAME = 'ptl.config.json';
/** Closed files whose full analysis is kept; workspaces hold thousands of files, and memory must stay bounded. */
const CLOSED_ANALYSES = 16;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);

interface Workspace {
  root: string;
  configFile?: string;
  config: ResolvedConfig;
  configFindings: Finding[];
  analyzer: Analyzer;
}

type Mode = 'push' | 'pull' | 'both';

/** The `ptl.*` settings the editor sends; anything malformed is ignored. */
interface EditorSettings {
  rules?: Record<string, Severity | 'off'>;
  tolerance?: number;
}

const SEVERITIES = new Set(['off', 'hint', 'info', 'warning', 'error']);

function readSettings(raw: unknown): EditorSettings {
  const value = (raw ?? {}) as { rules?: unknown; tolerance?: unknown };
  const settings: EditorSettings = {};
  if (typeof value.tolerance === 'number' && value.tolerance >= 0 && value.tolerance <= 1) settings.tolerance = value.tolerance;
  if (value.rules && typeof value.rules === 'object') {
    settings.rules = Object.fromEntries(
      Object.entries(value.rules as Record<string, unknown>).filter(([id, v]) => isRuleId(id) && typeof v === 'string' && SEVERITIES.has(v)),
    ) as EditorSettings['rules'];
  }
  return settings;
}

export class PtlServer {
  readonly documents = new TextDocuments(TextDocument);
  private locale: Locale = 'zh-CN';
  private roots: string[] = [];
  private mode: Mode = 'push';
  private workspaces = new Map<string, Workspace>();
  private readonly ptlFiles = new Set<string>();
  /** Analyses of open documents, and of the most recently analysed closed files (the rest are re-analysed on demand). */
  private readonly cache = new Map<string, { key: string; analysis: FileAnalysis }>();
  private readonly closedCache = new LruMap<string, { key: string; analysis: FileAnalysis }>(CLOSED_ANALYSES);
  /** Closed files waiting for analysis: drained one file per turn of the event loop, so requests and edits go first. */
  private readonly backlog = new Set<string>();
  private draining = false;
  /** Closed files whose dependencies changed while the user types: they join the backlog once typing pauses. */
  private readonly pending = new Set<string>();
  private pendingTimer: NodeJS.Timeout | undefined;
  private readonly sourceIndexes = new LruMap<string, SourceIndex>(16);
  private readonly deps = new Map<string, Set<string>>();
  /** Cancels the publication scheduled for each path. */
  private readonly timers = new Map<string, () => void>();
  private readonly published = new Set<string>();
  /** Documents just opened: their first diagnostics are not debounced (nobody is typing yet). */
  private readonly opened = new Set<string>();
  private debounceMs = debounceFrom(process.env.PTL_DEBOUNCE_MS) ?? DEBOUNCE_MS;
  private readonly costs = new AnalysisCosts();
  private readonly diagnostics = new WeakMap<Finding, Diagnostic>();
  private readonly tokenResults = new TokenResults();
  private generation = 0;
  private refreshSupport = false;
  private configurationSupport = false;
  /** In an untrusted workspace the server reads no plan text. */
  private trusted = true;
  private settings: EditorSettings = {};
  private readonly faults = new Set((process.env.PTL_LSP_FAULT ?? '').split(',').filter(Boolean));
  /** PTL_TIMINGS=1: each publication after a change writes its time on stderr, for the benchmark's breakdown of a keystroke. */
  private readonly timings = process.env.PTL_TIMINGS === '1' ? new Map<string, number>() : undefined;

  readonly host: Host = {
    readText: (path) => this.openText(path) ?? nodeHost.readText(path),
    readBytes: (path) => {
      const text = this.openText(path);
      return text !== undefined ? new TextEncoder().encode(text) : nodeHost.readBytes(path);
    },
    realPath: (path) => nodeHost.realPath(path) ?? (this.openText(path) !== undefined ? path : undefined),
    // An open document's text is in memory, and its stamp on disk says nothing about it.
    stamp: (path) => (this.openText(path) === undefined ? nodeHost.stamp?.(path) : undefined),
  };

  readonly ws: F.FeatureWorkspace = {
    analyses: () => [...this.allPtlFiles()].map((p) => this.analysisFor(p)).filter((a): a is FileAnalysis => a !== undefined),
    // A file analysed once has its imports in `deps`; one never analysed yet may import anything.
    importers: (path) => [...this.allPtlFiles()].filter((p) => this.deps.get(p)?.has(path) ?? true).map((p) => this.analysisFor(p)).filter((a): a is FileAnalysis => a !== undefined),
    analysis: (path) => this.analysisFor(path),
    resolvePath: (from, written) => {
      const w = this.workspaceFor(from);
      const r = resolveInside(from, written, [w.root, ...this.roots], (p) => this.host.realPath(p));
      return r.ok && this.host.realPath(r.path) !== undefined ? r.path : undefined;
    },
    sourceIndex: (path) => {
      if (!this.trusted) return undefined;
      const cached = this.sourceIndexes.get(path);
      if (cached) return cached;
      const bytes = this.host.readBytes(path);
      if (!bytes) return undefined;
      const index = indexSourceBytes(bytes);
      this.sourceIndexes.set(path, index);
      return index;
    },
  };

  constructor(private readonly connection: Connection) {}

  listen(): void {
    const c = this.connection;
    c.onInitialize((params) => this.initialize(params));
    c.onInitialized(() => this.initialized());
    this.documents.onDidOpen((e) => this.opened.add(e.document.uri));
    this.documents.onDidChangeContent((e) => this.changed(e.document.uri));
    this.documents.onDidClose((e) => this.closed(e.document.uri));
    c.onDidChangeWatchedFiles((e) => this.safeNotify('didChangeWatchedFiles', () => this.watched(e.changes)));
    c.onDidChangeConfiguration((e) => this.safeNotify('didChangeConfiguration', () => this.configurationChanged(e.settings)));

    c.onHover(this.safe('hover', null, (p) => {
      const a = this.analysisOf(p.textDocument.uri);
      const h = a && F.hover(a, p.position, this.ws);
      return h ? { range: h.range, contents: { kind: MarkupKind.Markdown, value: this.t(h.contents) } } : null;
    }));
    c.onCompletion(this.safe('completion', [], (p) => {
      const a = this.analysisOf(p.textDocument.uri);
      if (!a) return [];
      return F.completion(a, p.position).map((item) => ({
        label: item.label,
        kind: completionKind(item.kind),
        detail: item.detail && this.t(item.detail),
        documentation: item.documentation && { kind: MarkupKind.Markdown, value: this.t(item.documentation) },
        textEdit: { range: item.range, newText: item.insertText },
        insertTextFormat: InsertTextFormat.PlainText,
        sortText: item.sortText,
        filterText: item.filterText,
      }));
    }));
    c.onDefinition(this.safe('definition', [], (p) => {
      const a = this.analysisOf(p.textDocument.uri);
      return a ? F.definition(a, p.position, this.ws).map((l) => ({ uri: pathToUri(l.file), range: l.range })) : [];
    }));
    c.onReferences(this.safe('references', [], (p) => {
      const a = this.analysisOf(p.textDocument.uri);
      return a ? F.references(a, p.position, p.context.includeDeclaration, this.ws).map((l) => ({ uri: pathToUri(l.file), range: l.range })) : [];
    }));
    c.onDocumentHighlight(this.safe('documentHighlight', [], (p) => {
      const a = this.analysisOf(p.textDocument.uri);
      return a ? F.highlights(a, p.position, this.ws).map((range) => ({ range })) : [];
    }));
    c.onPrepareRename(this.safe('prepareRename', null, (p) => {
      const a = this.analysisOf(p.textDocument.uri);
      if (!a) return null;
      const r = F.prepareRename(a, p.position, this.ws);
      if (F.isRenameError(r)) throw new ResponseError(ErrorCodes.InvalidRequest, this.t(r.error));
      return r;
    }));
    c.onRenameRequest(this.safe('rename', null, (p) => {
      const a = this.analysisOf(p.textDocument.uri);
      if (!a) return null;
      const r = F.rename(a, p.position, p.newName, this.ws);
      if (F.isRenameError(r)) throw new ResponseError(ErrorCodes.InvalidRequest, this.t(r.error));
      const changes: WorkspaceEdit['changes'] = {};
      for (const e of r.edits) (changes[pathToUri(e.file)] ??= []).push({ range: e.range, newText: e.newText });
      return { changes };
    }));
    c.onDocumentSymbol(this.safe('documentSymbol', [], (p) => {
      const a = this.analysisOf(p.textDocument.uri);
      return a ? F.documentSymbols(a).map(toDocumentSymbol) : [];
    }));
    c.onWorkspaceSymbol(this.safe('workspaceSymbol', [], (p) =>
      F.workspaceSymbols(this.ws.analyses(), p.query).map((s) => ({ name: s.name, kind: symbolKind(s.kind), location: { uri: pathToUri(s.file), range: s.range }, containerName: s.container })),
    ));
    c.onFoldingRanges(this.safe('foldingRange', [], (p) => {
      const a = this.analysisOf(p.textDocument.uri);
      return a ? F.foldingRanges(a).map((f) => ({ startLine: f.startLine, endLine: f.endLine, kind: f.kind === 'comment' ? FoldingRangeKind.Comment : undefined })) : [];
    }));
    c.languages.semanticTokens.on(this.safe('semanticTokens', { data: [] }, (p) => this.tokenResults.full(p.textDocument.uri, this.semanticTokens(p.textDocument.uri))));
    c.languages.semanticTokens.onDelta(this.safe('semanticTokens', { data: [] }, (p) => this.tokenResults.delta(p.textDocument.uri, p.previousResultId, this.semanticTokens(p.textDocument.uri))));
    c.onCodeLens(this.safe('codeLens', [], (p) => {
      const a = this.analysisOf(p.textDocument.uri);
      return a ? F.codeLenses(a).map((l) => ({ range: l.range, command: { title: this.t(l.title), command: '' } })) : [];
    }));
    c.languages.inlayHint.on(this.safe('inlayHint', [], (p) => {
      const a = this.analysisOf(p.textDocument.uri);
      return a ? F.inlayHints(a, p.range).map((h) => ({ position: h.position, label: h.label, kind: InlayHintKind.Type, tooltip: h.tooltip && this.t(h.tooltip), paddingLeft: false })) : [];
    }));
    c.onDocumentLinks(this.safe('documentLink', [], (p) => {
      const a = this.analysisOf(p.textDocument.uri);
      return a ? F.documentLinks(a, this.ws).map((l) => ({ range: l.range, target: pathToUri(l.file) })) : [];
    }));
    c.onCodeAction(this.safe('codeAction', [], (p) => {
      const a = this.analysisOf(p.textDocument.uri);
      if (!a) return [];
      return F.codeActions(a, p.range, p.context.only).map((action): CodeAction => {
        const changes: WorkspaceEdit['changes'] = {};
        for (const e of action.edits) (changes[pathToUri(e.file)] ??= []).push({ range: e.range, newText: e.newText });
        return {
          title: this.t(action.title),
          kind: action.kind === 'quickfix' ? CodeActionKind.QuickFix : CodeActionKind.Source,
          diagnostics: action.findings.map((f) => toDiagnostic(f, this.locale)),
          isPreferred: action.preferred || undefined,
          edit: { changes },
        };
      });
    }));
    c.onDocumentFormatting(this.safe('formatting', [], (p) => this.format(p.textDocument.uri)));
    c.onDocumentRangeFormatting(this.safe('rangeFormatting', [], (p) => this.format(p.textDocument.uri, p.range)));
    c.languages.diagnostics.on(this.safe<DocumentDiagnosticParams, DocumentDiagnosticReport>('diagnostic', { kind: DocumentDiagnosticReportKind.Full, items: [] }, (p) => {
      const path = uriToPath(p.textDocument.uri);
      const a = path && this.analysisFor(path);
      const resultId = `${this.keyFor(path ?? '')}`;
      if (a && p.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: a ? this.diagnosticsOf(a) : [] };
    }));
    c.languages.diagnostics.onWorkspace(this.safe('workspaceDiagnostic', { items: [] }, () => ({
      items: [...this.allPtlFiles()].flatMap((path) => {
        const a = this.analysisFor(path);
        if (!a) return [];
        const doc = this.documents.get(pathToUri(path));
        return [{ kind: DocumentDiagnosticReportKind.Full, uri: pathToUri(path), version: doc?.version ?? null, resultId: this.keyFor(path), items: this.diagnosticsOf(a) }];
      }),
    })));
    // Test-only: the server's own text and version of every open document, and its memory
    // after a GC when the process runs with --expose-gc. Enabled by initializationOptions.testing.
    c.onRequest('ptl/test/state', () => {
      if (!this.testing) throw new ResponseError(ErrorCodes.MethodNotFound, 'ptl/test/state needs initializationOptions.testing');
      (globalThis as { gc?: () => void }).gc?.();
      const documents = Object.fromEntries(this.documents.all().map((d) => [d.uri, { version: d.version, text: d.getText() }]));
      return { documents, memory: process.memoryUsage() };
    });
    this.documents.listen(c);
    c.listen();
  }

  // ---- lifecycle ----

  private initialize(params: InitializeParams): InitializeResult {
    const options = (params.initializationOptions ?? {}) as { locale?: string; diagnostics?: Mode; testing?: boolean; trusted?: boolean; settings?: unknown; debounceMs?: number };
    this.testing = options.testing === true;
    this.trusted = options.trusted !== false;
    this.settings = readSettings(options.settings);
    this.configurationSupport = !!params.capabilities.workspace?.configuration;
    this.locale = normalizeLocale(options.locale ?? params.locale ?? undefined);
    const folders = params.workspaceFolders?.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p) ?? [];
    const rootUri = params.rootUri ? uriToPath(params.rootUri) : undefined;
    this.roots = folders.length ? folders : rootUri ? [rootUri] : [];
    const pull = !!params.capabilities.textDocument?.diagnostic;
    this.mode = options.diagnostics ?? (pull ? 'pull' : 'push');
    this.debounceMs = debounceFrom(options.debounceMs) ?? this.debounceMs;
    this.refreshSupport = !!params.capabilities.workspace?.diagnostics?.refreshSupport;
    this.watchDynamically = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    this.folderEvents = !!params.capabilities.workspace?.workspaceFolders;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['.', ' ', '@'], resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        semanticTokensProvider: { legend: { tokenTypes: [...F.TOKEN_TYPES], tokenModifiers: [...F.TOKEN_MODIFIERS] }, full: { delta: true } },
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: true,
        documentLinkProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Source] },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        diagnosticProvider: { identifier: 'ptl', interFileDependencies: true, workspaceDiagnostics: true },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'ptl-language-server', version: '0.1.0' },
    };
  }

  private watchDynamically = false;
  /** The client sends workspace folder changes; subscribing otherwise throws. */
  private folderEvents = false;
  private testing = false;

  private initialized(): void {
    if (this.watchDynamically) {
      void this.connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/*.ptl' }, { globPattern: `**/${CONFIG_NAME}` }, { globPattern: '**/*.{txt,md,text}' }],
        })
        .catch((e) => this.log(`watcher registration failed: ${String(e)}`));
    }
    if (this.folderEvents) this.connection.workspace.onDidChangeWorkspaceFolders((e) => this.safeNotify('workspaceFolders', () => {
      const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
      this.roots = [...this.roots.filter((r) => !removed.has(r)), ...e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p)];
      this.workspaces.clear();
      this.scan();
      this.invalidateAll();
    }));
    this.safeNotify('scan', () => {
      this.scan();
      this.publishConfigDiagnostics();
      this.enqueue(this.ptlFiles);
    });
  }

  /** The workspace's `.ptl` files, found once at start and kept current by watched-file events. */
  private scan(): void {
    const walk = (dir: string, depth: number) => {
      if (depth > 12 || this.ptlFiles.size > 5000) return;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (e.isDirectory() && !SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(nodePath.join(dir, e.name), depth + 1);
        else if (e.isFile() && e.name.endsWith('.ptl')) this.ptlFiles.add(nodePath.join(dir, e.name));
      }
    };
    for (const root of this.roots) walk(root, 0);
  }

  private allPtlFiles(): Set<string> {
    const all = new Set(this.ptlFiles);
    for (const doc of this.documents.all()) {
      const path = uriToPath(doc.uri);
      if (path?.endsWith('.ptl')) all.add(path);
    }
    return all;
  }

  // ---- documents and analyses ----

  private openText(path: string): string | undefined {
    return this.documents.get(pathToUri(path))?.getText();
  }

  private keyFor(path: string): string {
    const doc = this.documents.get(pathToUri(path));
    return `${doc ? doc.version : 'disk'}:${this.generation}`;
  }

  private workspaceFor(file: string): Workspace {
    const folder = this.roots.filter((r) => file === r || file.startsWith(`${r}/`)).sort((a, b) => b.length - a.length)[0];
    const exists = (p: string) => this.openText(p) !== undefined || fs.existsSync(p);
    const configFile = findConfigFile(file, exists, folder ? { stopAt: folder } : {});
    const root = configFile ? nodePath.dirname(configFile) : folder ?? nodePath.dirname(file);
    const key = `${root}\u0000${configFile ?? ''}`;
    const existing = this.workspaces.get(key);
    if (existing) return existing;
    const text = configFile ? this.host.readText(configFile) : undefined;
    const { config, findings } = text !== undefined && configFile ? parseConfig(text, configFile) : parseConfig('{}', '');
    // ptl.config.json decides when there is one; the editor's settings fill in otherwise.
    const settings = configFile ? {} : this.settings;
    const analyzer = new Analyzer(this.host, {
      roots: [root],
      tolerance: settings.tolerance ?? config.tolerance,
      severityOf: (rule) => settings.rules?.[rule] ?? effectiveSeverity(config, rule),
      isRule: isRuleId,
      readSources: this.trusted,
    });
    const w: Workspace = { root, configFile, config, configFindings: configFile ? findings : [], analyzer };
    this.workspaces.set(key, w);
    return w;
  }

  analysisFor(path: string): FileAnalysis | undefined {
    const key = this.keyFor(path);
    const store = this.documents.get(pathToUri(path)) ? this.cache : this.closedCache;
    const cached = store.get(path);
    if (cached && cached.key === key) return cached.analysis;
    const open = this.openText(path);
    let text = open;
    if (text === undefined) {
      const bytes = readFileBounded(path);
      if (!bytes) return undefined;
      text = decodeUtf8(bytes);
    }
    if (this.faults.has('analyze')) throw new Error('injected fault: analyze');
    const started = performance.now();
    const analysis = this.workspaceFor(path).analyzer.analyze(path, text);
    if (open !== undefined) this.costs.record(path, performance.now() - started);
    store.set(path, { key, analysis });
    this.deps.set(path, this.dependenciesOf(analysis));
    return analysis;
  }

  private analysisOf(uri: string): FileAnalysis | undefined {
    const path = uriToPath(uri);
    return path ? this.analysisFor(path) : undefined;
  }

  private dependenciesOf(a: FileAnalysis): Set<string> {
    const out = new Set<string>();
    if (a.source) out.add(a.source.path);
    const add = (written: string | undefined) => {
      const p = written === undefined ? undefined : this.ws.resolvePath(a.path, written);
      if (p) out.add(p);
    };
    for (const u of a.model.uses) add(u.path?.value);
    for (const i of a.model.indicators) for (const c of i.cites) add(c.file?.value);
    return out;
  }

  private diagnosticsOf(a: FileAnalysis): Diagnostic[] {
    return a.findings.filter((f) => f.file === a.path).map((f) => this.diagnosticOf(f));
  }

  /** A finding that survives an edit (see Analyzer) keeps its diagnostic: the locale is fixed at initialization. */
  private diagnosticOf(f: Finding): Diagnostic {
    let d = this.diagnostics.get(f);
    if (!d) {
      d = toDiagnostic(f, this.locale);
      this.diagnostics.set(f, d);
    }
    return d;
  }

  // ---- changes ----

  private changed(uri: string): void {
    const path = uriToPath(uri);
    const justOpened = this.opened.delete(uri);
    if (!path) return;
    this.timings?.set(path, performance.now());
    this.generation++;
    if (path.endsWith(CONFIG_NAME)) {
      this.workspaces.clear();
      this.publishConfigDiagnostics();
      this.recheck(this.allPtlFiles());
      return;
    }
    this.sourceIndexes.delete(path);
    const affected = new Set([path, ...this.dependents(path)]);
    this.recheck(affected, path.endsWith('.ptl') ? path : undefined, justOpened);
  }

  /** A document's semantic tokens, encoded as the protocol sends them. */
  private semanticTokens(uri: string): number[] {
    const a = this.analysisOf(uri);
    return a ? encodeTokens(F.semanticTokens(a)) : [];
  }

  private closed(uri: string): void {
    this.tokenResults.forget(uri);
    const path = uriToPath(uri);
    if (!path) return;
    this.generation++;
    if (path.endsWith(CONFIG_NAME)) {
      this.workspaces.clear();
      this.recheck(this.allPtlFiles());
      return;
    }
    this.cache.delete(path);
    this.costs.forget(path);
    if (path.endsWith('.ptl') && !this.ptlFiles.has(path) && this.mode !== 'pull') {
      this.connection.sendDiagnostics({ uri, diagnostics: [] });
      this.published.delete(path);
    }
    this.recheck(new Set([...this.dependents(path), ...(this.ptlFiles.has(path) ? [path] : [])]));
  }

  /** New editor settings: rebuild the workspaces and re-check everything. */
  private async configurationChanged(pushed: unknown): Promise<void> {
    const section = (pushed as { ptl?: unknown } | undefined)?.ptl;
    const pulled = section === undefined && this.configurationSupport ? await this.connection.workspace.getConfiguration('ptl') : undefined;
    this.settings = readSettings(section ?? pulled);
    this.generation++;
    this.workspaces.clear();
    this.cache.clear();
    this.closedCache.clear();
    this.recheck(this.allPtlFiles());
  }

  private watched(changes: { uri: string; type: FileChangeType }[]): void {
    let all = false;
    const affected = new Set<string>();
    for (const change of changes) {
      const path = uriToPath(change.uri);
      if (!path) continue;
      this.sourceIndexes.delete(path);
      for (const w of this.workspaces.values()) w.analyzer.invalidate(path);
      if (path.endsWith(CONFIG_NAME)) {
        all = true;
        continue;
      }
      if (path.endsWith('.ptl')) {
        if (change.type === FileChangeType.Deleted) {
          this.ptlFiles.delete(path);
          this.cache.delete(path);
          this.closedCache.delete(path);
          if (!this.documents.get(pathToUri(path)) && this.published.has(path)) {
            this.connection.sendDiagnostics({ uri: pathToUri(path), diagnostics: [] });
            this.published.delete(path);
          }
        } else {
          this.ptlFiles.add(path);
          affected.add(path);
        }
      }
      for (const d of this.dependents(path)) affected.add(d);
    }
    this.generation++;
    if (all) {
      this.workspaces.clear();
      this.publishConfigDiagnostics();
      this.recheck(this.allPtlFiles());
    } else if (affected.size) this.recheck(affected);
  }

  /** The `.ptl` files whose last analysis read the path (its plan text, an import, a cited file). */
  private dependents(path: string): string[] {
    return [...this.deps].filter(([, d]) => d.has(path)).map(([p]) => p);
  }

  private invalidateAll(): void {
    this.generation++;
    this.recheck(this.allPtlFiles());
  }

  private recheck(paths: Iterable<string>, typed?: string, justOpened = false): void {
    if (this.mode !== 'pull') {
      for (const p of paths) {
        if (this.documents.get(pathToUri(p))) this.schedule(p, p === typed && justOpened ? 0 : this.costs.delayFor(p, this.debounceMs));
        else this.pending.add(p);
      }
      if (this.pending.size) {
        clearTimeout(this.pendingTimer);
        this.pendingTimer = setTimeout(() => this.enqueue(this.pending.values()), this.debounceMs);
      }
    }
    if (this.mode !== 'push' && this.refreshSupport) void this.connection.languages.diagnostics.refresh().catch(() => undefined);
  }

  private schedule(path: string, delay = this.debounceMs): void {
    if (this.mode === 'pull') return;
    this.timers.get(path)?.();
    const run = () => {
      this.timers.delete(path);
      this.safeNotify('publishDiagnostics', () => this.publish(path));
    };
    // A 0 ms timer still waits a millisecond or more; the next turn of the event loop does not.
    if (delay === 0) {
      const immediate = setImmediate(run);
      this.timers.set(path, () => clearImmediate(immediate));
    } else {
      const timer = setTimeout(run, delay);
      this.timers.set(path, () => clearTimeout(timer));
    }
  }

  private enqueue(paths: Iterable<string>): void {
    for (const p of [...paths]) {
      this.pending.delete(p);
      this.backlog.add(p);
    }
    if (this.draining || this.backlog.size === 0) return;
    this.draining = true;
    setImmediate(() => this.drain());
  }

  private drain(): void {
    const next = this.backlog.values().next();
    if (next.done) {
      this.draining = false;
      return;
    }
    this.backlog.delete(next.value);
    // An open document has its own (debounced) schedule.
    if (!this.documents.get(pathToUri(next.value))) this.safeNotify('publishDiagnostics', () => this.publish(next.value));
    setImmediate(() => this.drain());
  }

  private publish(path: string): void {
    const uri = pathToUri(path);
    const doc = this.documents.get(uri);
    const version = doc?.version;
    const a = this.analysisFor(path);
    if (doc && this.documents.get(uri)?.version !== version) return; // superseded by a newer edit
    if (!a) {
      if (this.published.delete(path)) this.connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    this.connection.sendDiagnostics({ uri, version, diagnostics: this.diagnosticsOf(a) });
    this.published.add(path);
    this.reportTiming(path, uri, version);
  }

  /** The time from the document's new text to its diagnostics handed to the connection (to be encoded and sent). */
  private reportTiming(path: string, uri: string, version: number | undefined): void {
    if (!this.timings?.has(path)) return;
    const ms = performance.now() - this.timings.get(path)!;
    this.timings.delete(path);
    process.stderr.write(`[ptl] timing ${uri} v${version ?? '-'} ${ms.toFixed(3)} ms\n`);
  }

  private publishConfigDiagnostics(): void {
    const seen = new Set<string>();
    for (const path of this.allPtlFiles()) {
      const w = this.workspaceFor(path);
      if (!w.configFile || seen.has(w.configFile)) continue;
      seen.add(w.configFile);
      this.connection.sendDiagnostics({ uri: pathToUri(w.configFile), diagnostics: w.configFindings.map((f) => toDiagnostic(f, this.locale)) });
    }
  }

  // ---- formatting ----

  private format(uri: string, range?: TextEdit['range']): TextEdit[] {
    const doc = this.documents.get(uri);
    if (!doc) return [];
    const fn = (formatEdits as unknown) as typeof formatEdits | undefined;
    if (typeof fn !== 'function') return [];
    return fn(doc.getText(), range).map((e) => ({ range: e.range, newText: e.newText }));
  }

  // ---- safety ----

  private t(message: Localized): string {
    return pick(message, this.locale);
  }

  private log(message: string): void {
    this.connection.console.error(`[ptl] ${message}`);
  }

  /** Logs and swallows whatever a notification handler throws. */
  private safeNotify(name: string, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.log(`${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
  }

  /** A request handler that honours cancellation and answers `fallback` when it throws. */
  private safe<P, R>(name: string, fallback: R, fn: (params: P) => R): (params: P, token: CancellationToken) => R {
    return (params, token) => {
      if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      try {
        if (this.faults.has(name)) throw new Error(`injected fault: ${name}`);
        const result = fn(params);
        if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
        return result;
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        this.log(`${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        return fallback;
      }
    };
  }
}

function debounceFrom(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
}
