import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { importTerritory } from '../../api/src/territory';
import { seedDemoRegistry } from '../../api/src/observatory';
import { seedDemoPortfolio, type SeedDemoPortfolioResult } from '../../api/src/fund/demo';
import { computePortfolioYear, portfolioOf } from '../../api/src/fund/portfolio';
import { BooksService } from '../../api/src/fund/books';

/**
 * The demo portfolio is built through the Fund's own services; its books must balance and its
 * public statistics must show up with confidentiality at work. A small share of the plan keeps
 * the suite quick; `npm start` builds the whole plan.
 */
describe('demo loan portfolio', () => {
  let db: TestDatabase;
  let result: SeedDemoPortfolioResult;

  beforeAll(async () => {
    db = await createTestDatabase('fund-demo');
    await importTerritory(db.orm.em.fork(), { dataDir: process.env.HUB_DATA_DIR });
    await seedDemoRegistry(db.orm.em.fork(), { seed: 2026, dataDir: process.env.HUB_DATA_DIR });
    result = await seedDemoPortfolio(db.orm.em.fork(), { seed: 2026, dataDir: process.env.HUB_DATA_DIR, years: [2025], through: '2026-01-31', scale: 0.2 });
  }, 240_000);

  afterAll(async () => db?.drop());

  it('grants loans, takes repayments and closes every business day', () => {
    expect(result.created).toBe(true);
    expect(result.loans).toBeGreaterThan(10);
    expect(result.repayments).toBeGreaterThan(result.loans);
    expect(result.closedDates).toBeGreaterThan(250);
    expect(result.guarantees).toBeGreaterThan(0);
  });

  it('keeps books whose trial balance sums to zero and whose cached balances equal the replay', async () => {
    const books = new BooksService(db.orm.em.fork());
    const rows = await books.trialBalance();
    const debit = rows.reduce((s, r) => s + r.debitMinor, 0n);
    const credit = rows.reduce((s, r) => s + r.creditMinor, 0n);
    expect(debit).toBe(credit);
    expect(debit).toBeGreaterThan(0n);
    expect((await books.replayBalances()).mismatches).toEqual([]);
  });

  it('has had loans in arrears, and publishes national figures while hiding small areas', async () => {
    const em = db.orm.em.fork();
    // Late payers ran into arrears along the way: penalty interest was charged on some days.
    const [{ penalty }] = await em.execute<{ penalty: string }[]>(`select coalesce(sum(penalty_accrued_minor), 0)::text as penalty from close_of_business_run`);
    expect(BigInt(penalty)).toBeGreaterThan(0n);
    const year = await computePortfolioYear(em, 2025);
    const national = portfolioOf(year, 'PL', false);
    expect(national.granted.suppressed).toBe(false);
    expect(national.granted.loans).toBe(result.loans);
    expect(Number(national.granted.amount!.amount)).toBeGreaterThan(0);
    const gminas = [...year.tables.get('granted')!.values()].filter((c) => c.areaCode.length === 7);
    expect(gminas.some((c) => c.suppressed)).toBe(true);
    for (const cell of gminas.filter((c) => c.suppressed)) expect(portfolioOf(year, cell.areaCode, false).granted.amount).toBeNull();
  });

  it('places its guarantees by their borrowers, Fund clients: Poland published, small areas withheld', async () => {
    const em = db.orm.em.fork();
    const [{ linked, total }] = await em.execute<{ linked: number; total: number }[]>(
      `select count(*) filter (where borrower_client_id is not null)::int as linked, count(*)::int as total from fund_guarantee`,
    );
    expect({ linked, total }).toEqual({ linked: result.guarantees, total: result.guarantees });
    const year = await computePortfolioYear(em, 2025);
    const national = portfolioOf(year, 'PL', false).guarantees;
    expect(national).toMatchObject({ guarantees: result.guarantees, suppressed: false, suppressionReason: null });
    expect(national.borrowers).toBeGreaterThanOrEqual(3);
    expect(Number(national.amount!.amount)).toBeGreaterThan(0);
    const gminas = [...year.tables.get('guarantees')!.values()].filter((c) => c.areaCode.length === 7);
    expect(gminas.length).toBeGreaterThan(0);
    expect(gminas.some((c) => c.suppressed)).toBe(true);
    for (const cell of gminas.filter((c) => c.suppressed)) expect(portfolioOf(year, cell.areaCode, false).guarantees).toMatchObject({ guarantees: null, amount: null, suppressed: true });
  });
});

describe('demo loan portfolio without a registry', () => {
  it('lends nothing when the registry has no borrowers', async () => {
    const db = await createTestDatabase('fund-demo-again');
    try {
      await db.orm.em.fork().execute(`select 1`);
      const again = await seedDemoPortfolio(db.orm.em.fork(), { seed: 2026, years: [2025], through: '2025-01-31', scale: 0.05 });
      // No registry: no borrowers, so nothing is lent, and the empty run is all-or-nothing too.
      expect(again.loans).toBe(0);
    } finally {
      await db.drop();
    }
  }, 60_000);
});

describe('demo loan portfolio, interrupted and resumed', () => {
  it('ends with the same books as a build that was never interrupted', async () => {
    const summary = async (db: TestDatabase) =>
      (await db.orm.em.fork().execute<{ loans: number; principal: string; repaid: string; closes: number; guaranteed: string }[]>(
        `select (select count(*)::int from loan) as loans, (select sum(disbursed_principal_minor)::text from loan) as principal,
                (select sum(amount_minor)::text from loan_repayment where status = 'POSTED') as repaid,
                (select count(*)::int from close_of_business_run) as closes,
                (select string_agg(g.partner_loan_reference || '→' || c.entity_id::text, ' ' order by g.partner_loan_reference)
                   from fund_guarantee g join fund_client c on c.id = g.borrower_client_id) as guaranteed`,
      ))[0];
    const prepare = async (name: string) => {
      const db = await createTestDatabase(name);
      await importTerritory(db.orm.em.fork(), { dataDir: process.env.HUB_DATA_DIR });
      await seedDemoRegistry(db.orm.em.fork(), { seed: 2026, dataDir: process.env.HUB_DATA_DIR });
      return db;
    };
    const options = { seed: 7, dataDir: process.env.HUB_DATA_DIR, years: [2025], through: '2025-06-30', scale: 0.06 };
    const [whole, interrupted] = await Promise.all([prepare('fund-demo-whole'), prepare('fund-demo-resumed')]);
    try {
      await seedDemoPortfolio(whole.orm.em.fork(), options);
      const stopped = await seedDemoPortfolio(interrupted.orm.em.fork(), { ...options, stopAfter: '2025-03-15' });
      expect(stopped.created).toBe(false);
      const resumed = await seedDemoPortfolio(interrupted.orm.em.fork(), options);
      expect(resumed.created).toBe(true);
      expect(await summary(interrupted)).toEqual(await summary(whole));
      expect((await summary(whole)).loans).toBeGreaterThan(0);
      expect((await summary(whole)).guaranteed?.split(' ')).toHaveLength(10); // the same ten borrowers either way
      // Finished: a third call does nothing.
      expect((await seedDemoPortfolio(interrupted.orm.em.fork(), options)).created).toBe(false);
    } finally {
      await Promise.all([whole.drop(), interrupted.drop()]);
    }
  }, 240_000);
});
