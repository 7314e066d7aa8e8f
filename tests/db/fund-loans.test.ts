import type { EntityManager } from '@mikro-orm/postgresql';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { BooksService, FundAccount as A } from '../../api/src/fund/books';
import { Loan, LoanError, LoanErrorCode, LoanService, LoanSchedule, LoanInstalment, LoanStatus } from '../../api/src/fund/loans';
import { closeThrough, runCloseOfBusinessCommand } from '../../api/src/fund/close';
import { ensureLoanSchema, openTestLoan } from '../../api/src/fund/loans/testing/loan-fixtures';
import { Locale } from '../../api/src/shared/i18n';

/** The loan's life after the contract against a real PostgreSQL, with the books checked after each step. */
describe('fund loans', () => {
  let db: TestDatabase;
  // A database per test: the close of business runs once per business date for the whole portfolio.
  beforeEach(async () => {
    db = await createTestDatabase('fund_loans');
    await ensureLoanSchema(db.orm);
  });
  afterEach(async () => db?.drop());

  const service = (locale = Locale.pl) => new LoanService(db.orm.em.fork(), { locale });
  const reload = (id: string) => db.orm.em.fork().findOneOrFail(Loan, { id });
  const books = <T>(work: (b: BooksService) => Promise<T>) => db.orm.em.fork().transactional((em) => work(new BooksService(em as EntityManager)));

  async function refused(promise: Promise<unknown>): Promise<LoanError> {
    const error = await promise.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(LoanError);
    return error as LoanError;
  }

  /** The loan's cached balances equal its sub-ledger in the books, and the books are healthy. */
  async function expectBooksAgree(loan: Loan) {
    await books(async (b) => {
      expect(await b.balance(A.LOANS_PRINCIPAL, { loanId: loan.id })).toBe(loan.principalOutstandingMinor);
      expect(await b.balance(A.INTEREST_RECEIVABLE, { loanId: loan.id })).toBe(loan.interestDueMinor + loan.interestUnbilledMinor);
      expect(await b.balance(A.FEES_RECEIVABLE, { loanId: loan.id })).toBe(loan.feeDueMinor);
      expect(await b.balance(A.PENALTY_RECEIVABLE, { loanId: loan.id })).toBe(loan.penaltyDueMinor);
      expect(await b.balance(A.LOAN_LOSS_ALLOWANCE, { loanId: loan.id })).toBe(loan.provisionMinor);
      const tb = await b.trialBalance();
      expect(tb.reduce((s, l) => s + l.netMinor, 0n)).toBe(0n);
      expect((await b.replayBalances()).mismatches).toEqual([]);
    });
  }

  it('opens from a contract, pays out, builds the schedule from the amount paid out, and bills, accrues and collects it', async () => {
    const opened = await openTestLoan(db.orm.em.fork(), { feeSchedule: { arrangementFeeBp: 100 } });
    expect(opened.status).toBe(LoanStatus.CONTRACTED);
    const s = service();
    const loan = await s.disburse({ loanId: opened.id, amountMinor: 10_000_000n, businessDate: '2026-01-15' });
    expect(loan.status).toBe(LoanStatus.ACTIVE);
    expect(loan.feeDueMinor).toBe(100_000n);
    const instalments = await db.orm.em.fork().find(LoanInstalment, { scheduleId: loan.scheduleId! }, { orderBy: { number: 'asc' } });
    expect(instalments).toHaveLength(12);
    expect(instalments.reduce((sum, i) => sum + i.principalMinor, 0n)).toBe(10_000_000n);
    const first = instalments[0];

    // The close of the day before the due date (15 Feb, a Sunday, moved to Monday 16 Feb) bills the instalment with its full interest.
    await closeThrough(db.orm.em.fork(), '2026-02-15', { from: '2026-01-15' });
    expect(first.dueDate).toBe('2026-02-16');
    let now = await reload(loan.id);
    expect(now.principalDueMinor).toBe(first.principalMinor);
    expect(now.interestDueMinor).toBe(first.interestMinor);
    // The same close already accrues the first day of the second period.
    expect(now.interestUnbilledMinor).toBeGreaterThan(0n);
    expect(now.interestAccruedTotalMinor).toBe(first.interestMinor + now.interestUnbilledMinor);
    expect(now.daysPastDue).toBe(0);
    await expectBooksAgree(now);

    // Paying fee + the instalment on its due date settles what is due; nothing is overdue.
    const { repayment } = await s.repay({ loanId: loan.id, amountMinor: 100_000n + first.totalMinor, businessDate: first.dueDate, idempotencyKey: 'T-1' });
    expect(repayment.feeMinor).toBe(100_000n);
    expect(repayment.principalDueMinor).toBe(first.principalMinor);
    expect(repayment.principalPrepaidMinor).toBe(0n);
    now = await reload(loan.id);
    expect(now.totalOwedMinor()).toBe(now.principalOutstandingMinor + now.interestUnbilledMinor);
    expect(now.oldestUnpaidDueDate).toBeNull();
    await expectBooksAgree(now);
  });

  it('counts days past due, charges penalty interest and provisions by bucket when an instalment is not paid', async () => {
    const opened = await openTestLoan(db.orm.em.fork());
    const s = service();
    await s.disburse({ loanId: opened.id, amountMinor: 12_000_000n, businessDate: '2026-01-15' });
    await closeThrough(db.orm.em.fork(), '2026-03-31', { from: '2026-01-15' });
    const now = await reload(opened.id);
    expect(now.oldestUnpaidDueDate).toBe('2026-02-16'); // 15 Feb 2026 is a Sunday: FOLLOWING moves it
    expect(now.daysPastDue).toBe(43);
    expect(now.penaltyDueMinor).toBeGreaterThan(0n);
    expect(now.arrearsBucket).toBe('DPD_31_90');
    expect(now.provisionMinor).toBe((now.principalOutstandingMinor * 2500n * 2n + 10_000n) / 20_000n);
    await expectBooksAgree(now);
  });

  it('charges penalty interest on overdue principal only — not on an instalment billed the day before it falls due, nor on its due date', async () => {
    const opened = await openTestLoan(db.orm.em.fork()); // 14 % a year penalty interest
    await service().disburse({ loanId: opened.id, amountMinor: 12_000_000n, businessDate: '2026-01-15' });
    const [first, second, third] = await db.orm.em.fork().find(LoanInstalment, { scheduleId: (await reload(opened.id)).scheduleId! }, { orderBy: { number: 'asc' } });
    expect([first.dueDate, second.dueDate, third.dueDate]).toEqual(['2026-02-16', '2026-03-16', '2026-04-15']); // 15 Feb and 15 Mar are Sundays
    await closeThrough(db.orm.em.fork(), '2026-03-31', { from: '2026-01-15' });

    // Nothing is paid. The first instalment is overdue from 17 Feb; the second is billed at the close
    // of 15 Mar, is on time on 16 Mar and overdue from 17 Mar. One day's penalty: principal × 14 % / 365, half-up.
    const day = (principal: bigint) => (principal * 1400n * 2n + 3_650_000n) / 7_300_000n;
    const onFirstOnly = 28n; // 17–28 Feb (12 days) and 1–16 Mar (16 days)
    const onBoth = 15n; // 17–31 Mar
    const now = await reload(opened.id);
    expect(now.principalDueMinor).toBe(first.principalMinor + second.principalMinor);
    expect(now.penaltyDueMinor).toBe(onFirstOnly * day(first.principalMinor) + onBoth * day(first.principalMinor + second.principalMinor));
    await expectBooksAgree(now);
  });

  it('settles penalties, then fees, then interest, then principal by default, and follows a loan’s own order', async () => {
    const make = async (allocationOrder?: string[]) => {
      const opened = await openTestLoan(db.orm.em.fork(), { feeSchedule: { arrangementFeeFixedMinor: 5_000n }, allocationOrder });
      await service().disburse({ loanId: opened.id, amountMinor: 12_000_000n, businessDate: '2026-01-15' });
      return opened.id;
    };
    const byDefault = await make();
    const principalFirst = await make(['PRINCIPAL', 'INTEREST', 'FEE', 'PENALTY']);
    await closeThrough(db.orm.em.fork(), '2026-04-10', { from: '2026-01-15' });
    const before = await reload(byDefault);
    const amount = before.penaltyDueMinor + before.feeDueMinor + 1_000n;
    const { repayment: a } = await service().repay({ loanId: byDefault, amountMinor: amount, businessDate: '2026-04-10', idempotencyKey: 'A' });
    expect([a.penaltyMinor, a.feeMinor, a.interestDueMinor, a.principalDueMinor]).toEqual([before.penaltyDueMinor, 5_000n, 1_000n, 0n]);
    const { repayment: b } = await service().repay({ loanId: principalFirst, amountMinor: amount, businessDate: '2026-04-10', idempotencyKey: 'A' });
    expect(b.principalDueMinor).toBe(amount);
    expect(b.penaltyMinor + b.feeMinor + b.interestDueMinor).toBe(0n);
    await expectBooksAgree(await reload(byDefault));
    await expectBooksAgree(await reload(principalFirst));
  });

  it('refuses with typed errors, in Polish by default and in English on request', async () => {
    const opened = await openTestLoan(db.orm.em.fork(), { remission: { maxShareBp: 4000, jobsPromised: 3, deadline: '2027-01-31' } });
    expect((await refused(service().repay({ loanId: opened.id, amountMinor: 100n, businessDate: '2026-01-20', idempotencyKey: 'x' }))).code).toBe(LoanErrorCode.LOAN_NOT_DISBURSED);
    expect((await refused(service().disburse({ loanId: opened.id, amountMinor: 12_000_001n, businessDate: '2026-01-15' }))).code).toBe(LoanErrorCode.DISBURSEMENT_EXCEEDS_APPROVED);
    await service().disburse({ loanId: opened.id, amountMinor: 6_000_000n, businessDate: '2026-01-15' });
    const over = await refused(service().repay({ loanId: opened.id, amountMinor: 6_000_001n, businessDate: '2026-01-16', idempotencyKey: 'x' }));
    expect(over.code).toBe(LoanErrorCode.OVERPAYMENT);
    expect(over.message).toMatch(/przekracza/);
    expect((await refused(service(Locale.en).repay({ loanId: opened.id, amountMinor: 6_000_001n, businessDate: '2026-01-16', idempotencyKey: 'x' }))).message).toMatch(/exceeds/);
    expect((await refused(service().close({ loanId: opened.id, businessDate: '2026-01-16' }))).code).toBe(LoanErrorCode.LOAN_NOT_SETTLED);
    expect((await refused(service().remit({ loanId: opened.id, businessDate: '2026-06-01', shareBp: 4000, jobsKept: 3 }))).code).toBe(LoanErrorCode.REMISSION_TOO_EARLY);
    expect((await refused(service().remit({ loanId: opened.id, businessDate: '2027-02-01', shareBp: 4001, jobsKept: 3 }))).code).toBe(LoanErrorCode.REMISSION_SHARE_TOO_HIGH);
    expect((await refused(service().remit({ loanId: opened.id, businessDate: '2027-02-01', shareBp: 4000, jobsKept: 2 }))).code).toBe(LoanErrorCode.REMISSION_CONDITIONS_NOT_MET);
    expect((await refused(service().disburse({ loanId: '00000000-0000-4000-8000-000000000000', amountMinor: 1n, businessDate: '2026-01-15' }))).code).toBe(LoanErrorCode.LOAN_NOT_FOUND);
  });

  it('returns the first result for a retry with the same key and amount, and refuses the key with another amount', async () => {
    const opened = await openTestLoan(db.orm.em.fork());
    await service().disburse({ loanId: opened.id, amountMinor: 12_000_000n, businessDate: '2026-01-15' });
    const first = await service().repay({ loanId: opened.id, amountMinor: 50_000n, businessDate: '2026-01-20', idempotencyKey: 'BANK-1' });
    const again = await service().repay({ loanId: opened.id, amountMinor: 50_000n, businessDate: '2026-01-20', idempotencyKey: 'BANK-1' });
    expect(again.replayed).toBe(true);
    expect(again.repayment.id).toBe(first.repayment.id);
    expect((await refused(service().repay({ loanId: opened.id, amountMinor: 50_001n, businessDate: '2026-01-20', idempotencyKey: 'BANK-1' }))).code).toBe(LoanErrorCode.IDEMPOTENCY_KEY_REUSED);
    expect((await reload(opened.id)).principalOutstandingMinor).toBe(12_000_000n - 50_000n);
  });

  it('respreads an early repayment over the remaining instalments as a new schedule version, and takes a full payoff to zero', async () => {
    const opened = await openTestLoan(db.orm.em.fork());
    const s = service();
    await s.disburse({ loanId: opened.id, amountMinor: 12_000_000n, businessDate: '2026-01-15' });
    await closeThrough(db.orm.em.fork(), '2026-01-31', { from: '2026-01-15' });
    const before = await reload(opened.id);
    expect(before.interestUnbilledMinor).toBeGreaterThan(0n);
    const { repayment } = await s.repay({ loanId: opened.id, amountMinor: 3_000_000n, businessDate: '2026-02-01', idempotencyKey: 'early' });
    expect(repayment.interestUnbilledMinor).toBe(before.interestUnbilledMinor);
    expect(repayment.principalPrepaidMinor).toBe(3_000_000n - before.interestUnbilledMinor);
    const after = await reload(opened.id);
    expect(after.scheduleVersion).toBe(2);
    const v2 = await db.orm.em.fork().find(LoanInstalment, { scheduleId: after.scheduleId! }, { orderBy: { number: 'asc' } });
    expect(v2).toHaveLength(12);
    expect(v2.reduce((sum, i) => sum + i.principalMinor, 0n)).toBe(after.principalOutstandingMinor);
    await expectBooksAgree(after);
    await s.repay({ loanId: opened.id, amountMinor: after.totalOwedMinor(), businessDate: '2026-02-01', idempotencyKey: 'payoff' });
    const paid = await reload(opened.id);
    expect(paid.totalOwedMinor()).toBe(0n);
    const closed = await s.close({ loanId: opened.id, businessDate: '2026-02-02' });
    expect(closed.status).toBe(LoanStatus.CLOSED);
    expect(closed.provisionMinor).toBe(0n);
    await expectBooksAgree(await reload(opened.id));
  });

  it('restructures arrears into a new schedule version and keeps the old version in the history', async () => {
    const opened = await openTestLoan(db.orm.em.fork());
    const s = service();
    await s.disburse({ loanId: opened.id, amountMinor: 12_000_000n, businessDate: '2026-01-15' });
    await closeThrough(db.orm.em.fork(), '2026-04-20', { from: '2026-01-15' });
    const late = await reload(opened.id);
    expect(late.daysPastDue).toBeGreaterThan(30);
    const restructured = await s.restructure({ loanId: opened.id, businessDate: '2026-04-21', instalments: 24, annualRateBp: 300, capitaliseInterest: true });
    expect(restructured.daysPastDue).toBe(0);
    expect(restructured.principalDueMinor).toBe(0n);
    expect(restructured.principalOutstandingMinor).toBe(late.principalOutstandingMinor + late.interestDueMinor + late.interestUnbilledMinor);
    const versions = await db.orm.em.fork().find(LoanSchedule, { loanId: opened.id }, { orderBy: { version: 'asc' } });
    expect(versions.map((v) => v.reason)).toEqual(['DISBURSEMENT', 'RESTRUCTURE']);
    expect(await db.orm.em.fork().count(LoanInstalment, { scheduleId: versions[0].id })).toBe(12);
    expect(await db.orm.em.fork().count(LoanInstalment, { scheduleId: versions[1].id })).toBe(24);
    await expectBooksAgree(await reload(opened.id));
  });

  it('forgives up to 40 % of the principal once the promised jobs were kept until the deadline, once', async () => {
    const opened = await openTestLoan(db.orm.em.fork(), { remission: { maxShareBp: 4000, jobsPromised: 2, deadline: '2026-02-10' } });
    const s = service();
    await s.disburse({ loanId: opened.id, amountMinor: 10_000_000n, businessDate: '2026-01-15' });
    const remitted = await s.remit({ loanId: opened.id, businessDate: '2026-02-10', shareBp: 4000, jobsKept: 2 });
    expect(remitted.remittedMinor).toBe(4_000_000n);
    expect(remitted.principalOutstandingMinor).toBe(6_000_000n);
    expect((await refused(s.remit({ loanId: opened.id, businessDate: '2026-02-11', shareBp: 100, jobsKept: 2 }))).code).toBe(LoanErrorCode.REMISSION_ALREADY_GRANTED);
    await books(async (b) => expect(await b.balance(A.REMISSION_EXPENSE, { loanId: opened.id })).toBe(4_000_000n));
    await expectBooksAgree(await reload(opened.id));
  });

  it('writes a loan off against its provision, then takes no payments and can be closed', async () => {
    const opened = await openTestLoan(db.orm.em.fork());
    const s = service();
    await s.disburse({ loanId: opened.id, amountMinor: 12_000_000n, businessDate: '2026-01-15' });
    await closeThrough(db.orm.em.fork(), '2026-03-20', { from: '2026-01-15' });
    const before = await reload(opened.id);
    const written = await s.writeOff({ loanId: opened.id, businessDate: '2026-03-21' });
    expect(written.status).toBe(LoanStatus.WRITTEN_OFF);
    expect(written.writtenOffMinor).toBe(before.totalOwedMinor());
    expect(written.totalOwedMinor()).toBe(0n);
    expect((await refused(s.repay({ loanId: opened.id, amountMinor: 1n, businessDate: '2026-03-22', idempotencyKey: 'late' }))).code).toBe(LoanErrorCode.LOAN_NOT_ACTIVE);
    await expectBooksAgree(await reload(opened.id));
    expect((await s.close({ loanId: opened.id, businessDate: '2026-03-22' })).status).toBe(LoanStatus.CLOSED);
  });

  it('reverses the latest repayment and restores what was owed', async () => {
    const opened = await openTestLoan(db.orm.em.fork());
    const s = service();
    await s.disburse({ loanId: opened.id, amountMinor: 12_000_000n, businessDate: '2026-01-15' });
    const before = await reload(opened.id);
    const { repayment } = await s.repay({ loanId: opened.id, amountMinor: 2_000_000n, businessDate: '2026-01-20', idempotencyKey: 'bounce' });
    const { repayment: reversed, loan } = await s.reverseRepayment({ repaymentId: repayment.id, businessDate: '2026-01-22' });
    expect(reversed.status).toBe('REVERSED');
    expect(loan.principalOutstandingMinor).toBe(before.principalOutstandingMinor);
    expect(loan.scheduleVersion).toBe(3);
    expect((await refused(s.reverseRepayment({ repaymentId: repayment.id, businessDate: '2026-01-22' }))).code).toBe(LoanErrorCode.REPAYMENT_ALREADY_REVERSED);
    await expectBooksAgree(await reload(opened.id));
  });

  it('closes missed business days from the command line, printing each step, and then has nothing to do', async () => {
    const opened = await openTestLoan(db.orm.em.fork());
    await service().disburse({ loanId: opened.id, amountMinor: 12_000_000n, businessDate: '2026-01-15' });
    const lines: string[] = [];
    expect(await runCloseOfBusinessCommand(db.orm.em.fork(), ['--from', '2026-01-15', '--date', '2026-01-17'], (l) => lines.push(l))).toBe(0);
    expect(lines.filter((l) => l.includes('DONE')).map((l) => l.slice(0, 10))).toEqual(['2026-01-15', '2026-01-16', '2026-01-17']);
    expect((await reload(opened.id)).accruedThrough).toBe('2026-01-17');
    const again: string[] = [];
    expect(await runCloseOfBusinessCommand(db.orm.em.fork(), ['--date', '2026-01-17'], (l) => again.push(l))).toBe(0);
    expect(again).toEqual(['Nothing to close: 2026-01-17 is already closed.']);
    expect(await runCloseOfBusinessCommand(db.orm.em.fork(), ['--date', '17.01.2026'], () => undefined)).toBe(2);
  });
});
