import type { IndicatorValue } from './indicator.types';

/**
 * Published statistics never change: a data version is immutable once published, and a refresh
 * publishes a new version instead of editing the old one. So a slice read for (database, version,
 * query, visibility) is the same answer for ever, and can be kept without any invalidation. The
 * cache only has to bound its memory: it counts rows and forgets the least recently used slices.
 *
 * The key names the database too, because one process may serve (or test) several databases whose
 * version ids overlap.
 */
export class IndicatorValuesCache {
  private readonly slices = new Map<string, readonly IndicatorValue[]>();
  private rows = 0;
  hits = 0;
  misses = 0;

  constructor(private maxRows: number) {}

  /** Changes the bound; 0 turns the cache off (and empties it). */
  resize(maxRows: number): void {
    this.maxRows = maxRows;
    this.evictBeyond(maxRows);
  }

  get size(): { slices: number; rows: number } {
    return { slices: this.slices.size, rows: this.rows };
  }

  async read(key: string, load: () => Promise<IndicatorValue[]>): Promise<readonly IndicatorValue[]> {
    const cached = this.slices.get(key);
    if (cached) {
      // Map order is insertion order: re-inserting marks the slice as the most recently used.
      this.slices.delete(key);
      this.slices.set(key, cached);
      this.hits += 1;
      return cached;
    }
    this.misses += 1;
    const values = await load();
    if (values.length > 0 && values.length <= this.maxRows) {
      // Frozen because every later request shares these objects.
      for (const value of values) Object.freeze(Object.freeze(value).provenance);
      const frozen = Object.freeze(values);
      this.evictBeyond(this.maxRows - values.length);
      this.slices.set(key, frozen);
      this.rows += values.length;
      return frozen;
    }
    return values;
  }

  clear(): void {
    this.slices.clear();
    this.rows = 0;
  }

  private evictBeyond(limit: number): void {
    for (const [key, values] of this.slices) {
      if (this.rows <= limit) break;
      this.slices.delete(key);
      this.rows -= values.length;
    }
  }
}

/** Default bound: about 100,000 value rows (tens of MB), enough for every powiat × year × indicator. */
export const DEFAULT_INDICATOR_CACHE_ROWS = 100_000;

/** The process's cache; `configureIndicatorCache` sets its bound from the hub's configuration. */
export const indicatorValuesCache = new IndicatorValuesCache(DEFAULT_INDICATOR_CACHE_ROWS);

export function configureIndicatorCache(options: { maxRows: number }): void {
  indicatorValuesCache.resize(options.maxRows);
}
