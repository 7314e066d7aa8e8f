import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startHubTestApp, type HubTestApp } from '../http/hub-test-app';
import { findUnitOrAncestor, importTerritory, PopulationFigure, TerritorialLevel, TerritorialUnit } from '../../api/src/territory';

const dataDir = process.env.HUB_DATA_DIR;
const withData = dataDir ? describe : describe.skip;

async function countByLevel(db: TestDatabase): Promise<Record<string, number>> {
  const rows = await db.orm.em.fork().getConnection().execute<{ level: string; n: string }[]>('select level, count(*) as n from territorial_unit group by level');
  return Object.fromEntries(rows.map((r) => [r.level, Number(r.n)]));
}

describe('the hub database schema', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('schema');
  });
  afterAll(async () => db?.drop());

  it('has every table and column the entities map, once every migration has run', async () => {
    // Migrations are hand-written and authoritative: their checks, triggers, identity columns and
    // indexes are not all declared on entities (several modules keep tables with raw SQL only), so
    // the schema generator would "drop" them. What must never happen is an entity reading a table
    // or column the migrations did not create.
    const diff = await db.orm.schema.getUpdateSchemaSQL({ wrap: false, safe: true, dropTables: false });
    const missing = diff.split(/;\s*/).map((statement) => statement.trim()).filter((statement) => /^create table|\badd column\b/i.test(statement));
    expect(missing).toEqual([]);
  });
});

describe('importTerritory with the built-in territory', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('territory_builtin');
  });
  afterAll(async () => db?.drop());

  it('creates Poland and its 16 voivodeships with their 2024 population, and nothing on a second run', async () => {
    const first = await importTerritory(db.orm.em.fork(), {});
    expect(first).toMatchObject({ source: 'built-in', units: 17, inserted: 17, population: { figures: 17, inserted: 17 } });
    const second = await importTerritory(db.orm.em.fork(), {});
    expect(second).toMatchObject({ units: 17, inserted: 0, updated: 0, unchanged: 17, population: { inserted: 0, updated: 0, unchanged: 17 } });
    expect(await countByLevel(db)).toEqual({ COUNTRY: 1, VOIVODESHIP: 16 });
    const poland = await db.orm.em.fork().findOneOrFail(PopulationFigure, { unit: 'PL', year: 2024 });
    expect(poland.population).toBe(37_489_087);
  });

  it('maps a gmina code to its voivodeship, the finest unit it holds', async () => {
    expect((await findUnitOrAncestor(db.orm.em.fork(), '1205011'))?.terytCode).toBe('12');
    expect((await findUnitOrAncestor(db.orm.em.fork(), '1205'))?.terytCode).toBe('12');
    expect((await findUnitOrAncestor(db.orm.em.fork(), 'PL'))?.terytCode).toBe('PL');
    expect(await findUnitOrAncestor(db.orm.em.fork(), '12-05')).toBeNull();
  });
});

withData('importTerritory from the data directory', () => {
  let db: TestDatabase;
  let t: HubTestApp;
  beforeAll(async () => {
    db = await createTestDatabase('territory_full');
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('imports 16 voivodeships, 380 powiats and 2,479 gminas, and changes nothing on a second run', async () => {
    const started = Date.now();
    const first = await importTerritory(db.orm.em.fork(), { dataDir });
    const elapsed = Date.now() - started;
    expect(first).toMatchObject({
      registerDate: '2026-01-01',
      units: 2876,
      byLevel: { country: 1, voivodeships: 16, powiats: 380, gminas: 2479 },
      gminasByType: { urban: 302, rural: 1453, urbanRural: 724 },
      citiesWithPowiatRights: 66,
      skippedRowsByRodz: { '4': 724, '5': 724, '8': 18, '9': 19 },
      inserted: 2876,
      population: { years: [2021, 2023, 2024, 2025] },
    });
    process.stdout.write(`TERYT import: ${elapsed} ms\n`); // reported, not asserted (speed is for benchmarks)
    const second = await importTerritory(db.orm.em.fork(), { dataDir });
    expect(second).toMatchObject({ inserted: 0, updated: 0, unchanged: 2876, notInSource: 0, population: { inserted: 0, updated: 0, unchanged: first.population.figures } });
    expect(await countByLevel(db)).toEqual({ COUNTRY: 1, VOIVODESHIP: 16, POWIAT: 380, GMINA: 2479 });
  });

  it('keeps the gminas when the built-in territory is imported over the full one, and reports them', async () => {
    const report = await importTerritory(db.orm.em.fork(), {});
    expect(report).toMatchObject({ inserted: 0, updated: 0, unchanged: 17, notInSource: 2859, population: { updated: 0 } });
    expect(await countByLevel(db)).toEqual({ COUNTRY: 1, VOIVODESHIP: 16, POWIAT: 380, GMINA: 2479 });
  });

  it('links every unit to its parent and stores voivodeship names in lower case', async () => {
    const em = db.orm.em.fork();
    const gorlice = await em.findOneOrFail(TerritorialUnit, { terytCode: '1205011' }, { populate: ['parent', 'parent.parent'] });
    expect(gorlice).toMatchObject({ name: 'Gorlice', level: TerritorialLevel.GMINA, gminaType: 'URBAN' });
    expect(gorlice.parent!.terytCode).toBe('1205');
    expect(gorlice.parent!.parent!.name).toBe('małopolskie');
    const orphans = await em.getConnection().execute('select teryt_code from territorial_unit where parent_teryt_code is null and teryt_code <> \'PL\'');
    expect(orphans).toEqual([]);
  });

  describe('through GraphQL', () => {
    beforeAll(async () => {
      t = await startHubTestApp(db.url);
    });

    const reasonOf = (res: { body: { errors?: { extensions: { reason?: string; code: string } }[] } }) => res.body.errors?.[0]?.extensions;

    it('serves a gmina with its parent chain, type and no children', async () => {
      const res = await t.gql('{ territorialUnit(terytCode: "1801083") { terytCode name level gminaType isCityWithPowiatRights children { terytCode } parent { name level parent { name } } } }');
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.territorialUnit).toEqual({
        terytCode: '1801083',
        name: 'Ustrzyki Dolne',
        level: 'GMINA',
        gminaType: 'URBAN_RURAL',
        isCityWithPowiatRights: false,
        children: [],
        parent: { name: 'bieszczadzki', level: 'POWIAT', parent: { name: 'podkarpackie' } },
      });
    });

    it('serves the latest population by default, a given year on request, and every year as a list', async () => {
      const res = await t.gql('{ territorialUnit(terytCode: "PL") { latest: population { year population referenceDate source } y2021: population(year: 2021) { population } y1999: population(year: 1999) { population } populations { year } } }');
      expect(res.body.errors).toBeUndefined();
      const pl = res.body.data.territorialUnit;
      expect(pl.latest).toMatchObject({ year: 2025, population: 37_332_510, referenceDate: null });
      expect(pl.y2021.population).toBe(37_907_704);
      expect(pl.y1999).toBeNull();
      expect(pl.populations.map((p: { year: number }) => p.year)).toEqual([2021, 2023, 2024, 2025]);
    });

    it('marks cities with powiat rights among a voivodeship’s powiats', async () => {
      const res = await t.gql('{ territorialUnit(terytCode: "12") { children { terytCode name isCityWithPowiatRights } } }');
      const cities = res.body.data.territorialUnit.children.filter((c: { isCityWithPowiatRights: boolean }) => c.isCityWithPowiatRights);
      expect(cities.map((c: { name: string }) => c.name).sort()).toEqual(['Kraków', 'Nowy Sącz', 'Tarnów']);
    });

    it('pages through units of one level in code order with a total count', async () => {
      const first = await t.gql('{ territorialUnits(level: VOIVODESHIP, first: 10) { totalCount pageInfo { hasNextPage endCursor } nodes { terytCode } } }');
      const page = first.body.data.territorialUnits;
      expect(page.totalCount).toBe(16);
      expect(page.pageInfo.hasNextPage).toBe(true);
      const next = await t.gql('query($after: String) { territorialUnits(level: VOIVODESHIP, first: 10, after: $after) { pageInfo { hasNextPage } nodes { terytCode } } }', { after: page.pageInfo.endCursor });
      const codes = [...page.nodes, ...next.body.data.territorialUnits.nodes].map((n: { terytCode: string }) => n.terytCode);
      expect(codes).toEqual([...codes].sort());
      expect(codes).toHaveLength(16);
      expect(next.body.data.territorialUnits.pageInfo.hasNextPage).toBe(false);
    });

    it('lists the units directly inside one unit', async () => {
      const res = await t.gql('{ territorialUnits(parentTerytCode: "1205") { totalCount nodes { terytCode level } } }');
      expect(res.body.data.territorialUnits.totalCount).toBe(10);
      expect(res.body.data.territorialUnits.nodes.every((n: { level: string }) => n.level === 'GMINA')).toBe(true);
    });

    it('refuses a malformed TERYT code as bad input and an unknown one as not found', async () => {
      expect(reasonOf(await t.gql('{ territorialUnit(terytCode: "12-05") { name } }'))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_TERYT_CODE', field: ['terytCode'] });
      expect(reasonOf(await t.gql('{ territorialUnit(terytCode: "99") { name } }'))).toMatchObject({ code: 'NOT_FOUND', reason: 'TERRITORY_NOT_FOUND' });
      expect(reasonOf(await t.gql('{ territorialUnits(parentTerytCode: "123") { totalCount } }'))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_TERYT_CODE' });
    });

    it('refetches a unit by its global id through node()', async () => {
      const res = await t.gql('{ territorialUnit(terytCode: "1465") { id } }');
      const again = await t.gql('query($id: ID!) { node(id: $id) { ... on TerritorialUnit { terytCode name } } }', { id: res.body.data.territorialUnit.id });
      expect(again.body.data.node).toEqual({ terytCode: '1465', name: 'Warszawa' });
    });
  });
});
