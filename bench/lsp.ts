/**
 * A minimal LSP client over stdio for the benchmark (vscode-jsonrpc, as test/lsp does):
 * spawn a server, initialize it with one workspace folder, open documents, send edits
 * and wait for the diagnostics they cause, time requests, read the server's RSS.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export interface Published {
  uri: string;
  version?: number;
  diagnostics: unknown[];
  at: number;
}

export class LspClient {
  readonly conn: MessageConnection;
  readonly child: ChildProcess;
  /** The last diagnostics published for each URI: an editor keeps no more, and keeping every set would make this client's own collector the slowest part of a measured edit. */
  readonly latest = new Map<string, Published>();
  private readonly waiters: Array<{ test: (p: Published) => boolean; resolve: (p: Published) => void }> = [];
  readonly spawnedAt = performance.now();
  stderr = '';

  constructor(command: string[], options: { env?: NodeJS.ProcessEnv; settings?: unknown } = {}) {
    this.child = spawn(process.execPath, command, { env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (d) => (this.stderr += String(d)));
    this.conn = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: unknown[] }) => {
      const entry = { ...p, at: performance.now() };
      this.latest.set(p.uri, entry);
      for (const w of [...this.waiters]) {
        if (w.test(entry)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(entry);
        }
      }
    });
    this.conn.onNotification(() => undefined);
    this.conn.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) => p.items.map((i) => (i.section === 'yaml' ? (options.settings as { yaml?: unknown })?.yaml ?? null : (options.settings as Record<string, unknown> | undefined)?.[i.section ?? ''] ?? null)));
    this.conn.onRequest(() => null);
    this.conn.listen();
  }

  async initialize(folder: string, initializationOptions?: unknown): Promise<void> {
    const uri = pathToFileURL(folder).href;
    await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: 'bench' }],
      initializationOptions,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false }, workspaceFolders: true },
        textDocument: {
          synchronization: { didSave: false },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: false } },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
        },
      },
    });
    await this.conn.sendNotification('initialized', {});
  }

  /** The next diagnostics published that pass test. */
  diagnostics(test: (p: Published) => boolean, timeoutMs = 120_000): Promise<Published> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no diagnostics in time')), timeoutMs);
      this.waiters.push({ test, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  open(uri: string, text: string, languageId: string, version = 1): void {
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): void {
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  /** Resident memory of the server process, from /proc/<pid>/status (VmRSS), in MB. */
  rssMB(): number | undefined {
    try {
      const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
      return Number.isFinite(kb) ? kb / 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  /** Shuts the server down as an editor does, waiting (up to 2 s) for it to end: it may write caches on its way out. */
  async close(): Promise<void> {
    const ended = new Promise((resolve) => (this.child.exitCode !== null ? resolve(undefined) : this.child.once('exit', resolve)));
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification('exit');
      await Promise.race([ended, new Promise((r) => setTimeout(r, 2000))]);
    } catch {
      // gone already
    }
    this.conn.dispose();
    this.child.kill();
  }
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
