/**
 * Cells: the fast path (a span without markup) gives what the markup-aware path gives.
 * A trailing `<i></i>` sends a span the slow way and is itself dropped, so a line cut both
 * ways must come out the same: text, column and length.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { cleanSpan } from '../../server/src/sources/cells';

const piece = fc.constantFrom('指标', '率', 'ab', '5.6', '≥', '%', ' ', '  ', '\t', '\u3000', '\u00a0', '\u200b', '\ufeff', '（续）');

it('reads a span without markup as the markup-aware path does', () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }).map((p) => p.join('')), (line) => {
      const fast = cleanSpan(line, 1);
      const slow = cleanSpan(`${line}<i></i>`, 1, 0, line.length + 7);
      expect(fast).toEqual(slow);
    }),
    { numRuns: 2000 },
  );
});
