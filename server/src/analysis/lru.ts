/**
 * A map that keeps only its most recently used entries, so that a workspace of
 * thousands of files is analysed in bounded memory while the files read often
 * (a parent plan every child imports) stay cached.
 */
export class LruMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // Re-inserting moves the key to the end: the Map's order is the order of use.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * `compute`, remembering the results for the `capacity` keys used last. Keys longer than
 * `maxKey` are computed and not kept: such text is prose, and keeping it costs memory.
 */
export function memoized<V>(compute: (key: string) => V, capacity: number, maxKey: number): (key: string) => V {
  // Boxed, so that a remembered `undefined` is told from a miss.
  const memo = new LruMap<string, { value: V }>(capacity);
  return (key) => {
    if (key.length > maxKey) return compute(key);
    const hit = memo.get(key);
    if (hit) return hit.value;
    const value = compute(key);
    memo.set(key, { value });
    return value;
  };
}
