import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { importTerritory } from '../../api/src/territory';
import { insertIndicatorFixture, fixtureEntityId } from '../support/indicator-fixture';
import { refreshIndicators, IndicatorService, IndicatorBreakdown, type RefreshReport } from '../../api/src/observatory';

/** Indicator arithmetic against figures computed by hand, on the tiny registry of the fixture. */
const E = fixtureEntityId;

describe('indicator refresh on a hand-computed registry', () => {
  let db: TestDatabase;
  let report: RefreshReport;

  beforeAll(async () => {
    db = await createTestDatabase('indicators');
    const em = db.orm.em.fork();
    await importTerritory(em, { dataDir: process.env.HUB_DATA_DIR });
    await insertIndicatorFixture(em);
    report = await refreshIndicators(db.orm.em.fork(), { cause: 'test fixture', years: { from: 2024, to: 2025 } });
  }, 180_000);

  afterAll(async () => db?.drop());

  const read = async (code: string, areaCodes: string[], year: number, reveal = false) => {
    const values = await new IndicatorService(db.orm.em.fork()).values({ indicatorCodes: [code], areaCodes, years: [year], breakdown: IndicatorBreakdown.TOTAL }, { revealSuppressed: reveal });
    return Object.fromEntries(values.map((v) => [v.areaCode, v]));
  };

  it('publishes a data version with every starter indicator', () => {
    expect(report.version.label).toMatch(/^\d{4}-\d{2}-\d{2}\.1$/);
    expect(report.indicators.length).toBeGreaterThanOrEqual(12);
  });

  it('counts social cooperatives at every level (as analysts see them, before confidentiality)', async () => {
    const v = await read('SOCIAL_COOPERATIVES', ['1205011', '1261011', '1261', '12', 'PL'], 2025, true);
    expect(v['1205011'].value).toBe(4);
    expect(v['1261011'].value).toBe(3);
    expect(v['1261'].value).toBe(3);
    expect(v['12'].value).toBe(8);
    expect(v.PL.value).toBe(8);
    expect(v['1261011'].nationalValue).toBe(8);
    expect(v['1261011'].parentValue).toBe(3);
  });

  it('hides a gmina with a single cooperative from the public, and shows it to analysts', async () => {
    const pub = await read('SOCIAL_COOPERATIVES', ['1205023'], 2025);
    expect(pub['1205023']).toMatchObject({ suppressed: true, suppressionReason: 'FEW_UNITS', value: null, contributors: null });
    const analyst = await read('SOCIAL_COOPERATIVES', ['1205023'], 2025, true);
    expect(analyst['1205023']).toMatchObject({ suppressed: true, value: 1 });
  });

  it('protects the hidden gmina from differencing against its powiat', async () => {
    const values = await new IndicatorService(db.orm.em.fork()).values(
      { indicatorCodes: ['SOCIAL_COOPERATIVES'], level: 'GMINA', within: '1205', years: [2025], breakdown: IndicatorBreakdown.TOTAL },
      { revealSuppressed: false },
    );
    const [powiat] = Object.values(await read('SOCIAL_COOPERATIVES', ['1205'], 2025));
    const hiddenWithUnits = values.filter((v) => v.suppressed);
    // Either the powiat total is hidden, or more than the one small gmina is, so powiat − published ≠ that gmina alone.
    expect(powiat.suppressed || hiddenWithUnits.length >= 2).toBe(true);
  });

  it('computes a per-capita rate with the population year it used', async () => {
    const v = await read('SOCIAL_COOPERATIVES_PER_100K', ['12', '1261', '1261011'], 2025, true);
    expect(v['12'].value).toBeCloseTo((8 / 3_429_342) * 100_000, 6); // małopolskie, GUS 2025
    expect(v['12'].populationYear).toBe(2025);
    expect(v['1261'].value).toBeCloseTo((3 / 802_583) * 100_000, 6); // Kraków powiat, GUS 2021
    expect(v['1261'].populationYear).toBe(2021);
    expect(v['1261011'].value).toBeNull(); // no gmina population in the data
  });

  it('computes a share of sums and its change on the previous year', async () => {
    const v2025 = await read('EXCLUDED_EMPLOYEES_SHARE', ['12'], 2025, true);
    expect(v2025['12'].value).toBeCloseTo((33 / 155) * 100, 4);
    expect(v2025['12'].previousValue).toBeCloseTo((29 / 155) * 100, 4);
    expect(v2025['12'].change).toBeCloseTo(((33 - 29) / 155) * 100, 4);
  });

  it('hides a sum dominated by one entity (over 75 %)', async () => {
    const pub = await read('EMPLOYMENT_FTE', ['1205'], 2025);
    expect(pub['1205']).toMatchObject({ suppressed: true, suppressionReason: 'DOMINANCE', value: null }); // 100 of 132 FTE from one cooperative
    const analyst = await read('EMPLOYMENT_FTE', ['1205', '12'], 2025, true);
    expect(analyst['1205'].value).toBe(132);
    expect(analyst['12'].value).toBe(144); // 32 + 100 + 12
  });

  it('keeps an old data version readable and unchanged after a new refresh', async () => {
    const em = db.orm.em.fork();
    await em.execute(`update entity_state set status = 'DISSOLVED' where entity_id = ?`, [E(6)]);
    const second = await refreshIndicators(db.orm.em.fork(), { cause: 'test change', years: { from: 2024, to: 2025 } });
    const service = new IndicatorService(db.orm.em.fork());
    const query = { indicatorCodes: ['REINTEGRATION_UNITS', 'ACTIVE_ENTITIES'], areaCodes: ['12'], years: [2025], breakdown: IndicatorBreakdown.TOTAL };
    const old = await service.values({ ...query, version: report.version.label }, { revealSuppressed: true });
    const now = await service.values({ ...query, version: second.version.label }, { revealSuppressed: true });
    expect(old.find((v) => v.indicatorCode === 'ACTIVE_ENTITIES')!.value).toBe(8);
    expect(now.find((v) => v.indicatorCode === 'ACTIVE_ENTITIES')!.value).toBe(7);
    expect(second.indicators.find((i) => i.code === 'ACTIVE_ENTITIES')!.written).toBeLessThan(second.indicators.find((i) => i.code === 'ACTIVE_ENTITIES')!.cells);
  });
});
