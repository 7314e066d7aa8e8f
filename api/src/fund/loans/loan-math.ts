import type { CalendarDate } from '../../shared/dates';

/**
 * The arithmetic the loan service, the set-based close of business (in SQL) and the per-loan close
 * (in TypeScript) share. Every division rounds half up to the grosz; the SQL in fund/close writes
 * the same formulas, and a test holds the two paths to identical results.
 */

/** num / den rounded half up, for num ≥ 0 and den > 0. */
export function divHalfUp(num: bigint, den: bigint): bigint {
  return (num * 2n + den) / (den * 2n);
}

const DAY_MS = 86_400_000;
export const dayNumber = (date: CalendarDate): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
/** Days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: CalendarDate, to: CalendarDate): number => dayNumber(to) - dayNumber(from);

/** What the accrual needs to know about the instalment currently accruing. */
export interface AccrualPosition {
  curPeriodStart: CalendarDate | null;
  curPeriodEnd: CalendarDate | null;
  curInterestMinor: bigint | null;
  /** Interest accrued by the end of the previous instalment of this schedule version (incl. earlier versions). */
  cumInterestBeforeCurMinor: bigint;
}

/**
 * Interest that should have been accrued by the end of business day `date`: everything before the
 * current instalment, plus the current instalment's interest pro rata of the days of its accrual
 * period [start, end) that have passed. Following the schedule's own interest (rather than a daily
 * rate on the balance) makes the accrual sum exactly to the schedule, whatever its day count.
 */
export function accrualTarget(p: AccrualPosition, date: CalendarDate): bigint {
  if (p.curPeriodStart === null || p.curPeriodEnd === null || p.curInterestMinor === null) return p.cumInterestBeforeCurMinor;
  const days = daysBetween(p.curPeriodStart, p.curPeriodEnd);
  const elapsed = Math.min(Math.max(daysBetween(p.curPeriodStart, date) + 1, 0), days);
  if (days <= 0) return p.cumInterestBeforeCurMinor + p.curInterestMinor;
  return p.cumInterestBeforeCurMinor + divHalfUp(p.curInterestMinor * BigInt(elapsed), BigInt(days));
}

/**
 * The principal overdue at the close of `date`: the principal due less what was billed for an
 * instalment whose due date has not passed. Payments settle the oldest principal first, so the part
 * not overdue yet is the last to go — hence the `min`.
 */
export function overduePrincipal(
  p: { principalDueMinor: bigint; principalNotYetOverdueMinor: bigint; notYetOverdueThrough: CalendarDate | null },
  date: CalendarDate,
): bigint {
  if (p.notYetOverdueThrough === null || p.notYetOverdueThrough < date) return p.principalDueMinor;
  const notYet = p.principalNotYetOverdueMinor < p.principalDueMinor ? p.principalNotYetOverdueMinor : p.principalDueMinor;
  return p.principalDueMinor - notYet;
}

/** One day of penalty interest (odsetki karne) on overdue principal: annual rate in basis points over 365 days. */
export function dailyPenalty(overduePrincipalMinor: bigint, penaltyRateBp: number): bigint {
  if (overduePrincipalMinor <= 0n || penaltyRateBp <= 0) return 0n;
  return divHalfUp(overduePrincipalMinor * BigInt(penaltyRateBp), 3_650_000n);
}

/** Arrears buckets by days past due. PAR30 = loans in DPD_31_90 and worse; PAR90 = DPD_91_180 and worse. */
export enum ArrearsBucket {
  CURRENT = 'CURRENT',
  DPD_1_30 = 'DPD_1_30',
  DPD_31_90 = 'DPD_31_90',
  DPD_91_180 = 'DPD_91_180',
  DPD_OVER_180 = 'DPD_OVER_180',
}

/** Lower bound (days past due) of each bucket, in order. */
export const BUCKET_FLOORS: readonly [ArrearsBucket, number][] = [
  [ArrearsBucket.CURRENT, 0],
  [ArrearsBucket.DPD_1_30, 1],
  [ArrearsBucket.DPD_31_90, 31],
  [ArrearsBucket.DPD_91_180, 91],
  [ArrearsBucket.DPD_OVER_180, 181],
];

export function bucketOf(daysPastDue: number): ArrearsBucket {
  let bucket = ArrearsBucket.CURRENT;
  for (const [b, floor] of BUCKET_FLOORS) if (daysPastDue >= floor) bucket = b;
  return bucket;
}

/**
 * Loan-loss provision rate per bucket, in basis points of outstanding principal. The defaults
 * follow the usual microfinance staging (1 % performing, 5 % watch, 25 % substandard, 50 %
 * doubtful, 100 % loss); a fund sets its own through `ProvisioningPolicy`.
 */
export type ProvisioningPolicy = Record<ArrearsBucket, number>;
export const DEFAULT_PROVISIONING: ProvisioningPolicy = {
  CURRENT: 100,
  DPD_1_30: 500,
  DPD_31_90: 2500,
  DPD_91_180: 5000,
  DPD_OVER_180: 10000,
};

export function provisionRequired(principalOutstandingMinor: bigint, daysPastDue: number, policy: ProvisioningPolicy = DEFAULT_PROVISIONING): bigint {
  return divHalfUp(principalOutstandingMinor * BigInt(policy[bucketOf(daysPastDue)]), 10_000n);
}
