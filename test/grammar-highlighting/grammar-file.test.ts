/**
 * The committed grammar is what build-grammar.ts makes of the keyword table, and
 * every regex in it compiles in VS Code's Oniguruma.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as oniguruma from 'vscode-oniguruma';
import { grammarText } from '../../grammar/syntaxes/build-grammar';
import { GRAMMAR_PATH, loadGrammar, tokenize } from './tokenize';

if (process.env['PTL_UPDATE_GRAMMAR'] === '1') writeFileSync(GRAMMAR_PATH, grammarText());

function regexes(node: unknown, path = '$'): Array<{ path: string; source: string }> {
  if (Array.isArray(node)) return node.flatMap((item, i) => regexes(item, `${path}[${i}]`));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    (key === 'match' || key === 'begin' || key === 'end' || key === 'while') && typeof value === 'string'
      ? [{ path: `${path}.${key}`, source: value }]
      : regexes(value, `${path}.${key}`),
  );
}

describe('ptl.tmLanguage.json', () => {
  const committed = readFileSync(GRAMMAR_PATH, 'utf8');

  it('is up to date with build-grammar.ts and keywords.ts (PTL_UPDATE_GRAMMAR=1 npx vitest run test/grammar-highlighting)', () => {
    expect(committed).toBe(grammarText());
  });

  it('is named source.ptl and parses as JSON', () => {
    const grammar = JSON.parse(committed) as { scopeName: string; name: string };
    expect(grammar.scopeName).toBe('source.ptl');
    expect(grammar.name).toBe('PTL');
  });

  it('has only regexes that Oniguruma compiles', async () => {
    await loadGrammar(); // loads the WebAssembly
    const all = regexes(JSON.parse(committed));
    expect(all.length).toBeGreaterThan(30);
    for (const { path, source } of all) {
      expect(() => new oniguruma.OnigScanner([source]).dispose(), path).not.toThrow();
    }
  });

  it('has every include resolve to a repository entry', () => {
    const grammar = JSON.parse(committed) as { repository: Record<string, unknown> };
    const includes = [...committed.matchAll(/"include": "#([^"]+)"/g)].map((m) => m[1]!);
    for (const name of includes) expect(grammar.repository, name).toHaveProperty([name]);
  });

  // A regex tried at every letter of a long word makes this quadratic: it would hit the test's timeout.
  it('tokenizes very long lines to the end', async () => {
    const grammar = await loadGrammar();
    const lines = ['a'.repeat(20000), '许'.repeat(20000), '目标值'.repeat(7000), '省意见.'.repeat(5000), '约束性 55% '.repeat(2000)];
    for (const line of lines) expect(tokenize(grammar, line).at(-1)?.end).toBe(line.length);
  });
});
