import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { insertIndicatorFixture } from '../support/indicator-fixture';
import { startHubTestApp, type HubTestApp } from './hub-test-app';
import { importTerritory } from '../../api/src/territory';
import { refreshIndicators } from '../../api/src/observatory';
import { issueStaffToken, StaffRole } from '../../api/src/access';

/** Indicators through GraphQL: what the public sees, what analysts see, and clear errors. */
describe('indicators over GraphQL', () => {
  let db: TestDatabase;
  let t: HubTestApp;
  let version: string;
  const tokenFor = (role: StaffRole) =>
    `Bearer ${issueStaffToken({ id: randomUUID(), email: `${role.toLowerCase()}@test.local`, roles: [role] }, { secret: t.config.jwtSecret, ttlSeconds: 300 }).token}`;

  beforeAll(async () => {
    db = await createTestDatabase('indicators-http');
    await importTerritory(db.orm.em.fork(), { dataDir: process.env.HUB_DATA_DIR });
    await insertIndicatorFixture(db.orm.em.fork());
    version = (await refreshIndicators(db.orm.em.fork(), { cause: 'test', years: { from: 2024, to: 2025 } })).version.label;
    t = await startHubTestApp(db.url);
  }, 180_000);

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const biecz = `{ indicator(code: "SOCIAL_COOPERATIVES") { values(level: GMINA, parent: "1205", years: [2025]) {
    areaCode suppressed suppressionReason value contributors provenance { dataVersion referenceDate citation } } } }`;

  it('lists the starter indicators with names in both languages', async () => {
    const res = await t.gql('{ indicators { code pl: name en: name(locale: en) unit breakdowns } }');
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.indicators.length).toBeGreaterThanOrEqual(12);
    const coops = res.body.data.indicators.find((i: { code: string }) => i.code === 'SOCIAL_COOPERATIVES_PER_100K');
    expect(coops).toMatchObject({ pl: 'Aktywne spółdzielnie socjalne na 100 tys. mieszkańców', en: 'Active social cooperatives per 100,000 inhabitants' });
  });

  it('shows the public a hidden gmina as suppressed with its reason, never its value', async () => {
    const res = await t.gql(biecz);
    const cell = res.body.data.indicator.values.find((v: { areaCode: string }) => v.areaCode === '1205023');
    expect(cell).toMatchObject({ suppressed: true, suppressionReason: 'FEW_UNITS', value: null, contributors: null });
    expect(cell.provenance).toMatchObject({ dataVersion: version, referenceDate: '2025-12-31' });
    expect(JSON.stringify(res.body)).not.toMatch(/"value":1[,}]/);
  });

  it('shows an analyst the hidden value, still flagged', async () => {
    const res = await t.gql(biecz, {}, { Authorization: tokenFor(StaffRole.ANALYST) });
    const cell = res.body.data.indicator.values.find((v: { areaCode: string }) => v.areaCode === '1205023');
    expect(cell).toMatchObject({ suppressed: true, value: 1, contributors: 1 });
  });

  it('does not show a trainer the hidden value', async () => {
    const res = await t.gql(biecz, {}, { Authorization: tokenFor(StaffRole.TRAINER) });
    const cell = res.body.data.indicator.values.find((v: { areaCode: string }) => v.areaCode === '1205023');
    expect(cell.value).toBeNull();
  });

  it("answers a territorial unit's figure with its comparisons", async () => {
    const res = await t.gql(`{ territorialUnit(terytCode: "12") {
      indicator(code: "EXCLUDED_EMPLOYEES_SHARE", year: 2025) { value previousValue change nationalValue siblingRank siblingCount area { name level } } } }`);
    expect(res.body.errors).toBeUndefined();
    const v = res.body.data.territorialUnit.indicator;
    expect(v.value).toBeCloseTo((33 / 155) * 100, 4);
    expect(v.change).toBeCloseTo((4 / 155) * 100, 4);
    expect(v.nationalValue).toBeCloseTo((33 / 155) * 100, 4);
    expect(v.area.level).toBe('VOIVODESHIP');
  });

  it('serves NUTS regions too', async () => {
    const res = await t.gql('{ indicator(code: "SOCIAL_COOPERATIVES") { values(level: NUTS2, years: [2025]) { areaCode value suppressed } } }');
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.indicator.values).toHaveLength(17);
  });

  it('names the data versions, newest first', async () => {
    const res = await t.gql('{ dataVersions { label status citation } }');
    expect(res.body.data.dataVersions[0]).toMatchObject({ label: version, status: 'PUBLISHED' });
    expect(res.body.data.dataVersions[0].citation).toContain(version);
  });

  it('refuses a breakdown the indicator does not have, and an unknown version, with codes', async () => {
    const noBreakdown = await t.gql('{ indicator(code: "VOLUNTEERS") { values(level: COUNTRY, breakdown: LEGAL_FORM) { value } } }');
    expect(noBreakdown.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BREAKDOWN_NOT_AVAILABLE' });
    const noVersion = await t.gql('{ indicator(code: "VOLUNTEERS") { values(level: COUNTRY, version: "1999-01-01.1") { value } } }');
    expect(noVersion.body.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'DATA_VERSION_NOT_FOUND' });
  });
});
