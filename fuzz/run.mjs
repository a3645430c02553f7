#!/usr/bin/env node
// `npm run fuzz`: builds the server (dist/server.js), bundles the fuzzer with esbuild
// and runs it. Arguments pass through: --time SECONDS, --seed N, --soak-edits N,
// --no-soak, --no-engine. See fuzz/README.md.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
if (!args.includes('--no-build')) {
  const b = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(2);
}
const outdir = join(root, 'node_modules', '.cache', 'ptl-fuzz');
mkdirSync(outdir, { recursive: true });
const outfile = join(outdir, 'run.cjs');
await build({ entryPoints: [join(root, 'fuzz', 'run.ts')], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'inline', logLevel: 'warning' });
const run = spawnSync(process.execPath, ['--enable-source-maps', outfile, '--root', root, ...args.filter((a) => a !== '--no-build')], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 2);
