import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from '../../shared/i18n';
import { queryRows } from '../../shared/sql';
import { LoanError, LoanService } from '../loans';
import { applyRateCut, extendJobsDeadline, remainingInstalmentCount } from './relief-loan-adapter';
import type { TargetedLoan } from './relief-targets';
import { ReliefCampaignKind, type LoanReliefEffect, type ReliefParameters, type SkippedLoan } from './relief-types';

interface LoanState {
  status: string;
  scheduleId: string | null;
  scheduleVersion: number;
  curInstalmentNumber: number | null;
  principalOutstandingMinor: bigint;
  accruedInCurrentMinor: bigint;
  remissionDeadline: string | null;
  lastEventSeq: string;
}

interface Row { due: string; interest: string; capitalised: string }

async function stateOf(em: EntityManager, loanId: string): Promise<LoanState> {
  const [r] = await queryRows<{ status: string; schedule_id: string | null; schedule_version: number; cur_instalment_number: number | null; principal: string; accrued: string; deadline: string | null; seq: string }>(
    em,
    `select status, schedule_id, schedule_version, cur_instalment_number, principal_outstanding_minor::text as principal,
            (case when cur_instalment_number is null then 0 else interest_accrued_total_minor - cum_interest_before_cur_minor end)::text as accrued,
            to_char(remission_deadline, 'YYYY-MM-DD') as deadline,
            (select coalesce(max(seq), 0)::text from loan_event e where e.loan_id = l.id) as seq
       from loan l where id = ?`,
    [loanId],
  );
  return {
    status: r.status,
    scheduleId: r.schedule_id,
    scheduleVersion: Number(r.schedule_version),
    curInstalmentNumber: r.cur_instalment_number === null ? null : Number(r.cur_instalment_number),
    principalOutstandingMinor: BigInt(r.principal),
    accruedInCurrentMinor: BigInt(r.accrued),
    remissionDeadline: r.deadline,
    lastEventSeq: r.seq,
  };
}

/** The instalments of the current schedule from the one accruing now. */
async function remainingRows(em: EntityManager, s: LoanState): Promise<Row[]> {
  if (!s.scheduleId || s.curInstalmentNumber === null) return [];
  return queryRows<Row>(
    em,
    `select to_char(due_date, 'YYYY-MM-DD') as due, interest_minor::text as interest, capitalised_interest_minor::text as capitalised
       from loan_instalment where schedule_id = ? and number >= ? order by number`,
    [s.scheduleId, s.curInstalmentNumber],
  );
}

const sum = (rows: Row[], pick: (r: Row) => string) => rows.reduce((s, r) => s + BigInt(pick(r)), 0n);

/**
 * Applies one campaign's relief to one loan in the caller's transaction and measures what changed,
 * from the loan's state and schedule rows before and after. The preview runs this and rolls back;
 * the application runs the very same code and commits, so both report the same figures for the same
 * loan state. A loan the loan lifecycle refuses (e.g. not yet paid out, nothing left to reschedule)
 * is reported as skipped with the lifecycle's reason.
 */
export async function applyReliefToLoan(
  em: EntityManager,
  campaign: { id: string; kind: ReliefCampaignKind; parameters: ReliefParameters; businessDate: string },
  loan: TargetedLoan,
  locale: Locale,
): Promise<{ effect: LoanReliefEffect; journalEntryIds: string[]; scheduleIdAfter: string | null } | { skipped: SkippedLoan }> {
  const before = await stateOf(em, loan.id);
  const oldRows = await remainingRows(em, before);
  const p = campaign.parameters;
  try {
    switch (campaign.kind) {
      case ReliefCampaignKind.PAYMENT_HOLIDAY:
        await new LoanService(em, { locale }).restructure({
          loanId: loan.id,
          businessDate: campaign.businessDate,
          // Keep the number of instalments left: the holiday comes on top, so the loan ends `periods` later.
          instalments: Math.max(1, await remainingInstalmentCount(em, before)),
          paymentHoliday: { periods: p.periods!, kind: p.holidayKind ?? 'INTEREST_ONLY' },
          capitaliseInterest: p.capitaliseUnpaidInterest,
        });
        break;
      case ReliefCampaignKind.RATE_CUT:
        await applyRateCut(em, { loanId: loan.id, businessDate: campaign.businessDate, periods: p.periods!, annualRateBp: p.annualRateBp!, campaignId: campaign.id }, locale);
        break;
      case ReliefCampaignKind.JOBS_DEADLINE_EXTENSION:
        await extendJobsDeadline(em, { loanId: loan.id, businessDate: campaign.businessDate, months: p.extendMonths!, campaignId: campaign.id }, locale);
        break;
    }
  } catch (error) {
    if (error instanceof LoanError) return { skipped: { loanId: loan.id, code: error.code, message: error.message } };
    throw error;
  }
  const after = await stateOf(em, loan.id);
  const newRows = after.scheduleId === before.scheduleId ? oldRows : await remainingRows(em, after);
  const entries = await queryRows<{ id: string }>(em, 'select journal_entry_id as id from loan_event where loan_id = ? and seq > ? and journal_entry_id is not null order by seq', [loan.id, before.lastEventSeq]);

  // Interest not yet accrued under the old schedule, against all interest of the new one.
  const interestBefore = sum(oldRows, (r) => r.interest) - before.accruedInCurrentMinor;
  const interestAfter = after.scheduleId === before.scheduleId ? interestBefore : sum(newRows, (r) => r.interest);
  const capitalisedInSchedule = after.scheduleId === before.scheduleId ? 0n : sum(newRows, (r) => r.capitalised);
  const capitalisedNow = after.principalOutstandingMinor - before.principalOutstandingMinor;
  const change = interestAfter + capitalisedInSchedule - interestBefore;
  const moved = oldRows.filter((r, i) => newRows[i]?.due !== r.due).length;
  return {
    effect: {
      loanId: loan.id,
      borrowerClientId: loan.borrowerClientId,
      borrowerName: loan.borrowerName,
      territoryCode: loan.territoryCode,
      legalForm: loan.legalForm,
      principalAffectedMinor: before.principalOutstandingMinor.toString(),
      instalmentsBefore: oldRows.length,
      instalmentsAfter: newRows.length,
      instalmentsMoved: moved,
      interestBeforeMinor: interestBefore.toString(),
      interestAfterMinor: interestAfter.toString(),
      interestCapitalisedMinor: (capitalisedNow + capitalisedInSchedule).toString(),
      interestForgoneMinor: (change < 0n ? -change : 0n).toString(),
      interestAddedMinor: (change > 0n ? change : 0n).toString(),
      endDateBefore: oldRows.at(-1)?.due ?? null,
      endDateAfter: newRows.at(-1)?.due ?? null,
      remissionDeadlineBefore: before.remissionDeadline,
      remissionDeadlineAfter: after.remissionDeadline,
      scheduleVersionBefore: before.scheduleVersion,
      scheduleVersionAfter: after.scheduleVersion,
      journalEntries: entries.length,
    },
    journalEntryIds: entries.map((e) => e.id),
    scheduleIdAfter: after.scheduleId,
  };
}
