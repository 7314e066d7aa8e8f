import request from 'supertest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startHubTestApp, type HubTestApp } from './hub-test-app';
import { createCampaign, installBuiltinInstruments, inviteRespondents, launchCampaign } from '../../api/src/diagnostics';

describe('answering a survey over GraphQL and through the web form', () => {
  let db: TestDatabase;
  let hub: HubTestApp;
  let tokens: string[];

  beforeAll(async () => {
    db = await createTestDatabase('diagnostics-survey');
    hub = await startHubTestApp(db.url, { DIAGNOSTICS_PSEUDONYM_KEY: 'http-test-pseudonym-key-0123456789' });
    const em = db.orm.em.fork();
    const needs = (await installBuiltinInstruments(em))[1];
    const campaign = await createCampaign(em, { instrumentVersionId: needs.id, name: 'Diagnoza', audience: 'RESIDENTS', territoryCode: null, legalForms: [], retentionDays: 90, closesAt: new Date(Date.now() + 86_400_000) });
    await launchCampaign(em, campaign.id, new Date());
    tokens = (await inviteRespondents(em, campaign.id, [{ identifier: 'a@example.pl', respondentKind: 'resident' }, { identifier: 'b@example.pl', respondentKind: 'resident' }])).map((i) => i.token);
  }, 120_000);
  afterAll(async () => {
    await hub?.close();
    await db?.drop();
  });

  const SAVE = `mutation($input: SurveyResponseInput!) { surveyResponseSave(input: $input) { status answers { question values } errors { code field message } } }`;
  const SUBMIT = `mutation($input: SurveyResponseInput!) { surveyResponseSubmit(input: $input) { status index scores { dimension score } errors { code field message } } }`;

  it('saves valid answers, reports invalid ones per field in the request language, and submits once', async () => {
    const saved = await hub.gql(SAVE, { input: { token: tokens[0], answers: [{ question: 'respondent_kind', value: 'resident' }, { question: 'unmet_services', values: ['care', 'respite', 'youth', 'mental'] }, { question: 'waiting_weeks', value: 'dużo' }] } }, { 'Accept-Language': 'en' });
    const payload = saved.body.data.surveyResponseSave;
    expect(payload.status).toBe('STARTED');
    expect(payload.answers).toEqual([{ question: 'respondent_kind', values: ['resident'] }]);
    expect(payload.errors).toEqual([
      { code: 'WRONG_TYPE', field: ['waiting_weeks'], message: 'The answer has the wrong form (e.g. text instead of a number).' },
      { code: 'CONSTRAINT', field: ['unmet_services'], message: 'Choose at most three.' },
    ]);
    const answers = [
      { question: 'unmet_services', values: ['care'] }, { question: 'avail_care', value: '1' }, { question: 'avail_daycare', value: '2' }, { question: 'avail_transport', value: '1' },
      { question: 'avail_mental', value: '2' }, { question: 'excluded_groups', values: ['seniors'] },
    ];
    const submitted = (await hub.gql(SUBMIT, { input: { token: tokens[0], answers } })).body.data.surveyResponseSubmit;
    expect(submitted.errors).toEqual([]);
    expect(submitted.status).toBe('SUBMITTED');
    expect(submitted.scores).toEqual([{ dimension: 'service_gap', score: 83.3 }, { dimension: 'exclusion_breadth', score: 20 }]);
    const again = (await hub.gql(SUBMIT, { input: { token: tokens[0], answers } })).body.data.surveyResponseSubmit;
    expect(again.errors[0].code).toBe('ALREADY_SUBMITTED');
  });

  it('serves a plain HTML form that posts back, shows field errors beside the questions, and thanks on submission', async () => {
    const form = await request(hub.hub.app).get(`/surveys/${tokens[1]}`).set('Accept-Language', 'pl');
    expect(form.status).toBe(200);
    expect(form.text).toContain('Diagnoza potrzeb lokalnych w zakresie usług społecznych');
    expect(form.text).toContain('<form method="post"');
    const english = await request(hub.hub.app).get(`/surveys/${tokens[1]}?lang=en`);
    expect(english.text).toContain('Local needs diagnosis for social services');

    const bad = await request(hub.hub.app).post(`/surveys/${tokens[1]}?lang=pl`).type('form').send('action=submit&respondent_kind=resident&waiting_weeks=500&unmet_services=care');
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Popraw zaznaczone odpowiedzi.');
    expect(bad.text).toContain('To pytanie jest obowiązkowe.');
    expect(bad.text).toMatch(/id="q_waiting_weeks_err"/);

    const good = await request(hub.hub.app).post(`/surveys/${tokens[1]}?lang=pl`).type('form')
      .send('action=submit&respondent_kind=resident&unmet_services=care&unmet_services=housing&avail_care=2&avail_daycare=2&avail_transport=2&avail_mental=2&excluded_groups=homeless');
    expect(good.status).toBe(200);
    expect(good.text).toContain('Dziękujemy!');
    expect((await request(hub.hub.app).get(`/surveys/${tokens[1]}`)).status).toBe(410);
    expect((await request(hub.hub.app).get('/surveys/not-a-token')).status).toBe(404);
  });

  it('keeps raw responses and strategies from the anonymous public', async () => {
    const res = await hub.gql(`{ surveyRawResponses(campaignId: "00000000-0000-4000-8000-000000000000") { respondentPseudonym } }`);
    expect(res.body.errors[0].extensions.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
    expect((await request(hub.hub.app).get('/strategies/00000000-0000-4000-8000-000000000000.pdf')).status).toBe(401);
  });
});
