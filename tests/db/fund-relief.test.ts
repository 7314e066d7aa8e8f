import type { EntityManager } from '@mikro-orm/postgresql';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { BooksService, FundAccount as A } from '../../api/src/fund/books';
import { Loan, LoanInstalment, LoanSchedule, LoanService } from '../../api/src/fund/loans';
import { closeThrough } from '../../api/src/fund/close';
import { ensureLoanSchema, openTestLoan } from '../../api/src/fund/loans/testing/loan-fixtures';
import { ReliefCampaign, ReliefCampaignError, ReliefCampaignErrorCode as Code, ReliefCampaignKind, ReliefCampaignService, ReliefCampaignStatus } from '../../api/src/fund/relief';
import { ensureReliefSchema, insertBorrowers } from '../../api/src/fund/relief/testing/relief-fixtures';
import { Locale } from '../../api/src/shared/i18n';

/** Relief campaigns over a small portfolio against a real PostgreSQL: targeting, preview = effect, audit, books. */
describe('fund relief campaigns', () => {
  let db: TestDatabase;
  let clients: string[];
  beforeEach(async () => {
    db = await createTestDatabase('fund_relief');
    await ensureLoanSchema(db.orm);
    await ensureReliefSchema(db.orm);
    clients = await insertBorrowers(db.orm.em.fork(), [
      { territory: '0208011', legalForm: 'SOCIAL_COOPERATIVE', name: 'Spółdzielnia Socjalna „Zdrój”' }, // gmina in kłodzki, dolnośląskie
      { territory: '0208', legalForm: 'FOUNDATION', name: 'Fundacja Kłodzka' }, // the powiat itself
      { territory: '1206011', legalForm: 'SOCIAL_COOPERATIVE', name: 'Spółdzielnia Socjalna „Skawa”' }, // małopolskie
      { territory: '1206011', legalForm: 'SOCIAL_COOPERATIVE', foundingGroup: true, name: 'Grupa inicjatywna' },
    ]);
  });
  afterEach(async () => db?.drop());

  const service = (locale = Locale.pl) => new ReliefCampaignService(db.orm.em.fork(), { locale, actorId: '00000000-0000-4000-8000-000000000001' });
  const reload = (id: string) => db.orm.em.fork().findOneOrFail(Loan, { id });

  async function activeLoan(client: string, remission?: { maxShareBp: number; jobsPromised: number; deadline: string }): Promise<string> {
    const opened = await openTestLoan(db.orm.em.fork(), { borrowerClientId: client, remission });
    await new LoanService(db.orm.em.fork()).disburse({ loanId: opened.id, amountMinor: 12_000_000n, businessDate: '2026-01-15' });
    return opened.id;
  }

  async function refused(promise: Promise<unknown>): Promise<ReliefCampaignError> {
    const error = await promise.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ReliefCampaignError);
    return error as ReliefCampaignError;
  }

  /** Trial balance nets to zero, cached balances equal the replay, and each loan's sub-ledger equals its cached balances. */
  async function expectBooksBalanced(loanIds: string[]) {
    await db.orm.em.fork().transactional(async (em) => {
      const b = new BooksService(em as EntityManager);
      const tb = await b.trialBalance();
      expect(tb.reduce((s, l) => s + l.netMinor, 0n)).toBe(0n);
      expect((await b.replayBalances()).mismatches).toEqual([]);
      for (const id of loanIds) {
        const loan = await em.findOneOrFail(Loan, { id }, { refresh: true });
        expect(await b.balance(A.LOANS_PRINCIPAL, { loanId: id })).toBe(loan.principalOutstandingMinor);
        expect(await b.balance(A.INTEREST_RECEIVABLE, { loanId: id })).toBe(loan.interestDueMinor + loan.interestUnbilledMinor);
      }
    });
  }

  /** What the database now holds for a loan, in the preview's terms. */
  async function actual(loanId: string) {
    const em = db.orm.em.fork();
    const loan = await em.findOneOrFail(Loan, { id: loanId });
    const rows = await em.find(LoanInstalment, { scheduleId: loan.scheduleId! }, { orderBy: { number: 'asc' } });
    return {
      scheduleVersionAfter: loan.scheduleVersion,
      instalmentsAfter: rows.length,
      endDateAfter: rows.at(-1)!.dueDate,
      interestAfterMinor: rows.reduce((s, r) => s + r.interestMinor, 0n).toString(),
    };
  }

  it('targets a region with everything below it, previews a capitalised six-month holiday and applies exactly the previewed effect', async () => {
    const [zdroj, klodzka, skawa] = [await activeLoan(clients[0]), await activeLoan(clients[1]), await activeLoan(clients[2])];
    await closeThrough(db.orm.em.fork(), '2026-03-31', { from: '2026-01-15' });
    const s = service();
    const campaign = await s.create({
      name: 'Powódź — ziemia kłodzka',
      kind: ReliefCampaignKind.PAYMENT_HOLIDAY,
      businessDate: '2026-04-01',
      parameters: { periods: 6, holidayKind: 'DEFERRAL_CAPITALISED', capitaliseUnpaidInterest: true },
      target: { territoryCodes: ['02'] },
    });
    const previewed = await service().preview(campaign.id);
    expect(previewed.status).toBe(ReliefCampaignStatus.PREVIEWED);
    const preview = previewed.preview!;
    expect(preview.loans.map((l) => l.loanId).sort()).toEqual([zdroj, klodzka].sort());
    // The dry run left the loans as they were.
    expect((await reload(zdroj)).scheduleVersion).toBe(1);
    expect(await db.orm.em.fork().count(LoanSchedule, { loanId: zdroj })).toBe(1);

    const line = preview.loans.find((l) => l.loanId === zdroj)!;
    expect(line.instalmentsAfter).toBe(line.instalmentsBefore + 6);
    expect(line.instalmentsMoved).toBe(line.instalmentsBefore);
    expect(line.endDateAfter! > line.endDateBefore!).toBe(true);
    expect(BigInt(line.interestCapitalisedMinor)).toBeGreaterThan(0n);
    expect(line.journalEntries).toBe(1); // unpaid interest capitalised on the restructuring date
    expect(BigInt(preview.totals.principalAffectedMinor)).toBe(BigInt(preview.loans[0].principalAffectedMinor) + BigInt(preview.loans[1].principalAffectedMinor));

    const applied = await service().apply(campaign.id);
    expect(applied.status).toBe(ReliefCampaignStatus.APPLIED);
    expect(applied.applied!.loans).toEqual(preview.loans);
    expect(applied.applied!.totals).toEqual(preview.totals);
    for (const l of preview.loans) expect(await actual(l.loanId)).toEqual({ scheduleVersionAfter: l.scheduleVersionAfter, instalmentsAfter: l.instalmentsAfter, endDateAfter: l.endDateAfter, interestAfterMinor: l.interestAfterMinor });

    // The old schedule is kept in the history; the loan outside the region is untouched.
    const versions = await db.orm.em.fork().find(LoanSchedule, { loanId: zdroj }, { orderBy: { version: 'asc' } });
    expect(versions.map((v) => v.reason)).toEqual(['DISBURSEMENT', 'RESTRUCTURE']);
    expect(await db.orm.em.fork().count(LoanInstalment, { scheduleId: versions[0].id })).toBe(12);
    expect((await reload(skawa)).scheduleVersion).toBe(1);
    await expectBooksBalanced([zdroj, klodzka, skawa]);

    // The holiday's interest is capitalised by the daily close as the months pass, still balanced.
    await closeThrough(db.orm.em.fork(), '2026-06-30', { from: '2026-04-01' });
    await expectBooksBalanced([zdroj, klodzka, skawa]);

    const audit = await service().events(campaign.id);
    expect(audit.map((e) => e.kind)).toEqual(['CREATED', 'PREVIEWED', 'APPLIED']);
    expect(audit[2].actorId).toBe('00000000-0000-4000-8000-000000000001');
  });

  it('cuts the rate to 0 % for twelve months for one legal form (entities and founding groups), forgoing exactly the interest left', async () => {
    const [zdroj, klodzka, skawa, group] = [await activeLoan(clients[0]), await activeLoan(clients[1]), await activeLoan(clients[2]), await activeLoan(clients[3])];
    await closeThrough(db.orm.em.fork(), '2026-02-20', { from: '2026-01-15' });
    const campaign = await service().create({ name: 'Zero procent dla spółdzielni socjalnych', kind: ReliefCampaignKind.RATE_CUT, businessDate: '2026-02-21', parameters: { periods: 12, annualRateBp: 0 }, target: { legalForms: ['SOCIAL_COOPERATIVE'] } });
    const preview = (await service().preview(campaign.id)).preview!;
    expect(preview.loans.map((l) => l.loanId).sort()).toEqual([zdroj, skawa, group].sort());
    for (const l of preview.loans) {
      expect(l.interestAfterMinor).toBe('0');
      expect(l.interestForgoneMinor).toBe(l.interestBeforeMinor);
      expect(l.instalmentsMoved).toBe(0); // the due dates stay
      expect(l.endDateAfter).toBe(l.endDateBefore);
      expect(l.journalEntries).toBe(0);
    }
    expect(BigInt(preview.totals.interestForgoneMinor)).toBeGreaterThan(0n);
    const applied = await service().apply(campaign.id);
    expect(applied.applied!.loans).toEqual(preview.loans);
    for (const l of preview.loans) expect(await actual(l.loanId)).toEqual({ scheduleVersionAfter: 2, instalmentsAfter: l.instalmentsAfter, endDateAfter: l.endDateAfter, interestAfterMinor: '0' });
    expect((await reload(klodzka)).scheduleVersion).toBe(1);

    // Interest accrued before the cut is still owed; none accrues after it.
    const before = await reload(zdroj);
    await closeThrough(db.orm.em.fork(), '2026-05-31', { from: '2026-02-21' });
    expect((await reload(zdroj)).interestAccruedTotalMinor).toBe(before.interestAccruedTotalMinor);
    await expectBooksBalanced([zdroj, klodzka, skawa, group]);
  });

  it('applies a campaign once: a second application is refused and changes nothing', async () => {
    const loan = await activeLoan(clients[0]);
    const campaign = await service().create({ name: 'Wakacje', kind: ReliefCampaignKind.PAYMENT_HOLIDAY, businessDate: '2026-01-20', parameters: { periods: 3 }, target: { territoryCodes: ['0208'] } });
    expect((await refused(service().apply(campaign.id))).code).toBe(Code.NOT_PREVIEWED);
    await service().preview(campaign.id);
    await service().apply(campaign.id);
    const after = await reload(loan);
    const second = await refused(service(Locale.en).apply(campaign.id));
    expect(second.code).toBe(Code.ALREADY_APPLIED);
    expect(second.message).toMatch(/already applied/);
    expect((await refused(service().preview(campaign.id))).code).toBe(Code.ALREADY_APPLIED);
    expect((await reload(loan)).scheduleVersion).toBe(after.scheduleVersion);
    expect(await db.orm.em.fork().count(LoanSchedule, { loanId: loan })).toBe(2);
    // Two concurrent applications of a fresh campaign: one wins, the other is refused.
    const c2 = await service().create({ name: 'Druga', kind: ReliefCampaignKind.RATE_CUT, businessDate: '2026-01-20', parameters: { periods: 2, annualRateBp: 100 }, target: { territoryCodes: ['0208'] } });
    await service().preview(c2.id);
    const results = await Promise.allSettled([service().apply(c2.id), service().apply(c2.id)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((rejected.reason as ReliefCampaignError).code).toBe(Code.ALREADY_APPLIED);
    expect((await reload(loan)).scheduleVersion).toBe(after.scheduleVersion + 1);
  });

  it('refuses to apply a preview made before a repayment, naming the loan, and applies after a fresh preview', async () => {
    const loan = await activeLoan(clients[0]);
    const other = await activeLoan(clients[1]);
    const campaign = await service().create({ name: 'Obniżka', kind: ReliefCampaignKind.RATE_CUT, businessDate: '2026-01-20', parameters: { periods: 6, annualRateBp: 100 }, target: { territoryCodes: ['02'] } });
    await service().preview(campaign.id);
    await new LoanService(db.orm.em.fork()).repay({ loanId: loan, amountMinor: 50_000n, businessDate: '2026-01-20', idempotencyKey: 'early-1' });
    const stale = await refused(service().apply(campaign.id));
    expect(stale.code).toBe(Code.STALE_PREVIEW);
    expect(stale.message).toContain(loan);
    expect(stale.message).not.toContain(other);
    expect((await reload(other)).scheduleVersion).toBe(1); // all or nothing
    // A new loan entering the target makes the preview stale too.
    const previewed = (await service().preview(campaign.id)).preview!;
    expect(previewed.loans).toHaveLength(2);
    const late = await activeLoan(clients[0]);
    expect((await refused(service().apply(campaign.id))).message).toContain(late);
    const fresh = (await service().preview(campaign.id)).preview!;
    const applied = await service().apply(campaign.id);
    expect(applied.applied!.totals).toEqual(fresh.totals);
    expect(applied.applied!.loans).toHaveLength(3);
    await expectBooksBalanced([loan, other, late]);
  });

  it('moves the jobs deadline of loans with remission terms only, without a new schedule', async () => {
    const withJobs = await activeLoan(clients[0], { maxShareBp: 4000, jobsPromised: 2, deadline: '2027-01-31' });
    const without = await activeLoan(clients[1]);
    const campaign = await service().create({ name: 'Dłuższy termin na miejsca pracy', kind: ReliefCampaignKind.JOBS_DEADLINE_EXTENSION, businessDate: '2026-01-20', parameters: { extendMonths: 6 }, target: {} });
    const preview = (await service().preview(campaign.id)).preview!;
    expect(preview.loans.map((l) => l.loanId)).toEqual([withJobs]);
    expect(preview.loans[0]).toMatchObject({ remissionDeadlineBefore: '2027-01-31', remissionDeadlineAfter: '2027-07-31', instalmentsMoved: 0, scheduleVersionAfter: 1 });
    await service().apply(campaign.id);
    expect((await reload(withJobs)).remissionDeadline).toBe('2027-07-31');
    expect((await reload(without)).remissionDeadline).toBeNull();
  });

  it('lists loans the lifecycle refuses as skipped with the reason, and refuses a campaign that changes nothing', async () => {
    const contracted = await openTestLoan(db.orm.em.fork(), { borrowerClientId: clients[0] });
    const campaign = await service().create({ name: 'Pusta', kind: ReliefCampaignKind.PAYMENT_HOLIDAY, businessDate: '2026-01-20', parameters: { periods: 2 }, target: { territoryCodes: ['02'], loanStatuses: ['CONTRACTED', 'ACTIVE'] } });
    const preview = (await service().preview(campaign.id)).preview!;
    expect(preview.loans).toEqual([]);
    expect(preview.skipped).toEqual([expect.objectContaining({ loanId: contracted.id, code: 'LOAN_NOT_DISBURSED' })]);
    expect((await refused(service().apply(campaign.id))).code).toBe(Code.NO_LOANS_AFFECTED);
    expect((await db.orm.em.fork().findOneOrFail(ReliefCampaign, { id: campaign.id })).status).toBe(ReliefCampaignStatus.PREVIEWED);
  });

  it('refuses unknown territories, parameters that do not fit the kind, and bad names', async () => {
    const s = service();
    expect((await refused(s.create({ name: 'X', kind: ReliefCampaignKind.PAYMENT_HOLIDAY, businessDate: '2026-01-20', parameters: { periods: 3 }, target: { territoryCodes: ['9999'] } }))).code).toBe(Code.INVALID_TARGET);
    expect((await refused(s.create({ name: 'X', kind: ReliefCampaignKind.RATE_CUT, businessDate: '2026-01-20', parameters: { periods: 3 }, target: {} }))).field).toEqual(['parameters', 'annualRateBp']);
    expect((await refused(s.create({ name: 'X', kind: ReliefCampaignKind.PAYMENT_HOLIDAY, businessDate: '2026-01-20', parameters: { periods: 0 }, target: {} }))).code).toBe(Code.INVALID_PARAMETERS);
    expect((await refused(s.create({ name: ' ', kind: ReliefCampaignKind.PAYMENT_HOLIDAY, businessDate: '2026-01-20', parameters: { periods: 3 }, target: {} }))).code).toBe(Code.INVALID_NAME);
    expect((await refused(s.create({ name: 'X', kind: ReliefCampaignKind.PAYMENT_HOLIDAY, businessDate: '2026-02-30', parameters: { periods: 3 }, target: {} }))).code).toBe(Code.INVALID_DATE);
  });
});
