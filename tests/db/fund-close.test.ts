import { Client } from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase, testServerUrl, type TestDatabase } from '../support/test-database';
import { createOrm } from '../../api/src/orm';
import { dropDatabase, withDatabase } from '../../api/src/launcher/databases';
import { addDays } from '../../api/src/shared/dates';
import { closeBusinessDate, closeBusinessDatePerLoan, closeThrough } from '../../api/src/fund/close';
import { Loan, LoanService } from '../../api/src/fund/loans';
import { ensureLoanSchema } from '../../api/src/fund/loans/testing/loan-fixtures';
import { generatePortfolio, prng } from '../../api/src/fund/loans/testing/generate-portfolio';

const LOANS = 200;

/** Everything the close changes, in a comparable form. */
async function snapshot(orm: MikroORM) {
  const conn = orm.em.getConnection();
  // Schedule versions made by payments get fresh ids in each database: compare them by loan and version.
  const loans = await conn.execute(`select * from loan order by id`);
  for (const l of loans) {
    delete l.created_at;
    delete l.schedule_id;
  }
  const instalments = await conn.execute(`select s.loan_id, s.version, i.number, i.billed_on, i.billed_principal_minor, i.billed_interest_minor, i.billed_cumulative_through_minor
    from loan_instalment i join loan_schedule s on s.id = i.schedule_id order by 1, 2, 3`);
  const dims = await conn.execute(`select account_code, loan_id, debit_minor - credit_minor as net from fund_dimension_balance where debit_minor - credit_minor <> 0 order by 1, 2`);
  const accounts = await conn.execute(`select account_code, debit_minor - credit_minor as net from fund_account_balance order by 1`);
  return { loans, instalments, dims, accounts };
}

/** The set-based close over all loans against the per-loan ORM reference, on the same generated portfolio. */
describe('fund close of business', () => {
  let a: TestDatabase;
  let bUrl: string;
  let b: MikroORM;
  let ids: string[];

  beforeAll(async () => {
    a = await createTestDatabase('fund_close');
    await ensureLoanSchema(a.orm);
    ids = await generatePortfolio(a.orm.em.fork(), LOANS, { seed: 7, start: '2025-11-01', days: 90 });
    // B is a file copy of A, so both paths start from the same loans.
    await a.orm.close(true);
    bUrl = withDatabase(testServerUrl(), `${a.name}_b`);
    const client = new Client({ connectionString: testServerUrl() });
    await client.connect();
    await client.query(`create database ${client.escapeIdentifier(`${a.name}_b`)} template ${client.escapeIdentifier(a.name)}`);
    await client.end();
    a.orm = await createOrm(a.url);
    b = await createOrm(bUrl);
  }, 240_000);
  afterAll(async () => {
    await b?.close(true);
    if (bUrl) await dropDatabase(bUrl);
    await a?.drop();
  });

  it('gives the same balances, arrears, provisions, billed instalments and per-loan postings both ways over five months with payments in between', async () => {
    const random = prng(99);
    const payDays = new Set(['2026-02-22', '2026-04-05', '2026-05-17']);
    for (let date = '2026-02-01'; date <= '2026-06-07'; date = addDays(date, 21)) {
      if (payDays.has(date)) {
        const payers = ids.filter(() => random() < 0.3);
        const loans = await a.orm.em.fork().find(Loan, { id: { $in: payers } });
        for (const loan of loans) {
          const owed = loan.totalOwedMinor();
          if (owed === 0n || loan.status !== 'ACTIVE') continue;
          const amount = 1n + (owed * BigInt(Math.floor(random() * 1000))) / 1000n;
          for (const orm of [a.orm, b]) await new LoanService(orm.em.fork()).repay({ loanId: loan.id, amountMinor: amount > owed ? owed : amount, businessDate: date, idempotencyKey: `${date}-${loan.id}` });
        }
      }
      const set = await closeBusinessDate(a.orm.em.fork(), date);
      const perLoan = await closeBusinessDatePerLoan(b.em.fork(), date);
      expect({ ...perLoan, path: 'SET_BASED' }).toEqual(set);
    }
    const [sa, sb] = [await snapshot(a.orm), await snapshot(b)];
    expect(sa.loans.filter((l: { days_past_due: number }) => l.days_past_due > 30).length).toBeGreaterThan(10); // the portfolio does have arrears
    expect(sa.instalments.filter((i: { billed_on: unknown }) => i.billed_on).length).toBeGreaterThan(LOANS);
    expect(sb).toEqual(sa);
  }, 300_000);

  it('changes nothing when a business date is closed again', async () => {
    const before = await snapshot(a.orm);
    const again = await closeBusinessDate(a.orm.em.fork(), '2026-06-07');
    expect(again.ran).toBe(false);
    expect(await snapshot(a.orm)).toEqual(before);
  });

  it('catches up missed business dates in order, reporting progress', async () => {
    const steps: string[] = [];
    const results = await closeThrough(a.orm.em.fork(), '2026-06-11', { onProgress: (p) => steps.push(`${p.businessDate} ${p.step}`) });
    expect(results.map((r) => r.businessDate)).toEqual(['2026-06-08', '2026-06-09', '2026-06-10', '2026-06-11']);
    expect(steps.filter((s) => s.endsWith('DONE'))).toEqual(['2026-06-08 DONE', '2026-06-09 DONE', '2026-06-10 DONE', '2026-06-11 DONE']);
    const [row] = await a.orm.em.getConnection().execute(`select count(*)::int as n from loan where status = 'ACTIVE' and accrued_through <> '2026-06-11'`);
    expect(row.n).toBe(0);
  });
});
