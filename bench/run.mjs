// `npm run bench`: bundles the CLI and the server from the current sources (as
// scripts/build.mjs does, but into .bench-work/ so a parallel `npm run build` is not
// raced), packages the extension into .bench-work/ (the .vsix measured is this
// revision's), bundles the benchmark, and runs it. The table goes to stdout and to
// .bench-work/results.md; progress to stderr.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: false, logLevel: 'warning', legalComments: 'none' };
await Promise.all([
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: '.bench-work/dist/cli.js' }),
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: '.bench-work/dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/lsp/launch.ts'], outfile: '.bench-work/dist/launch.js' }),
  build({ ...common, entryPoints: ['bench/bench.ts'], outfile: '.bench-work/bench.js' }),
]);
const packaged = spawnSync(process.execPath, ['scripts/package-vsix.mjs', '--out', '.bench-work/vsix'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (packaged.status !== 0) process.exit(packaged.status ?? 2);
const result = spawnSync(process.execPath, ['.bench-work/bench.js', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 2);
