import type { EntityManager } from '@mikro-orm/postgresql';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { BooksService, FundAccount } from '../../api/src/fund/books';

/**
 * The daily close's scale: one summarised entry with a million per-loan postings. Slow (tens of
 * seconds), so it runs only with FUND_BOOKS_SCALE=1, e.g.
 *   FUND_BOOKS_SCALE=1 npx jest tests/db/fund-books-scale.test.ts
 */
const maybe = process.env.FUND_BOOKS_SCALE === '1' ? describe : describe.skip;

maybe('fund books at daily-close scale', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('fund_books_scale');
  });
  afterAll(async () => db?.drop());

  it('posts 500 000 loans’ accruals (1 000 000 postings) in one entry and commits with the balance check', async () => {
    const loans = 500_000;
    const started = process.hrtime.bigint();
    const result = await db.orm.em.fork().transactional((em) =>
      new BooksService(em as EntityManager).postSelect({
        businessDate: '2026-03-01',
        kind: 'INTEREST_ACCRUAL',
        memo: 'Naliczenie odsetek',
        select: {
          sql: `select v.* from (select md5(g::text)::uuid as loan_id, 1 + g % 5000 as amount from generate_series(1, ?) g) l
                cross join lateral (values ('142', 'DEBIT', l.amount, l.loan_id, null::uuid), ('701', 'CREDIT', l.amount, l.loan_id, null::uuid)) v(account_code, side, amount_minor, loan_id, guarantee_id)`,
          bindings: [loans],
        },
      }),
    );
    const postMs = Number(process.hrtime.bigint() - started) / 1e6;
    expect(result?.postings).toBe(2 * loans);
    const replayStarted = process.hrtime.bigint();
    const replay = await new BooksService(db.orm.em.fork() as EntityManager).replayBalances();
    const replayMs = Number(process.hrtime.bigint() - replayStarted) / 1e6;
    expect(replay.mismatches).toEqual([]);
    expect(await new BooksService(db.orm.em.fork() as EntityManager).balance(FundAccount.INTEREST_INCOME)).toBeGreaterThan(0n);
    console.log(`postSelect + commit of ${2 * loans} postings: ${postMs.toFixed(0)} ms; replay: ${replayMs.toFixed(0)} ms`);
  }, 600_000);
});
