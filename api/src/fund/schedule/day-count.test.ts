import { yearFraction, yearFractionRational } from './day-count';
import { accruedInterest, maxContractualRateBp, maxLatePaymentRateBp, penaltyInterest, roundHalfUp, statutoryLatePaymentRateBp } from './interest';
import type { DayCount } from './schedule.types';

describe('year fractions (2006 ISDA Definitions §4.16)', () => {
  // [day count, from, to, numerator, denominator, arithmetic]
  const TABLE: [DayCount, string, string, number, number][] = [
    // 30E/360: 360·ΔY + 30·ΔM + (D2 − D1), D1 = 31 → 30, D2 = 31 → 30
    ['E30_360', '2025-01-15', '2025-02-15', 30, 360], // 30·1 + 0
    ['E30_360', '2025-01-31', '2025-02-28', 28, 360], // D1 31 → 30: 30·1 + (28 − 30) = 28 (no end-of-February rule)
    ['E30_360', '2025-01-30', '2025-03-31', 60, 360], // D2 31 → 30: 30·2 + 0
    ['E30_360', '2024-02-29', '2024-03-31', 31, 360], // D2 31 → 30: 30·1 + (30 − 29) = 31
    ['E30_360', '2025-12-15', '2026-01-15', 30, 360], // 360·1 + 30·(−11) + 0 = 30
    ['E30_360', '2025-03-01', '2025-06-01', 90, 360], // a quarter is always 90
    // actual/365 fixed: calendar days / 365, even in a leap year
    ['ACTUAL_365', '2024-01-01', '2025-01-01', 366, 365],
    ['ACTUAL_365', '2025-02-01', '2025-03-01', 28, 365],
    ['ACTUAL_365', '2025-03-21', '2025-04-21', 31, 365],
    // actual/actual ISDA: days in a leap year / 366 + days in a common year / 365, over 365·366 = 133590
    ['ACTUAL_ACTUAL', '2024-01-01', '2025-01-01', 366 * 365, 133_590], // 366/366 = 1
    ['ACTUAL_ACTUAL', '2023-12-01', '2024-03-01', 31 * 366 + 60 * 365, 133_590], // 31/365 + 60/366
    ['ACTUAL_ACTUAL', '2024-12-15', '2026-01-15', 17 * 365 + (365 + 14) * 366, 133_590], // 17/366 + 365/365 + 14/365
    ['ACTUAL_ACTUAL', '2025-05-10', '2025-05-10', 0, 133_590],
  ];

  it.each(TABLE)('%s from %s to %s is %i/%i', (dayCount, from, to, num, den) => {
    const f = yearFractionRational(dayCount, from, to);
    expect(Number(f.num) * den).toBe(num * Number(f.den));
    expect(yearFraction(dayCount, from, to)).toBeCloseTo(num / den, 12);
  });
});

describe('accrued, penalty and capped interest', () => {
  it('rounds half up to the grosz, ties upwards', () => {
    expect(roundHalfUp(15_075n, 10n)).toBe(1_508n); // 1507.5
    expect(roundHalfUp(15_074n, 10n)).toBe(1_507n); // 1507.4
    expect(roundHalfUp(0n, 7n)).toBe(0n);
  });

  it('accrues one day of a 1 000 000 PLN loan at 0.25 % actual/365 as 6.85 PLN', () => {
    // 100 000 000 · 0.0025 / 365 = 684.93 → 685
    expect(accruedInterest(100_000_000n, 25, 'ACTUAL_365', '2025-06-30', '2025-07-01')).toBe(685n);
  });

  it('accrues interest across a year end by actual/actual ISDA', () => {
    // 1 000 000.00 PLN at 5 %, 2023-12-01 → 2024-03-01: 100 000 000 · 0.05 · (31/365 + 60/366)
    //   = 5 000 000 · 31/365 + 5 000 000 · 60/366 = 424 657.534 + 819 672.131 = 1 244 329.665 → 1 244 330
    expect(accruedInterest(100_000_000n, 500, 'ACTUAL_ACTUAL', '2023-12-01', '2024-03-01')).toBe(1_244_330n);
  });

  it('refuses to accrue backwards or on a negative principal', () => {
    expect(() => accruedInterest(1_000n, 100, 'ACTUAL_365', '2025-02-01', '2025-01-01')).toThrow(RangeError);
    expect(() => accruedInterest(-1n, 100, 'ACTUAL_365', '2025-01-01', '2025-02-01')).toThrow(RangeError);
  });

  it('charges penalty interest per day on a 365-day year, capped at the maximum late-payment rate', () => {
    // NBP reference 5.75 %: statutory late interest 5.75 + 5.5 = 11.25 %; maximum twice that, 22.5 %.
    expect(statutoryLatePaymentRateBp(575)).toBe(1_125);
    expect(maxLatePaymentRateBp(575)).toBe(2_250);
    expect(maxContractualRateBp(575)).toBe(1_850); // 2 · (5.75 + 3.5)
    // 10 000.00 PLN 30 days late at 22.5 %: 1 000 000 · 0.225 · 30 / 365 = 18 493.15 → 18 493
    expect(penaltyInterest(1_000_000n, 2_250, 30)).toBe(18_493n);
    expect(penaltyInterest(1_000_000n, 2_250, 0)).toBe(0n);
    expect(() => penaltyInterest(1_000n, 2_250, -1)).toThrow(RangeError);
  });
});
