import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { importTerritory } from '../../api/src/territory';
import { seedDemoRegistry, refreshIndicators, STARTER_INDICATORS, type RefreshReport } from '../../api/src/observatory';

/** The demo data must give every starter indicator at every level for five years, with confidentiality at work. */
describe('statistics from the demo data', () => {
  let db: TestDatabase;
  let report: RefreshReport;

  beforeAll(async () => {
    db = await createTestDatabase('indicators-demo');
    await importTerritory(db.orm.em.fork(), { dataDir: process.env.HUB_DATA_DIR });
    await seedDemoRegistry(db.orm.em.fork(), { seed: 2026, dataDir: process.env.HUB_DATA_DIR });
    report = await refreshIndicators(db.orm.em.fork(), { cause: 'demo test' });
  }, 240_000);

  afterAll(async () => db?.drop());

  it('covers at least five years', () => {
    expect(report.years.to - report.years.from + 1).toBeGreaterThanOrEqual(5);
  });

  it('yields a published value for every starter indicator at every level and year', async () => {
    const rows = await db.orm.em.fork().execute<{ indicator_code: string; area_level: string; year: number; published: number }[]>(
      `select indicator_code, area_level, year, count(*) filter (where not suppressed and value is not null)::int as published
         from indicator_value where valid_to_version is null and breakdown = 'TOTAL'
        group by 1, 2, 3`,
    );
    const missing: string[] = [];
    for (const indicator of STARTER_INDICATORS) {
      for (const level of ['COUNTRY', 'NUTS2', 'NUTS3', 'VOIVODESHIP', 'POWIAT', 'GMINA']) {
        // Per-capita rates need a population figure, which the GUS data here gives down to powiats only;
        // "per powiat" means nothing inside one gmina. Both are null at gmina level by definition.
        if (level === 'GMINA' && (indicator.denominator?.kind === 'population' || indicator.denominator?.kind === 'powiats')) continue;
        for (let year = report.years.from; year <= report.years.to; year++) {
          const row = rows.find((r) => r.indicator_code === indicator.code && r.area_level === level && r.year === year);
          if (!row || row.published === 0) missing.push(`${indicator.code}/${level}/${year}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('hides figures of small gminas', async () => {
    const [{ hidden }] = await db.orm.em.fork().execute<{ hidden: number }[]>(
      `select count(*)::int as hidden from indicator_value
        where valid_to_version is null and area_level = 'GMINA' and indicator_code = 'ACTIVE_ENTITIES' and breakdown = 'TOTAL' and suppressed and contributors between 1 and 2`,
    );
    expect(hidden).toBeGreaterThan(100);
  });
});
