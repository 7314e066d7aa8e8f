import { compareCells } from './comparisons';
import type { RawCell } from './compute-cells';

const cell = (area_code: string, parent_code: string | null, year: number, area_level = 'GMINA'): RawCell => ({
  area_code, area_level, parent_code, year, breakdown: 'TOTAL', category: 'TOTAL', contributors: 3, num_sum: 0, num_max: 0, den_sum: null, den_max: null, area_den: null, population_year: null,
});

describe('compareCells', () => {
  const table = [
    { cell: cell('PL', null, 2025, 'COUNTRY'), value: 100, suppressed: false },
    { cell: cell('12', 'PL', 2025, 'VOIVODESHIP'), value: 60, suppressed: false },
    { cell: cell('14', 'PL', 2025, 'VOIVODESHIP'), value: 40, suppressed: false },
    { cell: cell('02', 'PL', 2025, 'VOIVODESHIP'), value: 1, suppressed: true },
    { cell: cell('12', 'PL', 2024, 'VOIVODESHIP'), value: 50, suppressed: false },
    { cell: cell('14', 'PL', 2024, 'VOIVODESHIP'), value: 7, suppressed: true },
  ];
  const out = compareCells(table);

  it('ranks published siblings only, highest first', () => {
    expect(out.slice(1, 4).map((c) => [c.siblingRank, c.siblingCount])).toEqual([[1, 2], [2, 2], [null, null]]);
  });

  it('computes change only when both years are published', () => {
    expect(out[1]).toMatchObject({ previousValue: 50, change: 10 });
    expect(out[2]).toMatchObject({ previousValue: null, change: null }); // 2024 hidden
    expect(out[3]).toMatchObject({ previousValue: null, change: null }); // itself hidden
  });
});
