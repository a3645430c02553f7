/** Closest names by edit distance, for "did you mean" suggestions. */
export function closest(name: string, candidates: Iterable<string>, limit: number): string[] {
  const scored: { candidate: string; distance: number }[] = [];
  const budget = Math.max(2, Math.ceil(name.length / 2));
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const distance = editDistance(name, candidate, budget);
    if (distance <= budget) scored.push({ candidate, distance });
  }
  return scored.sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate)).slice(0, limit).map((s) => s.candidate);
}

/** Levenshtein distance, giving up (returning budget + 1) once it exceeds the budget. */
export function editDistance(a: string, b: string, budget = Infinity): number {
  if (Math.abs(a.length - b.length) > budget) return budget + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > budget) return budget + 1;
    previous = current;
  }
  return previous[b.length]!;
}
