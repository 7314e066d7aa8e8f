import 'reflect-metadata';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startHubTestApp, type HubTestApp } from './hub-test-app';
import { importTerritory } from '../../api/src/territory';
import { StaffRole, StaffUserService } from '../../api/src/access';
import { DEMO_PRODUCT, LoanProductService } from '../../api/src/fund/products';

const PASSWORD = 'kasa-pożyczkowa-2026';

/** Fund origination over HTTP with real sign-in tokens: who sees what, and one application from submission to contract. */
describe('fund origination through GraphQL over HTTP', () => {
  let db: TestDatabase;
  let t: HubTestApp;
  const tokens: Record<string, string> = {};
  let productId: string;

  beforeAll(async () => {
    db = await createTestDatabase('fund-origination-http');
    await importTerritory(db.orm.em.fork());
    const users = new StaffUserService(db.orm.em.fork());
    const people: [string, StaffRole[]][] = [
      ['officer', [StaffRole.FUND_OFFICER]], ['advisor', [StaffRole.ADVISOR]], ['analyst', [StaffRole.ANALYST]], ['trainer', [StaffRole.TRAINER]],
      ['member1', [StaffRole.COMMITTEE_MEMBER]], ['member2', [StaffRole.COMMITTEE_MEMBER]], ['member3', [StaffRole.COMMITTEE_MEMBER]],
    ];
    for (const [name, roles] of people) await users.create({ email: `${name}@kasa.test`, displayName: name, password: PASSWORD, roles });
    // Signing opens the loan through fund/loans; apply its migration if migrations/index.ts does not list it yet.
    const [{ t: loanTable }] = await db.orm.em.fork().execute<{ t: string | null }[]>(`select to_regclass('loan')::text as t`);
    if (!loanTable) {
      const { Migration20261127142000_fund_loans } = await import('../../migrations/Migration20261127142000_fund_loans');
      const migration = new Migration20261127142000_fund_loans(db.orm.em.getDriver(), db.orm.config);
      await migration.up();
      for (const sql of migration.getQueries()) await db.orm.em.getConnection().execute(sql as string);
    }
    productId = (await new LoanProductService(db.orm.em.fork()).create(DEMO_PRODUCT)).id;
    t = await startHubTestApp(db.url);
    for (const [name] of people) {
      const res = await t.gql(`mutation ($e: String!, $p: String!) { staffLogin(input: { email: $e, password: $p }) { token errors { code } } }`, { e: `${name}@kasa.test`, p: PASSWORD });
      tokens[name] = `Bearer ${res.body.data.staffLogin.token}`;
    }
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const as = (who: string | null, query: string, variables: Record<string, unknown> = {}, locale = 'pl') =>
    t.gql(query, variables, { ...(who ? { Authorization: tokens[who] } : {}), 'Accept-Language': locale });
  const global = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');

  const REGISTER = `mutation ($input: FundClientRegisterFoundingGroupInput!) {
    fundClientRegisterFoundingGroup(input: $input) { client { id kind name intendedLegalForm territory { terytCode } members { position fullName roleInGroup email } } errors { code field message } } }`;

  it('shows the public nothing and refuses staff without a fund role', async () => {
    const anonymous = await as(null, '{ fundClients { totalCount } }');
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const trainer = await as('trainer', '{ loanProducts { code } }');
    expect(trainer.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const analyst = await as('analyst', '{ fundClients { totalCount } }');
    expect(analyst.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('lets an advisor register a founding group whose members only fund staff can read', async () => {
    const res = await as('advisor', REGISTER, { input: { name: 'Grupa „Ogród”', intendedLegalForm: 'SOCIAL_COOPERATIVE', terytCode: '12', members: [{ fullName: 'Maria Zielińska', roleInGroup: 'liderka', email: 'maria@example.org' }] } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.fundClientRegisterFoundingGroup).toMatchObject({
      errors: [],
      client: { kind: 'FOUNDING_GROUP', intendedLegalForm: 'SOCIAL_COOPERATIVE', territory: { terytCode: '12' }, members: [{ position: 1, fullName: 'Maria Zielińska', roleInGroup: 'liderka', email: 'maria@example.org' }] },
    });
    const id = res.body.data.fundClientRegisterFoundingGroup.client.id;
    const viaNode = await as('analyst', `query ($id: ID!) { node(id: $id) { id } }`, { id });
    expect(viaNode.body.data.node).toBeNull(); // the Node door is guarded too
    const summary = await as('analyst', '{ fundOriginationSummary { foundingGroupClients applications } }');
    expect(summary.body.data.fundOriginationSummary).toEqual({ foundingGroupClients: 1, applications: 0 });
  });

  it('reports typed errors in the request language', async () => {
    const input = { name: 'X', intendedLegalForm: 'ASSOCIATION', terytCode: '12', members: [] };
    const pl = await as('advisor', REGISTER, { input });
    expect(pl.body.data.fundClientRegisterFoundingGroup.errors).toEqual([{ code: 'MEMBERS_REQUIRED', field: ['input', 'members'], message: 'Grupa inicjatywna musi mieć co najmniej jednego członka.' }]);
    const en = await as('advisor', REGISTER, { input }, 'en');
    expect(en.body.data.fundClientRegisterFoundingGroup.errors[0].message).toBe('A founding group needs at least one member.');
  });

  it('takes an application from submission through assessment and the committee vote to a signed contract', async () => {
    const clients = await as('officer', '{ fundClients(first: 10) { totalCount nodes { id name } } }');
    const clientId = clients.body.data.fundClients.nodes[0].id;
    const submitted = await as('advisor', `mutation ($input: LoanApplicationSubmitInput!) { loanApplicationSubmit(input: $input) { application { id state amount { amount currency } } errors { code message } } }`, {
      input: { clientId, productId: global('LoanProduct', productId), amount: '40000.00', instalments: 36, purpose: 'Szklarnia', jobsPromised: 2 },
    });
    expect(submitted.body.data.loanApplicationSubmit.application).toMatchObject({ state: 'SUBMITTED', amount: { amount: '40000.00', currency: 'PLN' } });
    const applicationId = submitted.body.data.loanApplicationSubmit.application.id;

    const tooMuch = await as('advisor', `mutation ($input: LoanApplicationSubmitInput!) { loanApplicationSubmit(input: $input) { errors { code message } } }`, {
      input: { clientId, productId: global('LoanProduct', productId), amount: '100000.01', instalments: 36, purpose: 'x', jobsPromised: 0 },
    });
    expect(tooMuch.body.data.loanApplicationSubmit.errors[0].code).toBe('AMOUNT_OUT_OF_BOUNDS');

    const criteria = await as('officer', '{ scoringCriteria { code maxPoints } }');
    const scores = criteria.body.data.scoringCriteria.map((c: { code: string }) => ({ criterionCode: c.code, points: 4 }));
    const advisorAssess = await as('advisor', `mutation ($input: LoanApplicationAssessInput!) { loanApplicationAssess(input: $input) { errors { code } } }`, { input: { applicationId, scores } });
    expect(advisorAssess.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const assessed = await as('officer', `mutation ($input: LoanApplicationAssessInput!) { loanApplicationAssess(input: $input) { application { state scoreBp } errors { code } } }`, { input: { applicationId, scores } });
    expect(assessed.body.data.loanApplicationAssess.application).toEqual({ state: 'ASSESSED', scoreBp: 8000 });

    const VOTE = `mutation ($input: LoanApplicationVoteInput!) { loanApplicationVote(input: $input) { vote { choice comment member { displayName } } errors { code } } }`;
    for (const member of ['member1', 'member2', 'member3']) {
      const res = await as(member, VOTE, { input: { applicationId, choice: member === 'member3' ? 'AGAINST' : 'FOR', comment: `głos ${member}` } });
      expect(res.body.data.loanApplicationVote.vote).toEqual({ choice: member === 'member3' ? 'AGAINST' : 'FOR', comment: `głos ${member}`, member: { displayName: member } });
    }
    const again = await as('member1', VOTE, { input: { applicationId, choice: 'AGAINST' } });
    expect(again.body.data.loanApplicationVote.errors).toEqual([{ code: 'ALREADY_VOTED' }]);

    const decided = await as('member1', `mutation ($input: LoanApplicationDecideInput!) { loanApplicationDecide(input: $input) { application { state tally { for against abstain quorate approved } votes { choice } } errors { code } } }`, { input: { applicationId } });
    expect(decided.body.data.loanApplicationDecide.application).toEqual({ state: 'APPROVED', tally: { for: 2, against: 1, abstain: 0, quorate: true, approved: true }, votes: [{ choice: 'FOR' }, { choice: 'FOR' }, { choice: 'AGAINST' }] });

    const signed = await as('officer', `mutation ($input: LoanContractSignInput!) { loanContractSign(input: $input) { contract { number principal { amount } instalments gracePeriods remissionMaxShareBp remissionDeadline application { state } } errors { code message } } }`, {
      input: { applicationId, signedOn: '2026-09-01', firstDisbursementDate: '2026-09-07', amount: '35000.00' },
    });
    expect(signed.body.errors).toBeUndefined();
    expect(signed.body.data.loanContractSign).toMatchObject({
      errors: [],
      contract: { principal: { amount: '35000.00' }, instalments: 36, gracePeriods: 0, remissionMaxShareBp: 4000, remissionDeadline: '2027-09-01', application: { state: 'CONTRACTED' } },
    });
  });
});
