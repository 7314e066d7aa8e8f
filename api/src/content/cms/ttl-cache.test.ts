import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  it('serves an entry as fresh within the TTL and as stale after it', () => {
    let now = 1000;
    const cache = new TtlCache<string>(100, 10, () => now);
    cache.set('k', 'v');
    expect(cache.get('k')).toEqual({ value: 'v', fetchedAt: 1000, fresh: true });
    now = 1200;
    expect(cache.get('k')).toEqual({ value: 'v', fetchedAt: 1000, fresh: false });
  });

  it('evicts the oldest entry once full', () => {
    const cache = new TtlCache<number>(1000, 2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(2);
  });
});

describe('TtlCache invalidation', () => {
  it('drops the entries of a prefix and refuses answers fetched before the invalidation', () => {
    const cache = new TtlCache<string>(1000);
    cache.set('course|pl|a', 'old');
    cache.set('story|pl|b', 'kept');
    const before = cache.generation;
    expect(cache.invalidate(['course|'])).toBe(1);
    cache.setIfCurrent('course|pl|a', 'fetched before the webhook', before);
    expect(cache.get('course|pl|a')).toBeUndefined();
    expect(cache.get('story|pl|b')?.value).toBe('kept');
    cache.setIfCurrent('course|pl|a', 'fresh', cache.generation);
    expect(cache.get('course|pl|a')?.value).toBe('fresh');
  });
});
