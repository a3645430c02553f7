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
