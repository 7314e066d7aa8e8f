import { registerEnumType } from 'type-graphql';

/** What a relief campaign does to each loan it targets. */
export enum ReliefCampaignKind {
  PAYMENT_HOLIDAY = 'PAYMENT_HOLIDAY',
  RATE_CUT = 'RATE_CUT',
  JOBS_DEADLINE_EXTENSION = 'JOBS_DEADLINE_EXTENSION',
}
registerEnumType(ReliefCampaignKind, {
  name: 'ReliefCampaignKind',
  description: 'What a relief campaign does to each loan it targets.',
  valuesConfig: {
    PAYMENT_HOLIDAY: { description: 'A payment holiday (wakacje kredytowe): N periods with interest only or nothing to pay; the loan ends N periods later.' },
    RATE_CUT: { description: 'A temporary rate cut: the next N periods accrue at a lower rate (e.g. 0 %), then the contract rate returns.' },
    JOBS_DEADLINE_EXTENSION: { description: 'A later deadline for keeping the promised jobs, the condition for remission of part of the loan.' },
  },
});

/** Where a campaign is in its life. */
export enum ReliefCampaignStatus {
  DRAFT = 'DRAFT',
  PREVIEWED = 'PREVIEWED',
  APPLIED = 'APPLIED',
}
registerEnumType(ReliefCampaignStatus, {
  name: 'ReliefCampaignStatus',
  description: 'Where a relief campaign is in its life.',
  valuesConfig: {
    DRAFT: { description: 'Created; its effect has not been previewed yet.' },
    PREVIEWED: { description: 'Its effect was previewed; it can be applied while the loans stay as they were.' },
    APPLIED: { description: 'Applied to the loans; it cannot be applied again.' },
  },
});

export type HolidayKind = 'INTEREST_ONLY' | 'DEFERRAL_CAPITALISED';

/** A campaign's parameters, as stored (jsonb). Which fields matter depends on the kind. */
export interface ReliefParameters {
  /** PAYMENT_HOLIDAY and RATE_CUT: number of periods (instalments) the relief lasts. */
  periods: number | null;
  holidayKind: HolidayKind | null;
  /** PAYMENT_HOLIDAY: add interest accrued and unpaid at the start to the principal. */
  capitaliseUnpaidInterest: boolean;
  /** RATE_CUT: the yearly rate during the cut, in basis points. */
  annualRateBp: number | null;
  /** JOBS_DEADLINE_EXTENSION: months added to the remission deadline. */
  extendMonths: number | null;
}

/** Which loans a campaign targets, as stored. An empty list means "any". */
export interface ReliefTarget {
  /** TERYT codes; a loan matches when its borrower's territory is one of them or lies within one. */
  territoryCodes: string[];
  /** Legal forms of the borrowing entity (or, for a founding group, the form it intends to take). */
  legalForms: string[];
  productIds: string[];
  /** Loan statuses; default ACTIVE. */
  loanStatuses: string[];
  maxDaysPastDue: number | null;
}

/** The effect on one loan. Money as decimal strings of grosze (jsonb keeps no bigint). */
export interface LoanReliefEffect {
  loanId: string;
  borrowerClientId: string;
  borrowerName: string | null;
  territoryCode: string | null;
  legalForm: string | null;
  principalAffectedMinor: string;
  instalmentsBefore: number;
  instalmentsAfter: number;
  instalmentsMoved: number;
  interestBeforeMinor: string;
  interestAfterMinor: string;
  interestCapitalisedMinor: string;
  interestForgoneMinor: string;
  interestAddedMinor: string;
  endDateBefore: string | null;
  endDateAfter: string | null;
  remissionDeadlineBefore: string | null;
  remissionDeadlineAfter: string | null;
  scheduleVersionBefore: number;
  scheduleVersionAfter: number;
  journalEntries: number;
}

export interface SkippedLoan {
  loanId: string;
  code: string;
  message: string;
}

export interface ReliefTotals {
  loans: number;
  skipped: number;
  principalAffectedMinor: string;
  instalmentsMoved: number;
  interestBeforeMinor: string;
  interestAfterMinor: string;
  interestForgoneMinor: string;
  interestCapitalisedMinor: string;
  interestAddedMinor: string;
  journalEntries: number;
}

export interface ReliefEffect {
  businessDate: string;
  fingerprint: string;
  loanFingerprints: Record<string, string>;
  loans: LoanReliefEffect[];
  skipped: SkippedLoan[];
  totals: ReliefTotals;
}

export function totalEffect(loans: LoanReliefEffect[], skipped: SkippedLoan[]): ReliefTotals {
  const sum = (pick: (l: LoanReliefEffect) => string) => loans.reduce((s, l) => s + BigInt(pick(l)), 0n).toString();
  return {
    loans: loans.length,
    skipped: skipped.length,
    principalAffectedMinor: sum((l) => l.principalAffectedMinor),
    instalmentsMoved: loans.reduce((s, l) => s + l.instalmentsMoved, 0),
    interestBeforeMinor: sum((l) => l.interestBeforeMinor),
    interestAfterMinor: sum((l) => l.interestAfterMinor),
    interestForgoneMinor: sum((l) => l.interestForgoneMinor),
    interestCapitalisedMinor: sum((l) => l.interestCapitalisedMinor),
    interestAddedMinor: sum((l) => l.interestAddedMinor),
    journalEntries: loans.reduce((s, l) => s + l.journalEntries, 0),
  };
}
