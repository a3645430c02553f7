// Bundles the CLI, the language server and the VS Code extension with esbuild:
// one self-contained file each, so neither the package nor the .vsix needs node_modules.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync } from 'node:fs';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', legalComments: 'none' };
const production = process.argv.includes('--production');

const entries = [
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/lsp/launch.ts'], outfile: 'dist/launch.js' },
];
if (existsSync('client/src/extension.ts')) {
  entries.push(
    { entryPoints: ['client/src/extension.ts'], outfile: 'client/dist/extension.js', external: ['vscode'] },
    { entryPoints: ['server/src/lsp/main.ts'], outfile: 'client/dist/server.js' },
    { entryPoints: ['server/src/lsp/launch.ts'], outfile: 'client/dist/launch.js' },
  );
}
await Promise.all(entries.filter((e) => existsSync(e.entryPoints[0])).map((e) => build({ ...common, minify: production, ...e })));

if (existsSync('client/package.json')) {
  mkdirSync('client/syntaxes', { recursive: true });
  cpSync('grammar/syntaxes/ptl.tmLanguage.json', 'client/syntaxes/ptl.tmLanguage.json');
  cpSync('grammar/language-configuration.json', 'client/language-configuration.json');
  // ptl.config.json gets completion and validation in VS Code from the generated schema.
  mkdirSync('client/schemas', { recursive: true });
  cpSync('schemas/ptl.config.schema.json', 'client/schemas/ptl.config.schema.json');
}
