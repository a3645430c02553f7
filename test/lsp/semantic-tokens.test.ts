/** Semantic tokens answered as a change from the result the client holds. */
import { describe, expect, it } from 'vitest';
import type { SemanticTokensDelta } from 'vscode-languageserver/node';
import { diff, encodeTokens, TokenResults } from '../../server/src/lsp/semantic-tokens';

function apply(data: number[], edits: SemanticTokensDelta['edits']): number[] {
  const out = [...data];
  for (const e of [...edits].reverse()) out.splice(e.start, e.deleteCount, ...(e.data ?? []));
  return out;
}

describe('semantic token deltas', () => {
  it.each([
    { why: 'unchanged', before: [1, 2, 3], after: [1, 2, 3], edits: [] },
    { why: 'one number changed', before: [0, 4, 2, 1, 0, 1, 4, 3, 2, 0], after: [0, 4, 2, 1, 0, 1, 4, 4, 2, 0], edits: [{ start: 7, deleteCount: 1, data: [4] }] },
    { why: 'a token added in the middle', before: [1, 1, 1, 2, 2, 2], after: [1, 1, 1, 9, 9, 9, 2, 2, 2], edits: [{ start: 3, deleteCount: 0, data: [9, 9, 9] }] },
    { why: 'a token removed at the end', before: [1, 1, 1, 2, 2, 2], after: [1, 1, 1], edits: [{ start: 3, deleteCount: 3 }] },
    { why: 'everything new', before: [1, 2], after: [3, 4, 5], edits: [{ start: 0, deleteCount: 2, data: [3, 4, 5] }] },
    { why: 'from nothing', before: [], after: [1, 2], edits: [{ start: 0, deleteCount: 0, data: [1, 2] }] },
    { why: 'repeats: the suffix does not overlap the prefix', before: [5, 5, 5], after: [5, 5, 5, 5], edits: [{ start: 3, deleteCount: 0, data: [5] }] },
  ])('$why', ({ before, after, edits }) => {
    expect(diff(before, after)).toEqual(edits);
    expect(apply(before, diff(before, after))).toEqual(after);
  });

  it('sends the change from the result the client holds, and everything for one it does not', () => {
    const results = new TokenResults();
    const first = results.full('a', [1, 2, 3, 4, 5]);
    const second = results.delta('a', first.resultId!, [1, 2, 9, 4, 5]);
    expect(second).toEqual({ resultId: '2', edits: [{ start: 2, deleteCount: 1, data: [9] }] });
    // A result the client dropped (a cancelled request) is not diffed against.
    expect(results.delta('a', first.resultId!, [1, 2, 9, 4, 6])).toEqual({ resultId: '3', data: [1, 2, 9, 4, 6] });
    expect(results.delta('b', '3', [7])).toEqual({ resultId: '4', data: [7] });
    results.forget('a');
    expect(results.delta('a', '3', [1])).toEqual({ resultId: '5', data: [1] });
  });

  it('encodes tokens relative to the one before: the line, and the character on the same line', () => {
    expect(encodeTokens([
      { line: 2, character: 2, length: 9, type: 'keyword', modifiers: [] },
      { line: 2, character: 12, length: 4, type: 'variable', modifiers: ['declaration', 'binding'] },
      { line: 5, character: 4, length: 4, type: 'number', modifiers: ['readonly'] },
    ])).toEqual([2, 2, 9, 0, 0, 0, 10, 4, 1, 0b101, 3, 4, 4, 2, 0b10]);
  });
});
