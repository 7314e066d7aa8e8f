import 'reflect-metadata';
import { IndicatorValuesCache } from './values-cache';
import { IndicatorValue, Provenance } from './indicator.types';

const slice = (n: number, code = 'X'): IndicatorValue[] =>
  Array.from({ length: n }, (_, i) => Object.assign(new IndicatorValue(), { indicatorCode: code, areaCode: String(i), provenance: new Provenance() }));

describe('indicator values cache', () => {
  it('loads a slice once and serves the same frozen answer afterwards', async () => {
    const cache = new IndicatorValuesCache(100);
    let loads = 0;
    const load = async () => (loads++, slice(3));
    const first = await cache.read('k', load);
    const second = await cache.read('k', load);
    expect(loads).toBe(1);
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first[0])).toBe(true);
    expect(Object.isFrozen(first[0].provenance)).toBe(true);
    expect(() => (first as IndicatorValue[]).push(slice(1)[0])).toThrow(TypeError);
  });

  it('forgets the least recently used slices to stay within its row bound', async () => {
    const cache = new IndicatorValuesCache(10);
    await cache.read('a', async () => slice(4));
    await cache.read('b', async () => slice(4));
    await cache.read('a', async () => slice(4)); // a is now the most recent
    await cache.read('c', async () => slice(4)); // needs room: b goes
    expect(cache.size).toEqual({ slices: 2, rows: 8 });
    let reloaded = 0;
    await cache.read('a', async () => (reloaded++, slice(4)));
    await cache.read('b', async () => (reloaded++, slice(4)));
    expect(reloaded).toBe(1);
  });

  it('does not keep a slice larger than its bound, nor anything when turned off', async () => {
    const cache = new IndicatorValuesCache(5);
    await cache.read('big', async () => slice(6));
    expect(cache.size.slices).toBe(0);
    await cache.read('small', async () => slice(2));
    cache.resize(0);
    expect(cache.size).toEqual({ slices: 0, rows: 0 });
    await cache.read('small', async () => slice(2));
    expect(cache.size.slices).toBe(0);
  });
});
