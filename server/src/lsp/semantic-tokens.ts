/**
 * Semantic tokens sent as a change from the last result (LSP `full/delta`). On a
 * plan of thousands of indicators the encoded tokens are hundreds of thousands of
 * numbers, and an edit changes a handful of them: one edit — the span between the
 * common prefix and suffix — is what the client reads instead.
 *
 * Result ids count up per server, so a result the client never saw (a cancelled
 * request) cannot be mistaken for one it holds: an unknown id gets the full tokens.
 */
import type { SemanticTokens, SemanticTokensDelta } from 'vscode-languageserver/node';
import { TOKEN_MODIFIERS, TOKEN_TYPES, type SemanticToken, type TokenModifier, type TokenType } from '../analysis/features';

const TYPE_INDEX = Object.fromEntries(TOKEN_TYPES.map((t, i) => [t, i])) as Record<TokenType, number>;
const MODIFIER_BITS = Object.fromEntries(TOKEN_MODIFIERS.map((m, i) => [m, 1 << i])) as Record<TokenModifier, number>;

/**
 * Tokens in text order as the protocol sends them: five numbers each, the position
 * relative to the token before. Written straight into an array of the final length: vscode-languageserver's
 * builder took longer than computing the tokens on a large plan.
 */
export function encodeTokens(tokens: readonly SemanticToken[]): number[] {
  const data = new Array<number>(tokens.length * 5).fill(0);
  let line = 0;
  let character = 0;
  let k = 0;
  for (const t of tokens) {
    let bits = 0;
    for (const m of t.modifiers) bits |= MODIFIER_BITS[m];
    data[k++] = t.line - line;
    data[k++] = t.line === line ? t.character - character : t.character;
    data[k++] = t.length;
    data[k++] = TYPE_INDEX[t.type];
    data[k++] = bits;
    line = t.line;
    character = t.character;
  }
  return data;
}

export class TokenResults {
  private readonly last = new Map<string, { resultId: string; data: number[] }>();
  private counter = 0;

  full(uri: string, data: number[]): SemanticTokens {
    return { resultId: this.remember(uri, data), data };
  }

  delta(uri: string, previousResultId: string, data: number[]): SemanticTokens | SemanticTokensDelta {
    const previous = this.last.get(uri);
    const resultId = this.remember(uri, data);
    if (previous?.resultId !== previousResultId) return { resultId, data };
    return { resultId, edits: diff(previous.data, data) };
  }

  private remember(uri: string, data: number[]): string {
    const resultId = String(++this.counter);
    this.last.set(uri, { resultId, data });
    return resultId;
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}

/** The one edit turning `before` into `after`: what lies between their common prefix and common suffix. */
export function diff(before: readonly number[], after: readonly number[]): SemanticTokensDelta['edits'] {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before[start] === after[start]) start++;
  if (start === before.length && start === after.length) return [];
  let tail = 0;
  while (tail < shorter - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const deleteCount = before.length - tail - start;
  const data = after.slice(start, after.length - tail);
  return [data.length > 0 ? { start, deleteCount, data } : { start, deleteCount }];
}
