import request from 'supertest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startHubTestApp, type HubTestApp } from '../http/hub-test-app';
import { importTerritory, parseCsv } from '../../api/src/territory';
import { defaultDataDir } from '../../api/src/config';
import { IndicatorService, refreshIndicators } from '../../api/src/observatory';
import { issueStaffToken, StaffRole } from '../../api/src/access';
import { IndicatorBreakdown } from '../../api/src/observatory/indicators';
import { configurePseudonymKey, createCampaign, installBuiltinInstruments, inviteTargetEntities, launchCampaign, publishCampaignIndicator, submitResponse } from '../../api/src/diagnostics';

/**
 * A survey campaign published as an Observatory indicator: the same service, GraphQL and export
 * serve it as the registry indicators, under the survey's disclosure rule (≥ 10 respondents), and
 * the recomputing refresh carries it forward. 30 social cooperatives answer: 12 + 12 + 6 in three
 * gminas of one powiat, so the third gmina (6) is hidden and one more gmina with it (the powiat
 * total would otherwise give it away).
 */
const T0 = new Date('2026-12-01T10:00:00Z');
const CODE = 'SURVEY_ENTITY_POTENTIAL';

function answers(k: number): Record<string, unknown> {
  return {
    revenue_total: 100000 * (k + 1), market_share: (k * 7) % 100, customers: ['residents'], public_contracts: k % 2 ? 'yes' : 'no', reserves_months: k % 7,
    employees: 10, excluded_employees: k % 10, reintegration_plan: 'yes', local_benefit: String((k % 5) + 1), founded_on: '2015-03-01', strategy_document: 'yes',
    res_management: '3', res_accounting: '4', res_marketing: String((k % 5) + 1), partners: ['ops', 'pup'], owes_support: 'yes',
  };
}

describe('diagnostics: survey results as Observatory indicators', () => {
  let db: TestDatabase;
  let t: HubTestApp;
  let powiat: string;
  let gminas: string[];
  let firstVersion: string;
  let campaignId: string;

  beforeAll(async () => {
    configurePseudonymKey('test-pseudonym-key-0123456789abcdef');
    db = await createTestDatabase('diagnostics-indicators');
    const em = db.orm.em.fork();
    await importTerritory(em, { dataDir: defaultDataDir() });
    const [row] = await em.execute<{ powiat: string; gminas: string[] }[]>(
      `select parent_teryt_code as powiat, array_agg(teryt_code order by teryt_code) as gminas from territorial_unit where level = 'GMINA' group by 1 having count(*) >= 3 order by 1 limit 1`);
    powiat = row.powiat;
    gminas = row.gminas.slice(0, 3);
    for (let k = 0; k < 30; k++) {
      const seat = k < 12 ? gminas[0] : k < 24 ? gminas[1] : gminas[2];
      await em.execute(`insert into social_economy_entity (id, name, legal_form, seat_teryt_code, status, search_name) values (?, ?, 'SOCIAL_COOPERATIVE', ?, 'ACTIVE', ?)`,
        [`00000000-0000-4000-8000-${String(k).padStart(12, '0')}`, `Spółdzielnia ${k}`, seat, `spoldzielnia ${k}`]);
    }
    // An ordinary refresh first, so the survey publication has registry indicators to carry forward.
    await refreshIndicators(db.orm.em.fork(), { cause: 'test: before the survey', years: { from: 2025, to: 2026 }, now: T0 });
    const [version] = await installBuiltinInstruments(em);
    const campaign = await createCampaign(em, { instrumentVersionId: version.id, name: 'Diagnoza potencjału 2026', audience: 'ENTITIES', territoryCode: powiat, legalForms: ['SOCIAL_COOPERATIVE'], retentionDays: 365, closesAt: new Date('2027-01-31T00:00:00Z') });
    campaignId = campaign.id;
    await launchCampaign(em, campaign.id, T0);
    const invitations = await inviteTargetEntities(em, campaign.id);
    expect(invitations).toHaveLength(30);
    for (const [k, inv] of invitations.entries()) expect((await submitResponse(em, inv.token, answers(k), T0)).status).toBe('SUBMITTED');
    const before = await db.orm.em.fork().execute<{ label: string }[]>(`select label from data_version where status = 'PUBLISHED'`);
    firstVersion = before[0].label;
    const published = await publishCampaignIndicator(db.orm.em.fork(), { campaignId: campaign.id, code: CODE, dimension: 'index', namePl: 'Potencjał podmiotów (ankieta)', nameEn: 'Entity potential (survey)', level: 'GMINA', now: T0 });
    expect(published).toMatchObject({ code: CODE, values: 4, suppressed: 2 });
    t = await startHubTestApp(db.url);
  }, 300_000);

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const read = (reveal: boolean, version?: string) =>
    new IndicatorService(db.orm.em.fork()).values({ indicatorCodes: [CODE], within: powiat, years: [2026], breakdown: IndicatorBreakdown.TOTAL, version }, { revealSuppressed: reveal });

  it('serves the published cells through IndicatorService with the ≥ 10 respondents rule; hidden cells are null even for analysts', async () => {
    const values = await read(false);
    const byArea = Object.fromEntries(values.map((v) => [v.areaCode, v]));
    expect(Object.keys(byArea).sort()).toEqual([powiat, ...gminas].sort());
    expect(byArea[powiat]).toMatchObject({ suppressed: false, contributors: 30, areaLevel: 'POWIAT' });
    expect(byArea[powiat].value).toBeGreaterThan(0);
    expect(byArea[gminas[2]]).toMatchObject({ suppressed: true, suppressionReason: 'FEW_UNITS', value: null, contributors: null });
    const hidden = values.filter((v) => v.suppressed);
    expect(hidden).toHaveLength(2); // the 6-respondent gmina and one 12-respondent gmina (secondary)
    expect(hidden.map((v) => v.suppressionReason).sort()).toEqual(['FEW_UNITS', 'SECONDARY']);
    const shown = values.filter((v) => !v.suppressed && v.areaLevel === 'GMINA');
    expect(shown).toHaveLength(1);
    expect(shown[0].contributors).toBe(12);
    expect(shown[0].parentValue).toBe(byArea[powiat].value);
    const analyst = await read(true);
    expect(analyst.filter((v) => v.suppressed).every((v) => v.value === null)).toBe(true);
    // The publication is a new version; the version before it does not have the survey at all.
    expect(await read(false, firstVersion)).toEqual([]);
    // …and every registry indicator's rows are carried into the survey's version unchanged.
    const visible = (label: string) => db.orm.em.fork().execute<{ rows: string }[]>(
      `select count(*) as rows, md5(string_agg(v.indicator_code || v.area_code || v.year || v.category || coalesce(v.value::text, '-') || v.suppressed, ',' order by v.indicator_code, v.area_code, v.year, v.breakdown, v.category)) as digest
         from indicator_value v, data_version d where d.label = ? and v.indicator_code <> ? and v.valid_from_version <= d.id and (v.valid_to_version is null or v.valid_to_version > d.id)`, [label, CODE]);
    const survey = values[0].provenance.dataVersion;
    expect(survey).not.toBe(firstVersion);
    const [a, b] = [await visible(firstVersion), await visible(survey)];
    expect(Number(a[0].rows)).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });

  it('keeps the survey indicator through a later ordinary refresh, and the refresh does not try to compute it', async () => {
    const before = await read(false);
    const report = await refreshIndicators(db.orm.em.fork(), { cause: 'test: after the survey', years: { from: 2025, to: 2026 }, now: T0 });
    expect(report.indicators.map((i) => i.code)).not.toContain(CODE);
    const after = await read(false);
    expect(after.map((v) => [v.areaCode, v.value, v.suppressed])).toEqual(before.map((v) => [v.areaCode, v.value, v.suppressed]));
    expect(after[0].provenance.dataVersion).toBe(report.version.label);
  });

  it('is listed and read through GraphQL like any indicator', async () => {
    const res = await t.gql(`{ indicators { code } indicator(code: "${CODE}") { code unit values(level: GMINA, years: [2026], parent: "${powiat}") { areaCode value suppressed contributors } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.indicators.map((i: { code: string }) => i.code)).toContain(CODE);
    const values = res.body.data.indicator.values as { areaCode: string; value: number | null; suppressed: boolean; contributors: number | null }[];
    expect(values).toHaveLength(3);
    expect(values.filter((v) => v.suppressed).every((v) => v.value === null && v.contributors === null)).toBe(true);
  });

  it('answers TerritorialUnit.indicator(code) for the powiat', async () => {
    const res = await t.gql(`{ territorialUnit(terytCode: "${powiat}") { indicator(code: "${CODE}") { value year suppressed contributors } } }`);
    expect(res.body.errors).toBeUndefined();
    const [own] = await read(false).then((vs) => vs.filter((v) => v.areaCode === powiat));
    expect(res.body.data.territorialUnit.indicator).toEqual({ value: own.value, year: 2026, suppressed: false, contributors: 30 });
  });

  it('republishing through GraphQL makes a new version; the earlier versions keep the figures they published', async () => {
    const before = await read(false);
    const label = before[0].provenance.dataVersion;
    const analyst = issueStaffToken({ id: '7d9f3c52-1b1e-4d59-8f4e-2f1c5b7a9e01', email: 'analityk@test.local', roles: [StaffRole.ANALYST] }, { secret: t.config.jwtSecret, ttlSeconds: 300 }).token;
    const res = await t.gql(`mutation($input: SurveyIndicatorPublishInput!) { surveyIndicatorPublish(input: $input) { publication { code dataVersion values suppressed } errors { code message } } }`,
      { input: { campaignId, code: CODE, dimension: 'economic', namePl: 'Potencjał ekonomiczny (ankieta)', nameEn: 'Economic potential (survey)', level: 'GMINA', year: 2026 } }, { Authorization: `Bearer ${analyst}` });
    expect(res.body.errors).toBeUndefined();
    const { publication, errors } = res.body.data.surveyIndicatorPublish;
    expect(errors).toEqual([]);
    expect(publication).toMatchObject({ code: CODE, values: 4, suppressed: 2 });
    expect(publication.dataVersion).not.toBe(label);
    const now = await read(false);
    expect(now[0].provenance.dataVersion).toBe(publication.dataVersion);
    expect(now.map((v) => v.value)).not.toEqual(before.map((v) => v.value)); // the economic score, not the index
    expect((await read(false, label)).map((v) => [v.areaCode, v.value])).toEqual(before.map((v) => [v.areaCode, v.value]));
    // A registry indicator's code cannot be taken over.
    const taken = await t.gql(`mutation($input: SurveyIndicatorPublishInput!) { surveyIndicatorPublish(input: $input) { publication { code } errors { code } } }`,
      { input: { campaignId, code: 'SOCIAL_COOPERATIVES', namePl: 'x', nameEn: 'x', level: 'GMINA' } }, { Authorization: `Bearer ${analyst}` });
    expect(taken.body.data.surveyIndicatorPublish).toEqual({ publication: null, errors: [{ code: 'INVALID_INPUT' }] });
  });

  it('is exported as CSV with hidden cells empty', async () => {
    const res = await request(t.hub.app).get(`/exports/indicators/${CODE}.csv?level=GMINA&years=2026`);
    expect(res.status).toBe(200);
    const csv = parseCsv(res.text, ';');
    const rows = csv.rows.filter((r) => gminas.includes(r[1]));
    expect(rows).toHaveLength(3);
    const published = await read(false);
    for (const r of rows) {
      const v = published.find((p) => p.areaCode === r[1])!;
      expect(r[4]).toBe('2026');
      // Columns as tests/http/exports.test.ts reads them: 9 value (Polish decimal comma), 11 flag, 12 reason.
      if (v.suppressed) expect([r[9], r[11], r[12]]).toEqual(['', 'c', v.suppressionReason]);
      else expect(r[9]).toBe(String(v.value).replace('.', ','));
    }
    expect(rows.filter((r) => r[9] === '')).toHaveLength(2);
  });
});
