import { applyBp, exposureFor, exposureLimit, feeFor } from './guarantee-rules';

describe('guarantee rules', () => {
  it('covers 80 % of the outstanding balance, rounded half-up to the grosz', () => {
    expect(exposureFor(8_000, 100_000_00n, 500_000_00n)).toBe(80_000_00n);
    expect(exposureFor(8_000, 1n, 500_000_00n)).toBe(1n); // 0.8 grosz rounds up
    expect(applyBp(3n, 5_000)).toBe(2n); // 1.5 rounds half-up
  });

  it('never covers more than the cap, however large the loan', () => {
    expect(exposureFor(8_000, 1_000_000_00n, 500_000_00n)).toBe(500_000_00n);
  });

  it('charges the fee on the guaranteed amount and limits exposure to multiplier × capital', () => {
    expect(feeFor(50, 400_000_00n)).toBe(2_000_00n);
    expect(exposureLimit(1_000_000_00n, 50_000)).toBe(5_000_000_00n);
  });
});
