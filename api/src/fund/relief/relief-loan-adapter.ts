import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays } from '../../shared/dates';
import type { Locale } from '../../shared/i18n';
import { queryRows } from '../../shared/sql';
import { Loan, LoanError, LoanErrorCode, LoanEvent, LoanEventKind, LoanStatus, ScheduleReason, saveScheduleVersion } from '../loans';
import { addMonthsIso, rescheduleFrom, ScheduleError, type LoanTerms } from '../schedule';

/*
 * What fund/loans' public API (LoanService) cannot express yet, done here with the loan row locked
 * the same way LoanService does it:
 *  - a *temporary* rate cut: `restructure` takes only a permanent `annualRateBp`, while the schedule
 *    engine's `rescheduleFrom` has `rateCut: { periods, annualRateBp }`;
 *  - moving the remission deadline: LoanService has no command for it.
 * The rate cut mirrors fund/loans' own "reschedule what is left" rule (from the first unaccrued day,
 * keeping the next due date and the number of instalments left) and saves the new schedule version
 * through fund/loans' own saveScheduleVersion, so the daily close accrues and bills it like any other version.
 */

const inLoan = <T>(em: EntityManager, loanId: string, locale: Locale, work: (tx: EntityManager, loan: Loan) => Promise<T>): Promise<T> =>
  em.transactional(async (tx) => {
    const loan = await tx.findOne(Loan, { id: loanId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!loan) throw new LoanError(LoanErrorCode.LOAN_NOT_FOUND, locale, ['loanId']);
    const result = await work(tx as EntityManager, loan);
    await tx.flush();
    return result;
  });

function checkActive(loan: Loan, businessDate: string, locale: Locale): void {
  if (loan.status === LoanStatus.CONTRACTED) throw new LoanError(LoanErrorCode.LOAN_NOT_DISBURSED, locale);
  if (loan.status !== LoanStatus.ACTIVE) throw new LoanError(LoanErrorCode.LOAN_NOT_ACTIVE, locale);
  if (loan.accruedThrough && businessDate < loan.accruedThrough) throw new LoanError(LoanErrorCode.BACKDATED, locale, ['businessDate'], `after ${loan.accruedThrough}`);
}

/** Instalments of the current schedule not yet billed (from the one accruing now). */
export async function remainingInstalmentCount(em: EntityManager, loan: { scheduleId: string | null; curInstalmentNumber: number | null }): Promise<number> {
  if (!loan.scheduleId || loan.curInstalmentNumber === null) return 0;
  const [row] = await queryRows<{ n: string }>(em, 'select count(*)::text as n from loan_instalment where schedule_id = ? and number >= ?', [loan.scheduleId, loan.curInstalmentNumber]);
  return Number(row.n);
}

/** A temporary rate cut for the next `periods` periods of the loan; the contract rate returns after them. */
export async function applyRateCut(em: EntityManager, cmd: { loanId: string; businessDate: string; periods: number; annualRateBp: number; campaignId: string }, locale: Locale): Promise<void> {
  await inLoan(em, cmd.loanId, locale, async (tx, loan) => {
    checkActive(loan, cmd.businessDate, locale);
    const notDue = loan.principalOutstandingMinor - loan.principalDueMinor;
    const remaining = await remainingInstalmentCount(tx, loan);
    if (notDue <= 0n || remaining === 0) throw new LoanError(LoanErrorCode.NOTHING_TO_RESTRUCTURE, locale);
    const terms: LoanTerms = { ...loan.terms, principalMinor: BigInt(loan.terms.principalMinor) };
    const fromDate = loan.accruedThrough ? addDays(loan.accruedThrough, 1) : cmd.businessDate;
    const firstDueDate = loan.curPeriodEnd && loan.curPeriodEnd > fromDate ? loan.curPeriodEnd : undefined;
    let instalments;
    try {
      instalments = rescheduleFrom({
        terms,
        outstandingPrincipalMinor: notDue,
        fromDate,
        firstDueDate,
        instalments: remaining,
        rateCut: { periods: Math.min(cmd.periods, remaining), annualRateBp: cmd.annualRateBp },
        firstNumber: loan.curInstalmentNumber ?? 1,
      });
    } catch (error) {
      if (error instanceof ScheduleError) throw new LoanError(LoanErrorCode.INVALID_TERMS, locale, error.field, error.message);
      throw error;
    }
    const newTerms = { ...terms, principalMinor: notDue, firstDisbursementDate: fromDate, firstDueDate: instalments[0]?.periodEnd, instalments: remaining };
    saveScheduleVersion(tx, loan, ScheduleReason.RESTRUCTURE, fromDate, newTerms, instalments);
    tx.persist(Object.assign(new LoanEvent(), {
      loanId: loan.id,
      kind: LoanEventKind.RESTRUCTURED,
      businessDate: cmd.businessDate,
      amountMinor: 0n,
      journalEntryId: null,
      details: { reliefCampaignId: cmd.campaignId, rateCut: { periods: cmd.periods, annualRateBp: cmd.annualRateBp }, instalments: remaining },
    }));
  });
}

/** Moves the loan's remission deadline (the date the promised jobs must be kept until) by whole months. */
export async function extendJobsDeadline(em: EntityManager, cmd: { loanId: string; businessDate: string; months: number; campaignId: string }, locale: Locale): Promise<void> {
  await inLoan(em, cmd.loanId, locale, async (_tx, loan) => {
    if (loan.status !== LoanStatus.ACTIVE && loan.status !== LoanStatus.CONTRACTED) throw new LoanError(LoanErrorCode.LOAN_NOT_ACTIVE, locale);
    if (loan.remissionDeadline === null || loan.remissionJobsPromised === null) throw new LoanError(LoanErrorCode.NO_REMISSION_TERMS, locale);
    if (loan.remittedMinor > 0n) throw new LoanError(LoanErrorCode.REMISSION_ALREADY_GRANTED, locale);
    const before = loan.remissionDeadline;
    loan.remissionDeadline = addMonthsIso(before, cmd.months);
    // loan_event has no kind for this (its check constraint lists the loan's own transitions), so the
    // audit of the change is the campaign's per-loan row (relief_campaign_loan) with both dates.
  });
}
