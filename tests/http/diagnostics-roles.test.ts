import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startHubTestApp, type HubTestApp } from './hub-test-app';
import { issueStaffToken, StaffRole } from '../../api/src/access';
import { createCampaign, installBuiltinInstruments, inviteRespondents, launchCampaign, submitResponse } from '../../api/src/diagnostics';

/**
 * Who may call which diagnostics operation, over HTTP with real tokens, as a table: anonymous
 * callers get UNAUTHENTICATED for every staff operation, roles other than ANALYST/ADMIN get
 * FORBIDDEN, ANALYST everything but respondentErase (ADMIN only), and answering/public results stay
 * open. Also: an ANALYST sees pseudonyms and no special-category answer, ADMIN sees those answers;
 * the list queries page by Relay cursors.
 */
type Holder = 'anonymous' | StaffRole;
type Outcome = 'ALLOWED' | 'UNAUTHENTICATED' | 'FORBIDDEN';

const C = '00000000-0000-4000-8000-00000000c0de';
const OPERATIONS: Record<string, string> = {
  instruments: `{ instruments(first: 1) { totalCount } }`,
  instrumentVersion: `{ instrumentVersion(id: "${C}") { id } }`,
  surveyCampaigns: `{ surveyCampaigns { totalCount } }`,
  surveyCampaign: `{ surveyCampaign(id: "${C}") { id } }`,
  surveyInvitationCounts: `{ surveyInvitationCounts(campaignId: "$CAMPAIGN") { submitted } }`,
  surveyRawResponses: `{ surveyRawResponses(campaignId: "$CAMPAIGN") { respondentPseudonym } }`,
  entityBenchmark: `{ entityBenchmark(instrumentCode: "entity_potential", entityId: "${C}") { dimension } }`,
  localStrategy: `{ localStrategy(id: "${C}") { id } }`,
  surveyCampaignCreate: `mutation { surveyCampaignCreate(input: { instrumentVersionId: "${C}", name: "x", audience: RESIDENTS, legalForms: [], retentionDays: 30, closesAt: "2030-01-01T00:00:00Z" }) { errors { code } } }`,
  surveyIndicatorPublish: `mutation { surveyIndicatorPublish(input: { campaignId: "${C}", code: "SURVEY_X", namePl: "x", nameEn: "x" }) { errors { code } } }`,
  respondentErase: `mutation { respondentErase(input: { identifier: "nobody@example.pl" }) { errors { code } } }`,
  surveyResults: `{ surveyResults(campaignId: "$CAMPAIGN") { areaCode } }`,
  surveyResponseSave: `mutation { surveyResponseSave(input: { token: "not-a-token", answers: [] }) { errors { code } } }`,
};

// The matrix, written out so a change to any @Authorized shows up as a changed row.
const A = 'ALLOWED', U = 'UNAUTHENTICATED', F = 'FORBIDDEN';
const MATRIX: Record<string, Partial<Record<Holder, Outcome>>> = {
  //                        anonymous   ANALYST   ADMIN   FUND_OFFICER  TRAINER
  instruments:            { anonymous: U, ANALYST: A, ADMIN: A, FUND_OFFICER: F, TRAINER: F },
  instrumentVersion:      { anonymous: U, ANALYST: A, ADMIN: A, FUND_OFFICER: F, TRAINER: F },
  surveyCampaigns:        { anonymous: U, ANALYST: A, ADMIN: A, FUND_OFFICER: F, TRAINER: F },
  surveyCampaign:         { anonymous: U, ANALYST: A, ADMIN: A, FUND_OFFICER: F, TRAINER: F },
  surveyInvitationCounts: { anonymous: U, ANALYST: A, ADMIN: A, FUND_OFFICER: F, TRAINER: F },
  surveyRawResponses:     { anonymous: U, ANALYST: A, ADMIN: A, FUND_OFFICER: F, TRAINER: F },
  entityBenchmark:        { anonymous: U, ANALYST: A, ADMIN: A, FUND_OFFICER: F, TRAINER: F },
  localStrategy:          { anonymous: U, ANALYST: A, ADMIN: A, FUND_OFFICER: F, TRAINER: F },
  surveyCampaignCreate:   { anonymous: U, ANALYST: A, ADMIN: A, FUND_OFFICER: F, TRAINER: F },
  surveyIndicatorPublish: { anonymous: U, ANALYST: A, ADMIN: A, FUND_OFFICER: F, TRAINER: F },
  respondentErase:        { anonymous: U, ANALYST: F, ADMIN: A, FUND_OFFICER: F, TRAINER: F },
  surveyResults:          { anonymous: A, ANALYST: A, ADMIN: A, FUND_OFFICER: A, TRAINER: A },
  surveyResponseSave:     { anonymous: A, ANALYST: A, ADMIN: A, FUND_OFFICER: A, TRAINER: A },
};
const HOLDERS: Holder[] = ['anonymous', StaffRole.ANALYST, StaffRole.ADMIN, StaffRole.FUND_OFFICER, StaffRole.TRAINER];

describe('diagnostics GraphQL: who may do what', () => {
  let db: TestDatabase;
  let hub: HubTestApp;
  let campaignId: string;
  const auth = (holder: Holder): Record<string, string> =>
    holder === 'anonymous' ? {} : { Authorization: `Bearer ${issueStaffToken({ id: randomUUID(), email: `${holder.toLowerCase()}@test.local`, roles: [holder] }, { secret: hub.config.jwtSecret, ttlSeconds: 300 }).token}` };

  beforeAll(async () => {
    db = await createTestDatabase('diagnostics-roles');
    hub = await startHubTestApp(db.url, { DIAGNOSTICS_PSEUDONYM_KEY: 'roles-test-pseudonym-key-0123456789' });
    const em = db.orm.em.fork();
    const needs = (await installBuiltinInstruments(em))[1];
    const campaign = await createCampaign(em, { instrumentVersionId: needs.id, name: 'Diagnoza potrzeb', audience: 'RESIDENTS', territoryCode: null, legalForms: [], retentionDays: 90, closesAt: new Date(Date.now() + 86_400_000) });
    campaignId = campaign.id;
    await launchCampaign(em, campaign.id, new Date());
    const [invitation] = await inviteRespondents(em, campaign.id, [{ identifier: 'ala@example.pl', respondentKind: 'resident' }]);
    const submitted = await submitResponse(em, invitation.token, {
      respondent_kind: 'resident', resident_disability: 'yes', unmet_services: ['care'], avail_care: '2', avail_daycare: '2', avail_transport: '2', avail_mental: '2', excluded_groups: ['homeless'],
    }, new Date());
    expect(submitted.errors).toEqual([]);
  }, 120_000);
  afterAll(async () => {
    await hub?.close();
    await db?.drop();
  });

  it('the matrix covers every operation', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(OPERATIONS).sort());
  });

  const cases = Object.keys(OPERATIONS).flatMap((operation) => HOLDERS.map((holder) => ({ operation, holder })));
  it.each(cases)('$operation as $holder', async ({ operation, holder }) => {
    const res = await hub.gql(OPERATIONS[operation].replace('$CAMPAIGN', campaignId), {}, auth(holder));
    const code = res.body.errors?.[0]?.extensions?.code as string | undefined;
    const outcome: Outcome = code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' ? code : 'ALLOWED';
    expect(outcome).toBe(MATRIX[operation][holder]);
    if (outcome === 'ALLOWED') expect(res.body.errors).toBeUndefined();
    else expect(res.body.data?.[operation] ?? null).toBeNull();
  });

  it('an ANALYST sees the pseudonym and not the special-category answer; ADMIN sees it; nobody sees the identifier', async () => {
    const query = `{ surveyRawResponses(campaignId: "${campaignId}") { respondentPseudonym withheld answers { question values } } }`;
    const analyst = (await hub.gql(query, {}, auth(StaffRole.ANALYST))).body.data.surveyRawResponses;
    expect(analyst).toHaveLength(1);
    expect(analyst[0].respondentPseudonym).toMatch(/^[0-9a-f]{32,}$/);
    expect(analyst[0].withheld).toEqual(['resident_disability']);
    expect(analyst[0].answers.map((a: { question: string }) => a.question)).not.toContain('resident_disability');
    const admin = (await hub.gql(query, {}, auth(StaffRole.ADMIN))).body.data.surveyRawResponses;
    expect(admin[0].withheld).toEqual([]);
    expect(admin[0].answers).toContainEqual({ question: 'resident_disability', values: ['yes'] });
    expect(JSON.stringify([analyst, admin])).not.toContain('ala@example.pl');
  });

  it('lists instruments and campaigns page by page (Relay cursors)', async () => {
    const first = (await hub.gql(`{ instruments(first: 1) { totalCount edges { cursor node { code version } } pageInfo { hasNextPage endCursor } } }`, {}, auth(StaffRole.ANALYST))).body.data.instruments;
    expect(first.totalCount).toBe(2);
    expect(first.edges).toHaveLength(1);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await hub.gql(`query($after: String) { instruments(first: 5, after: $after) { nodes { code version } pageInfo { hasNextPage hasPreviousPage } } }`, { after: first.pageInfo.endCursor }, auth(StaffRole.ANALYST))).body.data.instruments;
    expect(second.nodes).toHaveLength(1);
    expect(second.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
    expect([first.edges[0].node.code, second.nodes[0].code]).toEqual(['entity_potential', 'local_needs']);
    const onlyNeeds = (await hub.gql(`{ instruments(code: "local_needs") { totalCount nodes { code xlsFormBase64 } } }`, {}, auth(StaffRole.ANALYST))).body.data.instruments;
    expect(onlyNeeds.totalCount).toBe(1);
    expect(Buffer.from(onlyNeeds.nodes[0].xlsFormBase64, 'base64').subarray(0, 2).toString()).toBe('PK'); // an XLSX is a zip

    const campaigns = (await hub.gql(`{ surveyCampaigns(status: "LAUNCHED") { totalCount nodes { id name status } } drafts: surveyCampaigns(status: "DRAFT") { totalCount } }`, {}, auth(StaffRole.ANALYST))).body.data;
    expect(campaigns.surveyCampaigns).toEqual({ totalCount: 1, nodes: [{ id: campaignId, name: 'Diagnoza potrzeb', status: 'LAUNCHED' }] });
    expect(campaigns.drafts.totalCount).toBe(0);
    const bad = await hub.gql(`{ surveyCampaigns(status: "OPEN") { totalCount } }`, {}, auth(StaffRole.ANALYST));
    expect(bad.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
