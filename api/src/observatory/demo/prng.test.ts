import fc from 'fast-check';
import { apportion, mulberry32, randomUuid, weightedIndex } from './prng';

describe('mulberry32', () => {
  it('repeats its stream for the same seed and stays within [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const a = mulberry32(seed);
        const b = mulberry32(seed);
        for (let i = 0; i < 50; i++) {
          const x = a();
          expect(x).toBe(b());
          expect(x >= 0 && x < 1).toBe(true);
        }
      }),
    );
  });
});

describe('apportion', () => {
  it('splits a total into parts that sum to it, each within 1 of its exact share', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 20 }).filter((w) => w.some((x) => x > 0)), (total, weights) => {
        const parts = apportion(total, weights);
        const sum = weights.reduce((s, w) => s + w, 0);
        expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
        parts.forEach((p, i) => expect(Math.abs(p - (total * weights[i]) / sum)).toBeLessThan(1));
      }),
    );
  });
});

describe('weightedIndex', () => {
  it('never picks an item of weight zero', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const random = mulberry32(seed);
        for (let i = 0; i < 20; i++) expect(weightedIndex(random, [0, 3, 0, 1, 0])).not.toBe(0);
      }),
    );
  });
});

describe('randomUuid', () => {
  it('draws version-4-shaped UUIDs', () => {
    const random = mulberry32(1);
    for (let i = 0; i < 100; i++) expect(randomUuid(random)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
