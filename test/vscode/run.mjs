#!/usr/bin/env node
// The VS Code tests, end to end, in one command:
//   1. code-server 4.100.3 (VS Code 1.100.3) into .test-work/code-server (cached),
//   2. the .vsix (scripts/package-vsix.mjs), unpacked: the suite runs against the packaged bits,
//   3. the mocha suite (test/vscode/suite) in code-server's extension host (must pass),
//   4. the restricted-mode suite (folder opened untrusted), then the negative control (must FAIL: proves a broken harness cannot report success),
//   5. the UI smoke: the .vsix installed with --install-extension, a real workbench in headless
//      Chromium, screenshots in .test-work/screenshots/.
// Exits non-zero when anything fails. Needs Debian packages chromium, libkrb5-dev, ripgrep.
// Environment: SKIP_PACKAGE=1 reuses the .vsix; ONLY=suite|ui; TEST_TIMEOUT_MS (per run);
// UPDATE_SCREENSHOT=1 copies the dashboard screenshot into client/images/ for the README.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const work = join(root, '.test-work');
const csDir = join(work, 'code-server');
const shots = join(work, 'screenshots');
const manifest = JSON.parse(readFileSync(join(root, 'client/package.json'), 'utf8'));
const vsix = join(work, `${manifest.name}-${manifest.version}.vsix`);
const only = process.env.ONLY;
const t0 = Date.now();
const timings = [];
const step = (name, fn) => {
  const s = Date.now();
  console.log(`\n== ${name}`);
  const r = fn();
  timings.push([name, (Date.now() - s) / 1000]);
  return r;
};
const node = (args, opts = {}) => spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root, ...opts });

if (!existsSync('/usr/bin/chromium') && !process.env.CHROMIUM) {
  console.error('needs Debian chromium (apt-get install -y chromium libkrb5-dev ripgrep)');
  process.exit(1);
}
if (!only || only === 'ui') rmSync(shots, { recursive: true, force: true }); // no stale screenshots
mkdirSync(shots, { recursive: true });

step('code-server', () => execFileSync('bash', [join(here, 'install-code-server.sh'), csDir], { stdio: 'inherit', timeout: 10 * 60_000 }));
process.env.CODE_SERVER = join(csDir, 'node_modules/.bin/code-server');

if (!process.env.SKIP_PACKAGE || !existsSync(vsix)) {
  step('package', () => execFileSync(process.execPath, [join(root, 'scripts/package-vsix.mjs'), '--out', work], { stdio: 'inherit', cwd: root, timeout: 5 * 60_000 }));
}
const unpacked = join(work, 'vsix-unpacked');
step('unpack + bundle the suite + fixture workspace', () => {
  rmSync(unpacked, { recursive: true, force: true });
  execFileSync('python3', ['-m', 'zipfile', '-e', vsix, unpacked]);
  return build({
    entryPoints: ['index', 'extension.suite', 'restricted.suite', 'negative.suite'].map((f) => join(here, 'suite', `${f}.ts`)),
    outdir: join(here, 'out'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
});
const extPath = join(unpacked, 'extension');

function freshWorkspace(name) {
  const ws = join(work, name);
  rmSync(ws, { recursive: true, force: true });
  cpSync(join(here, 'fixtures/workspace'), ws, { recursive: true });
  return ws;
}

let failed = false;
const runner = join(here, 'run-in-code-server.cjs');
if (!only || only === 'suite') {
  const r = step('mocha suite in VS Code (code-server)', () =>
    node([runner, extPath, join(here, 'out/index'), freshWorkspace('ws-suite')], { env: { ...process.env, PORT: '8932', ARTIFACTS: work }, timeout: 5 * 60_000 }));
  if (r.status !== 0) { failed = true; console.error(`mocha suite FAILED (exit ${r.status})`); }
  const t = step('restricted-mode suite (untrusted folder)', () =>
    node([runner, extPath, join(here, 'out/index'), freshWorkspace('ws-restricted')], { env: { ...process.env, PORT: '8932', ARTIFACTS: join(work, 'restricted'), PTL_TEST_SUITE: 'restricted', UNTRUSTED: '1' }, timeout: 5 * 60_000 }));
  if (t.status !== 0) { failed = true; console.error(`restricted-mode suite FAILED (exit ${t.status})`); }
  const n = step('negative control (must fail)', () =>
    node([runner, extPath, join(here, 'out/index'), freshWorkspace('ws-negative')], { env: { ...process.env, PORT: '8932', ARTIFACTS: join(work, 'negative'), PTL_TEST_SUITE: 'negative' }, timeout: 5 * 60_000 }));
  if (n.status === 0) { failed = true; console.error('negative control PASSED: the harness does not report failures'); }
  else console.log(`negative control failed as it must (exit ${n.status})`);
}
if (!only || only === 'ui') {
  const u = step('UI smoke (vsix installed, Chromium, screenshots)', () =>
    node([join(here, 'ui-smoke.cjs'), vsix, freshWorkspace('ws-ui')], { env: { ...process.env, PORT: '8933', ARTIFACTS: shots }, timeout: 5 * 60_000 }));
  if (u.status !== 0) { failed = true; console.error(`UI smoke FAILED (exit ${u.status})`); }
  else if (process.env.UPDATE_SCREENSHOT) cpSync(join(shots, 'ui-dashboard.png'), join(root, 'client/images/screenshot-dashboard.png'));
}
console.log('\n== timings');
for (const [name, s] of timings) console.log(`${s.toFixed(1).padStart(7)} s  ${name}`);
console.log(`${((Date.now() - t0) / 1000).toFixed(1).padStart(7)} s  total`);
console.log(failed ? '\nVS Code tests FAILED' : '\nVS Code tests passed');
process.exit(failed ? 1 : 0);
