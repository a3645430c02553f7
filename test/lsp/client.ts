/**
 * Drives the built server (dist/server.js) over stdio JSON-RPC as an editor does.
 * Each test gets a temp workspace folder; notifications are collected so tests
 * can await the diagnostics the server pushes instead of sleeping.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const ROOT = path.resolve(__dirname, '../..');
export const SERVER = path.join(ROOT, 'dist/server.js');
export const SEED = '001_274d81b69c494f30.txt';

export interface Session {
  conn: MessageConnection;
  child: ChildProcess;
  dir: string;
  uri(name: string): string;
  diagnostics(name: string, predicate?: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  stderr(): string;
  logs: string[];
  open(name: string, text: string, version?: number): void;
  /** Shuts the server down as an editor does and waits for its process to end. */
  close(): Promise<void>;
}

export interface Options {
  locale?: string;
  files?: Record<string, string>;
  env?: Record<string, string>;
  pull?: boolean;
  initializationOptions?: unknown;
  /** The script to start: dist/server.js unless given (dist/launch.js starts it from a code cache). */
  server?: string;
}

export async function start(options: Options = {}): Promise<Session> {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ptl-lsp-')));
  fs.copyFileSync(path.join(ROOT, 'seeds', SEED), path.join(dir, SEED));
  for (const [name, text] of Object.entries(options.files ?? {})) fs.writeFileSync(path.join(dir, name), text);
  const child = spawn(process.execPath, [options.server ?? SERVER, '--stdio'], { env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err += String(d)));
  const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: Array<{ uri: string; predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  const logs: string[] = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.predicate(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  conn.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/diagnostic/refresh', () => null);
  conn.listen();
  const uri = (name: string) => pathToFileURL(path.join(dir, name)).href;
  await conn.sendRequest('initialize', {
    processId: process.pid,
    locale: options.locale ?? 'zh-CN',
    rootUri: pathToFileURL(dir).href,
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
    initializationOptions: options.initializationOptions,
    capabilities: {
      workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true, ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}) },
      textDocument: {
        hover: { contentFormat: ['markdown'] },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
      },
    },
  });
  await conn.sendNotification('initialized', {});
  return {
    conn,
    child,
    dir,
    uri,
    logs,
    stderr: () => err,
    diagnostics(name, predicate = () => true) {
      const u = uri(name);
      const seen = published.filter((p) => p.uri === u && predicate(p)).at(-1);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${name}`)), 10000);
        waiters.push({ uri: u, predicate, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
    },
    open(name, text, version = 1) {
      void conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(name), languageId: 'ptl', version, text } });
    },
    async close() {
      const ended = new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
      try {
        await conn.sendRequest('shutdown');
        await conn.sendNotification('exit');
        await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 5000))]);
      } catch {
        // already gone
      }
      conn.dispose();
      child.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Splits a fixture at its `<|>` marker: the text without it and the cursor position. */
export function marked(text: string): { text: string; position: { line: number; character: number } } {
  const at = text.indexOf('<|>');
  const clean = text.slice(0, at) + text.slice(at + 3);
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  return { text: clean, position: { line, character: before.length - (before.lastIndexOf('\n') + 1) } };
}
