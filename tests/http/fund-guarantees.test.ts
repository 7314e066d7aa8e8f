import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startHubTestApp, type HubTestApp } from './hub-test-app';
import { issueStaffToken, StaffRole, StaffUserService } from '../../api/src/access';
import { LegalForm, SocialEconomyEntity } from '../../api/src/observatory';
import { importTerritory } from '../../api/src/territory';

/** The guarantee fund and the books through the hub's GraphQL endpoint, with roles. */
describe('guarantees and books over HTTP', () => {
  let db: TestDatabase;
  let t: HubTestApp;
  const tokenFor = (role: StaffRole) =>
    `Bearer ${issueStaffToken({ id: randomUUID(), email: `${role.toLowerCase()}@test.local`, roles: [role] }, { secret: t.config.jwtSecret, ttlSeconds: 300 }).token}`;
  const officer = () => ({ Authorization: tokenFor(StaffRole.FUND_OFFICER) });
  const entityId = randomUUID();

  beforeAll(async () => {
    db = await createTestDatabase('fund-guarantees-http');
    // A registry entity in Małopolska, to become the borrower of a guarantee as a Fund client.
    await importTerritory(db.orm.em.fork());
    const em = db.orm.em.fork();
    em.create(SocialEconomyEntity, { id: entityId, name: 'Spółdzielnia Socjalna „Poręka”', legalForm: LegalForm.SOCIAL_COOPERATIVE, seat: '12' } as never);
    await em.flush();
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

  it('issues a guarantee to a Fund client, named after it, counted in its funding summary and the statistics (amounts for fund roles only)', async () => {
    // Registering a client records who did it: a real staff account.
    const user = await new StaffUserService(db.orm.em.fork()).create({ email: 'kasa@guarantees.test', displayName: 'kasa', password: 'kasa-pożyczkowa-2026', roles: [StaffRole.FUND_OFFICER] });
    const registrar = { Authorization: `Bearer ${issueStaffToken({ id: user.id, email: user.email, roles: [StaffRole.FUND_OFFICER] }, { secret: t.config.jwtSecret, ttlSeconds: 300 }).token}` };
    const registered = await t.gql(`mutation($e: ID!) { fundClientRegisterEntity(input: { entityId: $e }) { client { id name } errors { code } } }`, { e: entityId }, registrar);
    const client = registered.body.data.fundClientRegisterEntity.client;
    const setup = await t.gql(`{ guaranteeFunds { products { id } } partnerLenders { id } }`, {}, officer());
    const vars = { p: setup.body.data.guaranteeFunds[0].products[0].id, l: setup.body.data.partnerLenders[0].id };
    const issue = (borrowerClientId: string, reference: string, headers: Record<string, string> = {}) =>
      t.gql(
        `mutation($p: ID!, $l: ID!, $c: ID!, $r: String!) { guaranteeIssue(input: { productId: $p, partnerLenderId: $l, borrowerClientId: $c, partnerLoanReference: $r, loanPrincipal: "200000", termMonths: 36, issuedOn: "2027-03-01" }) {
          guarantee { borrowerName borrowerClient { id name } exposure { amount } } errors { code field message } } }`,
        { ...vars, c: borrowerClientId, r: reference },
        { ...officer(), ...headers },
      );

    const unknown = await issue(randomUUID(), 'K/2/2027', { 'Accept-Language': 'en' });
    expect(unknown.body.data.guaranteeIssue.guarantee).toBeNull();
    expect(unknown.body.data.guaranteeIssue.errors).toEqual([{ code: 'BORROWER_CLIENT_NOT_FOUND', field: ['input', 'borrowerClientId'], message: expect.stringMatching(/^There is no Fund client /) }]);
    const issued = await issue(client.id, 'K/3/2027');
    expect(issued.body.data.guaranteeIssue).toEqual({
      guarantee: { borrowerName: 'Spółdzielnia Socjalna „Poręka”', borrowerClient: { id: client.id, name: 'Spółdzielnia Socjalna „Poręka”' }, exposure: { amount: '160000.00' } },
      errors: [],
    });

    const summary = `query($e: ID!) { entity(id: $e) { fundingSummary { guarantees amountGuaranteed { amount } confidential } } }`;
    const anonymous = await t.gql(summary, { e: entityId });
    expect(anonymous.body.data.entity.fundingSummary).toEqual({ guarantees: 1, amountGuaranteed: null, confidential: true });
    for (const role of [StaffRole.ANALYST, StaffRole.FUND_OFFICER]) {
      const staff = await t.gql(summary, { e: entityId }, { Authorization: tokenFor(role) });
      expect({ role, ...staff.body.data.entity.fundingSummary }).toEqual({ role, guarantees: 1, amountGuaranteed: { amount: '160000.00' }, confidential: false });
    }

    // Two borrowers in 2027 (the client, and the first test's borrower known only by name): withheld from the public.
    const portfolio = `{ territorialUnit(terytCode: "PL") { fundPortfolio(year: 2027) { guarantees { guarantees borrowers amount { amount } suppressed suppressionReason } guaranteeCallsPaid { count amount { amount } suppressed } } } }`;
    const pub = await t.gql(portfolio);
    expect(pub.body.data.territorialUnit.fundPortfolio).toEqual({
      guarantees: { guarantees: null, borrowers: null, amount: null, suppressed: true, suppressionReason: 'FEW_UNITS' },
      guaranteeCallsPaid: { count: null, amount: null, suppressed: true },
    });
    const revealed = await t.gql(portfolio, {}, { Authorization: tokenFor(StaffRole.ANALYST) });
    expect(revealed.body.data.territorialUnit.fundPortfolio).toEqual({
      guarantees: { guarantees: 2, borrowers: 2, amount: { amount: '240000.00' }, suppressed: true, suppressionReason: 'FEW_UNITS' },
      guaranteeCallsPaid: { count: 1, amount: { amount: '40000.00' }, suppressed: true },
    });
  });
});
