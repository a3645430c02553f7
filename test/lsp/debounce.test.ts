/** When an open document is analysed after a keystroke, from its latest analysis times. */
import { describe, expect, it } from 'vitest';
import { AnalysisCosts, delayAfter } from '../../server/src/lsp/debounce';

describe('debounce', () => {
  it.each([
    { recent: [], delay: 150, why: 'never analysed: wait for typing to pause' },
    { recent: [4], delay: 0, why: 'quick' },
    { recent: [25], delay: 0, why: 'at the limit' },
    { recent: [26], delay: 150, why: 'just over' },
    { recent: [1200], delay: 150, why: 'opened, one full analysis: slow' },
    { recent: [1200, 6], delay: 0, why: 'the first edit re-analysed quickly' },
    { recent: [40, 30], delay: 150, why: 'edits slow too' },
    { recent: [4, 5, 90], delay: 0, why: 'one slow analysis among quick ones' },
    { recent: [4, 90, 5, 120, 6], delay: 0, why: 'two slow among five' },
    { recent: [90, 4, 120, 5, 300], delay: 150, why: 'mostly slow' },
  ])('$recent → $delay ms ($why)', ({ recent, delay }) => {
    expect(delayAfter(recent, 150)).toBe(delay);
  });

  it('decides on the latest five analyses of each document', () => {
    const costs = new AnalysisCosts();
    for (const ms of [200, 200, 200, 3, 3]) costs.record('/a.ptl', ms);
    expect(costs.delayFor('/a.ptl', 150)).toBe(150);
    costs.record('/a.ptl', 3);
    expect(costs.delayFor('/a.ptl', 150)).toBe(0);
    expect(costs.delayFor('/b.ptl', 150)).toBe(150);
    costs.forget('/a.ptl');
    expect(costs.delayFor('/a.ptl', 150)).toBe(150);
  });
});
