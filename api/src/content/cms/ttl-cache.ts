/**
 * A bounded in-memory cache that remembers when each entry was fetched. Entries younger than the
 * TTL are fresh; older ones are kept (up to `maxEntries`, oldest evicted first) so they can still
 * be served, marked stale, while the CMS is unreachable.
 */
export interface CacheHit<V> {
  value: V;
  fetchedAt: number;
  fresh: boolean;
}

export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; fetchedAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): CacheHit<V> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    return { ...entry, fresh: this.now() - entry.fetchedAt < this.ttlMs };
  }

  set(key: string, value: V): void {
    this.entries.delete(key); // re-insert so Map order stays oldest-first
    this.entries.set(key, { value, fetchedAt: this.now() });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  clear(): void {
    this.entries.clear();
  }

  /**
   * Bumped by every invalidation. A reader notes it before asking the CMS and passes it to
   * `setIfCurrent`, so an answer fetched before a webhook's invalidation is not cached after it.
   */
  generation = 0;

  /** Drops every entry whose key starts with one of the prefixes (a CMS webhook said they changed). */
  invalidate(prefixes: readonly string[]): number {
    this.generation += 1;
    let dropped = 0;
    for (const key of [...this.entries.keys()]) {
      if (prefixes.some((p) => key.startsWith(p))) {
        this.entries.delete(key);
        dropped += 1;
      }
    }
    return dropped;
  }

  /** `set`, unless an invalidation happened since `generation` was read. */
  setIfCurrent(key: string, value: V, generation: number): void {
    if (generation === this.generation) this.set(key, value);
  }

  get size(): number {
    return this.entries.size;
  }
}
