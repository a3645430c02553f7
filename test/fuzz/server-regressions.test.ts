/**
 * Language-server regressions found by the soak (npm run fuzz): the built server
 * driven over stdio with a client that advertises less than VS Code does.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { beforeAll, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { ROOT, SERVER } from '../lsp/client';

beforeAll(() => {
  if (!fs.existsSync(SERVER)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
}, 120000);

async function session(capabilities: object, initializationOptions?: object) {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ptl-fuzz-lsp-')));
  fs.writeFileSync(path.join(dir, 'broken.ptl'), 'indicator 甲 {\n  unit %\n  target >= @2025\n');
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const logs: string[] = [];
  const published: string[] = [];
  conn.onNotification('window/logMessage', (p: { message: string }) => void logs.push(p.message));
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string }) => void published.push(p.uri));
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities, initializationOptions });
  await conn.sendNotification('initialized', {});
  return {
    conn,
    dir,
    logs,
    published,
    stderr: () => stderr,
    async close() {
      await conn.sendRequest('shutdown').catch(() => undefined);
      await conn.sendNotification('exit').catch(() => undefined);
      conn.dispose();
      child.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

it('a client without workspaceFolders support still gets the workspace scanned and checked (initialized threw)', async () => {
  const s = await session({});
  try {
    const uri = pathToFileURL(path.join(s.dir, 'broken.ptl')).href;
    for (let i = 0; i < 100 && !s.published.includes(uri); i++) await new Promise((r) => setTimeout(r, 50));
    expect(s.published).toContain(uri);
    expect(s.logs.filter((l) => /failed/.test(l))).toEqual([]);
  } finally {
    await s.close();
  }
});

it('ptl/test/state answers only when initializationOptions.testing is set', async () => {
  const off = await session({});
  try {
    await expect(off.conn.sendRequest('ptl/test/state', {})).rejects.toThrow(/testing/);
  } finally {
    await off.close();
  }
  const on = await session({}, { testing: true });
  try {
    const uri = pathToFileURL(path.join(on.dir, 'x.ptl')).href;
    await on.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ptl', version: 3, text: 'plan 甲 {}\n' } });
    const state = (await on.conn.sendRequest('ptl/test/state', {})) as { documents: Record<string, { version: number; text: string }>; memory: { rss: number } };
    expect(state.documents[uri]).toEqual({ version: 3, text: 'plan 甲 {}\n' });
    expect(state.memory.rss).toBeGreaterThan(0);
  } finally {
    await on.close();
  }
});
