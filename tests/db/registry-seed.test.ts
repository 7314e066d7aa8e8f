import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startHubTestApp, type HubTestApp } from '../http/hub-test-app';
import { importTerritory } from '../../api/src/territory';
import { FEATURED_ENTITIES, seedDemoRegistry, SocialEconomyEntity } from '../../api/src/observatory';
import { encodeCursor } from '../../api/src/shared/relay';

const dataDir = process.env.HUB_DATA_DIR;
const withData = dataDir ? describe : describe.skip;

async function countsByForm(db: TestDatabase): Promise<Record<string, number>> {
  const rows = await db.orm.em.fork().getConnection().execute<{ legal_form: string; n: string }[]>('select legal_form, count(*) as n from social_economy_entity group by legal_form');
  return Object.fromEntries(rows.map((r) => [r.legal_form, Number(r.n)]));
}

describe('seedDemoRegistry on the built-in territory', () => {
  let db: TestDatabase;
  let first: { created: number; skipped: boolean };
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
    expect(again).toEqual({ created: 0, skipped: true });
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

  it('seats the featured entities in the voivodeship of their gmina', async () => {
    const gorlice = await db.orm.em.fork().findOneOrFail(SocialEconomyEntity, { id: FEATURED_ENTITIES[0].id });
    expect(gorlice.seat.terytCode).toBe('12');
  });
});

withData('seedDemoRegistry on the full territory', () => {
  let db: TestDatabase;
  let t: HubTestApp;
  let created = 0;
  let seedMs = 0;
  beforeAll(async () => {
    db = await createTestDatabase('registry_full');
    await importTerritory(db.orm.em.fork(), { dataDir });
    const started = Date.now();
    created = (await seedDemoRegistry(db.orm.em.fork(), { seed: 2026, dataDir })).created;
    seedMs = Date.now() - started;
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('seeds about 4,400 entities in one go, in under 5 seconds, and nothing on a second call', async () => {
    expect(seedMs).toBeLessThan(5000);
    expect(created).toBeGreaterThan(4000);
    expect(await seedDemoRegistry(db.orm.em.fork(), { seed: 2026, dataDir })).toEqual({ created: 0, skipped: true });
    expect(await countsByForm(db)).toEqual({
      SOCIAL_COOPERATIVE: 1754,
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
        a: socialEconomyEntity(krs: $krs) { name } b: socialEconomyEntity(regon: $regon) { name }
        c: socialEconomyEntity(nip: $nip) { name } d: socialEconomyEntity(id: $id) { id name synthetic foundedOn status legalForm seat { terytCode name } } }`, {
        krs: featured.krs,
        regon: featured.regon,
        nip: nipWithDashes,
        id: featured.id,
      });
      expect(res.body.errors).toBeUndefined();
      const { a, b, c, d } = res.body.data;
      expect([a.name, b.name, c.name, d.name]).toEqual(Array(4).fill(featured.name));
      expect(d).toMatchObject({ synthetic: true, foundedOn: featured.foundedOn, status: 'ACTIVE', legalForm: 'SOCIAL_COOPERATIVE', seat: { terytCode: '1205011', name: 'Gorlice' } });
      const byGlobalId = await t.gql('query($id: ID) { socialEconomyEntity(id: $id) { name } }', { id: d.id });
      expect(byGlobalId.body.data.socialEconomyEntity.name).toBe(featured.name);
    });

    it('refuses bad identifiers as bad input naming the argument', async () => {
      expect(ext(await t.gql('{ socialEconomyEntity(krs: "12345") { name } }'))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_KRS', field: ['krs'] });
      expect(ext(await t.gql('{ socialEconomyEntity(nip: "123-456-32-19") { name } }'))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_NIP', field: ['nip'] });
      expect(ext(await t.gql('{ socialEconomyEntity(regon: "000331502") { name } }'))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_REGON', field: ['regon'] });
      expect(ext(await t.gql('{ socialEconomyEntity(id: "not-an-id") { name } }'))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ID' });
      expect(ext(await t.gql('{ socialEconomyEntity(krs: "0009000001", nip: "1234563218") { name } }'))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EXACTLY_ONE_IDENTIFIER' });
      expect(ext(await t.gql('{ socialEconomyEntity { name } }'))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EXACTLY_ONE_IDENTIFIER' });
    });

    it('answers a valid identifier nobody has with NOT_FOUND', async () => {
      expect(ext(await t.gql('{ socialEconomyEntity(nip: "1234563218") { name } }'))).toMatchObject({ code: 'NOT_FOUND', reason: 'ENTITY_NOT_FOUND' });
      expect(ext(await t.gql('{ socialEconomyEntity(id: "00000000-0000-4000-8000-000000000000") { name } }'))).toMatchObject({ code: 'NOT_FOUND' });
    });

    it('pages through the whole registry in a stable name order without gaps or repeats', async () => {
      const q = 'query($after: String) { socialEconomyEntities(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id name } } }';
      const seen: { id: string; name: string }[] = [];
      let after: string | null = null;
      let total = 0;
      for (let page = 0; page < 3; page++) {
        const res = await t.gql(q, { after });
        const conn = res.body.data.socialEconomyEntities;
        total = conn.totalCount;
        seen.push(...conn.nodes);
        after = conn.pageInfo.endCursor;
      }
      expect(total).toBe(created);
      expect(new Set(seen.map((s) => s.id)).size).toBe(300);
      const again = await t.gql('{ socialEconomyEntities(first: 100, after: "' + encodeCursor(99) + '") { nodes { id } } }');
      expect(again.body.data.socialEconomyEntities.nodes.map((n: { id: string }) => n.id)).toEqual(seen.slice(100, 200).map((s) => s.id));
    });

    it('filters by form, status, territory (with everything inside it) and a case-insensitive name fragment', async () => {
      const res = await t.gql(`{
        coops: socialEconomyEntities(filter: { legalForms: [SOCIAL_COOPERATIVE], statuses: [IN_LIQUIDATION] }) { totalCount nodes { legalForm status } }
        inMalopolska: socialEconomyEntities(filter: { terytCode: "12" }) { totalCount nodes { seat { terytCode } } }
        inGorlicki: socialEconomyEntities(filter: { terytCode: "1205" }) { totalCount }
        bocian: socialEconomyEntities(filter: { nameContains: "pod BOCIANEM" }) { totalCount nodes { name } }
        whole: socialEconomyEntities(filter: { terytCode: "PL" }) { totalCount }
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
      const res = await t.gql('{ socialEconomyEntities(filter: { nameContains: "SPÓŁDZIELNIA SOCJALNA „BIESZCZADZKA" }) { nodes { name } } }');
      expect(res.body.data.socialEconomyEntities.nodes.map((n: { name: string }) => n.name)).toEqual([FEATURED_ENTITIES[4].name]);
    });

    it('treats % and _ in a name fragment as plain characters', async () => {
      const res = await t.gql('{ socialEconomyEntities(filter: { nameContains: "%" }) { totalCount } }');
      expect(res.body.data.socialEconomyEntities.totalCount).toBe(0);
    });

    it('refuses a malformed territory in a filter and an unknown one', async () => {
      expect(ext(await t.gql('{ socialEconomyEntities(filter: { terytCode: "1" }) { totalCount } }'))).toMatchObject({ reason: 'INVALID_TERYT_CODE', field: ['filter', 'terytCode'] });
      expect(ext(await t.gql('{ socialEconomyEntities(filter: { terytCode: "99" }) { totalCount } }'))).toMatchObject({ code: 'NOT_FOUND', reason: 'TERRITORY_NOT_FOUND' });
    });
  });
});
