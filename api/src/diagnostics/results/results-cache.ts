/**
 * Campaign results are aggregated on first read and kept in memory until an answer is submitted,
 * a respondent is erased or the retention job runs — all of which call invalidateResults.
 */
const cache = new Map<string, unknown>();

export function cachedResults<T>(key: string, campaignId: string, compute: () => Promise<T>): Promise<T> {
  const full = `${campaignId}|${key}`;
  if (cache.has(full)) return Promise.resolve(cache.get(full) as T);
  return compute().then((value) => {
    cache.set(full, value);
    return value;
  });
}

export function invalidateResults(campaignId?: string): void {
  if (!campaignId) return cache.clear();
  for (const key of [...cache.keys()]) if (key.startsWith(`${campaignId}|`)) cache.delete(key);
}

/** Entries held for a campaign (for tests proving erasure leaves nothing behind). */
export const cachedEntriesFor = (campaignId: string) => [...cache.keys()].filter((k) => k.startsWith(`${campaignId}|`)).length;
