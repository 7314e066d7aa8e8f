import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startHubTestApp, type HubTestApp } from './hub-test-app';
import { issueStaffToken, StaffRole } from '../../api/src/access';

/** The guarantee fund and the books through the hub's GraphQL endpoint, with roles. */
describe('guarantees and books over HTTP', () => {
  let db: TestDatabase;
  let t: HubTestApp;
  const tokenFor = (role: StaffRole) =>
    `Bearer ${issueStaffToken({ id: randomUUID(), email: `${role.toLowerCase()}@test.local`, roles: [role] }, { secret: t.config.jwtSecret, ttlSeconds: 300 }).token}`;
  const officer = () => ({ Authorization: tokenFor(StaffRole.FUND_OFFICER) });

  beforeAll(async () => {
    db = await createTestDatabase('fund-guarantees-http');
    t = await startHubTestApp(db.url);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('runs a guarantee from fund to recovery and shows it in a balanced trial balance', async () => {
    const fund = await t.gql(
      `mutation { guaranteeFundCreate(input: { name: "Fundusz Poręczeniowy ES", capital: "1000000", multiplier: "5", businessDate: "2027-01-02" }) { fund { id limit { amount } } errors { code } } }`,
      {},
      officer(),
    );
    expect(fund.body.data.guaranteeFundCreate.errors).toEqual([]);
    expect(fund.body.data.guaranteeFundCreate.fund.limit.amount).toBe('5000000.00');
    const fundId = fund.body.data.guaranteeFundCreate.fund.id;
    const product = await t.gql(
      `mutation($f: ID!) { guaranteeProductCreate(input: { fundId: $f, name: "80 %", coveragePercent: "80", cap: "500000", feePercent: "0.5", maxTermMonths: 60 }) { fund { products { id coveragePercent feePercent } } errors { code } } }`,
      { f: fundId },
      officer(),
    );
    const productId = product.body.data.guaranteeProductCreate.fund.products[0].id;
    expect(product.body.data.guaranteeProductCreate.fund.products[0]).toMatchObject({ coveragePercent: '80.00', feePercent: '0.50' });
    const partner = await t.gql(`mutation { partnerLenderCreate(input: { name: "Bank Spółdzielczy", krs: "0000123456" }) { partnerLender { id } errors { code } } }`, {}, officer());
    const partnerId = partner.body.data.partnerLenderCreate.partnerLender.id;

    const issued = await t.gql(
      `mutation($p: ID!, $l: ID!) { guaranteeIssue(input: { productId: $p, partnerLenderId: $l, borrowerName: "Spółdzielnia Socjalna", partnerLoanReference: "K/1/2027", loanPrincipal: "100000", termMonths: 36, issuedOn: "2027-01-10" }) {
        guarantee { id status exposure { amount } fee { amount } events { kind } } errors { code message } } }`,
      { p: productId, l: partnerId },
      officer(),
    );
    const g = issued.body.data.guaranteeIssue.guarantee;
    expect(g).toMatchObject({ status: 'ACTIVE', exposure: { amount: '80000.00' }, fee: { amount: '400.00' }, events: [{ kind: 'ISSUE' }] });

    const tooMuch = await t.gql(
      `mutation($g: ID!) { guaranteeCall(input: { guaranteeId: $g, businessDate: "2027-05-01", amount: "90000" }) { guarantee { id } errors { code field message } } }`,
      { g: g.id },
      { ...officer(), 'Accept-Language': 'en' },
    );
    expect(tooMuch.body.data.guaranteeCall.errors[0]).toMatchObject({ code: 'CALL_ABOVE_EXPOSURE', field: ['input', 'amount'] });
    expect(tooMuch.body.data.guaranteeCall.errors[0].message).toMatch(/exceeds the current exposure/);

    for (const [mutation, extra] of [
      ['guaranteeExposureReport', 'outstanding: "60000", businessDate: "2027-04-01"'],
      ['guaranteeCall', 'amount: "40000", businessDate: "2027-05-01"'],
      ['guaranteePayout', 'businessDate: "2027-05-10"'],
      ['guaranteeRecovery', 'amount: "15000", businessDate: "2027-08-01"'],
    ] as const) {
      const res = await t.gql(`mutation($g: ID!) { ${mutation}(input: { guaranteeId: $g, ${extra} }) { guarantee { status } errors { code message } } }`, { g: g.id }, officer());
      expect(res.body.data[mutation].errors).toEqual([]);
    }

    const list = await t.gql(`{ guarantees(first: 5) { totalCount nodes { status paid { amount } recovered { amount } events { kind } } } guaranteeFunds { exposure { amount } paidOut { amount } } }`, {}, officer());
    expect(list.body.data.guarantees.nodes[0]).toMatchObject({ status: 'PAID_OUT', paid: { amount: '40000.00' }, recovered: { amount: '15000.00' } });
    expect(list.body.data.guarantees.nodes[0].events.map((e: { kind: string }) => e.kind)).toEqual(['ISSUE', 'EXPOSURE_REPORT', 'CALL', 'PAYOUT', 'RECOVERY']);
    expect(list.body.data.guaranteeFunds[0]).toMatchObject({ exposure: { amount: '0.00' }, paidOut: { amount: '40000.00' } });

    const trial = await t.gql(`{ trialBalance { totalDebit { amount } totalCredit { amount } lines { account { code balance { amount } } } } }`, {}, officer());
    expect(trial.body.data.trialBalance.totalDebit).toEqual(trial.body.data.trialBalance.totalCredit);
    const cash = trial.body.data.trialBalance.lines.find((l: { account: { code: string } }) => l.account.code === '131');
    expect(cash.account.balance.amount).toBe('975400.00'); // 1 000 000 + 400 fee − 40 000 payout + 15 000 recovery

    const entries = await t.gql(`query($g: ID) { journalEntries(first: 10, filter: { guaranteeId: $g }) { totalCount nodes { kind postings { accountCode side amount { amount } } } } }`, { g: g.id }, officer());
    expect(entries.body.data.journalEntries.totalCount).toBe(4);
    expect(entries.body.data.journalEntries.nodes[0].kind).toBe('GUARANTEE_RECOVERY');
  });

  it('closes a month and then refuses entries dated in it', async () => {
    const close = await t.gql(`mutation { accountingPeriodClose(input: { periodEnd: "2027-01-31" }) { closedMonths errors { code } } }`, {}, officer());
    expect(close.body.data.accountingPeriodClose.closedMonths).toEqual(['2027-01-01']);
    const entries = await t.gql(`{ journalEntries(first: 1, filter: { kind: "GUARANTEE_FEE" }) { nodes { id } } }`, {}, officer());
    const reverse = await t.gql(
      `mutation($e: ID!) { journalEntryReverse(input: { entryId: $e, businessDate: "2027-01-20", memo: "x" }) { entry { id } errors { code } } }`,
      { e: entries.body.data.journalEntries.nodes[0].id },
      officer(),
    );
    expect(reverse.body.data.journalEntryReverse.errors).toEqual([{ code: 'PERIOD_CLOSED' }]);
  });

  it('keeps the books and guarantees from the public and from staff outside the fund', async () => {
    const anonymous = await t.gql(`{ trialBalance { totalDebit { amount } } }`);
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const analyst = await t.gql(`{ guarantees(first: 1) { totalCount } }`, {}, { Authorization: tokenFor(StaffRole.ANALYST) });
    expect(analyst.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const committee = await t.gql(`mutation { guaranteePayout(input: { guaranteeId: "${randomUUID()}", businessDate: "2027-02-01" }) { errors { code } } }`, {}, { Authorization: tokenFor(StaffRole.COMMITTEE_MEMBER) });
    expect(committee.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const reads = await t.gql(`{ fundAccounts { code namePl } }`, {}, { Authorization: tokenFor(StaffRole.COMMITTEE_MEMBER) });
    expect(reads.body.data.fundAccounts).toHaveLength(20);
  });
});
