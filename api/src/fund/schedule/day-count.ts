import { dayNumber, isLeapYear, parseIso } from './civil-date';
import type { DayCount, Fraction } from './schedule.types';

/**
 * Year fractions for accruing interest from `fromIso` (inclusive) to `toIso` (exclusive), as exact
 * fractions so that money never passes through a float. Definitions: 2006 ISDA Definitions, §4.16.
 *
 * - 30E/360 ("Eurobond basis", §4.16(g)): [360·(Y2−Y1) + 30·(M2−M1) + (D2−D1)] / 360, where D1 = 31
 *   becomes 30 and D2 = 31 becomes 30. No special rule for the end of February (that is the
 *   "30E/360 (ISDA)" variant, §4.16(h), which we do not use), so 31 Jan → 28 Feb counts 28 days.
 * - Actual/365 (Fixed) (§4.16(d)): actual days / 365, leap years included.
 * - Actual/Actual (ISDA) (§4.16(b)): days falling in a leap year / 366 + days falling in a non-leap
 *   year / 365, the period split at each 1 January.
 */
export function yearFractionRational(dayCount: DayCount, fromIso: string, toIso: string): Fraction {
  const a = parseIso(fromIso);
  const b = parseIso(toIso);
  switch (dayCount) {
    case 'E30_360': {
      const d1 = a.d === 31 ? 30 : a.d;
      const d2 = b.d === 31 ? 30 : b.d;
      return { num: BigInt(360 * (b.y - a.y) + 30 * (b.m - a.m) + (d2 - d1)), den: 360n };
    }
    case 'ACTUAL_365':
      return { num: BigInt(dayNumber(b.y, b.m, b.d) - dayNumber(a.y, a.m, a.d)), den: 365n };
    case 'ACTUAL_ACTUAL': {
      const start = dayNumber(a.y, a.m, a.d);
      const end = dayNumber(b.y, b.m, b.d);
      if (end < start) {
        const f = yearFractionRational(dayCount, toIso, fromIso);
        return { num: -f.num, den: f.den };
      }
      let leapDays = 0;
      let commonDays = 0;
      let cursor = start;
      for (let y = a.y; cursor < end; y++) {
        const nextJan1 = dayNumber(y + 1, 1, 1);
        const stop = Math.min(end, nextJan1);
        if (isLeapYear(y)) leapDays += stop - cursor;
        else commonDays += stop - cursor;
        cursor = stop;
      }
      // leap/366 + common/365 over the common denominator 365·366.
      return { num: BigInt(leapDays * 365 + commonDays * 366), den: 133_590n };
    }
    default:
      throw new RangeError(`unknown day count ${String(dayCount)}`);
  }
}

/** The year fraction as a number, for display and analytics; money uses yearFractionRational. */
export function yearFraction(dayCount: DayCount, fromIso: string, toIso: string): number {
  const f = yearFractionRational(dayCount, fromIso, toIso);
  return Number(f.num) / Number(f.den);
}
