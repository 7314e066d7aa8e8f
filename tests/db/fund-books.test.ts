import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { BooksError, BooksErrorCode, BooksService, FundAccount, type JournalEntryInput } from '../../api/src/fund/books';

const A = FundAccount;

/** The fund's double-entry books against a real PostgreSQL: the service's rules and the database's own. */
describe('fund books', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('fund_books');
  });
  afterAll(async () => db?.drop());

  const tx = <T>(work: (em: EntityManager, books: BooksService) => Promise<T>): Promise<T> =>
    db.orm.em.fork().transactional((em) => work(em as EntityManager, new BooksService(em as EntityManager)));
  const raw = async (sql: string, params: unknown[] = []) => db.orm.em.fork().getConnection().execute(sql, params);

  const disbursement = (loanId: string, amount: bigint, businessDate = '2026-01-10'): JournalEntryInput => ({
    businessDate,
    kind: 'LOAN_DISBURSEMENT',
    memo: 'Wypłata pożyczki',
    postings: [
      { account: A.LOANS_PRINCIPAL, side: 'DEBIT', amountMinor: amount, loanId },
      { account: A.CASH, side: 'CREDIT', amountMinor: amount },
    ],
  });

  async function expectBooksError(promise: Promise<unknown>, code: BooksErrorCode) {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BooksError);
    expect((error as BooksError).code).toBe(code);
  }

  it('posts a balanced entry and moves the cached balances of the account and of the loan', async () => {
    const loanId = randomUUID();
    await tx(async (_em, books) => {
      await books.post({
        businessDate: '2026-01-02',
        kind: 'CAPITAL_CONTRIBUTION',
        memo: 'Wniesienie kapitału',
        postings: [
          { account: A.CASH, side: 'DEBIT', amountMinor: 10_000_000n },
          { account: A.LOAN_FUND_CAPITAL, side: 'CREDIT', amountMinor: 10_000_000n },
        ],
      });
      await books.post(disbursement(loanId, 2_500_000n));
    });
    await tx(async (_em, books) => {
      expect(await books.balance(A.LOANS_PRINCIPAL, { loanId })).toBe(2_500_000n);
      expect(await books.balance(A.CASH)).toBe(7_500_000n);
      expect(await books.balance(A.LOAN_FUND_CAPITAL)).toBe(10_000_000n);
    });
  });

  it('refuses an unbalanced, an empty or a zero-amount entry before writing anything', async () => {
    const before = await raw('select count(*)::int as n from fund_journal_entry');
    await expectBooksError(
      tx((_em, books) =>
        books.post({ ...disbursement(randomUUID(), 100n), postings: [{ account: A.LOANS_PRINCIPAL, side: 'DEBIT', amountMinor: 100n }, { account: A.CASH, side: 'CREDIT', amountMinor: 99n }] }),
      ),
      BooksErrorCode.UNBALANCED_ENTRY,
    );
    await expectBooksError(tx((_em, books) => books.post({ ...disbursement(randomUUID(), 100n), postings: [] })), BooksErrorCode.EMPTY_ENTRY);
    await expectBooksError(tx((_em, books) => books.post(disbursement(randomUUID(), 0n))), BooksErrorCode.INVALID_AMOUNT);
    await expectBooksError(
      tx((_em, books) => books.post({ ...disbursement(randomUUID(), 5n), postings: [{ account: '999' as FundAccount, side: 'DEBIT', amountMinor: 5n }, { account: A.CASH, side: 'CREDIT', amountMinor: 5n }] })),
      BooksErrorCode.UNKNOWN_ACCOUNT,
    );
    expect(await raw('select count(*)::int as n from fund_journal_entry')).toEqual(before);
  });

  it('has the database refuse, at commit, an entry whose debits and credits differ', async () => {
    const id = randomUUID();
    const attempt = tx(async (em) => {
      await em.getConnection().execute(`insert into fund_journal_entry (id, business_date, kind, memo) values (?, '2026-01-15', 'MANUAL', 'x')`, [id], 'run', em.getTransactionContext());
      await em.getConnection().execute(
        `insert into fund_posting (entry_id, account_code, side, amount_minor) values (?, '130', 'DEBIT', 100), (?, '200', 'CREDIT', 90)`,
        [id, id],
        'run',
        em.getTransactionContext(),
      );
    });
    await expect(attempt).rejects.toThrow(/unbalanced/);
    const empty = tx(async (em) => {
      await em.getConnection().execute(`insert into fund_journal_entry (id, business_date, kind, memo) values (?, '2026-01-15', 'MANUAL', 'x')`, [randomUUID()], 'run', em.getTransactionContext());
    });
    await expect(empty).rejects.toThrow(/no postings/);
    expect(await raw('select count(*)::int as n from fund_journal_entry where id = ?', [id])).toEqual([{ n: 0 }]);
  });

  it('has the database refuse changing or deleting entries and postings, and adding postings to an old entry', async () => {
    const { id } = await tx((_em, books) => books.post(disbursement(randomUUID(), 1_000n)));
    await expect(raw('update fund_posting set amount_minor = amount_minor + 1 where entry_id = ?', [id])).rejects.toThrow(/append-only/);
    await expect(raw('delete from fund_posting where entry_id = ?', [id])).rejects.toThrow(/append-only/);
    await expect(raw(`update fund_journal_entry set memo = 'changed' where id = ?`, [id])).rejects.toThrow(/append-only/);
    await expect(raw('delete from fund_journal_entry where id = ?', [id])).rejects.toThrow(/append-only/);
    await expect(raw('truncate fund_posting cascade')).rejects.toThrow(/append-only/);
    await expect(
      raw(`insert into fund_posting (entry_id, account_code, side, amount_minor) values (?, '130', 'DEBIT', 5), (?, '200', 'CREDIT', 5)`, [id, id]),
    ).rejects.toThrow(/same transaction|transaction that made it/);
  });

  it('refuses to post into a closed month, in the service and in the database', async () => {
    await tx((_em, books) => books.post(disbursement(randomUUID(), 500n, '2025-11-20')));
    const closed = await tx((_em, books) => books.closePeriod('2025-11-30'));
    expect(closed).toContain('2025-11-01');
    await expectBooksError(tx((_em, books) => books.post(disbursement(randomUUID(), 500n, '2025-11-28'))), BooksErrorCode.PERIOD_CLOSED);
    await expect(
      tx(async (em) => {
        await em.getConnection().execute(`insert into fund_journal_entry (id, business_date, kind, memo) values (?, '2025-11-03', 'MANUAL', 'x')`, [randomUUID()], 'run', em.getTransactionContext());
      }),
    ).rejects.toThrow(/closed/);
    await expect(raw(`delete from fund_accounting_period`)).rejects.toThrow(/append-only/);
    await expectBooksError(tx((_em, books) => books.closePeriod('2025-12-30')), BooksErrorCode.PERIOD_END_NOT_MONTH_END);
    // December stays open.
    await tx((_em, books) => books.post(disbursement(randomUUID(), 500n, '2025-12-01')));
  });

  it('corrects by reversal: a mirrored entry linked to the original, at most once, never of a reversal', async () => {
    const loanId = randomUUID();
    const original = await tx((_em, books) => books.post(disbursement(loanId, 7_777n, '2026-02-03')));
    const reversal = await tx((_em, books) => books.reverse(original.id, '2026-02-04', 'Błędna kwota'));
    const postings = await tx((_em, books) => books.postingsOf([reversal.id]));
    expect(postings.map((p) => [p.account, p.side, p.amountMinor, p.loanId])).toEqual([
      [A.LOANS_PRINCIPAL, 'CREDIT', 7_777n, loanId],
      [A.CASH, 'DEBIT', 7_777n, null],
    ]);
    expect(await raw('select reverses_entry_id from fund_journal_entry where id = ?', [reversal.id])).toEqual([{ reverses_entry_id: original.id }]);
    expect(await tx((_em, books) => books.balance(A.LOANS_PRINCIPAL, { loanId }))).toBe(0n);
    await expectBooksError(tx((_em, books) => books.reverse(original.id, '2026-02-05', 'again')), BooksErrorCode.ALREADY_REVERSED);
    await expectBooksError(tx((_em, books) => books.reverse(reversal.id, '2026-02-05', 'undo')), BooksErrorCode.REVERSAL_OF_REVERSAL);
    const other = await tx((_em, books) => books.post(disbursement(loanId, 10n, '2026-02-10')));
    await expectBooksError(tx((_em, books) => books.reverse(other.id, '2026-02-09', 'early')), BooksErrorCode.REVERSAL_BEFORE_ORIGINAL);
    await expectBooksError(
      tx((_em, books) => books.post({ ...disbursement(loanId, 11n, '2026-02-11'), reversesEntryId: other.id })),
      BooksErrorCode.REVERSAL_MISMATCH,
    );
  });

  it('refuses the second of two concurrent reversals of one entry', async () => {
    const original = await tx((_em, books) => books.post(disbursement(randomUUID(), 300n, '2026-02-12')));
    const results = await Promise.allSettled([0, 1].map(() => tx((_em, books) => books.reverse(original.id, '2026-02-12', 'race'))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((failed.reason as BooksError).code).toBe(BooksErrorCode.ALREADY_REVERSED);
  });

  it('keeps a trial balance that sums to zero, now and as of a past date', async () => {
    const now = await tx((_em, books) => books.trialBalance());
    expect(now.reduce((s, l) => s + l.netMinor, 0n)).toBe(0n);
    expect(now.reduce((s, l) => s + l.debitMinor, 0n)).toBeGreaterThan(0n);
    const past = await tx((_em, books) => books.trialBalance('2026-01-05'));
    expect(past.reduce((s, l) => s + l.netMinor, 0n)).toBe(0n);
    expect(past.find((l) => l.account === A.LOAN_FUND_CAPITAL)?.balanceMinor).toBe(10_000_000n);
    expect(past.find((l) => l.account === A.LOANS_PRINCIPAL)?.balanceMinor).toBe(1_000n); // the 2025-11-20 and 2025-12-01 disbursements, not January's
  });

  it('posts a summarised entry from a SELECT and keeps the cache equal to the replay', async () => {
    const loans = 5_000;
    const result = await tx((_em, books) =>
      books.postSelect({
        businessDate: '2026-03-01',
        kind: 'INTEREST_ACCRUAL',
        memo: 'Naliczenie odsetek',
        select: {
          sql: `select v.account_code, v.side, v.amount_minor, v.loan_id, null::uuid as guarantee_id
                  from (select md5(g::text)::uuid as loan_id, (g % 97) as amount from generate_series(1, ?) g) l
                  cross join lateral (values ('142', 'DEBIT', l.amount, l.loan_id), ('701', 'CREDIT', l.amount, l.loan_id)) v(account_code, side, amount_minor, loan_id)`,
          bindings: [loans],
        },
      }),
    );
    const zeros = Math.floor(loans / 97);
    expect(result?.postings).toBe(2 * (loans - zeros));
    const replay = await tx((_em, books) => books.replayBalances());
    expect(replay.mismatches).toEqual([]);
    const expected = BigInt(Array.from({ length: loans }, (_, i) => (i + 1) % 97).reduce((s, x) => s + x, 0));
    expect(await tx((_em, books) => books.balance(A.INTEREST_RECEIVABLE))).toBe(expected);
    expect(await tx((_em, books) => books.postSelect({ businessDate: '2026-03-02', kind: 'INTEREST_ACCRUAL', memo: 'nic', select: { sql: `select '142' as account_code, 'DEBIT' as side, 0 as amount_minor, null as loan_id, null as guarantee_id` } }))).toBeNull();
  });

  it('detects a tampered cache in the replay and repairs it', async () => {
    await raw(`update fund_dimension_balance set debit_minor = debit_minor + 1 where ctid = (select ctid from fund_dimension_balance limit 1)`);
    await raw(`update fund_account_balance set credit_minor = credit_minor + 3 where account_code = '704'`);
    const found = await tx((_em, books) => books.replayBalances());
    expect(found.mismatches).toHaveLength(2);
    const repaired = await tx((_em, books) => books.replayBalances({ repair: true }));
    expect(repaired.repaired).toBe(true);
    expect((await tx((_em, books) => books.replayBalances())).mismatches).toEqual([]);
  });
});
