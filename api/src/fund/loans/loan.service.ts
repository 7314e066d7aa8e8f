import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, isCalendarDate } from '../../shared/dates';
import { DEFAULT_LOCALE, type Locale } from '../../shared/i18n';
import { BooksService, FundAccount, type PostingInput } from '../books';
import { sqlRows } from '../books/books-sql';
import { buildSchedule, ScheduleError, type LoanTerms } from '../schedule';
import { allocateRepayment, DEFAULT_ORDER, type AllocationComponent } from './allocate-repayment';
import { Loan, LoanStatus } from './loan.entity';
import { divHalfUp } from './loan-math';
import { LoanError, LoanErrorCode } from './loan-messages';
import { ScheduleReason } from './loan-schedule.entity';
import { oldestUnpaidDueDate, rescheduleRemaining, saveScheduleVersion } from './loan-schedule-store';
import { storeTerms } from './loan-terms';
import { LoanDisbursement, LoanEvent, LoanEventKind, LoanRepayment, RepaymentStatus } from './loan-transactions.entity';

/** What the origination side (fund/applications) hands over when a contract is signed. */
export interface OpenFromContractCommand {
  contractId: string;
  borrowerClientId: string;
  productId: string;
  terms: LoanTerms;
  penaltyRateBp: number;
  feeSchedule?: { arrangementFeeBp?: number | null; arrangementFeeFixedMinor?: bigint | null };
  allocationOrder?: readonly string[];
  remission?: { maxShareBp: number; jobsPromised: number; deadline: string } | null;
  /** Date the loan is opened (default: the terms' first disbursement date). */
  openedOn?: string;
}

export interface LoanDisburseCommand { loanId: string; amountMinor: bigint; businessDate: string }
export interface LoanRepayCommand { loanId: string; amountMinor: bigint; businessDate: string; idempotencyKey: string }
export interface LoanRepaymentReverseCommand { repaymentId: string; businessDate: string }
export interface LoanRestructureCommand {
  loanId: string;
  businessDate: string;
  instalments: number;
  annualRateBp?: number;
  paymentHoliday?: { periods: number; kind: 'INTEREST_ONLY' | 'DEFERRAL_CAPITALISED' };
  /** Add unpaid interest to the principal (otherwise it is billed again at the next due date). */
  capitaliseInterest?: boolean;
}
export interface LoanRemitCommand { loanId: string; businessDate: string; shareBp: number; jobsKept: number }
export interface LoanDateCommand { loanId: string; businessDate: string }

const ORDER_SET = new Set(DEFAULT_ORDER);

/**
 * The loan's life after the contract. Each command runs in one transaction: it locks the loan row
 * (SELECT … FOR UPDATE), checks the rules, changes the cached balances and posts the balanced
 * journal entry through the books in the same transaction, so a loan and the books never disagree.
 */
export class LoanService {
  private readonly locale: Locale;

  constructor(
    private readonly em: EntityManager,
    options: { locale?: Locale; createdById?: string | null } = {},
  ) {
    this.locale = options.locale ?? DEFAULT_LOCALE;
  }

  /** Opens a loan from a signed contract, in the caller's transaction (nothing is paid out yet). */
  static async openFromContract(em: EntityManager, cmd: OpenFromContractCommand, locale: Locale = DEFAULT_LOCALE): Promise<Loan> {
    const order = (cmd.allocationOrder ?? DEFAULT_ORDER) as AllocationComponent[];
    if (order.length !== 4 || new Set(order).size !== 4 || !order.every((c) => ORDER_SET.has(c))) throw new LoanError(LoanErrorCode.INVALID_TERMS, locale, ['allocationOrder']);
    if (cmd.terms.principalMinor <= 0n) throw new LoanError(LoanErrorCode.INVALID_AMOUNT, locale, ['terms', 'principalMinor']);
    try {
      buildSchedule(cmd.terms); // refuse terms that cannot make a schedule now, not at the first payout
    } catch (error) {
      if (error instanceof ScheduleError) throw new LoanError(LoanErrorCode.INVALID_TERMS, locale, ['terms', ...error.field], error.message);
      throw error;
    }
    if (await em.count(Loan, { contractId: cmd.contractId })) throw new LoanError(LoanErrorCode.CONTRACT_ALREADY_OPENED, locale, ['contractId']);
    const r = cmd.remission;
    if (r && (r.maxShareBp < 0 || r.maxShareBp > 10_000 || !isCalendarDate(r.deadline))) throw new LoanError(LoanErrorCode.INVALID_TERMS, locale, ['remission']);
    const loan = em.create(Loan, {
      contractId: cmd.contractId,
      borrowerClientId: cmd.borrowerClientId,
      productId: cmd.productId,
      terms: storeTerms(cmd.terms),
      approvedPrincipalMinor: cmd.terms.principalMinor,
      penaltyRateBp: cmd.penaltyRateBp,
      feeSchedule: {
        arrangementFeeBp: cmd.feeSchedule?.arrangementFeeBp ?? null,
        arrangementFeeFixedMinor: cmd.feeSchedule?.arrangementFeeFixedMinor?.toString() ?? null,
      },
      allocationOrder: order,
      remissionMaxShareBp: r?.maxShareBp ?? null,
      remissionJobsPromised: r?.jobsPromised ?? null,
      remissionDeadline: r?.deadline ?? null,
      openedOn: cmd.openedOn ?? cmd.terms.firstDisbursementDate,
    } as Loan);
    em.persist(Object.assign(new LoanEvent(), { loanId: loan.id, kind: LoanEventKind.OPENED, businessDate: loan.openedOn, details: { contractId: cmd.contractId } }));
    await em.flush();
    return loan;
  }

  async findById(id: string): Promise<Loan | null> {
    return this.em.findOne(Loan, { id });
  }

  /** Pays out a tranche. The first builds the schedule from the amount paid out; later ones respread the principal. */
  async disburse(cmd: LoanDisburseCommand): Promise<Loan> {
    this.checkAmount(cmd.amountMinor);
    this.checkDate(cmd.businessDate);
    return this.inLoan(cmd.loanId, async (em, loan, books) => {
      if (loan.status !== LoanStatus.CONTRACTED && loan.status !== LoanStatus.ACTIVE) throw this.error(LoanErrorCode.LOAN_NOT_ACTIVE);
      this.checkNotBackdated(loan, cmd.businessDate);
      if (loan.disbursedPrincipalMinor + cmd.amountMinor > loan.approvedPrincipalMinor) throw this.error(LoanErrorCode.DISBURSEMENT_EXCEEDS_APPROVED, ['amount']);
      const first = loan.disbursedPrincipalMinor === 0n;
      if (first) {
        const contract = loan.terms;
        const terms: LoanTerms = {
          ...contract,
          principalMinor: cmd.amountMinor,
          firstDisbursementDate: cmd.businessDate,
          firstDueDate: contract.firstDueDate && contract.firstDueDate > cmd.businessDate ? contract.firstDueDate : undefined,
        };
        let instalments;
        try {
          instalments = buildSchedule(terms);
        } catch (error) {
          if (error instanceof ScheduleError) throw this.error(LoanErrorCode.INVALID_TERMS, error.field, error.message);
          throw error;
        }
        loan.principalOutstandingMinor = cmd.amountMinor;
        loan.accruedThrough = addDays(cmd.businessDate, -1);
        loan.firstDisbursedOn = cmd.businessDate;
        loan.status = LoanStatus.ACTIVE;
        saveScheduleVersion(em, loan, ScheduleReason.DISBURSEMENT, cmd.businessDate, terms, instalments);
      } else {
        loan.principalOutstandingMinor += cmd.amountMinor;
        await rescheduleRemaining(em, loan, ScheduleReason.TRANCHE, cmd.businessDate, this.locale);
      }
      loan.disbursedPrincipalMinor += cmd.amountMinor;
      const fixed = first && loan.feeSchedule.arrangementFeeFixedMinor ? BigInt(loan.feeSchedule.arrangementFeeFixedMinor) : 0n;
      const fee = fixed + (loan.feeSchedule.arrangementFeeBp ? divHalfUp(cmd.amountMinor * BigInt(loan.feeSchedule.arrangementFeeBp), 10_000n) : 0n);
      loan.feeDueMinor += fee;
      const tranche = (await em.count(LoanDisbursement, { loanId: loan.id })) + 1;
      const postings: PostingInput[] = [
        { account: FundAccount.LOANS_PRINCIPAL, side: 'DEBIT', amountMinor: cmd.amountMinor, loanId: loan.id },
        { account: FundAccount.CASH, side: 'CREDIT', amountMinor: cmd.amountMinor },
      ];
      if (fee > 0n) postings.push({ account: FundAccount.FEES_RECEIVABLE, side: 'DEBIT', amountMinor: fee, loanId: loan.id }, { account: FundAccount.FEE_INCOME, side: 'CREDIT', amountMinor: fee });
      const entry = await books.post({ businessDate: cmd.businessDate, kind: 'LOAN_DISBURSEMENT', memo: `Loan ${loan.id}: tranche ${tranche}`, postings, sourceId: loan.id });
      em.create(LoanDisbursement, { loanId: loan.id, tranche, businessDate: cmd.businessDate, amountMinor: cmd.amountMinor, feeMinor: fee, journalEntryId: entry.id } as LoanDisbursement);
      this.event(em, loan, LoanEventKind.DISBURSED, cmd.businessDate, cmd.amountMinor, entry.id, { tranche, feeMinor: fee.toString() });
      return loan;
    });
  }

  /**
   * Books a payment, split by the loan's allocation order. The same idempotency key with the same
   * amount returns the first repayment (a retry); with another amount it is refused.
   */
  async repay(cmd: LoanRepayCommand): Promise<{ loan: Loan; repayment: LoanRepayment; replayed: boolean }> {
    this.checkAmount(cmd.amountMinor);
    this.checkDate(cmd.businessDate);
    const key = cmd.idempotencyKey.trim();
    if (!key || key.length > 200) throw this.error(LoanErrorCode.IDEMPOTENCY_KEY_REUSED, ['idempotencyKey'], 'key must be 1–200 characters');
    return this.inLoan(cmd.loanId, async (em, loan, books) => {
      // Under the loan's lock, so a concurrent retry waits for the first and then finds it here.
      const previous = await em.findOne(LoanRepayment, { loanId: loan.id, idempotencyKey: key }, { refresh: true });
      if (previous) {
        if (previous.amountMinor !== cmd.amountMinor || previous.businessDate !== cmd.businessDate) throw this.error(LoanErrorCode.IDEMPOTENCY_KEY_REUSED, ['idempotencyKey']);
        return { loan, repayment: previous, replayed: true };
      }
      this.checkActive(loan);
      this.checkNotBackdated(loan, cmd.businessDate);
      const a = allocateRepayment(
        cmd.amountMinor,
        {
          penaltyMinor: loan.penaltyDueMinor,
          feeMinor: loan.feeDueMinor,
          interestDueMinor: loan.interestDueMinor,
          interestUnbilledMinor: loan.interestUnbilledMinor,
          principalDueMinor: loan.principalDueMinor,
          principalOutstandingMinor: loan.principalOutstandingMinor,
        },
        loan.allocationOrder,
      );
      if (a.excessMinor > 0n) throw this.error(LoanErrorCode.OVERPAYMENT, ['amount'], `max ${loan.totalOwedMinor()}`);
      const repayment = em.create(LoanRepayment, {
        loanId: loan.id,
        idempotencyKey: key,
        businessDate: cmd.businessDate,
        amountMinor: cmd.amountMinor,
        penaltyMinor: a.penaltyMinor,
        feeMinor: a.feeMinor,
        interestDueMinor: a.interestDueMinor,
        interestUnbilledMinor: a.interestUnbilledMinor,
        principalDueMinor: a.principalDueMinor,
        principalPrepaidMinor: a.principalPrepaidMinor,
        curInstalmentNumber: loan.curInstalmentNumber,
        scheduleVersion: loan.scheduleVersion,
      } as LoanRepayment);
      loan.penaltyDueMinor -= a.penaltyMinor;
      loan.feeDueMinor -= a.feeMinor;
      loan.interestDueMinor -= a.interestDueMinor;
      loan.interestUnbilledMinor -= a.interestUnbilledMinor;
      loan.principalDueMinor -= a.principalDueMinor;
      loan.principalOutstandingMinor -= a.principalDueMinor + a.principalPrepaidMinor;
      loan.settledCumulativeMinor += a.interestDueMinor + a.principalDueMinor;
      await this.refreshArrears(em, loan, cmd.businessDate);
      if (a.principalPrepaidMinor > 0n) await rescheduleRemaining(em, loan, ScheduleReason.PREPAYMENT, cmd.businessDate, this.locale);
      const postings: PostingInput[] = [
        { account: FundAccount.CASH, side: 'DEBIT', amountMinor: cmd.amountMinor },
        { account: FundAccount.PENALTY_RECEIVABLE, side: 'CREDIT', amountMinor: a.penaltyMinor, loanId: loan.id },
        { account: FundAccount.FEES_RECEIVABLE, side: 'CREDIT', amountMinor: a.feeMinor, loanId: loan.id },
        { account: FundAccount.INTEREST_RECEIVABLE, side: 'CREDIT', amountMinor: a.interestDueMinor + a.interestUnbilledMinor, loanId: loan.id },
        { account: FundAccount.LOANS_PRINCIPAL, side: 'CREDIT', amountMinor: a.principalDueMinor + a.principalPrepaidMinor, loanId: loan.id },
      ].filter((p) => p.amountMinor > 0n) as PostingInput[];
      const entry = await books.post({ businessDate: cmd.businessDate, kind: 'LOAN_REPAYMENT', memo: `Loan ${loan.id}: repayment ${key}`, postings, sourceId: repayment.id });
      repayment.journalEntryId = entry.id;
      this.event(em, loan, LoanEventKind.REPAID, cmd.businessDate, cmd.amountMinor, entry.id, { repaymentId: repayment.id });
      return { loan, repayment, replayed: false };
    });
  }

  /** Reverses the loan's latest transaction when it is a repayment (e.g. a bounced transfer): balances are restored and the entry is reversed. */
  async reverseRepayment(cmd: LoanRepaymentReverseCommand): Promise<{ loan: Loan; repayment: LoanRepayment }> {
    this.checkDate(cmd.businessDate);
    const found = await this.em.fork().findOne(LoanRepayment, { id: cmd.repaymentId });
    if (!found) throw this.error(LoanErrorCode.REPAYMENT_NOT_FOUND, ['repaymentId']);
    return this.inLoan(found.loanId, async (em, loan, books) => {
      const r = await em.findOneOrFail(LoanRepayment, { id: cmd.repaymentId }, { refresh: true });
      if (r.status === RepaymentStatus.REVERSED) throw this.error(LoanErrorCode.REPAYMENT_ALREADY_REVERSED);
      this.checkActive(loan);
      const [last] = await sqlRows<{ kind: string; repayment_id: string | null }>(em, `select kind, details->>'repaymentId' as repayment_id from loan_event where loan_id = ? order by seq desc limit 1`, [loan.id]);
      if (last?.kind !== LoanEventKind.REPAID || last.repayment_id !== r.id) throw this.error(LoanErrorCode.REVERSAL_NOT_LATEST);
      if (cmd.businessDate < r.businessDate) throw this.error(LoanErrorCode.BACKDATED, ['businessDate']);
      loan.penaltyDueMinor += r.penaltyMinor;
      loan.feeDueMinor += r.feeMinor;
      loan.interestDueMinor += r.interestDueMinor;
      const billedSince = loan.scheduleVersion !== r.scheduleVersion + (r.principalPrepaidMinor > 0n ? 1 : 0) || loan.curInstalmentNumber !== r.curInstalmentNumber;
      if (billedSince && r.interestUnbilledMinor > 0n) {
        // The instalment it was paid towards has since been billed without it: it is due now.
        loan.interestDueMinor += r.interestUnbilledMinor;
        loan.billedCumulativeMinor += r.interestUnbilledMinor;
        await sqlRows(em, `update loan_instalment set billed_cumulative_through_minor = ? where (schedule_id, number) = (
          select i.schedule_id, i.number from loan_instalment i join loan_schedule s on s.id = i.schedule_id
           where s.loan_id = ? and i.billed_on is not null order by i.billed_on desc, s.version desc, i.number desc limit 1)`, [loan.billedCumulativeMinor.toString(), loan.id]);
      } else {
        loan.interestUnbilledMinor += r.interestUnbilledMinor;
      }
      loan.principalDueMinor += r.principalDueMinor;
      loan.principalOutstandingMinor += r.principalDueMinor + r.principalPrepaidMinor;
      loan.settledCumulativeMinor -= r.interestDueMinor + r.principalDueMinor;
      await this.refreshArrears(em, loan, cmd.businessDate);
      if (r.principalPrepaidMinor > 0n) await rescheduleRemaining(em, loan, ScheduleReason.REVERSAL, cmd.businessDate, this.locale);
      const entry = await books.reverse(r.journalEntryId!, cmd.businessDate, `Loan ${loan.id}: repayment ${r.idempotencyKey} reversed`, { sourceId: r.id });
      r.status = RepaymentStatus.REVERSED;
      r.reversedOn = cmd.businessDate;
      r.reversalEntryId = entry.id;
      this.event(em, loan, LoanEventKind.REPAYMENT_REVERSED, cmd.businessDate, r.amountMinor, entry.id, { repaymentId: r.id });
      return { loan, repayment: r };
    });
  }

  /** A new schedule version for the principal outstanding (arrears included): new term, rate or payment holiday. */
  async restructure(cmd: LoanRestructureCommand): Promise<Loan> {
    this.checkDate(cmd.businessDate);
    return this.inLoan(cmd.loanId, async (em, loan, books) => {
      this.checkActive(loan);
      this.checkNotBackdated(loan, cmd.businessDate);
      if (loan.principalOutstandingMinor === 0n) throw this.error(LoanErrorCode.NOTHING_TO_RESTRUCTURE);
      if (!Number.isInteger(cmd.instalments) || cmd.instalments < 1) throw this.error(LoanErrorCode.INVALID_TERMS, ['instalments']);
      let entryId: string | null = null;
      const unpaidInterest = loan.interestDueMinor + loan.interestUnbilledMinor;
      if (cmd.capitaliseInterest && unpaidInterest > 0n) {
        const entry = await books.post({
          businessDate: cmd.businessDate,
          kind: 'LOAN_INTEREST_CAPITALISED',
          memo: `Loan ${loan.id}: unpaid interest capitalised on restructuring`,
          postings: [
            { account: FundAccount.LOANS_PRINCIPAL, side: 'DEBIT', amountMinor: unpaidInterest, loanId: loan.id },
            { account: FundAccount.INTEREST_RECEIVABLE, side: 'CREDIT', amountMinor: unpaidInterest, loanId: loan.id },
          ],
          sourceId: loan.id,
        });
        entryId = entry.id;
        loan.principalOutstandingMinor += unpaidInterest;
        loan.interestDueMinor = 0n;
        loan.interestUnbilledMinor = 0n;
      } else {
        // Overdue interest goes back to "accrued": it is billed again with the first new instalment.
        loan.interestUnbilledMinor += loan.interestDueMinor;
        loan.interestDueMinor = 0n;
      }
      // Arrears are folded into the new schedule: nothing is overdue any more.
      loan.principalDueMinor = 0n;
      loan.principalNotYetOverdueMinor = 0n;
      loan.notYetOverdueThrough = null;
      loan.settledCumulativeMinor = loan.billedCumulativeMinor;
      loan.oldestUnpaidDueDate = null;
      loan.daysPastDue = 0;
      await rescheduleRemaining(em, loan, ScheduleReason.RESTRUCTURE, cmd.businessDate, this.locale, {
        instalments: cmd.instalments,
        annualRateBp: cmd.annualRateBp,
        paymentHoliday: cmd.paymentHoliday,
      });
      this.event(em, loan, LoanEventKind.RESTRUCTURED, cmd.businessDate, unpaidInterest, entryId, { instalments: cmd.instalments, annualRateBp: cmd.annualRateBp ?? null, capitalised: !!cmd.capitaliseInterest });
      return loan;
    });
  }

  /**
   * Conditional remission (umorzenie): once the promised jobs were created and kept until the
   * contract's deadline, up to the contract's share of the disbursed principal is forgiven
   * (from principal not yet due), once.
   */
  async remit(cmd: LoanRemitCommand): Promise<Loan> {
    this.checkDate(cmd.businessDate);
    return this.inLoan(cmd.loanId, async (em, loan, books) => {
      this.checkActive(loan);
      this.checkNotBackdated(loan, cmd.businessDate);
      if (loan.remissionMaxShareBp === null || loan.remissionJobsPromised === null || loan.remissionDeadline === null) throw this.error(LoanErrorCode.NO_REMISSION_TERMS);
      if (loan.remittedMinor > 0n) throw this.error(LoanErrorCode.REMISSION_ALREADY_GRANTED);
      if (!Number.isInteger(cmd.shareBp) || cmd.shareBp <= 0 || cmd.shareBp > loan.remissionMaxShareBp) throw this.error(LoanErrorCode.REMISSION_SHARE_TOO_HIGH, ['shareBp'], `max ${loan.remissionMaxShareBp} bp`);
      if (cmd.jobsKept < loan.remissionJobsPromised) throw this.error(LoanErrorCode.REMISSION_CONDITIONS_NOT_MET, ['jobsKept']);
      if (cmd.businessDate < loan.remissionDeadline) throw this.error(LoanErrorCode.REMISSION_TOO_EARLY, ['businessDate']);
      const share = divHalfUp(loan.disbursedPrincipalMinor * BigInt(cmd.shareBp), 10_000n);
      const notDue = loan.principalOutstandingMinor - loan.principalDueMinor;
      const amount = share < notDue ? share : notDue;
      if (amount <= 0n) throw this.error(LoanErrorCode.NOTHING_TO_WRITE_OFF);
      const entry = await books.post({
        businessDate: cmd.businessDate,
        kind: 'LOAN_REMISSION',
        memo: `Loan ${loan.id}: ${cmd.shareBp / 100} % of principal forgiven for ${cmd.jobsKept} jobs kept`,
        postings: [
          { account: FundAccount.REMISSION_EXPENSE, side: 'DEBIT', amountMinor: amount, loanId: loan.id },
          { account: FundAccount.LOANS_PRINCIPAL, side: 'CREDIT', amountMinor: amount, loanId: loan.id },
        ],
        sourceId: loan.id,
      });
      loan.principalOutstandingMinor -= amount;
      loan.remittedMinor = amount;
      loan.remittedOn = cmd.businessDate;
      await rescheduleRemaining(em, loan, ScheduleReason.REMISSION, cmd.businessDate, this.locale);
      this.event(em, loan, LoanEventKind.REMITTED, cmd.businessDate, amount, entry.id, { shareBp: cmd.shareBp, jobsKept: cmd.jobsKept });
      return loan;
    });
  }

  /** Writes off everything outstanding against the provision held, the rest as an expense. */
  async writeOff(cmd: LoanDateCommand): Promise<Loan> {
    this.checkDate(cmd.businessDate);
    return this.inLoan(cmd.loanId, async (em, loan, books) => {
      this.checkActive(loan);
      this.checkNotBackdated(loan, cmd.businessDate);
      const total = loan.totalOwedMinor();
      if (total === 0n) throw this.error(LoanErrorCode.NOTHING_TO_WRITE_OFF);
      const id = loan.id;
      const postings = [
        { account: FundAccount.LOAN_LOSS_ALLOWANCE, side: 'DEBIT', amountMinor: loan.provisionMinor, loanId: id },
        { account: FundAccount.PROVISION_EXPENSE, side: 'CREDIT', amountMinor: loan.provisionMinor, loanId: id },
        { account: FundAccount.WRITE_OFF_EXPENSE, side: 'DEBIT', amountMinor: total, loanId: id },
        { account: FundAccount.LOANS_PRINCIPAL, side: 'CREDIT', amountMinor: loan.principalOutstandingMinor, loanId: id },
        { account: FundAccount.INTEREST_RECEIVABLE, side: 'CREDIT', amountMinor: loan.interestDueMinor + loan.interestUnbilledMinor, loanId: id },
        { account: FundAccount.FEES_RECEIVABLE, side: 'CREDIT', amountMinor: loan.feeDueMinor, loanId: id },
        { account: FundAccount.PENALTY_RECEIVABLE, side: 'CREDIT', amountMinor: loan.penaltyDueMinor, loanId: id },
      ].filter((p) => p.amountMinor > 0n) as PostingInput[];
      const entry = await books.post({ businessDate: cmd.businessDate, kind: 'LOAN_WRITE_OFF', memo: `Loan ${id}: written off`, postings, sourceId: id });
      Object.assign(loan, {
        status: LoanStatus.WRITTEN_OFF,
        writtenOffMinor: total,
        writtenOffOn: cmd.businessDate,
        principalOutstandingMinor: 0n,
        principalDueMinor: 0n,
        interestDueMinor: 0n,
        interestUnbilledMinor: 0n,
        feeDueMinor: 0n,
        penaltyDueMinor: 0n,
        provisionMinor: 0n,
        curInstalmentNumber: null,
      });
      this.event(em, loan, LoanEventKind.WRITTEN_OFF, cmd.businessDate, total, entry.id, {});
      return loan;
    });
  }

  /** Closes a loan that owes nothing (repaid, remitted or written off), releasing any provision left. */
  async close(cmd: LoanDateCommand): Promise<Loan> {
    this.checkDate(cmd.businessDate);
    return this.inLoan(cmd.loanId, async (em, loan, books) => {
      if (loan.status === LoanStatus.CLOSED) throw this.error(LoanErrorCode.LOAN_NOT_ACTIVE);
      if (loan.totalOwedMinor() > 0n) throw this.error(LoanErrorCode.LOAN_NOT_SETTLED, [], `${loan.totalOwedMinor()}`);
      this.checkNotBackdated(loan, cmd.businessDate);
      let entryId: string | null = null;
      if (loan.provisionMinor > 0n) {
        const entry = await books.post({
          businessDate: cmd.businessDate,
          kind: 'LOAN_PROVISION',
          memo: `Loan ${loan.id}: provision released on closing`,
          postings: [
            { account: FundAccount.LOAN_LOSS_ALLOWANCE, side: 'DEBIT', amountMinor: loan.provisionMinor, loanId: loan.id },
            { account: FundAccount.PROVISION_EXPENSE, side: 'CREDIT', amountMinor: loan.provisionMinor, loanId: loan.id },
          ],
          sourceId: loan.id,
        });
        entryId = entry.id;
        loan.provisionMinor = 0n;
      }
      loan.status = LoanStatus.CLOSED;
      loan.closedOn = cmd.businessDate;
      loan.curInstalmentNumber = null;
      this.event(em, loan, LoanEventKind.CLOSED, cmd.businessDate, 0n, entryId, {});
      return loan;
    });
  }

  // ——— helpers ———

  private async inLoan<T>(loanId: string, work: (em: EntityManager, loan: Loan, books: BooksService) => Promise<T>): Promise<T> {
    return this.em.transactional(async (em) => {
      const loan = await em.findOne(Loan, { id: loanId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!loan) throw this.error(LoanErrorCode.LOAN_NOT_FOUND, ['loanId']);
      const result = await work(em, loan, new BooksService(em));
      await em.flush();
      return result;
    });
  }

  private async refreshArrears(em: EntityManager, loan: Loan, businessDate: string): Promise<void> {
    loan.oldestUnpaidDueDate = await oldestUnpaidDueDate(em, loan);
    const asOf = loan.accruedThrough && loan.accruedThrough > businessDate ? loan.accruedThrough : businessDate;
    loan.daysPastDue = loan.oldestUnpaidDueDate ? Math.max(0, Math.round((Date.parse(asOf) - Date.parse(loan.oldestUnpaidDueDate)) / 86_400_000)) : 0;
  }

  private event(em: EntityManager, loan: Loan, kind: LoanEventKind, businessDate: string, amountMinor: bigint, journalEntryId: string | null, details: Record<string, unknown>): void {
    em.persist(Object.assign(new LoanEvent(), { loanId: loan.id, kind, businessDate, amountMinor, journalEntryId, details }));
  }

  private checkAmount(amount: bigint): void {
    if (typeof amount !== 'bigint' || amount <= 0n) throw this.error(LoanErrorCode.INVALID_AMOUNT, ['amount']);
  }

  private checkDate(date: string): void {
    if (typeof date !== 'string' || !isCalendarDate(date)) throw this.error(LoanErrorCode.INVALID_DATE, ['businessDate']);
  }

  private checkActive(loan: Loan): void {
    if (loan.status === LoanStatus.CONTRACTED) throw this.error(LoanErrorCode.LOAN_NOT_DISBURSED);
    if (loan.status !== LoanStatus.ACTIVE) throw this.error(LoanErrorCode.LOAN_NOT_ACTIVE);
  }

  /** A transaction may not be dated before a business day the close has already processed for the loan. */
  private checkNotBackdated(loan: Loan, businessDate: string): void {
    if (loan.accruedThrough && businessDate < loan.accruedThrough) throw this.error(LoanErrorCode.BACKDATED, ['businessDate'], `after ${loan.accruedThrough}`);
  }

  private error(code: LoanErrorCode, field: string[] = [], detail?: string): LoanError {
    return new LoanError(code, this.locale, field, detail);
  }
}

