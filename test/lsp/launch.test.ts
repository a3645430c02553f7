/**
 * dist/launch.js starts the server from a V8 code cache: the first start writes it, the
 * next uses it, a damaged one is rejected and rewritten, and a cache that cannot be
 * written costs nothing but the cache. In every case the server answers the same.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, start } from './client';

const LAUNCHER = path.join(ROOT, 'dist/launch.js');
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptl-code-cache-'));
afterAll(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

const TEXT = 'indicator 甲 {\n  name "低保标准"\n  unit 元\n  target >= 700 @2025\n}\n';

/** Starts the launcher, waits for the diagnostics of one file, shuts down; what the cache did, and the diagnostics. */
async function session(dir: string) {
  const s = await start({ server: LAUNCHER, env: { PTL_CODE_CACHE_DIR: dir, PTL_CODE_CACHE_DEBUG: '1' } });
  s.open('a.ptl', TEXT);
  const published = await s.diagnostics('a.ptl');
  await s.close();
  const events = s.stderr().split('\n').filter((l) => l.startsWith('[ptl] code cache: ')).map((l) => l.slice('[ptl] code cache: '.length).replace(/\d+ bytes/, 'N bytes'));
  return { events, diagnostics: published.diagnostics.map((d) => `${d.range.start.line}:${d.code}`) };
}

const caches = () => fs.readdirSync(cacheDir).filter((f) => f.endsWith('.v8cache'));

describe('the code-cached launcher', () => {
  it('writes the cache on the first start, uses it on the next, and answers the same', async () => {
    const first = await session(cacheDir);
    expect(first.events).toEqual(['none', 'written (N bytes)']);
    expect(first.diagnostics).toEqual(['0:missing-attribute']);
    expect(caches()).toHaveLength(1);
    const second = await session(cacheDir);
    expect(second.events).toEqual(['used']);
    expect(second.diagnostics).toEqual(first.diagnostics);
  });

  it('rejects a damaged cache, still serves, and writes a good one', async () => {
    const file = path.join(cacheDir, caches()[0]!);
    fs.writeFileSync(file, Buffer.alloc(4096, 7));
    const damaged = await session(cacheDir);
    expect(damaged.events).toEqual(['rejected', 'written (N bytes)']);
    expect(damaged.diagnostics).toEqual(['0:missing-attribute']);
    expect((await session(cacheDir)).events).toEqual(['used']);
  });

  it('serves without a cache when its folder cannot be made', async () => {
    const blocked = path.join(cacheDir, 'a-file');
    fs.writeFileSync(blocked, '');
    const result = await session(path.join(blocked, 'cache'));
    expect(result.events).toEqual(['none', 'not written']);
    expect(result.diagnostics).toEqual(['0:missing-attribute']);
  });

  it('keeps one cache per folder: another build’s is removed when this one is written', async () => {
    const dir = fs.mkdtempSync(path.join(cacheDir, 'builds-'));
    fs.writeFileSync(path.join(dir, 'server-1-2-v0.v8cache'), 'old build');
    await session(dir);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.v8cache'))).toHaveLength(1);
    expect(fs.existsSync(path.join(dir, 'server-1-2-v0.v8cache'))).toBe(false);
  });
});
