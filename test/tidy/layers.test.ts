/**
 * The layer invariants of the README, enforced: each layer imports only what it may.
 * A failure names the file and the import that breaks the rule.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

function files(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]|require\(['"]([^'"]+)['"]\)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

const PURE = ['grammar/src', 'server/src/analysis', 'server/src/sources', 'server/src/config'];

const rules: { layer: string; forbid: (spec: string, file: string) => boolean; why: string }[] = [
  { layer: 'grammar/src', forbid: (s) => !s.startsWith('.') && s !== 'chevrotain', why: 'the syntax layer depends on chevrotain only' },
  { layer: 'grammar/src', forbid: (s, f) => s.startsWith('.') && !join(f, '..', s).startsWith('grammar'), why: 'the syntax layer imports nothing above it' },
  ...PURE.map((layer) => ({
    layer,
    forbid: (s: string) => /^(node:)?(fs|child_process|net|http|https|worker_threads|os)$/.test(s) || s.startsWith('vscode'),
    why: 'the engine does no I/O and knows no protocol',
  })),
  ...PURE.map((layer) => ({
    layer,
    forbid: (s: string, f: string) => s.startsWith('.') && /server\/src\/(lsp|cli|host)\b/.test(join(f, '..', s)),
    why: 'the engine does not depend on its adapters',
  })),
  { layer: 'server/src/cli', forbid: (s) => s.startsWith('vscode-languageserver'), why: 'only the language server speaks LSP' },
  { layer: 'server/src/analysis', forbid: (s, f) => s.startsWith('.') && join(f, '..', s).startsWith('client'), why: 'the engine does not depend on the extension' },
];

it.each(rules.map((r) => [`${r.layer}: ${r.why}`, r] as const))('%s', (_, rule) => {
  const offending = files(rule.layer).flatMap((file) => imports(file).filter((spec) => rule.forbid(spec, file)).map((spec) => `${relative(root, join(root, file))} imports ${spec}`));
  expect(offending).toEqual([]);
});

it('the pure layers never touch process', () => {
  const code = (file: string) => readFileSync(join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
  const offending = PURE.flatMap(files).filter((file) => /\bprocess\.(env|cwd|argv|exit|stdout|stderr)/.test(code(file)));
  expect(offending).toEqual([]);
});
