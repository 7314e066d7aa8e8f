import 'reflect-metadata';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startHubTestApp, type HubTestApp } from './hub-test-app';
import { StaffRole, StaffUserService } from '../../api/src/access';
import { LoanService } from '../../api/src/fund/loans';
import { ensureLoanSchema, openTestLoan } from '../../api/src/fund/loans/testing/loan-fixtures';
import { ensureReliefSchema, insertBorrowers } from '../../api/src/fund/relief/testing/relief-fixtures';

const PASSWORD = 'kasa-pożyczkowa-2026';

/** Relief campaigns over HTTP with real sign-in tokens: only fund officers, preview then apply once, typed errors in the request's language. */
describe('fund relief campaigns through GraphQL over HTTP', () => {
  let db: TestDatabase;
  let t: HubTestApp;
  const tokens: Record<string, string> = {};
  const loans: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('fund-relief-http');
    await ensureLoanSchema(db.orm);
    await ensureReliefSchema(db.orm);
    const users = new StaffUserService(db.orm.em.fork());
    const people: [string, StaffRole[]][] = [['officer', [StaffRole.FUND_OFFICER]], ['analyst', [StaffRole.ANALYST]]];
    for (const [name, roles] of people) await users.create({ email: `${name}@kasa.test`, displayName: name, password: PASSWORD, roles });
    const clients = await insertBorrowers(db.orm.em.fork(), [
      { territory: '0208021', legalForm: 'SOCIAL_COOPERATIVE', name: 'Spółdzielnia Socjalna „Twierdza”' },
      { territory: '1206011', legalForm: 'FOUNDATION', name: 'Fundacja Skawina' },
    ]);
    for (const client of clients) {
      const opened = await openTestLoan(db.orm.em.fork(), { borrowerClientId: client });
      await new LoanService(db.orm.em.fork()).disburse({ loanId: opened.id, amountMinor: 6_000_000n, businessDate: '2026-01-15' });
      loans.push(opened.id);
    }
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

  const EFFECT = `fingerprint totals { loans skipped principalAffected { amount } instalmentsMoved interestForgone { amount } interestAdded { amount } journalEntries }
    loans { loanId borrowerName territoryCode legalForm instalmentsBefore instalmentsAfter instalmentsMoved endDateBefore endDateAfter interestBefore { amount } interestAfter { amount } scheduleVersionAfter }`;
  const CREATE = `mutation ($input: ReliefCampaignCreateInput!) { reliefCampaignCreate(input: $input) { campaign { id status kind parameters { periods holidayKind } target { territoryCodes } } errors { code field message } } }`;

  it('lets only fund officers see or run campaigns', async () => {
    expect((await as(null, '{ reliefCampaigns { id } }')).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await as('analyst', '{ reliefCampaigns { id } }')).body.errors[0].extensions.code).toBe('FORBIDDEN');
    const res = await as('analyst', CREATE, { input: { name: 'X', kind: 'RATE_CUT', businessDate: '2026-01-20', parameters: { periods: 3, annualRateBp: 0 }, target: {} } });
    expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('creates a holiday for a region, previews it, applies it once and shows the audit trail', async () => {
    const created = await as('officer', CREATE, { input: { name: 'Wakacje kredytowe — powiat kłodzki', kind: 'PAYMENT_HOLIDAY', businessDate: '2026-01-20', parameters: { periods: 6 }, target: { territoryCodes: ['0208'] } } });
    const campaign = created.body.data.reliefCampaignCreate.campaign;
    expect(campaign).toMatchObject({ status: 'DRAFT', kind: 'PAYMENT_HOLIDAY', parameters: { periods: 6, holidayKind: 'INTEREST_ONLY' }, target: { territoryCodes: ['0208'] } });

    const previewed = await as('officer', `mutation ($id: ID!) { reliefCampaignPreview(id: $id) { campaign { status preview { ${EFFECT} } } errors { code } } }`, { id: campaign.id });
    const preview = previewed.body.data.reliefCampaignPreview.campaign.preview;
    expect(preview.totals).toMatchObject({ loans: 1, skipped: 0, principalAffected: { amount: '60000.00' }, journalEntries: 0 });
    expect(preview.loans[0]).toMatchObject({ loanId: loans[0], borrowerName: 'Spółdzielnia Socjalna „Twierdza”', territoryCode: '0208021', legalForm: 'SOCIAL_COOPERATIVE', instalmentsBefore: 12, instalmentsAfter: 18, scheduleVersionAfter: 2 });
    expect(Number(preview.totals.interestAdded.amount)).toBeGreaterThan(0);

    const apply = `mutation ($id: ID!) { reliefCampaignApply(id: $id) { campaign { status appliedAt applied { ${EFFECT} } } errors { code field message } } }`;
    const applied = (await as('officer', apply, { id: campaign.id })).body.data.reliefCampaignApply;
    expect(applied.errors).toEqual([]);
    expect(applied.campaign.status).toBe('APPLIED');
    expect(applied.campaign.applied).toEqual(preview);

    const again = (await as('officer', apply, { id: campaign.id }, 'en')).body.data.reliefCampaignApply;
    expect(again.campaign).toBeNull();
    expect(again.errors).toEqual([{ code: 'ALREADY_APPLIED', field: null, message: 'The campaign was already applied; it is not applied again.' }]);

    const read = await as('officer', `query ($id: ID!) { reliefCampaign(id: $id) { name status audit { kind actorId at } } reliefCampaigns { id } }`, { id: campaign.id });
    expect(read.body.data.reliefCampaign.audit.map((e: { kind: string }) => e.kind)).toEqual(['CREATED', 'PREVIEWED', 'APPLIED']);
    expect(read.body.data.reliefCampaigns.map((c: { id: string }) => c.id)).toContain(campaign.id);
  });

  it('reports refusals as typed errors in Polish by default', async () => {
    const bad = (await as('officer', CREATE, { input: { name: 'Obniżka', kind: 'RATE_CUT', businessDate: '2026-01-20', parameters: { periods: 3 }, target: {} } })).body.data.reliefCampaignCreate;
    expect(bad.errors).toEqual([{ code: 'INVALID_PARAMETERS', field: ['parameters', 'annualRateBp'], message: 'Parametry nie pasują do rodzaju akcji.' }]);
    const created = (await as('officer', CREATE, { input: { name: 'Obniżka', kind: 'RATE_CUT', businessDate: '2026-01-20', parameters: { periods: 3, annualRateBp: 0 }, target: { legalForms: ['FOUNDATION'] } } })).body.data.reliefCampaignCreate.campaign;
    const notPreviewed = (await as('officer', `mutation ($id: ID!) { reliefCampaignApply(id: $id) { errors { code message } } }`, { id: created.id })).body.data.reliefCampaignApply;
    expect(notPreviewed.errors[0].code).toBe('NOT_PREVIEWED');
  });
});
