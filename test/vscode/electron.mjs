#!/usr/bin/env node
// The same mocha suite through @vscode/test-electron's runTests(). Here (no download of VS Code
// possible) it runs in code-server through code-electron-shim.cjs; with REAL_VSCODE=1 on a
// machine with internet, runTests downloads and runs the real desktop VS Code instead.
// Needs what `node test/vscode/run.mjs` prepares (.test-work/vsix-unpacked, test/vscode/out).
import { runTests } from '@vscode/test-electron';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const extensionDevelopmentPath = join(root, '.test-work/vsix-unpacked/extension');
const extensionTestsPath = join(here, 'out/index');
if (!existsSync(extensionDevelopmentPath) || !existsSync(`${extensionTestsPath}.js`)) {
  console.error('run `node test/vscode/run.mjs` once first (it packages and unpacks the .vsix and bundles the suite)');
  process.exit(2);
}
const ws = join(root, '.test-work/ws-electron');
rmSync(ws, { recursive: true, force: true });
cpSync(join(here, 'fixtures/workspace'), ws, { recursive: true });
process.env.CODE_SERVER ??= join(root, '.test-work/code-server/node_modules/.bin/code-server');
process.env.ARTIFACTS ??= join(root, '.test-work');
try {
  await runTests({
    ...(process.env.REAL_VSCODE ? {} : { vscodeExecutablePath: join(here, 'code-electron-shim.cjs') }),
    extensionDevelopmentPath,
    extensionTestsPath,
    launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust'],
  });
  console.log('test-electron: suite passed');
} catch (e) {
  console.error('test-electron: suite failed', e instanceof Error ? e.message : e);
  process.exit(1);
}
