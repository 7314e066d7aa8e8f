import { primaryReason } from '.';

describe('primary rule (art. 38)', () => {
  it.each([
    [0, [{ sum: 0, max: 0 }], null, 'an empty cell is published'],
    [1, [{ sum: 5, max: 5 }], 'FEW_UNITS', 'one unit'],
    [2, [{ sum: 10, max: 5 }], 'FEW_UNITS', 'two units'],
    [3, [{ sum: 12, max: 9 }], null, 'three units, the largest exactly 75 %'],
    [3, [{ sum: 12, max: 9.01 }], 'DOMINANCE', 'three units, the largest just over 75 %'],
    [5, [{ sum: 5, max: 1 }, { sum: 100, max: 80 }], 'DOMINANCE', 'dominance in any one measure'],
    [4, [{ sum: 0, max: 0 }], null, 'units that all report zero'],
  ])('with %i units and %j: %s (%s)', (units, measures, reason) => {
    expect(primaryReason(units, measures)).toBe(reason);
  });

  it('takes other thresholds when asked', () => {
    expect(primaryReason(4, [{ sum: 10, max: 6 }], { minUnits: 5, maxShare: 0.5 })).toBe('FEW_UNITS');
    expect(primaryReason(5, [{ sum: 10, max: 6 }], { minUnits: 5, maxShare: 0.5 })).toBe('DOMINANCE');
  });
});
