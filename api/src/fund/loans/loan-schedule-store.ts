import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays } from '../../shared/dates';
import type { Instalment, LoanTerms } from '../schedule';
import { rescheduleFrom, ScheduleError } from '../schedule';
import { sqlRows } from '../books/books-sql';
import type { Locale } from '../../shared/i18n';
import type { Loan } from './loan.entity';
import { LoanError, LoanErrorCode } from './loan-messages';
import { LoanInstalment, LoanSchedule, ScheduleReason } from './loan-schedule.entity';
import { readTerms, storeTerms } from './loan-terms';

/** Saves a new schedule version and points the loan's "current instalment" at its first instalment. */
export function saveScheduleVersion(em: EntityManager, loan: Loan, reason: ScheduleReason, effectiveDate: string, terms: LoanTerms, instalments: readonly Instalment[]): LoanSchedule {
  const schedule = em.create(LoanSchedule, { loanId: loan.id, version: loan.scheduleVersion + 1, reason, effectiveDate, terms: storeTerms(terms) } as LoanSchedule);
  for (const i of instalments) {
    em.create(LoanInstalment, {
      scheduleId: schedule.id,
      number: i.number,
      dueDate: i.dueDate,
      periodStart: i.periodStart,
      periodEnd: i.periodEnd,
      principalMinor: i.principalMinor,
      interestMinor: i.interestMinor,
      totalMinor: i.totalMinor,
      openingPrincipalMinor: i.openingPrincipalMinor,
      closingPrincipalMinor: i.closingPrincipalMinor,
      capitalisedInterestMinor: i.capitalisedInterestMinor,
    } as LoanInstalment);
  }
  loan.scheduleId = schedule.id;
  loan.scheduleVersion = schedule.version;
  loan.terms = storeTerms(terms);
  const first = instalments[0];
  loan.curInstalmentNumber = first?.number ?? null;
  loan.curPeriodStart = first?.periodStart ?? null;
  loan.curPeriodEnd = first?.periodEnd ?? null;
  loan.curDueDate = first?.dueDate ?? null;
  loan.curPrincipalMinor = first?.principalMinor ?? null;
  loan.curInterestMinor = first?.interestMinor ?? null;
  // Whatever was accrued under earlier versions stays; the new version's interest adds to it.
  loan.cumInterestBeforeCurMinor = loan.interestAccruedTotalMinor;
  return schedule;
}

/** The first day interest has not yet been accrued for: a new schedule version starts there, so no day is counted twice or lost. */
export const accrualStart = (loan: Loan, businessDate: string): string => (loan.accruedThrough ? addDays(loan.accruedThrough, 1) : businessDate);

export interface RescheduleOptions {
  instalments?: number;
  annualRateBp?: number;
  paymentHoliday?: { periods: number; kind: 'INTEREST_ONLY' | 'DEFERRAL_CAPITALISED' };
}

/**
 * Spreads the principal not yet due over the remaining instalments (or a new number of them) from
 * the first unaccrued day, keeping the next due date, and saves it as a new version.
 */
export async function rescheduleRemaining(em: EntityManager, loan: Loan, reason: ScheduleReason, businessDate: string, locale: Locale, options: RescheduleOptions = {}): Promise<void> {
  const base = readTerms(loan.terms);
  const terms: LoanTerms = options.annualRateBp === undefined ? base : { ...base, interest: { kind: 'FIXED', annualRateBp: options.annualRateBp } };
  const notDue = loan.principalOutstandingMinor - loan.principalDueMinor;
  const fromDate = accrualStart(loan, businessDate);
  let remaining = options.instalments;
  if (remaining === undefined) {
    const [row] = loan.curInstalmentNumber === null || !loan.scheduleId
      ? [{ n: '1' }]
      : await sqlRows<{ n: string }>(em, 'select count(*)::text as n from loan_instalment where schedule_id = ? and number >= ?', [loan.scheduleId, loan.curInstalmentNumber]);
    remaining = Math.max(1, Number(row.n));
  }
  let instalments: Instalment[] = [];
  if (notDue > 0n) {
    const firstDueDate = loan.curPeriodEnd && loan.curPeriodEnd > fromDate && options.instalments === undefined ? loan.curPeriodEnd : undefined;
    try {
      instalments = rescheduleFrom({
        terms,
        outstandingPrincipalMinor: notDue,
        fromDate,
        firstDueDate,
        instalments: remaining,
        paymentHoliday: options.paymentHoliday,
        firstNumber: loan.curInstalmentNumber ?? (await nextNumber(em, loan)),
      });
    } catch (error) {
      if (error instanceof ScheduleError) throw new LoanError(LoanErrorCode.INVALID_TERMS, locale, error.field, error.message);
      throw error;
    }
  }
  saveScheduleVersion(em, loan, reason, fromDate, { ...terms, principalMinor: notDue, firstDisbursementDate: fromDate, firstDueDate: instalments[0]?.periodEnd, instalments: remaining }, instalments);
}

async function nextNumber(em: EntityManager, loan: Loan): Promise<number> {
  if (!loan.scheduleId) return 1;
  const [row] = await sqlRows<{ n: number }>(em, 'select coalesce(max(number), 0) + 1 as n from loan_instalment where schedule_id = ?', [loan.scheduleId]);
  return Number(row.n);
}

/** Oldest due date whose billed amount is not yet settled (first in, first out), or null. */
export async function oldestUnpaidDueDate(em: EntityManager, loan: Loan): Promise<string | null> {
  if (loan.settledCumulativeMinor >= loan.billedCumulativeMinor) return null;
  const [row] = await sqlRows<{ d: string | null }>(
    em,
    `select to_char(min(i.due_date), 'YYYY-MM-DD') as d from loan_instalment i join loan_schedule s on s.id = i.schedule_id
      where s.loan_id = ? and i.billed_cumulative_through_minor > ?`,
    [loan.id, loan.settledCumulativeMinor.toString()],
  );
  return row?.d ?? null;
}
