/**
 * What a web server worked out once and may serve again while the revision it was worked out at
 * stands (see the plans-revision and data-revision migrations): a small least-recently-used map
 * whose keys carry the revision, so a change anywhere simply stops old keys being asked for.
 * Concurrent requests for the same key share one computation; a failed one is forgotten. What is
 * kept is frozen, so a reader that changed it (for everyone after) fails at once instead.
 */
export class RevisionCache<T> {
  readonly #entries = new Map<string, Promise<T>>();
  readonly #size: number;

  constructor(size: number) {
    this.#size = size;
  }

  /** The value for the key: the kept one, or `compute()`'s, kept. */
  get(key: readonly unknown[], compute: () => Promise<T>): Promise<T> {
    const k = JSON.stringify(key);
    let entry = this.#entries.get(k);
    if (entry) {
      this.#entries.delete(k);
    } else {
      entry = compute().then(deepFreeze);
      entry.catch(() => {
        if (this.#entries.get(k) === entry) this.#entries.delete(k);
      });
      if (this.#entries.size >= this.#size) this.#entries.delete(this.#entries.keys().next().value!);
    }
    this.#entries.set(k, entry);
    return entry;
  }

  get size(): number {
    return this.#entries.size;
  }
}

/** Freezes a value and everything it holds (plain objects, arrays, maps' and sets' values). */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (value instanceof Map || value instanceof Set) for (const v of value.values()) deepFreeze(v);
  else for (const v of Object.values(value)) deepFreeze(v);
  return value;
}
