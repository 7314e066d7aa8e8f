import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startHubTestApp, type HubTestApp } from '../http/hub-test-app';
import { importTerritory } from '../../api/src/territory';
import { FEATURED_ENTITIES, RegistryHistoryService, seedDemoRegistry, SocialEconomyEntity, type SeedDemoRegistryResult } from '../../api/src/observatory';
import { encodeCursor } from '../../api/src/shared/relay';

const dataDir = process.env.HUB_DATA_DIR;
const withData = dataDir ? describe : describe.skip;

const NOTHING_DONE = { created: 0, skipped: true, states: 0, events: 0, reports: 0 };

async function countsByForm(db: TestDatabase): Promise<Record<string, number>> {
  const rows = await db.orm.em.fork().getConnection().execute<{ legal_form: string; n: string }[]>('select legal_form, count(*) as n from social_economy_entity group by legal_form');
  return Object.fromEntries(rows.map((r) => [r.legal_form, Number(r.n)]));
}

describe('seedDemoRegistry on the built-in territory', () => {
  let db: TestDatabase;
  let first: SeedDemoRegistryResult;
  beforeAll(async () => {
    db = await createTestDatabase('registry_builtin');
    await importTerritory(db.orm.em.fork(), {});
    first = await seedDemoRegistry(db.orm.em.fork(), { seed: 2026 });
  });
  afterAll(async () => db?.drop());

  it('seeds the calibrated registry once, seated in voivodeships, and creates nothing on a second call', async () => {
    expect(first.skipped).toBe(false);
    expect(first.created).toBeGreaterThan(4000);
    const again = await seedDemoRegistry(db.orm.em.fork(), { seed: 99 });
    expect(again).toEqual(NOTHING_DONE);
    const [{ n, seats, synthetic }] = await db.orm.em
      .fork()
      .getConnection()
      .execute<{ n: string; seats: string; synthetic: string }[]>(
        'select count(*) as n, count(*) filter (where length(seat_teryt_code) = 2) as seats, count(*) filter (where synthetic) as synthetic from social_economy_entity',
      );
    expect(Number(n)).toBe(first.created);
    expect(Number(seats)).toBe(first.created);
    expect(Number(synthetic)).toBe(first.created);
  });

  it('gives a registry seeded before the history existed its history and reports on the next seed, once', async () => {
    const conn = db.orm.em.fork().getConnection();
    // What the registry-history migration leaves on such a database: a baseline version and FOUNDED event per entity, no reports.
    await conn.execute('delete from annual_report; delete from registry_event; delete from entity_state; update social_economy_entity set social_enterprise = false, pkd_code = null');
    await new RegistryHistoryService(db.orm.em.fork()).startHistoryFromSnapshot();
    const upgraded = await seedDemoRegistry(db.orm.em.fork(), { seed: 2026 });
    expect(upgraded).toMatchObject({ created: 0, skipped: false });
    expect(upgraded.reports).toBeGreaterThan(4 * first.created);
    const [{ founded, withoutPkd, enterprises }] = await conn.execute<{ founded: number; withoutPkd: number; enterprises: number }[]>(
      `select (select count(*)::int from registry_event where kind = 'FOUNDED') as founded,
              (select count(*)::int from social_economy_entity where pkd_code is null) as "withoutPkd",
              (select count(*)::int from social_economy_entity where social_enterprise) as enterprises`,
    );
    expect({ founded, withoutPkd }).toEqual({ founded: first.created, withoutPkd: 0 });
    expect(enterprises).toBeGreaterThan(900);
    expect(await seedDemoRegistry(db.orm.em.fork(), { seed: 2026 })).toEqual(NOTHING_DONE);
  });

  it('seats the featured entities in the voivodeship of their gmina', async () => {
    const gorlice = await db.orm.em.fork().findOneOrFail(SocialEconomyEntity, { id: FEATURED_ENTITIES[0].id });
    expect(gorlice.seat.terytCode).toBe('12');
  });
});

withData('seedDemoRegistry on the full territory', () => {
  let db: TestDatabase;
  let t: HubTestApp;
  let created = 0;
  let seeded: SeedDemoRegistryResult;
  let seedMs = 0;
  const sql = <T>(query: string, params: unknown[] = []) => db.orm.em.fork().getConnection().execute<T[]>(query, params);
  beforeAll(async () => {
    db = await createTestDatabase('registry_full');
    await importTerritory(db.orm.em.fork(), { dataDir });
    const started = Date.now();
    seeded = await seedDemoRegistry(db.orm.em.fork(), { seed: 2026, dataDir });
    created = seeded.created;
    seedMs = Date.now() - started;
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('seeds about 4,600 entities with their history and five years of reports in one go', async () => {
    // Speed is a benchmark's business, not a test's (shared machines are noisy): the time is only reported.
    process.stdout.write(`demo registry seeded in ${seedMs} ms\n`);
    expect(created).toBeGreaterThan(4500);
    expect(seeded.states).toBeGreaterThan(created);
    expect(seeded.events).toBeGreaterThan(created);
    expect(seeded.reports).toBeGreaterThan(4 * created);
    expect(await countsByForm(db)).toEqual({
      SOCIAL_COOPERATIVE: 1967,
      WTZ: 729,
      ZAZ: 133,
      CIS: 201,
      KIS: 202,
      ASSOCIATION: 668,
      FOUNDATION: 160,
      RURAL_HOUSEWIVES_CIRCLE: 85,
      WORKER_COOPERATIVE: 292,
      NON_PROFIT_COMPANY: 181,
      COOPERATIVE_OF_DISABLED_OR_BLIND: 14,
    });
  });

  it('does nothing on a second call, whatever its seed: no entity, version, event or report is added', async () => {
    const before = await sql<{ s: number; e: number; r: number }>('select (select count(*)::int from entity_state) as s, (select count(*)::int from registry_event) as e, (select count(*)::int from annual_report) as r');
    expect(await seedDemoRegistry(db.orm.em.fork(), { seed: 2026, dataDir })).toEqual(NOTHING_DONE);
    expect(await seedDemoRegistry(db.orm.em.fork(), { seed: 7, dataDir })).toEqual(NOTHING_DONE);
    expect(await sql('select (select count(*)::int from entity_state) as s, (select count(*)::int from registry_event) as e, (select count(*)::int from annual_report) as r')).toEqual(before);
  });

  it('keeps every entity row equal to the version of its history valid today', async () => {
    const [{ mismatched, without }] = await sql<{ mismatched: number; without: number }>(`
      select count(*) filter (where s.entity_id is not null and (s.legal_form, s.seat_teryt_code, s.status, s.social_enterprise) is distinct from (e.legal_form, e.seat_teryt_code, e.status, e.social_enterprise))::int as mismatched,
             count(*) filter (where s.entity_id is null)::int as without
      from social_economy_entity e
      left join entity_state s on s.entity_id = e.id and s.recorded_to is null and s.valid_from <= current_date and (s.valid_to is null or s.valid_to > current_date)`);
    expect({ mismatched, without }).toEqual({ mismatched: 0, without: 0 });
  });

  it('grows social enterprise status from about 300 at the end of 2020 to about 1,000 at the end of 2025', async () => {
    const rows = await sql<{ year: number; n: number }>(`
      select y.year, count(s.id)::int as n from generate_series(2018, 2025) y(year)
      left join entity_state s on s.recorded_to is null and s.social_enterprise and s.status = 'ACTIVE'
        and s.valid_from <= make_date(y.year, 12, 31) and (s.valid_to is null or s.valid_to > make_date(y.year, 12, 31))
      group by y.year order by y.year`);
    const byYear = Object.fromEntries(rows.map((r) => [r.year, r.n]));
    expect(Math.abs(byYear[2020] - 300)).toBeLessThanOrEqual(5);
    expect(Math.abs(byYear[2025] - 1000)).toBeLessThanOrEqual(10);
    for (let year = 2019; year <= 2025; year++) expect(byYear[year]).toBeGreaterThan(byYear[year - 1]);
  });

  it('records social cooperatives struck off, entering liquidation and moving seat on dated events', async () => {
    const kinds = Object.fromEntries((await sql<{ kind: string; n: number }>('select kind, count(*)::int as n from registry_event group by kind')).map((r) => [r.kind, r.n]));
    expect(kinds.FOUNDED).toBe(created);
    expect(kinds.DISSOLVED).toBe(213);
    expect(kinds.LIQUIDATION_STARTED).toBeGreaterThanOrEqual(251 + 213);
    expect(kinds.SEAT_CHANGED).toBeGreaterThan(100);
    expect(kinds.SOCIAL_ENTERPRISE_WITHDRAWN).toBeGreaterThan(50);
  });

  it('leaves some corrections visible on the record-time axis: superseded versions closed after they were recorded', async () => {
    const [{ closed, bad }] = await sql<{ closed: number; bad: number }>(
      'select count(*) filter (where recorded_to is not null)::int as closed, count(*) filter (where recorded_to <= recorded_from)::int as bad from entity_state',
    );
    expect(closed).toBeGreaterThan(1000);
    expect(bad).toBe(0);
  });

  it('files reports for 2021–2025 for entities that existed in the year, with about one in ten missing', async () => {
    const rows = await sql<{ year: number; expected: number; filed: number }>(`
      select y.year,
             count(s.id)::int as expected,
             count(r.id)::int as filed
      from generate_series(2021, 2025) y(year)
      join entity_state s on s.recorded_to is null and s.valid_from <= make_date(y.year, 12, 31) and (s.valid_to is null or s.valid_to > make_date(y.year, 12, 31))
        and s.status <> 'DISSOLVED'
      left join annual_report r on r.entity_id = s.entity_id and r.year = y.year
      group by y.year order by y.year`);
    expect(rows.map((r) => r.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    for (const r of rows) {
      const missing = 1 - r.filed / r.expected;
      expect(missing).toBeGreaterThan(0.05);
      expect(missing).toBeLessThan(0.16);
    }
    const [{ synthetic, total }] = await sql<{ synthetic: number; total: number }>('select count(*) filter (where synthetic)::int as synthetic, count(*)::int as total from annual_report');
    expect(synthetic).toBe(total);
  });

  it('reports about 5 employees and 308,000 PLN (2016 prices) per active social cooperative, and about 46,300 people in CIS, ZAZ and WTZ in 2021', async () => {
    const [coops] = await sql<{ employees: number; budget2016: number }>(`
      select avg(r.employees_headcount)::float as employees, avg(r.revenue_market + r.revenue_public_grants)::float / 100 / 1.152 as budget2016
      from annual_report r join entity_state s on s.entity_id = r.entity_id and s.recorded_to is null and s.valid_from <= '2021-12-31' and (s.valid_to is null or s.valid_to > '2021-12-31')
      where r.year = 2021 and s.legal_form = 'SOCIAL_COOPERATIVE' and s.status = 'ACTIVE'`);
    expect(coops.employees).toBeGreaterThan(4.5);
    expect(coops.employees).toBeLessThan(5.5);
    expect(coops.budget2016).toBeGreaterThan(280_000);
    expect(coops.budget2016).toBeLessThan(340_000);
    const [{ people }] = await sql<{ people: number }>(`
      select sum(coalesce(excluded_long_term_unemployed, 0) + coalesce(excluded_disabled, 0) + coalesce(excluded_homeless, 0) + coalesce(excluded_after_addiction, 0)
                 + coalesce(excluded_after_prison, 0) + coalesce(excluded_refugees, 0) + coalesce(excluded_other, 0))::int as people
      from annual_report r join social_economy_entity e on e.id = r.entity_id where r.year = 2021 and e.legal_form in ('CIS', 'ZAZ', 'WTZ')`);
    // Non-respondents are part of the calibrated 46,300 but file nothing.
    expect(people).toBeGreaterThan(46_300 * 0.85);
    expect(people).toBeLessThan(46_300);
  });

  it('leaves gminas with only one or two entities, so disclosure control has cells to suppress', async () => {
    const [{ ones, twos }] = await sql<{ ones: number; twos: number }>(`
      select count(*) filter (where n = 1)::int as ones, count(*) filter (where n = 2)::int as twos
      from (select seat_teryt_code, count(*) as n from social_economy_entity where length(seat_teryt_code) = 7 group by seat_teryt_code) g`);
    expect(ones).toBeGreaterThan(100);
    expect(twos).toBeGreaterThan(100);
  });

  it('seats every featured entity in its own gmina', async () => {
    const em = db.orm.em.fork();
    for (const featured of FEATURED_ENTITIES) {
      const entity = await em.findOneOrFail(SocialEconomyEntity, { id: featured.id });
      expect(entity.seat.terytCode).toBe(featured.terytCode);
      expect(entity.synthetic).toBe(true);
    }
  });

  describe('through GraphQL', () => {
    beforeAll(async () => {
      t = await startHubTestApp(db.url);
    });
    const ext = (res: { body: { errors?: { extensions: Record<string, unknown> }[] } }) => res.body.errors?.[0]?.extensions;
    const featured = FEATURED_ENTITIES[0];

    it('finds an entity by KRS, by REGON, by NIP typed with dashes, and by the UUID the CMS stores', async () => {
      const nipWithDashes = `${featured.nip.slice(0, 3)}-${featured.nip.slice(3, 6)}-${featured.nip.slice(6, 8)}-${featured.nip.slice(8)}`;
      const res = await t.gql(`query($krs: String, $regon: String, $nip: String, $id: ID) {
        a: entity(krs: $krs) { name } b: entity(regon: $regon) { name }
        c: entity(nip: $nip) { name } d: entity(id: $id) { id name synthetic foundedOn status legalForm seat { terytCode name } } }`, {
        krs: featured.krs,
        regon: featured.regon,
        nip: nipWithDashes,
        id: featured.id,
      });
      expect(res.body.errors).toBeUndefined();
      const { a, b, c, d } = res.body.data;
      expect([a.name, b.name, c.name, d.name]).toEqual(Array(4).fill(featured.name));
      expect(d).toMatchObject({ synthetic: true, foundedOn: featured.foundedOn, status: 'ACTIVE', legalForm: 'SOCIAL_COOPERATIVE', seat: { terytCode: '1205011', name: 'Gorlice' } });
      const byGlobalId = await t.gql('query($id: ID) { entity(id: $id) { name } }', { id: d.id });
      expect(byGlobalId.body.data.entity.name).toBe(featured.name);
    });

    it('refuses bad identifiers as bad input naming the argument', async () => {
      expect(ext(await t.gql('{ entity(krs: "12345") { name } }'))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_KRS', field: ['krs'] });
      expect(ext(await t.gql('{ entity(nip: "123-456-32-19") { name } }'))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_NIP', field: ['nip'] });
      expect(ext(await t.gql('{ entity(regon: "000331502") { name } }'))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_REGON', field: ['regon'] });
      expect(ext(await t.gql('{ entity(id: "not-an-id") { name } }'))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ID' });
      expect(ext(await t.gql('{ entity(krs: "0009000001", nip: "1234563218") { name } }'))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EXACTLY_ONE_IDENTIFIER' });
      expect(ext(await t.gql('{ entity { name } }'))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EXACTLY_ONE_IDENTIFIER' });
    });

    it('answers a valid identifier nobody has with NOT_FOUND', async () => {
      expect(ext(await t.gql('{ entity(nip: "1234563218") { name } }'))).toMatchObject({ code: 'NOT_FOUND', reason: 'ENTITY_NOT_FOUND' });
      expect(ext(await t.gql('{ entity(id: "00000000-0000-4000-8000-000000000000") { name } }'))).toMatchObject({ code: 'NOT_FOUND' });
    });

    it('pages through the whole registry in a stable name order without gaps or repeats', async () => {
      const q = 'query($after: String) { entities(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id name } } }';
      const seen: { id: string; name: string }[] = [];
      let after: string | null = null;
      let total = 0;
      for (let page = 0; page < 3; page++) {
        const res = await t.gql(q, { after });
        const conn = res.body.data.entities;
        total = conn.totalCount;
        seen.push(...conn.nodes);
        after = conn.pageInfo.endCursor;
      }
      expect(total).toBe(created);
      expect(new Set(seen.map((s) => s.id)).size).toBe(300);
      const again = await t.gql('{ entities(first: 100, after: "' + encodeCursor(99) + '") { nodes { id } } }');
      expect(again.body.data.entities.nodes.map((n: { id: string }) => n.id)).toEqual(seen.slice(100, 200).map((s) => s.id));
    });

    it('filters by form, status, territory (with everything inside it) and a case-insensitive name fragment', async () => {
      const res = await t.gql(`{
        coops: entities(filter: { legalForms: [SOCIAL_COOPERATIVE], statuses: [IN_LIQUIDATION] }) { totalCount nodes { legalForm status } }
        inMalopolska: entities(filter: { terytCode: "12" }) { totalCount nodes { seat { terytCode } } }
        inGorlicki: entities(filter: { terytCode: "1205" }) { totalCount }
        bocian: entities(filter: { nameContains: "pod BOCIANEM" }) { totalCount nodes { name } }
        whole: entities(filter: { terytCode: "PL" }) { totalCount }
      }`);
      expect(res.body.errors).toBeUndefined();
      const d = res.body.data;
      expect(d.coops.totalCount).toBe(251);
      expect(d.coops.nodes.every((n: { legalForm: string; status: string }) => n.legalForm === 'SOCIAL_COOPERATIVE' && n.status === 'IN_LIQUIDATION')).toBe(true);
      expect(d.inMalopolska.nodes.every((n: { seat: { terytCode: string } }) => n.seat.terytCode.startsWith('12'))).toBe(true);
      expect(d.inGorlicki.totalCount).toBeGreaterThanOrEqual(1);
      expect(d.inGorlicki.totalCount).toBeLessThan(d.inMalopolska.totalCount);
      expect(d.bocian.nodes.map((n: { name: string }) => n.name)).toContain(featured.name);
      expect(d.whole.totalCount).toBe(created);
    });

    it('matches Polish letters regardless of case in a name fragment', async () => {
      const res = await t.gql('{ entities(filter: { nameContains: "SPÓŁDZIELNIA SOCJALNA „BIESZCZADZKA" }) { nodes { name } } }');
      expect(res.body.data.entities.nodes.map((n: { name: string }) => n.name)).toEqual([FEATURED_ENTITIES[4].name]);
    });

    it('treats % and _ in a name fragment as plain characters', async () => {
      const res = await t.gql('{ entities(filter: { nameContains: "%" }) { totalCount } }');
      expect(res.body.data.entities.totalCount).toBe(0);
    });

    it('serves a featured cooperative’s history, events and five annual reports, money as exact złoty', async () => {
      const res = await t.gql(`query($id: ID) { entity(id: $id) { socialEnterprise pkdCode
        statusHistory { validFrom validTo socialEnterprise seat { terytCode } }
        events { kind occurredOn seat { name } }
        reports { id year employeesHeadcount excludedEmployees { total longTermUnemployed } revenueMarket { amount currency } revenueTotal { amount } synthetic }
        lastTwo: reports(years: [2025, 2024]) { year } } }`, { id: featured.id });
      expect(res.body.errors).toBeUndefined();
      const e = res.body.data.entity;
      expect({ socialEnterprise: e.socialEnterprise, pkdCode: e.pkdCode }).toEqual({ socialEnterprise: true, pkdCode: '56.29.Z' });
      expect(e.events.map((x: { kind: string }) => x.kind)).toEqual(['FOUNDED', 'SEAT_CHANGED', 'SOCIAL_ENTERPRISE_GRANTED']);
      expect(e.statusHistory.map((v: { validFrom: string; seat: { terytCode: string }; socialEnterprise: boolean }) => [v.validFrom, v.seat.terytCode, v.socialEnterprise])).toEqual([
        ['2012-05-14', '1205042', false],
        ['2015-09-01', '1205011', false],
        ['2019-06-10', '1205011', true],
      ]);
      expect(e.reports.map((r: { year: number }) => r.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
      expect(e.lastTwo.map((r: { year: number }) => r.year)).toEqual([2024, 2025]);
      const latest = e.reports[4];
      expect(latest).toMatchObject({ employeesHeadcount: 12, excludedEmployees: { total: 7, longTermUnemployed: 4 }, synthetic: true });
      expect(latest.revenueMarket).toEqual({ amount: '1261000.00', currency: 'PLN' });
      expect(latest.revenueTotal.amount).toMatch(/^\d+\.\d{2}$/);
      const again = await t.gql('query($id: ID!) { node(id: $id) { ... on AnnualReport { year entity { name } } } }', { id: latest.id });
      expect(again.body.data.node).toEqual({ year: 2025, entity: { name: featured.name } });
    });

    it('refuses a malformed territory in a filter and an unknown one', async () => {
      expect(ext(await t.gql('{ entities(filter: { terytCode: "1" }) { totalCount } }'))).toMatchObject({ reason: 'INVALID_TERYT_CODE', field: ['filter', 'terytCode'] });
      expect(ext(await t.gql('{ entities(filter: { terytCode: "99" }) { totalCount } }'))).toMatchObject({ code: 'NOT_FOUND', reason: 'TERRITORY_NOT_FOUND' });
    });
  });
});
