import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestCms, CMS_START_TIMEOUT_MS, type TestCms } from '../support/cms-process';
import { importTerritory } from '../../api/src/territory';
import { refreshIndicators, seedDemoRegistry } from '../../api/src/observatory';
import { loadConfig } from '../../api/src/config';
import { startHub, type RunningHub } from '../../api/src/main';
import { HubSearchError, foldText, searchHub } from '../../cms/src/hub-picker/hub-search';

/**
 * Editors pick hub records by name: the CMS's /hub-picker/search route asks a real hub's GraphQL
 * (PostgreSQL with TERYT and the demo registry) and answers with the keys the CMS stores.
 */
describe('the hub picker route of the CMS, against a real hub', () => {
  let db: TestDatabase;
  let hub: RunningHub;
  let cms: TestCms;

  beforeAll(async () => {
    db = await createTestDatabase('picker');
    await importTerritory(db.orm.em.fork(), { dataDir: process.env.HUB_DATA_DIR });
    await seedDemoRegistry(db.orm.em.fork(), { seed: 2026, dataDir: process.env.HUB_DATA_DIR });
    await refreshIndicators(db.orm.em.fork(), { cause: 'hub picker test' });
    hub = await startHub(loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, HUB_PORT: '0', CMS_URL: 'http://127.0.0.1:9', LOG_LEVEL: 'silent', HUB_JWT_SECRET: 'picker-test' }));
    cms = await startTestCms({ env: { HUB_GRAPHQL_URL: hub.url } });
  }, CMS_START_TIMEOUT_MS);

  afterAll(async () => {
    await cms?.stop();
    await hub?.close();
    await db?.drop();
  }, 60_000);

  const search = async (kind: string, q: string, jwt?: string) => {
    const token = jwt ?? (await login());
    const res = await fetch(`${cms.url}/hub-picker/search?kind=${kind}&q=${encodeURIComponent(q)}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    return { status: res.status, body: (await res.json()) as { data: Array<{ key: string; label: string; detail: string }> } };
  };
  let cachedJwt: string | undefined;
  const login = async () => {
    if (cachedJwt) return cachedJwt;
    const res = await fetch(`${cms.url}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(cms.editor) });
    cachedJwt = ((await res.json()) as { data: { token: string } }).data.token;
    return cachedJwt;
  };

  it('finds a registry entity by part of its name without Polish letters and returns its UUID', async () => {
    const { status, body } = await search('ENTITY', 'pod bocian');
    expect(status).toBe(200);
    expect(body.data[0]).toMatchObject({ key: '5e0c0001-7a1b-4c2d-8e3f-000000000001', label: 'Spółdzielnia Socjalna „Pod Bocianem”' });
    expect(body.data[0].detail).toContain('Gorlice');
  });

  it('finds an entity by its KRS number', async () => {
    const { body: byName } = await search('ENTITY', 'pod bocian');
    const krs = /KRS (\d{10})/.exec(byName.data[0].detail)?.[1];
    expect(krs).toBeDefined();
    const { body } = await search('ENTITY', krs!);
    expect(body.data.map((e) => e.key)).toEqual(['5e0c0001-7a1b-4c2d-8e3f-000000000001']);
    expect((await search('ENTITY', '0000000001')).body.data).toEqual([]);
  });

  it('finds territorial units by name, with their powiat and voivodeship, and stores TERYT codes', async () => {
    const { body } = await search('TERRITORY', 'gorlice');
    const keys = body.data.map((u) => u.key);
    expect(keys).toEqual(expect.arrayContaining(['1205011', '1205042'])); // the town and the rural gmina
    expect((await search('TERRITORY', 'gorlick')).body.data.map((u) => u.key)).toContain('1205'); // powiat gorlicki
    const gmina = body.data.find((u) => u.key === '1205011')!;
    expect(gmina.detail.toLowerCase()).toContain('małopolskie');
    const lodz = await search('TERRITORY', 'Łódź');
    expect(lodz.body.data.map((u) => u.key)).toContain('1061011');
    expect((await search('TERRITORY', '12')).body.data[0].key).toBe('12');
  });

  it('finds indicators by name or code', async () => {
    const { body } = await search('INDICATOR', 'SOCIAL_COOPERATIVES');
    expect(body.data.map((i) => i.key)).toContain('SOCIAL_COOPERATIVES_PER_100K');
    const all = await search('INDICATOR', '');
    expect(all.body.data.length).toBeGreaterThan(3);
  });

  it('answers only signed-in editors, and refuses an unknown kind', async () => {
    const anonymous = await fetch(`${cms.url}/hub-picker/search?kind=ENTITY&q=bocian`);
    expect(anonymous.status).toBe(401);
    const withReadToken = await fetch(`${cms.url}/hub-picker/search?kind=ENTITY&q=bocian`, { headers: { Authorization: `Bearer ${cms.token}` } });
    expect(withReadToken.status).toBe(401);
    expect((await search('LOANS', 'x')).status).toBe(400);
  });

  it('says the hub is unavailable instead of failing silently', async () => {
    await expect(searchHub('ENTITY', 'bocian', { graphqlUrl: 'http://127.0.0.1:9/graphql', timeoutMs: 1000 })).rejects.toBeInstanceOf(HubSearchError);
    expect(foldText('Spółdzielnia „Łąka”')).toBe('spoldzielnia laka');
  });
});
