import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startHubTestApp, type HubTestApp } from '../http/hub-test-app';
import { areaCodeOfNuts, importTerritory, rebuildStatisticalAreas, type TerritoryImportReport } from '../../api/src/territory';

const dataDir = process.env.HUB_DATA_DIR;
const withData = dataDir ? describe : describe.skip;

type Row = Record<string, string>;
const query = (db: TestDatabase, sql: string, params: unknown[] = []) => db.orm.em.fork().getConnection().execute<Row[]>(sql, params);
const count = async (db: TestDatabase, sql: string, params: unknown[] = []) => Number((await query(db, sql, params))[0].n);
const membersOf = async (db: TestDatabase, unit: string) =>
  (await query(db, 'select area_code from statistical_area_member where unit_code = ?', [unit])).map((r) => r.area_code).sort();
const areasByLevel = async (db: TestDatabase) =>
  Object.fromEntries((await query(db, 'select level, count(*) as n from statistical_area group by level')).map((r) => [r.level, Number(r.n)]));

describe('statistical areas with the built-in territory', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('territory_nuts_builtin');
  });
  afterAll(async () => db?.drop());

  it('has only the 17 areas of Poland and its voivodeships, no NUTS regions, and each voivodeship in itself and Poland', async () => {
    const report = await importTerritory(db.orm.em.fork(), {});
    expect(report.nuts).toBeNull();
    expect(report.statisticalAreas).toMatchObject({ areas: 17, members: 33, changes: { areasInserted: 17, membersInserted: 33 } });
    expect(await areasByLevel(db)).toEqual({ COUNTRY: 1, VOIVODESHIP: 16 });
    expect(await count(db, 'select count(*) as n from nuts_region')).toBe(0);
    expect(await membersOf(db, '14')).toEqual(['14', 'PL']);
    expect(await membersOf(db, 'PL')).toEqual(['PL']);
    const [mazowieckie] = await query(db, "select name, parent_code from statistical_area where code = '14'");
    expect(mazowieckie).toEqual({ name: 'mazowieckie', parent_code: 'PL' });
  });
});

withData('NUTS regions and statistical areas from the data directory', () => {
  let db: TestDatabase;
  let first: TerritoryImportReport;
  let t: HubTestApp;
  beforeAll(async () => {
    db = await createTestDatabase('territory_nuts');
    first = await importTerritory(db.orm.em.fork(), { dataDir });
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('fills 17 NUTS-2 and 73 NUTS-3 regions and maps all 380 powiats, two of them by the nearest boundary', async () => {
    expect(first.nuts).toMatchObject({
      regions: { nuts2: 17, nuts3: 73, inserted: 90 },
      powiats: { mapped: 380, inserted: 380, nearest: ['2261', '2262'], withoutShape: [], withoutUnit: [] },
    });
    expect(await count(db, 'select count(*) as n from nuts_region where level = 2')).toBe(17);
    expect(await count(db, 'select count(*) as n from nuts_region where level = 3 and parent_code is not null')).toBe(73);
    expect(await count(db, 'select count(*) as n from powiat_nuts3')).toBe(380);
    expect(await count(db, "select count(*) as n from powiat_nuts3 where method = 'nearest'")).toBe(2);
    const [krakow] = await query(db, "select nuts3_code, method from powiat_nuts3 where powiat_teryt_code = '1261'");
    expect(krakow).toEqual({ nuts3_code: 'PL213', method: 'centroid-in-polygon' });
  });

  it('makes an area of every territorial unit and every NUTS region (2,876 + 90), each summing into its own hierarchy', async () => {
    expect(first.statisticalAreas.areas).toBe(2966);
    expect(await areasByLevel(db)).toEqual({ COUNTRY: 1, VOIVODESHIP: 16, POWIAT: 380, GMINA: 2479, NUTS2: 17, NUTS3: 73 });
    const parents = Object.fromEntries(
      (await query(db, "select code, parent_code, name from statistical_area where code in ('NUTS:PL213', 'NUTS:PL21', 'NUTS:PL91', '1261011', '1261', 'PL')")).map((r) => [r.code, [r.parent_code, r.name]]),
    );
    expect(parents).toEqual({
      'NUTS:PL213': ['NUTS:PL21', 'Miasto Kraków'],
      'NUTS:PL21': ['PL', 'Małopolskie'],
      'NUTS:PL91': ['PL', 'Warszawski stołeczny'],
      '1261011': ['1261', 'Kraków'],
      '1261': ['12', 'Kraków'],
      PL: [null, 'Polska'],
    });
  });

  it('puts a gmina in six areas: itself, its powiat, voivodeship, Poland, its powiat’s NUTS-3 and NUTS-2', async () => {
    expect(await membersOf(db, '1205011')).toEqual(['12', '1205', '1205011', 'NUTS:PL21', 'NUTS:PL218', 'PL']);
    expect(await membersOf(db, '1465011')).toEqual(['14', '1465', '1465011', 'NUTS:PL91', 'NUTS:PL911', 'PL']);
    expect(await membersOf(db, '1206')).toEqual(['12', '1206', 'NUTS:PL21', 'NUTS:PL214', 'PL']);
    expect(await membersOf(db, '14')).toEqual(['14', 'PL']);
    expect(await count(db, "select count(*) as n from territorial_unit u where level = 'GMINA' and (select count(*) from statistical_area_member m where m.unit_code = u.teryt_code) <> 6")).toBe(0);
    // 1 (PL) + 16 × 2 + 380 × 5 + 2,479 × 6
    expect(first.statisticalAreas.members).toBe(16807);
    expect(await count(db, 'select count(*) as n from statistical_area_member')).toBe(16807);
  });

  it('keeps every NUTS area’s members within one voivodeship, and Mazowieckie’s split across PL91 and PL92', async () => {
    const rows = await query(db, "select area_code, string_agg(distinct left(unit_code, 2), ',') as voivodeships from statistical_area_member where area_code like 'NUTS:%' group by area_code");
    expect(rows).toHaveLength(90);
    expect(rows.filter((r) => r.voivodeships.includes(','))).toEqual([]);
    const mazowieckie = rows.filter((r) => r.voivodeships === '14').map((r) => r.area_code.slice(0, 9)).filter((c) => c.length === 9);
    expect(new Set(mazowieckie)).toEqual(new Set([areaCodeOfNuts('PL91'), areaCodeOfNuts('PL92')]));
  });

  it('changes nothing on a second run', async () => {
    // Times are reported, not asserted: speed belongs to benchmarks on a quiet machine.
    process.stdout.write(`NUTS import: first ${first.durationMs} ms\n`);
    const second = await importTerritory(db.orm.em.fork(), { dataDir });
    expect(second.nuts).toMatchObject({ regions: { inserted: 0, updated: 0, unchanged: 90 }, powiats: { inserted: 0, updated: 0, unchanged: 380 } });
    expect(second.statisticalAreas).toEqual({
      areas: 2966,
      members: 16807,
      changes: { areasInserted: 0, areasUpdated: 0, areasDeleted: 0, membersInserted: 0, membersDeleted: 0 },
    });
    process.stdout.write(`NUTS import: second (no change) ${second.durationMs} ms\n`);
  });

  it('keeps the NUTS regions and their areas when the built-in territory is imported over the full one', async () => {
    const report = await importTerritory(db.orm.em.fork(), {});
    expect(report.nuts).toBeNull();
    expect(report.statisticalAreas).toMatchObject({ areas: 2966, members: 16807, changes: { areasDeleted: 0, membersDeleted: 0, membersInserted: 0 } });
  });

  it('moves members with powiat_nuts3 on a rebuild, and the next import restores the mapping from the geometry', async () => {
    await query(db, "update powiat_nuts3 set nuts3_code = 'PL214' where powiat_teryt_code = '1261'");
    await query(db, "delete from statistical_area_member where unit_code = '1261011' and area_code = 'PL'");
    const rebuilt = await db.orm.em.fork().transactional((tx) => rebuildStatisticalAreas(tx));
    // Kraków's powiat and gmina leave PL213 for PL214 (NUTS-2 unchanged); the gmina's missing row comes back.
    expect(rebuilt.changes).toEqual({ areasInserted: 0, areasUpdated: 0, areasDeleted: 0, membersInserted: 3, membersDeleted: 2 });
    expect(await membersOf(db, '1261011')).toEqual(['12', '1261', '1261011', 'NUTS:PL21', 'NUTS:PL214', 'PL']);
    const report = await importTerritory(db.orm.em.fork(), { dataDir });
    expect(report.nuts?.powiats).toMatchObject({ updated: 1 });
    expect(report.statisticalAreas.changes).toMatchObject({ membersInserted: 2, membersDeleted: 2 });
    expect(await membersOf(db, '1261011')).toEqual(['12', '1261', '1261011', 'NUTS:PL21', 'NUTS:PL213', 'PL']);
  });

  describe('through GraphQL', () => {
    beforeAll(async () => {
      t = await startHubTestApp(db.url);
    });

    it('serves a NUTS region as a statistical area with its parent and no territorial unit', async () => {
      const res = await t.gql('{ statisticalArea(code: "NUTS:PL213") { code level name territorialUnit { terytCode } parent { code level name parent { code level } } } }');
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.statisticalArea).toEqual({
        code: 'NUTS:PL213',
        level: 'NUTS3',
        name: 'Miasto Kraków',
        territorialUnit: null,
        parent: { code: 'NUTS:PL21', level: 'NUTS2', name: 'Małopolskie', parent: { code: 'PL', level: 'COUNTRY' } },
      });
    });

    it('serves a territorial unit’s area with the unit behind it', async () => {
      const res = await t.gql('{ statisticalArea(code: "1261011") { level name territorialUnit { terytCode level } parent { code level } } }');
      expect(res.body.data.statisticalArea).toEqual({ level: 'GMINA', name: 'Kraków', territorialUnit: { terytCode: '1261011', level: 'GMINA' }, parent: { code: '1261', level: 'POWIAT' } });
    });

    it('lists the NUTS regions of one level, or both, in code order', async () => {
      const res = await t.gql('{ nuts2: nutsRegions(level: NUTS2) { code } nuts3: nutsRegions(level: NUTS3) { code } all: nutsRegions { code } }');
      const { nuts2, nuts3, all } = res.body.data;
      expect(nuts2).toHaveLength(17);
      expect(nuts2[0].code).toBe('NUTS:PL21');
      expect(nuts3).toHaveLength(73);
      expect(all).toHaveLength(90);
      expect(all.map((a: { code: string }) => a.code)).toEqual(all.map((a: { code: string }) => a.code).sort());
    });

    it('gives gminas and powiats their NUTS-3 and NUTS-2 regions, and voivodeships none', async () => {
      const res = await t.gql('{ g: territorialUnit(terytCode: "1465011") { nuts3 { code name } nuts2 { code name } } v: territorialUnit(terytCode: "14") { nuts3 { code } nuts2 { code } } }');
      expect(res.body.data).toEqual({
        g: { nuts3: { code: 'NUTS:PL911', name: 'Miasto Warszawa' }, nuts2: { code: 'NUTS:PL91', name: 'Warszawski stołeczny' } },
        v: { nuts3: null, nuts2: null },
      });
    });

    it('sends as many SQL statements for 100 powiats with their NUTS regions as for 5', async () => {
      const q = 'query($first: Int) { territorialUnits(level: POWIAT, first: $first) { nodes { terytCode nuts3 { code parent { code } } nuts2 { code territorialUnit { terytCode } } } } }';
      const statementsFor = async (first: number) => {
        t.sql.statements.length = 0;
        const res = await t.gql(q, { first });
        expect(res.body.errors).toBeUndefined();
        expect(res.body.data.territorialUnits.nodes.every((n: { nuts3: unknown }) => n.nuts3 !== null)).toBe(true);
        return t.sql.statements.length;
      };
      expect(await statementsFor(100)).toBe(await statementsFor(5));
    });

    it('refuses a malformed area code and a non-NUTS level as bad input, and an unknown area as not found', async () => {
      const ext = (res: { body: { errors?: { extensions: Record<string, unknown> }[] } }) => res.body.errors?.[0]?.extensions;
      expect(ext(await t.gql('{ statisticalArea(code: "PL213") { code } }'))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_AREA_CODE', field: ['code'] });
      expect(ext(await t.gql('{ nutsRegions(level: GMINA) { code } }'))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_NUTS_LEVEL' });
      expect(ext(await t.gql('{ statisticalArea(code: "NUTS:PL999") { code } }'))).toMatchObject({ code: 'NOT_FOUND', reason: 'STATISTICAL_AREA_NOT_FOUND' });
    });
  });
});
