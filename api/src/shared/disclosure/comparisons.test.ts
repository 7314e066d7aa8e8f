import { comparisonsAllowed, rankPublishedSiblings, referenceAllowed, type CellDisclosure } from '.';

const published: CellDisclosure = { suppressed: false, reason: null };
const hidden: CellDisclosure = { suppressed: true, reason: 'FEW_UNITS' };
const secondary: CellDisclosure = { suppressed: true, reason: 'SECONDARY' };

describe('comparisons next to a cell', () => {
  it.each([
    [published, published, true],
    [published, hidden, false],
    [hidden, published, false],
    [published, secondary, false],
    [published, undefined, false],
  ])('publishes a change and previous value only when both years are published (%#)', (current, previous, allowed) => {
    expect(comparisonsAllowed(current, previous)).toBe(allowed);
  });

  it('shows the parent’s or the country’s value only on a published cell and when that reference is published', () => {
    expect(referenceAllowed(published, published)).toBe(true);
    expect(referenceAllowed(published, secondary)).toBe(false);
    expect(referenceAllowed(hidden, published)).toBe(false);
    expect(referenceAllowed(published, undefined)).toBe(false);
  });

  it('ranks siblings among the published ones only, ties sharing a rank', () => {
    const ranks = rankPublishedSiblings([
      { key: 'a', value: 5, disclosure: published },
      { key: 'b', value: 9, disclosure: hidden },
      { key: 'c', value: 7, disclosure: published },
      { key: 'd', value: 7, disclosure: published },
      { key: 'e', value: null, disclosure: published },
      { key: 'f', value: 3, disclosure: published },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ c: { rank: 1, count: 4 }, d: { rank: 1, count: 4 }, a: { rank: 3, count: 4 }, f: { rank: 4, count: 4 } });
  });
});
