/**
 * Tokenizing with VS Code's own TextMate engine (vscode-textmate on the
 * vscode-oniguruma WebAssembly build), so the tests see what the editor shows.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';

export const GRAMMAR_PATH = fileURLToPath(new URL('../../grammar/syntaxes/ptl.tmLanguage.json', import.meta.url));

export interface Token {
  /** Zero-based line. */
  line: number;
  /** UTF-16 offsets into the whole text, end exclusive. */
  start: number;
  end: number;
  text: string;
  /** Innermost last; `source.ptl` first. */
  scopes: string[];
}

let grammarPromise: Promise<IGrammar> | undefined;

/** The grammar as VS Code loads it; `grammarJson` defaults to the committed file. */
export function loadGrammar(grammarJson?: string): Promise<IGrammar> {
  if (grammarJson === undefined && grammarPromise) return grammarPromise;
  const promise = (async () => {
    const onigLib = loadOniguruma();
    const registry = new Registry({
      onigLib,
      loadGrammar: async (scopeName) =>
        scopeName === 'source.ptl' ? parseRawGrammar(grammarJson ?? readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
    });
    const grammar = await registry.loadGrammar('source.ptl');
    if (!grammar) throw new Error('source.ptl did not load');
    return grammar;
  })();
  if (grammarJson === undefined) grammarPromise = promise;
  return promise;
}

let onigPromise: Promise<{ createOnigScanner(p: string[]): oniguruma.OnigScanner; createOnigString(s: string): oniguruma.OnigString }> | undefined;

function loadOniguruma() {
  onigPromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    };
  })();
  return onigPromise;
}

/** Every token of `text`, line by line as the editor tokenizes it (LF, CRLF or CR). */
export function tokenize(grammar: IGrammar, text: string): Token[] {
  const tokens: Token[] = [];
  let state = INITIAL;
  let offset = 0;
  const lines = text.split(/(\r\n|\r|\n)/);
  for (let i = 0, line = 0; i < lines.length; i += 2, line++) {
    const content = lines[i]!;
    const result = grammar.tokenizeLine(content, state);
    state = result.ruleStack;
    for (const t of result.tokens) {
      const end = Math.min(t.endIndex, content.length);
      if (end <= t.startIndex) continue;
      tokens.push({ line, start: offset + t.startIndex, end: offset + end, text: content.slice(t.startIndex, end), scopes: t.scopes });
    }
    offset += content.length + (lines[i + 1]?.length ?? 0);
  }
  return tokens;
}

/** Whether `scopes` holds `selector` as a TextMate scope selector reads it (prefix by segments). */
export function hasScope(scopes: readonly string[], selector: string): boolean {
  return scopes.some((s) => s === selector || s.startsWith(`${selector}.`));
}

/** A keyword as a theme sees one: declarations, fields, attributes, citations, comparisons. Unit atoms are not keywords. */
export function isKeywordScope(scope: string): boolean {
  return (scope.startsWith('keyword.') || scope.startsWith('storage.type.')) && !scope.startsWith('keyword.other.unit') && !scope.startsWith('keyword.operator.arithmetic');
}

export function hasKeywordScope(scopes: readonly string[]): boolean {
  return scopes.some(isKeywordScope);
}

/** The tokens that overlap [start, end). */
export function tokensIn(tokens: readonly Token[], start: number, end: number): Token[] {
  return tokens.filter((t) => t.start < end && t.end > start);
}
