import { yearFractionRational } from './day-count';
import type { DayCount, Fraction, InterestTerms } from './schedule.types';

/** num/den rounded half-up to an integer (ties away from zero; amounts here are never negative). */
export function roundHalfUp(num: bigint, den: bigint): bigint {
  if (den <= 0n) throw new RangeError('denominator must be positive');
  return num >= 0n ? (2n * num + den) / (2n * den) : -((-2n * num + den) / (2n * den));
}

/**
 * The annual rate a loan pays, in basis points: the fixed rate, or reference + margin but never below
 * the floor (BGK's preferential social-economy loans: a fixed 0.25 % is FIXED 25 bp, or a floor of 25).
 */
export function effectiveRateBp(interest: InterestTerms): number {
  if (interest.kind === 'FIXED') return interest.annualRateBp;
  return Math.max(interest.referenceRateBp + interest.marginBp, interest.floorBp);
}

/** Interest on `principalMinor` at `rateBp` a year for a year fraction, half-up to the grosz. */
export function interestForFraction(principalMinor: bigint, rateBp: number, fraction: Fraction): bigint {
  return roundHalfUp(principalMinor * BigInt(rateBp) * fraction.num, 10_000n * fraction.den);
}

/**
 * Interest accrued on a constant principal from `fromIso` (inclusive) to `toIso` (exclusive) under a
 * day count, half-up to the grosz — for daily accrual (call it with the accrual period's start and
 * the business date, and take the difference from yesterday's figure so rounding does not pile up)
 * and for the interest due on early repayment.
 */
export function accruedInterest(principalMinor: bigint, rateBp: number, dayCount: DayCount, fromIso: string, toIso: string): bigint {
  if (principalMinor < 0n) throw new RangeError('principal must not be negative');
  if (!Number.isInteger(rateBp) || rateBp < 0) throw new RangeError('rate must be a non-negative whole number of basis points');
  if (toIso < fromIso) throw new RangeError(`accrual runs backwards: ${fromIso} → ${toIso}`);
  return interestForFraction(principalMinor, rateBp, yearFractionRational(dayCount, fromIso, toIso));
}

/**
 * Penalty interest (odsetki za opóźnienie, art. 481 Kodeksu cywilnego) on arrears for a number of days
 * past due, simple interest on a 365-day year as Polish courts and lenders count it, half-up to the grosz.
 * The rate is the contract's penalty rate; cap it with maxLatePaymentRateBp.
 */
export function penaltyInterest(arrearsMinor: bigint, annualRateBp: number, days: number, daysInYear = 365): bigint {
  if (arrearsMinor < 0n) throw new RangeError('arrears must not be negative');
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a non-negative whole number');
  if (!Number.isInteger(annualRateBp) || annualRateBp < 0) throw new RangeError('rate must be a non-negative whole number of basis points');
  return roundHalfUp(arrearsMinor * BigInt(annualRateBp) * BigInt(days), 10_000n * BigInt(daysInYear));
}

/** Statutory late-payment interest (art. 481 § 2 KC): the NBP reference rate + 5.5 percentage points. */
export function statutoryLatePaymentRateBp(nbpReferenceRateBp: number): number {
  return nbpReferenceRateBp + 550;
}

/** Maximum late-payment interest (art. 481 § 2¹ KC): twice the statutory late-payment interest. */
export function maxLatePaymentRateBp(nbpReferenceRateBp: number): number {
  return 2 * statutoryLatePaymentRateBp(nbpReferenceRateBp);
}

/** Maximum contractual interest (art. 359 § 2¹ KC): twice (NBP reference rate + 3.5 percentage points). */
export function maxContractualRateBp(nbpReferenceRateBp: number): number {
  return 2 * (nbpReferenceRateBp + 350);
}

/**
 * The level instalment repaying `principalMinor` over `periods` periods at a nominal periodic rate of
 * rateBp / (10 000 · periodsPerYear): P·r / (1 − (1+r)^−n), computed exactly as
 * P·b·(D+b)^n / (D·((D+b)^n − D^n)) with D = 10 000·periodsPerYear, b = rateBp, then half-up.
 * At 0 % it is P / n half-up.
 */
export function annuityPayment(principalMinor: bigint, rateBp: number, periodsPerYear: number, periods: number): bigint {
  const n = BigInt(periods);
  if (rateBp === 0) return roundHalfUp(principalMinor, n);
  const d = 10_000n * BigInt(periodsPerYear);
  const b = BigInt(rateBp);
  const grown = (d + b) ** n;
  const base = d ** n;
  return roundHalfUp(principalMinor * b * grown, d * (grown - base));
}
