/**
 * Shared fund types: the terms of a loan and the instalments of its repayment schedule.
 * Names follow the hub contract ("Shared fund types"); loans, products and applications import
 * them from `api/src/fund/schedule`.
 */

/** 30E/360 (ISDA 2006 §4.16(g)), actual/365 fixed (§4.16(d)), actual/actual ISDA (§4.16(b)). */
export type DayCount = 'E30_360' | 'ACTUAL_365' | 'ACTUAL_ACTUAL';

export type RepaymentFrequency = 'MONTHLY' | 'QUARTERLY';

/** ANNUITY: equal instalments (raty równe); EQUAL_PRINCIPAL: equal principal parts (raty malejące). */
export type Amortisation = 'ANNUITY' | 'EQUAL_PRINCIPAL';

/**
 * Grace (karencja): INTEREST_ONLY pays interest and no principal; DEFERRAL_CAPITALISED pays nothing and
 * adds the period's interest to the principal, which is then amortised over the instalments.
 */
export type GraceKind = 'NONE' | 'INTEREST_ONLY' | 'DEFERRAL_CAPITALISED';

/** How a due date that falls on a weekend or Polish public holiday moves (ISDA 2006 §4.12). */
export type BusinessDayRule = 'FOLLOWING' | 'MODIFIED_FOLLOWING' | 'PRECEDING' | 'UNADJUSTED';

/** Annual interest in basis points (25 = 0.25 %). A reference rate is used as given in the terms. */
export type InterestTerms =
  | { kind: 'FIXED'; annualRateBp: number }
  | { kind: 'REFERENCE_MARGIN'; referenceRateBp: number; marginBp: number; floorBp: number };

export interface LoanTerms {
  principalMinor: bigint;
  currency: 'PLN';
  /** ISO date (YYYY-MM-DD). */
  firstDisbursementDate: string;
  /** Unadjusted end of the first period; default: one period after disbursement. */
  firstDueDate?: string;
  /** Number of repayment periods after grace. */
  instalments: number;
  frequency: RepaymentFrequency;
  amortisation: Amortisation;
  interest: InterestTerms;
  dayCount: DayCount;
  grace: { kind: GraceKind; periods: number };
  businessDayRule: BusinessDayRule;
}

export interface Instalment {
  /** 1-based across grace and repayment periods. */
  number: number;
  /** Adjusted off weekends and Polish public holidays by the terms' business-day rule. */
  dueDate: string;
  /** Accrual period (unadjusted): interest runs from periodStart (inclusive) to periodEnd (exclusive). */
  periodStart: string;
  periodEnd: string;
  principalMinor: bigint;
  /** Interest due with this instalment (0 in a capitalised-deferral period: see capitalisedInterestMinor). */
  interestMinor: bigint;
  totalMinor: bigint;
  openingPrincipalMinor: bigint;
  /** opening + capitalised − principal. */
  closingPrincipalMinor: bigint;
  /** > 0 only in DEFERRAL_CAPITALISED grace periods: the period's interest added to the principal. */
  capitalisedInterestMinor: bigint;
}

/** Which days a due date may fall on. */
export interface HolidayCalendar {
  isBusinessDay(isoDate: string): boolean;
}

/** An exact year fraction numerator/denominator (both positive bigint, denominator > 0). */
export interface Fraction {
  num: bigint;
  den: bigint;
}

/**
 * A new schedule for an outstanding principal from a date (restructuring, relief campaigns).
 * `terms` supplies frequency, amortisation, interest, day count and business-day rule; its principal,
 * disbursement date, instalments and grace are replaced by the fields below.
 */
export interface RescheduleInput {
  terms: Omit<LoanTerms, 'principalMinor' | 'firstDisbursementDate' | 'firstDueDate' | 'instalments' | 'grace'>;
  outstandingPrincipalMinor: bigint;
  /** Interest on the outstanding principal runs from this date (the restructuring date). */
  fromDate: string;
  /** Unadjusted end of the first new period; default one period after fromDate. */
  firstDueDate?: string;
  /** Repayment periods after any payment holiday. */
  instalments: number;
  /** Payment holiday (wakacje kredytowe) of N periods: interest only, or nothing paid with interest capitalised. */
  paymentHoliday?: { periods: number; kind: 'INTEREST_ONLY' | 'DEFERRAL_CAPITALISED' };
  /** Temporary rate cut: the first `periods` periods (holiday included) accrue at `annualRateBp`. */
  rateCut?: { periods: number; annualRateBp: number };
  /** Number given to the first new instalment (default 1), to continue an existing numbering. */
  firstNumber?: number;
}
