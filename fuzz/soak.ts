/**
 * The language-server soak: the built server over stdio, several open documents,
 * thousands of random incremental edits interleaved with requests (hover,
 * completion, definition, documentSymbol, formatting, codeAction, semanticTokens)
 * and `$/cancelRequest`. Afterwards the server's text of every document must equal
 * the client's (asked with the test-only `ptl/test/state` request, enabled by
 * `initializationOptions.testing`), nothing may have crashed or been logged as a
 * failure, memory must be stable, and a request made during a long analysis must be
 * answered or cancelled within a second.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, createMessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { rng } from '../test/support/random';

export interface SoakOptions {
  server: string;
  edits: number;
  seed: number;
  /** Where the seeds are; default: ../seeds next to this file or under the working directory. */
  seedsDir?: string;
  log?: (message: string) => void;
  /** The limit for a request made during a long analysis (default 1000 ms; the smoke test, on a busy machine, allows more). */
  latencyLimitMs?: number;
  /** Compare the texts every N edits too (debugging a mismatch); 0: only at the end. */
  verifyEvery?: number;
}

export interface SoakFailure {
  kind: 'crash' | 'hang' | 'violation';
  stage: string;
  message: string;
}

export interface SoakResult {
  edits: number;
  requests: number;
  answered: number;
  cancelled: number;
  mismatches: number;
  rssBefore: number;
  rssAfter: number;
  heapBefore: number;
  heapAfter: number;
  longAnalysisMs: number;
  longAnalysisLatencyMs: number;
  failures: SoakFailure[];
}

/** Allowed growth of the server's heap (after a GC) between warm-up and the end. */
const HEAP_GROWTH_LIMIT = 64 * 1024 * 1024;
const LATENCY_LIMIT_MS = 1000;

const SNIPPETS = [
  '{', '}', '(', ')', '"', '“', '”', '/*', '*/', '// ', '@', '@2025', '..', '.', ':', '：', ',', '，', '>=', '≥', '-', '—', '+', '*', '/', '%', '‰',
  '2025', '55', '3.3万', '\n', '\r\n', ' ', '  ', '\t', '\u3000', 'indicator ', '指标 ', 'target ', '目标值', 'baseline ', 'actual ', 'unit ', '单位 ',
  'cite row 2', 'cite line 41', 'binding', '约束性', 'anticipatory', 'check "x" a >= b', '不低于', '城乡低保比', '省意见.', 'use "parent.ptl" as 省意见\n',
  '\n  indicator 新指标 {\n    unit %\n    target >= 55 @2025\n  }\n', '😀', '\ud800', 'ｆｕｌｌ', '\\',
];

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const log = options.log ?? (() => undefined);
  const random = rng(options.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const failures: SoakFailure[] = [];
  const fail = (kind: SoakFailure['kind'], stage: string, message: string) => failures.push({ kind, stage, message });

  const seedsDir = options.seedsDir ?? [path.resolve(__dirname, '..', 'seeds'), path.resolve(process.cwd(), 'seeds')].find((d) => fs.existsSync(d))!;
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ptl-soak-')));
  for (const n of fs.readdirSync(seedsDir)) fs.copyFileSync(path.join(seedsDir, n), path.join(dir, n));
  fs.copyFileSync(path.join(dir, 'henan-support-xuchang.ptl'), path.join(dir, 'parent.ptl'));
  const seedTexts = fs.readdirSync(dir).filter((n) => n.endsWith('.ptl')).map((n) => fs.readFileSync(path.join(dir, n), 'utf8'));

  const child = spawn(process.execPath, ['--expose-gc', options.server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], cwd: dir });
  let stderr = '';
  let exited: string | undefined;
  child.stderr!.on('data', (d) => (stderr += String(d)));
  child.on('exit', (code, signal) => (exited = `exit code ${code}, signal ${signal}`));
  const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const logs: string[] = [];
  conn.onNotification('window/logMessage', (p: { message: string }) => void logs.push(p.message));
  conn.onNotification('textDocument/publishDiagnostics', () => undefined);
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/diagnostic/refresh', () => null);
  conn.onUnhandledNotification(() => undefined);
  conn.listen();
  const uri = (name: string) => pathToFileURL(path.join(dir, name)).href;

  const result: SoakResult = {
    edits: 0, requests: 0, answered: 0, cancelled: 0, mismatches: 0, rssBefore: 0, rssAfter: 0, heapBefore: 0, heapAfter: 0, longAnalysisMs: 0, longAnalysisLatencyMs: 0, failures,
  };
  try {
    await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'soak' }],
      initializationOptions: { testing: true },
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await conn.sendNotification('initialized', {});

    const docs = new Map<string, TextDocument>();
    const names = ['xuchang-2021-2025.ptl', 'pingdingshan-2021-2025.ptl', 'henan-support-xuchang.ptl', 'new-1.ptl', 'new-2.ptl'];
    for (const [i, name] of names.entries()) {
      const text = fs.existsSync(path.join(dir, name)) ? fs.readFileSync(path.join(dir, name), 'utf8') : i === 3 ? '' : seedTexts[0]!;
      const doc = TextDocument.create(uri(name), 'ptl', 1, text);
      docs.set(doc.uri, doc);
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: doc.uri, languageId: 'ptl', version: 1, text } });
    }
    const uris = [...docs.keys()];

    const state = async () =>
      (await conn.sendRequest('ptl/test/state', {})) as { documents: Record<string, { version: number; text: string }>; memory: { rss: number; heapUsed: number } };

    const pending = new Set<Promise<unknown>>();
    const request = (method: string, params: unknown, cancel: boolean) => {
      result.requests++;
      const source = new CancellationTokenSource();
      const started = Date.now();
      const p = conn.sendRequest(method, params, source.token).then(
        () => {
          result.answered++;
          if (Date.now() - started > 10000) fail('hang', method, `answered after ${Date.now() - started} ms`);
        },
        (e: unknown) => {
          if (e instanceof ResponseError && (e.code === -32800 || e.code === -32801)) result.cancelled++;
          else fail('crash', method, `request failed: ${e instanceof Error ? e.message : String(e)}`);
        },
      );
      pending.add(p);
      void p.finally(() => pending.delete(p));
      if (cancel) {
        if (random() < 0.5) source.cancel();
        else setTimeout(() => source.cancel(), Math.floor(random() * 5));
      }
      return p;
    };

    const randomChange = (doc: TextDocument): TextDocumentContentChangeEvent => {
      const text = doc.getText();
      if (text.length > 40000 || random() < 0.002) return { text: pick(seedTexts) };
      const a = Math.floor(random() * (text.length + 1));
      const r = random();
      const len = r < 0.4 ? 0 : Math.floor(random() * (r < 0.9 ? 4 : 60));
      const b = Math.min(text.length, a + len);
      const insert = r < 0.3 ? '' : random() < 0.2 ? text.slice(Math.floor(random() * text.length)).slice(0, Math.floor(random() * 40)) : pick(SNIPPETS);
      return { range: { start: doc.positionAt(a), end: doc.positionAt(b) }, text: insert };
    };

    const edit = async (doc: TextDocument, changes: TextDocumentContentChangeEvent[]) => {
      const next = TextDocument.update(doc, changes, doc.version + 1);
      docs.set(doc.uri, next);
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri: doc.uri, version: next.version }, contentChanges: changes });
    };

    const METHODS = ['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/documentSymbol', 'textDocument/formatting', 'textDocument/codeAction', 'textDocument/semanticTokens/full'];
    const paramsFor = (method: string, doc: TextDocument) => {
      const pos = doc.positionAt(Math.floor(random() * (doc.getText().length + 1)));
      const td = { uri: doc.uri };
      switch (method) {
        case 'textDocument/documentSymbol':
        case 'textDocument/semanticTokens/full':
          return { textDocument: td };
        case 'textDocument/formatting':
          return { textDocument: td, options: { tabSize: 2, insertSpaces: true } };
        case 'textDocument/codeAction':
          return { textDocument: td, range: { start: pos, end: doc.positionAt(doc.offsetAt(pos) + Math.floor(random() * 50)) }, context: { diagnostics: [] } };
        default:
          return { textDocument: td, position: pos };
      }
    };

    const warmup = Math.min(1000, Math.floor(options.edits / 5));
    const t0 = Date.now();
    while (result.edits < options.edits) {
      if (exited) break;
      const doc = docs.get(pick(uris))!;
      const k = random() < 0.1 ? 2 + Math.floor(random() * 3) : 1;
      const changes: TextDocumentContentChangeEvent[] = [];
      // TextDocument.update changes the document in place: successive changes are drawn on a copy.
      const scratch = TextDocument.create(doc.uri, 'ptl', doc.version, doc.getText());
      for (let i = 0; i < k; i++) {
        const c = randomChange(scratch);
        changes.push(c);
        TextDocument.update(scratch, [c], scratch.version);
      }
      await edit(doc, changes);
      result.edits++;
      if (options.verifyEvery && result.edits % options.verifyEvery === 0) {
        const s = await state();
        const server = s.documents[doc.uri];
        const client = docs.get(doc.uri)!;
        if (server?.text !== client.getText()) {
          fail('violation', 'text', `after edit ${result.edits} of ${path.basename(doc.uri)}: ${JSON.stringify(changes)}\nserver: ${JSON.stringify(server?.text.slice(0, 3000))}\nclient: ${JSON.stringify(client.getText().slice(0, 3000))}`);
          break;
        }
      }
      if (random() < 0.15) {
        const d = docs.get(pick(uris))!;
        const method = pick(METHODS);
        void request(method, paramsFor(method, d), random() < 0.25);
      }
      if (random() < 0.004) {
        // Format as an editor does on save: the edits apply to the version they were computed for.
        const d = docs.get(pick(uris))!;
        const version = d.version;
        const edits = (await conn.sendRequest('textDocument/formatting', { textDocument: { uri: d.uri }, options: { tabSize: 2, insertSpaces: true } }).catch(() => [])) as { range: any; newText: string }[];
        result.requests++;
        result.answered++;
        if (Array.isArray(edits) && edits.length && d.version === version) {
          const sorted = [...edits].sort((x, y) => d.offsetAt(y.range.start) - d.offsetAt(x.range.start));
          await edit(d, sorted.map((e) => ({ range: e.range, text: e.newText })));
          result.edits++;
        }
      }
      if (result.edits % 100 === 0) {
        await Promise.all([...pending]);
        await new Promise((r) => setImmediate(r));
      }
      if (result.edits === warmup) {
        await Promise.all([...pending]);
        const s = await state();
        result.rssBefore = s.memory.rss;
        result.heapBefore = s.memory.heapUsed;
      }
      if (result.edits % 2000 === 0) log(`${result.edits} edits, ${result.requests} requests, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
    await Promise.all([...pending]);
    // Let the debounced diagnostics run, then compare.
    await new Promise((r) => setTimeout(r, 400));
    const end = await state();
    result.rssAfter = end.memory.rss;
    result.heapAfter = end.memory.heapUsed;
    for (const [u, doc] of docs) {
      const server = end.documents[u];
      if (!server || server.text !== doc.getText() || server.version !== doc.version) {
        result.mismatches++;
        fail('violation', 'text', `${path.basename(u)}: the server holds ${server ? `version ${server.version}, ${server.text.length} characters` : 'nothing'}, the client version ${doc.version}, ${doc.getText().length} characters`);
      }
    }
    if (result.heapAfter - result.heapBefore > HEAP_GROWTH_LIMIT) fail('violation', 'memory', `heap grew from ${result.heapBefore} to ${result.heapAfter} bytes`);

    // A request made while a long analysis runs: a big document (the largest the engine
    // promises to check within a second) is changed and requested, so its analysis starts;
    // a moment later a small document is asked for. The last round cancels the big request.
    const big = Array(16).fill(seedTexts.find((t) => t.length > 5000) ?? seedTexts[0]!).join('\n').slice(0, 100 * 1024);
    const bigUri = uri('big.ptl');
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'ptl', version: 1, text: big } });
    for (let round = 0; round < 3; round++) {
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri: bigUri, version: round + 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }] });
      const source = new CancellationTokenSource();
      const sent = Date.now();
      const long = conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: bigUri } }, source.token).then(() => Date.now() - sent, () => Date.now() - sent);
      await new Promise((r) => setTimeout(r, 20));
      const asked = Date.now();
      const small = docs.get(uris[0]!)!;
      const quick = conn.sendRequest('textDocument/hover', { textDocument: { uri: small.uri }, position: { line: 0, character: 0 } }).then(() => Date.now() - asked, () => Date.now() - asked);
      if (round === 2) source.cancel();
      const [l, q] = await Promise.all([long, quick]);
      result.longAnalysisMs = Math.max(result.longAnalysisMs, l);
      result.longAnalysisLatencyMs = Math.max(result.longAnalysisLatencyMs, q);
    }
    if (result.longAnalysisLatencyMs > (options.latencyLimitMs ?? LATENCY_LIMIT_MS)) fail('hang', 'latency', `a request during a long analysis took ${result.longAnalysisLatencyMs} ms`);

    await conn.sendRequest('shutdown').catch(() => undefined);
    await conn.sendNotification('exit').catch(() => undefined);
    await new Promise((r) => setTimeout(r, 200));
  } catch (e) {
    fail('crash', 'client', e instanceof Error ? e.stack ?? e.message : String(e));
  } finally {
    if (exited && !/exit code 0/.test(exited) && failures.length === 0) fail('crash', 'server', `the server exited: ${exited}`);
    else if (exited && result.edits < options.edits) fail('crash', 'server', `the server exited early: ${exited}`);
    for (const line of logs.filter((l) => /failed|uncaught|unhandled/i.test(l))) fail('crash', 'server-log', line.slice(0, 2000));
    if (/uncaught|unhandled|Error:|at .+:\d+:\d+/i.test(stderr)) fail('crash', 'stderr', stderr.slice(0, 2000));
    conn.dispose();
    child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return result;
}
