// Packages the VS Code extension: a production (minified) esbuild bundle of the client and the
// server, the rule docs, then `vsce package --no-dependencies` in client/ (no node_modules inside).
// Usage: node scripts/package-vsix.mjs [--out DIR]   -> DIR/ptl-vscode-<version>.vsix (default: repo root)
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const client = join(root, 'client');
const outIndex = process.argv.indexOf('--out');
const outDir = resolve(outIndex > 0 ? process.argv[outIndex + 1] : root);
const manifest = JSON.parse(readFileSync(join(client, 'package.json'), 'utf8'));
const vsix = join(outDir, `${manifest.name}-${manifest.version}.vsix`);
const t0 = Date.now();

execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--production'], { cwd: root, stdio: 'inherit' });
for (const f of ['dist/extension.js', 'dist/server.js', 'dist/launch.js', 'syntaxes/ptl.tmLanguage.json', 'language-configuration.json']) {
  if (!existsSync(join(client, f))) throw new Error(`build did not produce client/${f}`);
}
// "Explain a rule" opens the rule's page from the package.
rmSync(join(client, 'docs'), { recursive: true, force: true });
mkdirSync(join(client, 'docs/rules'), { recursive: true });
for (const f of readdirSync(join(root, 'docs/rules')).filter((f) => f.endsWith('.md'))) cpSync(join(root, 'docs/rules', f), join(client, 'docs/rules', f));

mkdirSync(outDir, { recursive: true });
const require = createRequire(import.meta.url);
const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--no-update-package-json', '--out', vsix], { cwd: client, stdio: 'inherit' });
const list = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: client, encoding: 'utf8' }).trim().split('\n');
if (list.some((f) => f.includes('node_modules/'))) throw new Error('node_modules inside the .vsix');
const size = statSync(vsix).size;
console.log(`${vsix}: ${(size / 1024).toFixed(0)} KiB, ${list.length} files, packaged in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
