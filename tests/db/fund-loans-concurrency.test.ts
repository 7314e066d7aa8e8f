import type { EntityManager } from '@mikro-orm/postgresql';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { BooksService, FundAccount as A } from '../../api/src/fund/books';
import { Loan, LoanError, LoanErrorCode, LoanRepayment, LoanService } from '../../api/src/fund/loans';
import { ensureLoanSchema, openTestLoan } from '../../api/src/fund/loans/testing/loan-fixtures';

/**
 * Many requests on one loan at once, each on its own connection (an entity-manager fork with a
 * pool large enough for all of them): the loan-row lock serialises them, so nothing is lost or doubled.
 */
describe('fund loans under concurrent requests', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('fund_loans_conc', { poolMax: 60 });
    await ensureLoanSchema(db.orm);
  });
  afterAll(async () => db?.drop());

  const count = async (sql: string, params: unknown[]) => Number((await db.orm.em.fork().getConnection().execute(sql, params))[0].n);

  async function disbursedLoan(): Promise<string> {
    const loan = await openTestLoan(db.orm.em.fork());
    await new LoanService(db.orm.em.fork()).disburse({ loanId: loan.id, amountMinor: 12_000_000n, businessDate: '2026-01-15' });
    return loan.id;
  }

  it('books 50 different repayments sent at once, each exactly once, with no lost update', async () => {
    const loanId = await disbursedLoan();
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => new LoanService(db.orm.em.fork()).repay({ loanId, amountMinor: 10_000n + BigInt(i), businessDate: '2026-01-20', idempotencyKey: `P-${i}` })),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const paid = Array.from({ length: 50 }, (_, i) => 10_000n + BigInt(i)).reduce((s, x) => s + x, 0n);
    const loan = await db.orm.em.fork().findOneOrFail(Loan, { id: loanId });
    expect(loan.principalOutstandingMinor).toBe(12_000_000n - paid);
    expect(await db.orm.em.fork().count(LoanRepayment, { loanId })).toBe(50);
    expect(await count(`select count(*) as n from fund_journal_entry where kind = 'LOAN_REPAYMENT' and memo like ?`, [`Loan ${loanId}:%`])).toBe(50);
    await db.orm.em.fork().transactional(async (em) => {
      const books = new BooksService(em as EntityManager);
      expect(await books.balance(A.LOANS_PRINCIPAL, { loanId })).toBe(loan.principalOutstandingMinor);
      expect((await books.replayBalances()).mismatches).toEqual([]);
    });
    expect(loan.scheduleVersion).toBe(51); // each early repayment made a version; none was lost
  }, 120_000);

  it('books 50 simultaneous retries of one repayment once, and refuses the same key with another amount', async () => {
    const loanId = await disbursedLoan();
    const retries = Array.from({ length: 50 }, () => new LoanService(db.orm.em.fork()).repay({ loanId, amountMinor: 77_700n, businessDate: '2026-01-20', idempotencyKey: 'BANK-42' }));
    const imposter = new LoanService(db.orm.em.fork()).repay({ loanId, amountMinor: 77_701n, businessDate: '2026-01-20', idempotencyKey: 'BANK-42' });
    const [results, wrong] = await Promise.all([Promise.allSettled(retries), imposter.then(() => null, (e: unknown) => e)]);
    const ok = results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<Awaited<(typeof retries)[number]>>).value);
    // The imposter may win the race (then all 50 retries are refused) or lose it (then it is refused).
    if (wrong === null) {
      expect(ok).toHaveLength(0);
    } else {
      expect(wrong).toBeInstanceOf(LoanError);
      expect((wrong as LoanError).code).toBe(LoanErrorCode.IDEMPOTENCY_KEY_REUSED);
      expect(ok).toHaveLength(50);
      expect(new Set(ok.map((r) => r.repayment.id)).size).toBe(1);
      expect(ok.filter((r) => !r.replayed)).toHaveLength(1);
    }
    expect(await db.orm.em.fork().count(LoanRepayment, { loanId })).toBe(1);
    expect(await count(`select count(*) as n from fund_journal_entry where kind = 'LOAN_REPAYMENT' and memo like ?`, [`Loan ${loanId}:%`])).toBe(1);
    const loan = await db.orm.em.fork().findOneOrFail(Loan, { id: loanId });
    const repayment = await db.orm.em.fork().findOneOrFail(LoanRepayment, { loanId });
    expect(loan.principalOutstandingMinor).toBe(12_000_000n - repayment.principalPrepaidMinor);
    expect([77_700n, 77_701n]).toContain(repayment.amountMinor);
  }, 120_000);
});
