import { registerEnumType } from 'type-graphql';
import type { Amortisation, BusinessDayRule, DayCount, GraceKind, RepaymentFrequency } from '../schedule';

// GraphQL enums over the shared fund types of `fund/schedule` (plain string unions there). Each
// member's value is the union's literal, so `DayCountKind.E30_360` is assignable to `DayCount`.

export enum InterestKind {
  FIXED = 'FIXED',
  REFERENCE_MARGIN = 'REFERENCE_MARGIN',
}
registerEnumType(InterestKind, {
  name: 'InterestKind',
  description: 'How a loan’s interest rate is set.',
  valuesConfig: {
    FIXED: { description: 'A fixed annual rate for the whole loan.' },
    REFERENCE_MARGIN: { description: 'A reference rate (e.g. the NBP reference rate or WIBOR) plus a margin, never below a floor.' },
  },
});

export enum DayCountKind {
  E30_360 = 'E30_360',
  ACTUAL_365 = 'ACTUAL_365',
  ACTUAL_ACTUAL = 'ACTUAL_ACTUAL',
}
registerEnumType(DayCountKind, {
  name: 'DayCount',
  description: 'How interest for a period is counted in days.',
  valuesConfig: {
    E30_360: { description: '30E/360: every month counts as 30 days, the year as 360.' },
    ACTUAL_365: { description: 'Actual/365 fixed: actual days over 365.' },
    ACTUAL_ACTUAL: { description: 'Actual/actual (ISDA): actual days over the days of the calendar year they fall in.' },
  },
});

export enum RepaymentFrequencyKind {
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
}
registerEnumType(RepaymentFrequencyKind, {
  name: 'RepaymentFrequency',
  description: 'How often instalments fall due.',
  valuesConfig: { MONTHLY: { description: 'Every month.' }, QUARTERLY: { description: 'Every three months.' } },
});

export enum AmortisationKind {
  ANNUITY = 'ANNUITY',
  EQUAL_PRINCIPAL = 'EQUAL_PRINCIPAL',
}
registerEnumType(AmortisationKind, {
  name: 'Amortisation',
  description: 'How the principal is paid back.',
  valuesConfig: {
    ANNUITY: { description: 'Equal instalments (raty równe): interest falls and principal grows over time.' },
    EQUAL_PRINCIPAL: { description: 'Equal principal parts (raty malejące): instalments fall over time.' },
  },
});

export enum GraceKindValue {
  NONE = 'NONE',
  INTEREST_ONLY = 'INTEREST_ONLY',
  DEFERRAL_CAPITALISED = 'DEFERRAL_CAPITALISED',
}
registerEnumType(GraceKindValue, {
  name: 'GraceKind',
  description: 'What the borrower pays during a grace period (karencja) at the start of the loan.',
  valuesConfig: {
    NONE: { description: 'No grace period.' },
    INTEREST_ONLY: { description: 'Interest only, no principal.' },
    DEFERRAL_CAPITALISED: { description: 'Nothing; the interest is added to the principal.' },
  },
});

export enum BusinessDayRuleKind {
  FOLLOWING = 'FOLLOWING',
  MODIFIED_FOLLOWING = 'MODIFIED_FOLLOWING',
  PRECEDING = 'PRECEDING',
  UNADJUSTED = 'UNADJUSTED',
}
registerEnumType(BusinessDayRuleKind, {
  name: 'BusinessDayRule',
  description: 'Where a due date that falls on a weekend or a Polish public holiday moves.',
  valuesConfig: {
    FOLLOWING: { description: 'To the next business day.' },
    MODIFIED_FOLLOWING: { description: 'To the next business day, unless that is in the next month: then to the previous one.' },
    PRECEDING: { description: 'To the previous business day.' },
    UNADJUSTED: { description: 'It does not move.' },
  },
});

/** The parts of a repayment, in the order a payment is applied to them. */
export enum RepaymentComponent {
  PENALTY = 'PENALTY',
  FEE = 'FEE',
  INTEREST = 'INTEREST',
  PRINCIPAL = 'PRINCIPAL',
}
registerEnumType(RepaymentComponent, {
  name: 'RepaymentComponent',
  description: 'A part of what a borrower owes; a product lists them in the order a payment settles them.',
  valuesConfig: {
    PENALTY: { description: 'Penalty interest for late payment (odsetki karne).' },
    FEE: { description: 'Fees.' },
    INTEREST: { description: 'Contractual interest.' },
    PRINCIPAL: { description: 'Principal (kapitał).' },
  },
});

/** Default allocation: ancillary claims before the principal, as the Civil Code (art. 451 § 1) lets a creditor apply a payment. */
export const DEFAULT_ALLOCATION_ORDER: readonly RepaymentComponent[] = [RepaymentComponent.PENALTY, RepaymentComponent.FEE, RepaymentComponent.INTEREST, RepaymentComponent.PRINCIPAL];

/** How the loan committee's votes turn into a decision. */
export enum CommitteeMajority {
  SIMPLE = 'SIMPLE',
  ABSOLUTE = 'ABSOLUTE',
  TWO_THIRDS = 'TWO_THIRDS',
}
registerEnumType(CommitteeMajority, {
  name: 'CommitteeMajority',
  description: 'The majority a loan application needs from the committee to be approved.',
  valuesConfig: {
    SIMPLE: { description: 'More votes for than against; abstentions do not count either way.' },
    ABSOLUTE: { description: 'More than half of all votes cast, abstentions included, are for.' },
    TWO_THIRDS: { description: 'At least two thirds of all votes cast, abstentions included, are for.' },
  },
});

// Compile-time proof that the GraphQL enums carry exactly the shared types' values.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const enumsMatchSharedTypes: [
  Same<`${DayCountKind}`, DayCount>,
  Same<`${RepaymentFrequencyKind}`, RepaymentFrequency>,
  Same<`${AmortisationKind}`, Amortisation>,
  Same<`${GraceKindValue}`, GraceKind>,
  Same<`${BusinessDayRuleKind}`, BusinessDayRule>,
] = [true, true, true, true, true];
