/**
 * Running the bundled CLI as a child process, and golden files.
 *
 * The CLI is bundled once per test process from the current source, with the same
 * esbuild options as `scripts/build.mjs`, into `.test-work/cli/dist/cli.js`: tests
 * exercise what `npm run build` ships without racing a parallel `npm run build`
 * for `dist/` or running a stale bundle.
 *
 * Goldens live in `test/cli/goldens/`; `UPDATE_GOLDEN=1 npx vitest run test/cli`
 * rewrites them.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';

export const ROOT = path.resolve(__dirname, '../..');
export const WORK = path.join(ROOT, '.test-work', 'cli');
export const FIXTURES = path.join(__dirname, 'fixtures', 'workspace');
export const GOLDENS = path.join(__dirname, 'goldens');
export const CLI = path.join(WORK, 'dist', 'cli.js');

let built: Promise<void> | undefined;

export function buildCli(): Promise<void> {
  built ??= (async () => {
    const { build } = await import('esbuild');
    await build({
      entryPoints: [path.join(ROOT, 'server/src/cli/main.ts')],
      outfile: CLI,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: true,
      logLevel: 'silent',
      legalComments: 'none',
    });
  })();
  return built;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function ptl(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', PTL_LOCALE: 'zh-CN', ...options.env };
  delete env['LANG'];
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? FIXTURES, env, encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Makes output independent of where the checkout lives. */
export function normalize(text: string, cwd: string): string {
  const dirUri = pathToFileURL(cwd).href.replace(/\/?$/, '/');
  return text.split(dirUri).join('file:///WORKSPACE/').split(cwd).join('<WORKSPACE>');
}

/**
 * Compares with a golden file. A missing golden is written (and the test passes) outside CI,
 * or anywhere with `createIfMissing` (the seeds' goldens: the seeds are still being written);
 * in CI a missing fixture golden fails.
 */
export function expectGolden(name: string, actual: string, options: { createIfMissing?: boolean } = {}): void {
  const file = path.join(GOLDENS, name);
  if (process.env['UPDATE_GOLDEN'] || !fs.existsSync(file)) {
    if (!process.env['UPDATE_GOLDEN'] && process.env['CI'] && !options.createIfMissing) throw new Error(`golden file ${name} is missing; run UPDATE_GOLDEN=1 npx vitest run test/cli and commit it`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  expect(actual, `golden ${name} (UPDATE_GOLDEN=1 rewrites it)`).toBe(fs.readFileSync(file, 'utf8'));
}

export function tempCopy(name: string, files: string[]): string {
  fs.mkdirSync(WORK, { recursive: true });
  const dir = fs.mkdtempSync(path.join(WORK, `${name}-`));
  for (const f of files) fs.copyFileSync(path.join(FIXTURES, f), path.join(dir, f));
  return dir;
}
