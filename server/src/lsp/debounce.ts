/**
 * When to analyse an open document after a keystroke. A document whose analysis is
 * quick is analysed on every keystroke: nobody types faster, so the work is never
 * wasted, and diagnostics follow the typing within a frame or two. One whose
 * analysis is slow waits until typing pauses.
 */

/** How long typing must pause before a slow document is analysed again (PTL_DEBOUNCE_MS or initializationOptions.debounceMs override it). */
export const DEBOUNCE_MS = 150;
/** A document typically analysed in at most this long is quick. */
export const IMMEDIATE_MS = 25;
/** How many of a document's latest analyses decide whether it is quick. */
const RECENT = 5;

/**
 * The delay before the next analysis, given the latest analysis times (oldest first):
 * none while their median is quick, so that one slow analysis (a collection, a busy
 * machine) does not bring the debounce back for the next keystroke. Of two, the lower
 * decides: the first analysis of a document parses all of it, the next only the edit.
 */
export function delayAfter(recentMs: readonly number[], debounceMs: number): number {
  if (recentMs.length === 0) return debounceMs;
  const sorted = [...recentMs].sort((a, b) => a - b);
  return sorted[(sorted.length - 1) >> 1]! <= IMMEDIATE_MS ? 0 : debounceMs;
}

/** The latest analysis times of each open document. */
export class AnalysisCosts {
  private readonly recent = new Map<string, number[]>();

  record(path: string, ms: number): void {
    const times = this.recent.get(path) ?? [];
    times.push(ms);
    if (times.length > RECENT) times.shift();
    this.recent.set(path, times);
  }

  forget(path: string): void {
    this.recent.delete(path);
  }

  delayFor(path: string, debounceMs: number): number {
    return delayAfter(this.recent.get(path) ?? [], debounceMs);
  }
}
