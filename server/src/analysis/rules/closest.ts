/**
 * "Did you mean …?": the candidate nearest to a misspelt word by edit distance
 * (Damerau: a swap of two neighbours counts once), case-insensitive.
 */

export function editDistance(a: string, b: string): number {
  const s = [...a.toLowerCase()];
  const t = [...b.toLowerCase()];
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) =>
    Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[s.length]![t.length]!;
}

/**
 * The nearest candidate, or undefined when none is near enough. In order: the same
 * word in another case; the one candidate the word begins (`zh` → `zh-CN`); the
 * nearest by edit distance if at most a third of the longer word changes (2 edits
 * always allowed); the one candidate containing the word (`lagging` → `progress-lagging`).
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  if (!word) return undefined;
  const lower = word.toLowerCase();
  const same = candidates.find((c) => c.toLowerCase() === lower);
  if (same !== undefined) return same;
  const prefixed = candidates.filter((c) => c.toLowerCase().startsWith(lower));
  if (lower.length >= 2 && prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best !== undefined && bestDistance <= Math.max(2, Math.floor(Math.max(word.length, best.length) / 3))) return best;
  const containing = candidates.filter((c) => c.toLowerCase().includes(lower));
  return lower.length >= 3 && containing.length === 1 ? containing[0] : undefined;
}
