import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { BooksService, FundAccount } from '../../api/src/fund/books';
import { GuaranteeError, GuaranteeErrorCode, GuaranteeService, exposureLimit, refreshGuaranteeExposure } from '../../api/src/fund/guarantees';

const PLN = (zl: number) => BigInt(zl) * 100n;

/** The guarantee fund against a real PostgreSQL: limit, exposure, call → payout → recovery and the books behind them. */
describe('guarantee fund', () => {
  let db: TestDatabase;
  let partnerId: string;

  beforeAll(async () => {
    db = await createTestDatabase('fund_guarantees');
    partnerId = (await tx((s) => s.createPartner({ name: 'Bank Spółdzielczy w Przykładowie', nip: '5260250995' }))).id;
  });
  afterAll(async () => db?.drop());

  function tx<T>(work: (service: GuaranteeService, em: EntityManager) => Promise<T>): Promise<T> {
    return db.orm.em.fork().transactional((em) => work(new GuaranteeService(em as EntityManager), em as EntityManager));
  }
  const sql = async <T = Record<string, unknown>>(query: string, params: unknown[] = []) => (await db.orm.em.fork().getConnection().execute(query, params)) as T[];

  async function fundWithProduct(capitalZl: number, multiplierBp: number, product: { coverageBp?: number; capZl?: number; feeBp?: number; maxTermMonths?: number } = {}) {
    return tx(async (s) => {
      const fund = await s.createFund({ name: `Fundusz ${randomUUID().slice(0, 8)}`, capitalMinor: PLN(capitalZl), multiplierBp, businessDate: '2027-01-02' });
      const p = await s.createProduct({
        fundId: fund.id,
        name: 'Poręczenie 80 %',
        coverageBp: product.coverageBp ?? 8_000,
        capMinor: PLN(product.capZl ?? 500_000),
        feeBp: product.feeBp ?? 50,
        maxTermMonths: product.maxTermMonths ?? 84,
      });
      return { fund, product: p };
    });
  }

  const issue = (productId: string, principalZl: number, issuedOn = '2027-01-10', termMonths = 36) =>
    tx((s) => s.issue({ productId, partnerLenderId: partnerId, borrowerName: 'Spółdzielnia Socjalna „Razem”', partnerLoanReference: randomUUID(), loanPrincipalMinor: PLN(principalZl), termMonths, issuedOn }));

  async function errorCode(promise: Promise<unknown>): Promise<string | null> {
    return promise.then(
      () => null,
      (e: unknown) => {
        if (e instanceof GuaranteeError) return e.code;
        throw e;
      },
    );
  }

  async function assertBooksHealthy() {
    const unbalanced = await sql(
      `select entry_id from fund_posting group by entry_id having sum(amount_minor) filter (where side = 'DEBIT') is distinct from sum(amount_minor) filter (where side = 'CREDIT')`,
    );
    expect(unbalanced).toEqual([]);
    const books = new BooksService(db.orm.em.fork() as EntityManager);
    const trial = await books.trialBalance();
    expect(trial.reduce((s, l) => s + l.netMinor, 0n)).toBe(0n);
    expect((await books.replayBalances()).mismatches).toEqual([]);
  }

  it('issues a guarantee covering 80 % of the principal up to the cap, and books the fee', async () => {
    const { product } = await fundWithProduct(1_000_000, 50_000);
    const small = await issue(product.id, 100_000);
    expect(small.exposureMinor).toBe(PLN(80_000));
    expect(small.feeMinor).toBe(PLN(400)); // 0.5 % of 80 000
    const large = await issue(product.id, 1_000_000);
    expect(large.exposureMinor).toBe(PLN(500_000)); // capped
    const books = new BooksService(db.orm.em.fork() as EntityManager);
    expect(await books.balance(FundAccount.GUARANTEE_FEE_INCOME, { guaranteeId: large.id })).toBe(PLN(2_500));
    await assertBooksHealthy();
  });

  it('refuses a guarantee that would take the fund above multiplier × capital', async () => {
    const { fund, product } = await fundWithProduct(100_000, 20_000, { coverageBp: 10_000 }); // limit 200 000 zł
    await issue(product.id, 150_000);
    expect(await errorCode(issue(product.id, 60_000))).toBe(GuaranteeErrorCode.EXPOSURE_LIMIT_EXCEEDED);
    await issue(product.id, 50_000); // exactly at the limit
    const after = await tx((s) => s.fund(fund.id));
    expect(after.exposureMinor).toBe(exposureLimit(after.capitalMinor, after.multiplierBp));
  });

  it('lets only one of two concurrent issues through when both together would breach the limit', async () => {
    const { fund, product } = await fundWithProduct(100_000, 10_000, { coverageBp: 10_000, feeBp: 0 }); // limit 100 000 zł
    const attempt = (delayMs: number) =>
      new Promise((r) => setTimeout(r, delayMs)).then(() =>
        tx(async (s) => {
          const g = await s.issue({ productId: product.id, partnerLenderId: partnerId, borrowerName: 'B', partnerLoanReference: randomUUID(), loanPrincipalMinor: PLN(60_000), termMonths: 12, issuedOn: '2027-01-10' });
          await new Promise((r) => setTimeout(r, 300)); // hold the transaction open while the other one tries
          return g;
        }),
      );
    const results = await Promise.allSettled([attempt(0), attempt(50)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as GuaranteeError).code).toBe(GuaranteeErrorCode.EXPOSURE_LIMIT_EXCEEDED);
    expect((await tx((s) => s.fund(fund.id))).exposureMinor).toBe(PLN(60_000));
  });

  it('lowers exposure as the partner reports the loan being repaid, and lets the daily close expire it', async () => {
    const { product } = await fundWithProduct(1_000_000, 50_000);
    const g = await issue(product.id, 200_000, '2027-01-10', 12);
    const reported = await tx((s) => s.reportExposure(g.id, '2027-04-01', PLN(150_000)));
    expect(reported.exposureMinor).toBe(PLN(120_000));
    expect(await errorCode(tx((s) => s.reportExposure(g.id, '2027-03-01', PLN(140_000))))).toBe(GuaranteeErrorCode.DATE_BEFORE_LAST_EVENT);
    expect(await errorCode(tx((s) => s.reportExposure(g.id, '2027-05-01', PLN(250_000))))).toBe(GuaranteeErrorCode.OUTSTANDING_ABOVE_PRINCIPAL);
    const refreshed = await db.orm.em.fork().transactional((em) => refreshGuaranteeExposure(em as EntityManager, '2028-01-10'));
    expect(refreshed.expired).toBeGreaterThanOrEqual(1);
    const expired = await tx((s) => s.guarantee(g.id));
    expect(expired).toMatchObject({ status: 'EXPIRED', exposureMinor: 0n });
  });

  it('books a call, a payout from the guarantee fund’s cash and a recovery back, each a balanced entry', async () => {
    const { product } = await fundWithProduct(1_000_000, 50_000);
    const g = await issue(product.id, 100_000);
    const books = () => new BooksService(db.orm.em.fork() as EntityManager);
    const cashBefore = await books().balance(FundAccount.GUARANTEE_CASH);
    expect(await errorCode(tx((s) => s.call(g.id, '2027-06-01', PLN(90_000))))).toBe(GuaranteeErrorCode.CALL_ABOVE_EXPOSURE);
    const called = await tx((s) => s.call(g.id, '2027-06-01', PLN(70_000)));
    expect(called).toMatchObject({ status: 'CALLED', exposureMinor: PLN(70_000) });
    expect(await books().balance(FundAccount.GUARANTEE_CALLS_PAYABLE, { guaranteeId: g.id })).toBe(PLN(70_000));
    const paid = await tx((s) => s.payout(g.id, '2027-06-15'));
    expect(paid).toMatchObject({ status: 'PAID_OUT', exposureMinor: 0n, paidMinor: PLN(70_000) });
    expect(await books().balance(FundAccount.GUARANTEE_CASH)).toBe(cashBefore - PLN(70_000));
    expect(await books().balance(FundAccount.GUARANTEE_CALLS_PAYABLE, { guaranteeId: g.id })).toBe(0n);
    await tx((s) => s.recover(g.id, '2027-09-01', PLN(20_000)));
    expect(await errorCode(tx((s) => s.recover(g.id, '2027-09-02', PLN(50_001))))).toBe(GuaranteeErrorCode.RECOVERY_ABOVE_UNRECOVERED);
    expect(await books().balance(FundAccount.RECOVERY_INCOME, { guaranteeId: g.id })).toBe(PLN(20_000));
    const kinds = (await sql<{ kind: string }>(`select e.kind from fund_journal_entry e where e.source_id = ? order by e.seq`, [g.id])).map((r) => r.kind);
    expect(kinds).toEqual(['GUARANTEE_FEE', 'GUARANTEE_CALL', 'GUARANTEE_PAYOUT', 'GUARANTEE_RECOVERY']);
    await assertBooksHealthy();
  });

  it('reverses a bounced recovery and cancels a mistaken issue, reversing their entries', async () => {
    const { fund, product } = await fundWithProduct(1_000_000, 50_000);
    const g = await issue(product.id, 100_000);
    await tx((s) => s.call(g.id, '2027-06-01', PLN(10_000)));
    await tx((s) => s.payout(g.id, '2027-06-02'));
    await tx((s) => s.recover(g.id, '2027-06-03', PLN(4_000)));
    const recovery = (await tx((s) => s.events([g.id]))).find((e) => e.kind === 'RECOVERY')!;
    const after = await tx((s) => s.reverseEvent(recovery.id, '2027-06-04', 'Zwrot przelewu'));
    expect(after.recoveredMinor).toBe(0n);
    expect(await errorCode(tx((s) => s.reverseEvent(recovery.id, '2027-06-05', 'again')))).toBe(GuaranteeErrorCode.ALREADY_REVERSED);
    const issued = (await tx((s) => s.events([g.id]))).find((e) => e.kind === 'ISSUE')!;
    expect(await errorCode(tx((s) => s.reverseEvent(issued.id, '2027-06-05', 'x')))).toBe(GuaranteeErrorCode.NOT_REVERSIBLE);

    const mistaken = await issue(product.id, 50_000);
    const exposureBefore = (await tx((s) => s.fund(fund.id))).exposureMinor;
    const mistakenIssue = (await tx((s) => s.events([mistaken.id])))[0];
    const cancelled = await tx((s) => s.reverseEvent(mistakenIssue.id, '2027-01-11', 'Pomyłka'));
    expect(cancelled).toMatchObject({ status: 'CANCELLED', exposureMinor: 0n });
    expect((await tx((s) => s.fund(fund.id))).exposureMinor).toBe(exposureBefore - mistaken.exposureMinor);
    const books = new BooksService(db.orm.em.fork() as EntityManager);
    expect(await books.balance(FundAccount.GUARANTEE_FEE_INCOME, { guaranteeId: mistaken.id })).toBe(0n);
    await assertBooksHealthy();
  });
});
