/**
 * Hostile and odd inputs (test/hostile/inputs.ts) through the engine and through
 * `node dist/cli.js check`: a located message or the bounded degradation that
 * docs/limits.md describes, never an exception, a stack trace or a hang.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { format } from '../../grammar/src/format';
import { decodeUtf8 } from '../../server/src/host/node-host';
import { indexSourceBytes } from '../../server/src/sources';
import { memoryAnalyzer } from '../support/memory-host';
import { hostileInputs, ROOT } from './inputs';

const CLI = path.join(ROOT, 'dist/cli.js');
const INPUTS = hostileInputs();
const BIG = new Set(['10mb.ptl', '10mb.txt']);
let dir: string;

beforeAll(() => {
  if (!fs.existsSync(CLI)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ptl-hostile-')));
  for (const h of INPUTS) fs.writeFileSync(path.join(dir, h.name), h.bytes);
  // A target file citing each hostile plan text.
  for (const h of INPUTS.filter((x) => x.kind === 'txt')) {
    fs.writeFileSync(path.join(dir, `cites-${h.name}.ptl`), `plan 甲 "甲" {\n  source "${h.name}"\n  period 2021..2025\n}\nindicator 乙 {\n  name "城市低保标准"\n  unit 元\n  target 700 @2025\n  cite row 1\n  cite "到2025年"\n  anticipatory\n}\n`);
  }
}, 120000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('through the engine', () => {
  for (const h of INPUTS.filter((x) => x.kind === 'ptl')) {
    it(`${h.name}: analyzed and formatted without an exception; problems located`, () => {
      const text = decodeUtf8(h.bytes);
      const started = Date.now();
      const analysis = memoryAnalyzer({}).analyze('/ws/h.ptl', text);
      for (const f of analysis.findings) {
        expect(f.range.start.line).toBeGreaterThanOrEqual(0);
        expect(f.range.start.line).toBeLessThanOrEqual(analysis.parse.lines.lineCount);
        expect(f.message.zh.length + f.message.en.length).toBeLessThan(2000);
      }
      if (!BIG.has(h.name)) {
        // (Formatting 10 MB takes about 30 s; docs/limits.md.)
        const result = format(text);
        if (analysis.parse.problems.some((p) => p.code === 'syntax-error')) expect(result.text).toBe(text);
      }
      if (!BIG.has(h.name) && h.bytes.length < 100 * 1024) expect(Date.now() - started).toBeLessThan(10000);
    }, 180000);
  }
  for (const h of INPUTS.filter((x) => x.kind === 'txt')) {
    it(`${h.name}: decoded and indexed; undecodable bytes reported at a line`, () => {
      const index = indexSourceBytes(h.bytes);
      expect(typeof index.text).toBe('string');
      for (const p of index.problems) expect(p.line).toBeGreaterThanOrEqual(1);
      if (h.name === 'nul.txt' || h.name === 'binary.txt') expect(index.encoding).toBe('binary');
      if (h.name === 'gb18030.txt') expect(index.encoding).toBe('gb18030');
      if (h.name === 'invalid-utf8.txt') expect(index.problems.length).toBeGreaterThan(0);
      if (h.name === 'utf16le-bom.txt' || h.name === 'bom-crlf.txt') expect(index.tables.length).toBeGreaterThan(0);
    }, 60000);
  }
});

describe('through ptl check', () => {
  const check = (name: string) => {
    const r = spawnSync(process.execPath, [CLI, 'check', name, '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30, timeout: 170000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
  };
  const names = [...INPUTS.filter((x) => x.kind === 'ptl').map((x) => x.name), ...INPUTS.filter((x) => x.kind === 'txt').map((x) => `cites-${x.name}.ptl`)];
  for (const name of names) {
    it(`${name}: exit 0 or 1 with located findings, no stack trace`, () => {
      const r = check(name);
      expect(r.signal).toBeNull();
      expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+|internal error|内部错误/);
      expect([0, 1]).toContain(r.status);
      const json = JSON.parse(r.stdout) as { findings: { line: number; column: number }[] };
      for (const f of json.findings) expect(f.line).toBeGreaterThanOrEqual(1);
    }, 180000);
  }

  it('a file above the 16 MB read limit exits 2 with a message, no stack trace', () => {
    fs.writeFileSync(path.join(dir, 'huge.ptl'), Buffer.alloc(17 * 1024 * 1024, 0x20));
    const r = check('huge.ptl');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/无法读取|cannot read/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a directory named .ptl and an unreadable file exit 2 with a message', () => {
    fs.mkdirSync(path.join(dir, 'folder.ptl'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'folder.ptl', 'inner.ptl'), 'plan 甲 "甲" {}\n');
    const r = check('folder.ptl');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect([0, 1, 2]).toContain(r.status);
  });
});
