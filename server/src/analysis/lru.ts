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
 * `compute`, remembering its results for the keys used lately. Keys longer than
 * `maxKey` are computed and not kept: such text is prose, and keeping it costs memory.
 */
export function memoized<V>(compute: (key: string) => V, capacity: number, maxKey: number): (key: string) => V {
  return memoizedBy((key) => (key.length > maxKey ? undefined : key), compute, capacity);
}

/**
 * `compute(arg)`, remembered under `keyOf(arg)` (undefined: not remembered) for the keys
 * used lately: at least the last `capacity` distinct keys, at most twice as many. Two
 * generations rather than an exact order, so that a hit is one lookup (a unit is read
 * thousands of times a file).
 */
export function memoizedBy<A, V>(keyOf: (arg: A) => string | undefined, compute: (arg: A) => V, capacity: number): (arg: A) => V {
  // Boxed, so that a remembered `undefined` is told from a miss.
  let recent = new Map<string, { value: V }>();
  let older = new Map<string, { value: V }>();
  return (arg) => {
    const key = keyOf(arg);
    if (key === undefined) return compute(arg);
    const hit = recent.get(key);
    if (hit) return hit.value;
    const kept = older.get(key) ?? { value: compute(arg) };
    recent.set(key, kept);
    if (recent.size >= capacity) {
      older = recent;
      recent = new Map();
    }
    return kept.value;
  };
}
