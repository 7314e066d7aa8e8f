import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, isCalendarDate } from '../../shared/dates';
import { BooksService, FundAccount, type PostingInput } from '../books';
import { sqlRows } from '../books/books-sql';
import { Loan, LoanStatus } from '../loans/loan.entity';
import { accrualTarget, daysBetween, dailyPenalty, DEFAULT_PROVISIONING, overduePrincipal, provisionRequired } from '../loans/loan-math';
import { LoanInstalment } from '../loans/loan-schedule.entity';
import { recordRun } from './close-of-business';
import type { CloseOptions, CloseResult } from './close-policy';
import { refreshGuaranteeExposure } from '../guarantees';

const BATCH = 500;

/**
 * The same close of business as `closeBusinessDate`, loan by loan through the ORM: the reference
 * the set-based SQL is tested against (same balances, same postings per loan and account), and
 * the baseline the benchmark compares it with. Each loan gets its own journal entry.
 */
export async function closeBusinessDatePerLoan(em: EntityManager, businessDate: string, options: CloseOptions & { loanIds?: readonly string[]; record?: boolean } = {}): Promise<CloseResult> {
  if (!isCalendarDate(businessDate)) throw new RangeError(`"${businessDate}" is not a date (YYYY-MM-DD)`);
  const started = Date.now();
  const policy = options.provisioning ?? DEFAULT_PROVISIONING;
  const tomorrow = addDays(businessDate, 1);
  return em.transactional(async (tx) => {
    await sqlRows(tx, `select pg_advisory_xact_lock(hashtext('fund_close_of_business'))`);
    const result: CloseResult = { businessDate, path: 'PER_LOAN', ran: false, loansProcessed: 0, instalmentsBilled: 0, interestAccruedMinor: 0n, penaltyAccruedMinor: 0n, provisionChangeMinor: 0n };
    if (options.record !== false && (await sqlRows(tx, 'select 1 from close_of_business_run where business_date = ?', [businessDate])).length) return result;
    result.ran = true;
    if (options.record !== false) await refreshGuaranteeExposure(tx, businessDate);
    const books = new BooksService(tx);
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const where = { status: LoanStatus.ACTIVE, accruedThrough: { $lt: businessDate }, id: { $gt: after, ...(options.loanIds ? { $in: [...options.loanIds] } : {}) } };
      const loans = await tx.find(Loan, where, { orderBy: { id: 'asc' }, limit: BATCH });
      if (!loans.length) break;
      for (const loan of loans) {
        const postings: PostingInput[] = [];
        const add = (account: FundAccount, side: 'DEBIT' | 'CREDIT', amountMinor: bigint, loanId?: string) => {
          if (amountMinor > 0n) postings.push({ account, side, amountMinor, loanId: loanId ?? null });
        };
        // Billing of instalments due by tomorrow.
        while (loan.curInstalmentNumber !== null && loan.curDueDate !== null && loan.curDueDate <= tomorrow) {
          const inst = await tx.findOneOrFail(LoanInstalment, { scheduleId: loan.scheduleId!, number: loan.curInstalmentNumber });
          const next = await tx.findOne(LoanInstalment, { scheduleId: loan.scheduleId!, number: loan.curInstalmentNumber + 1 });
          let accrue = loan.cumInterestBeforeCurMinor + (loan.curInterestMinor ?? 0n) - loan.interestAccruedTotalMinor;
          if (accrue < 0n) accrue = 0n;
          const cap = inst.capitalisedInterestMinor;
          const room = loan.principalOutstandingMinor + cap - loan.principalDueMinor;
          const principal = (loan.curPrincipalMinor ?? 0n) < room ? (loan.curPrincipalMinor ?? 0n) : room;
          const interest = loan.interestUnbilledMinor + accrue;
          inst.billedOn = businessDate;
          inst.billedPrincipalMinor = principal;
          inst.billedInterestMinor = interest;
          inst.billedCumulativeThroughMinor = loan.billedCumulativeMinor + principal + interest;
          add(FundAccount.INTEREST_RECEIVABLE, 'DEBIT', accrue, loan.id);
          add(FundAccount.INTEREST_INCOME, 'CREDIT', accrue);
          add(FundAccount.LOANS_PRINCIPAL, 'DEBIT', cap, loan.id);
          add(FundAccount.INTEREST_INCOME, 'CREDIT', cap);
          result.interestAccruedMinor += accrue;
          if (loan.oldestUnpaidDueDate === null && principal + interest > 0n) loan.oldestUnpaidDueDate = loan.curDueDate;
          loan.interestAccruedTotalMinor += accrue;
          loan.interestDueMinor += interest;
          loan.interestUnbilledMinor = 0n;
          loan.principalOutstandingMinor += cap;
          loan.principalDueMinor += principal;
          // Billed before it is overdue (due today or tomorrow): kept out of the penalty base.
          const dueDate = loan.curDueDate;
          const stillNotOverdue = loan.notYetOverdueThrough !== null && loan.notYetOverdueThrough >= businessDate ? loan.principalNotYetOverdueMinor : 0n;
          loan.principalNotYetOverdueMinor = stillNotOverdue + (dueDate >= businessDate ? principal : 0n);
          if (dueDate >= businessDate && (loan.notYetOverdueThrough === null || loan.notYetOverdueThrough < dueDate)) loan.notYetOverdueThrough = dueDate;
          loan.billedCumulativeMinor += principal + interest;
          loan.cumInterestBeforeCurMinor += loan.curInterestMinor ?? 0n;
          loan.curInstalmentNumber = next?.number ?? null;
          loan.curPeriodStart = next?.periodStart ?? null;
          loan.curPeriodEnd = next?.periodEnd ?? null;
          loan.curDueDate = next?.dueDate ?? null;
          loan.curPrincipalMinor = next?.principalMinor ?? null;
          loan.curInterestMinor = next?.interestMinor ?? null;
          result.instalmentsBilled++;
        }
        // The day.
        let accrue = accrualTarget(loan, businessDate) - loan.interestAccruedTotalMinor;
        if (accrue < 0n) accrue = 0n;
        const dpd = loan.oldestUnpaidDueDate !== null && businessDate > loan.oldestUnpaidDueDate ? daysBetween(loan.oldestUnpaidDueDate, businessDate) : 0;
        const penalty = dpd > 0 ? dailyPenalty(overduePrincipal(loan, businessDate), loan.penaltyRateBp) : 0n;
        const delta = provisionRequired(loan.principalOutstandingMinor, dpd, policy) - loan.provisionMinor;
        add(FundAccount.INTEREST_RECEIVABLE, 'DEBIT', accrue, loan.id);
        add(FundAccount.INTEREST_INCOME, 'CREDIT', accrue);
        add(FundAccount.PENALTY_RECEIVABLE, 'DEBIT', penalty, loan.id);
        add(FundAccount.PENALTY_INCOME, 'CREDIT', penalty);
        add(FundAccount.PROVISION_EXPENSE, 'DEBIT', delta, undefined);
        add(FundAccount.LOAN_LOSS_ALLOWANCE, 'CREDIT', delta, loan.id);
        add(FundAccount.LOAN_LOSS_ALLOWANCE, 'DEBIT', -delta, loan.id);
        add(FundAccount.PROVISION_EXPENSE, 'CREDIT', -delta, undefined);
        loan.interestAccruedTotalMinor += accrue;
        loan.interestUnbilledMinor += accrue;
        loan.penaltyDueMinor += penalty;
        loan.provisionMinor += delta;
        loan.daysPastDue = dpd;
        loan.accruedThrough = businessDate;
        loan.lastCloseAccrualMinor = accrue;
        loan.lastClosePenaltyMinor = penalty;
        loan.lastCloseProvisionDeltaMinor = delta;
        result.interestAccruedMinor += accrue;
        result.penaltyAccruedMinor += penalty;
        result.provisionChangeMinor += delta;
        result.loansProcessed++;
        if (postings.length) await books.post({ businessDate, kind: 'LOAN_CLOSE_OF_BUSINESS', memo: `Close of business ${businessDate}: loan ${loan.id}`, postings, sourceId: loan.id });
      }
      await tx.flush();
      after = loans[loans.length - 1].id;
      options.onProgress?.({ businessDate, step: 'ACCRUAL', loans: result.loansProcessed, elapsedMs: Date.now() - started });
    }
    if (options.record !== false) {
      await recordRun(tx, result, new Date(started));
    }
    options.onProgress?.({ businessDate, step: 'DONE', loans: result.loansProcessed, elapsedMs: Date.now() - started });
    return result;
  });
}
