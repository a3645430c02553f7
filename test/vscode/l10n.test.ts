// Runs under vitest (npm test), not in VS Code: every runtime string of the extension
// (vscode.l10n.t('…') in client/src) has a Chinese translation in client/l10n, and the
// bundle holds no stale keys.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const client = join(__dirname, '../../client');

function runtimeStrings(): Set<string> {
  const found = new Set<string>();
  for (const f of readdirSync(join(client, 'src')).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(client, 'src', f), 'utf8');
    for (const m of text.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) found.add(m[1]!.replace(/\\'/g, "'"));
  }
  return found;
}

describe('client l10n bundle', () => {
  const bundle = JSON.parse(readFileSync(join(client, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
  const strings = runtimeStrings();

  it('finds the runtime strings', () => {
    expect(strings.size).toBeGreaterThan(10);
  });

  it('translates every runtime string to Chinese, with the same placeholders', () => {
    for (const s of strings) {
      expect(bundle[s], s).toBeTypeOf('string');
      const holes = (t: string) => [...t.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
      expect(holes(bundle[s]!), s).toEqual(holes(s));
    }
  });

  it('has no stale keys', () => {
    expect(Object.keys(bundle).filter((k) => !strings.has(k))).toEqual([]);
  });

  it('every command the manifest contributes is registered by the extension', () => {
    const manifest = JSON.parse(readFileSync(join(client, 'package.json'), 'utf8'));
    const source = readdirSync(join(client, 'src')).map((f) => readFileSync(join(client, 'src', f), 'utf8')).join('\n');
    for (const c of manifest.contributes.commands as { command: string }[]) expect(source, c.command).toContain(`registerCommand('${c.command}'`);
  });
});
