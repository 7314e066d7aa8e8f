import request from 'supertest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startHubTestApp, type HubTestApp } from './hub-test-app';
import { importTerritory } from '../../api/src/territory';
import { seedDemoRegistry } from '../../api/src/observatory';
import { ensureFirstAdmin } from '../../api/src/access';

/** The hub over HTTP against a real PostgreSQL, with the CMS down. */
describe('GraphQL over HTTP', () => {
  let db: TestDatabase;
  let t: HubTestApp;
  const admin = { email: 'admin@test.local', password: 'correct horse battery staple' };

  beforeAll(async () => {
    db = await createTestDatabase('http');
    await importTerritory(db.orm.em.fork(), { dataDir: process.env.HUB_DATA_DIR });
    await seedDemoRegistry(db.orm.em.fork(), { seed: 7, dataDir: process.env.HUB_DATA_DIR });
    await ensureFirstAdmin(db.orm.em.fork(), admin);
    t = await startHubTestApp(db.url);
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const codeOf = (res: request.Response) => res.body.errors?.[0]?.extensions?.code;
  const reasonOf = (res: request.Response) => res.body.errors?.[0]?.extensions?.reason;

  describe('health', () => {
    it('says the process is up on /healthz', async () => {
      const res = await request(t.hub.app).get('/healthz');
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('ok');
    });

    it('reports not ready on /readyz while the CMS is unreachable, naming which part', async () => {
      const res = await request(t.hub.app).get('/readyz');
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ database: 'ok', cms: 'unreachable' });
    });

    it('tags every response with a request id, reusing a sane one from the caller', async () => {
      const res = await request(t.hub.app).get('/healthz').set('X-Request-Id', 'trace-12345678');
      expect(res.headers['x-request-id']).toBe('trace-12345678');
    });
  });

  describe('territory and registry', () => {
    it('answers a voivodeship with its children', async () => {
      const res = await t.gql('{ territorialUnit(terytCode: "12") { name level children { terytCode } } }');
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.territorialUnit.name.toLowerCase()).toBe('małopolskie');
      expect(res.body.data.territorialUnit.children.length).toBeGreaterThan(0);
    });

    it('lists entities seated inside a territory with a total count and stable pages', async () => {
      const q = `query($after: String) { territorialUnit(terytCode: "30") { entities(first: 5, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } nodes { id name synthetic } } } }`;
      const first = await t.gql(q);
      const page1 = first.body.data.territorialUnit.entities;
      expect(page1.totalCount).toBeGreaterThan(5);
      expect(page1.nodes.every((n: { synthetic: boolean }) => n.synthetic)).toBe(true);
      const second = await t.gql(q, { after: page1.pageInfo.endCursor });
      const page2 = second.body.data.territorialUnit.entities;
      const ids1 = page1.nodes.map((n: { id: string }) => n.id);
      expect(page2.nodes.map((n: { id: string }) => n.id).some((id: string) => ids1.includes(id))).toBe(false);
      expect((await t.gql(q)).body.data.territorialUnit.entities.nodes).toEqual(page1.nodes);
    });

    it('refetches an entity by its global id through node()', async () => {
      const list = await t.gql('{ entities(first: 1) { nodes { id name } } }');
      const { id, name } = list.body.data.entities.nodes[0];
      const res = await t.gql('query($id: ID!) { node(id: $id) { id ... on SocialEconomyEntity { name } } }', { id });
      expect(res.body.data.node).toEqual({ id, name });
    });
  });

  describe('bad input gets a clear error with a code, never a 500', () => {
    it('rejects a malformed query as GRAPHQL_PARSE_FAILED', async () => {
      const res = await t.gql('{ territorialUnit(terytCode: "12") { name ');
      expect(res.status).toBe(400);
      expect(codeOf(res)).toBe('GRAPHQL_PARSE_FAILED');
    });

    it('rejects an unknown field without suggesting field names', async () => {
      const res = await t.gql('{ territorialUnit(terytCode: "12") { nam } }');
      expect(res.status).toBe(400);
      expect(codeOf(res)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(JSON.stringify(res.body)).not.toMatch(/Did you mean/);
    });

    it('rejects a too deep query before any SQL runs', async () => {
      const nested = 'children { '.repeat(12) + 'name' + ' }'.repeat(12);
      const before = t.sql.count;
      const res = await t.gql(`{ territorialUnit(terytCode: "12") { ${nested} } }`);
      expect(res.status).toBe(400);
      expect(codeOf(res)).toBe('QUERY_TOO_DEEP');
      expect(t.sql.count).toBe(before);
    });

    it('rejects a too costly query before any SQL runs', async () => {
      const before = t.sql.count;
      const res = await t.gql('{ territorialUnits(first: 100) { nodes { entities(first: 100) { nodes { name seat { name } } } } } }');
      expect(res.status).toBe(400);
      expect(codeOf(res)).toBe('QUERY_TOO_COSTLY');
      expect(t.sql.count).toBe(before);
    });

    it('answers an unknown TERYT code with NOT_FOUND', async () => {
      const res = await t.gql('{ territorialUnit(terytCode: "99") { name } }');
      expect(res.status).toBe(200);
      expect(codeOf(res)).toBe('NOT_FOUND');
      expect(reasonOf(res)).toBe('TERRITORY_NOT_FOUND');
    });

    it('answers a malformed TERYT code with BAD_USER_INPUT', async () => {
      const res = await t.gql('{ territorialUnit(terytCode: "12a") { name } }');
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(reasonOf(res)).toBe('INVALID_TERYT_CODE');
    });

    it('answers an invalid KRS number with BAD_USER_INPUT naming the field', async () => {
      const res = await t.gql('{ entity(krs: "12345") { name } }');
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(reasonOf(res)).toBe('INVALID_KRS');
      expect(res.body.errors[0].extensions.field).toEqual(['krs']);
    });

    it('answers an invalid NIP (wrong check digit) with BAD_USER_INPUT', async () => {
      const res = await t.gql('{ entity(nip: "1234563219") { name } }');
      expect(reasonOf(res)).toBe('INVALID_NIP');
    });

    it('refuses a batched (array) request: HTTP batching is off', async () => {
      const res = await request(t.hub.app)
        .post('/graphql')
        .set('Content-Type', 'application/json')
        .send([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
      expect(res.status).toBe(400);
    });

    it('refuses a body over 100 KB with 413', async () => {
      const res = await t.gql(`{ __typename } # ${'x'.repeat(110_000)}`);
      expect(res.status).toBe(413);
      expect(codeOf(res)).toBe('PAYLOAD_TOO_LARGE');
    });

    it('blocks a simple GET that could be a cross-site request (CSRF prevention)', async () => {
      const res = await request(t.hub.app).get('/graphql').query({ query: '{ __typename }' }).set('Accept', 'application/json');
      expect(res.status).toBe(400);
      expect(res.text).toMatch(/CSRF/i);
    });

    it('accepts the same GET with a preflight header', async () => {
      const res = await request(t.hub.app).get('/graphql').query({ query: '{ __typename }' }).set('Accept', 'application/json').set('apollo-require-preflight', 'true');
      expect(res.status).toBe(200);
      expect(res.body.data.__typename).toBe('Query');
    });
  });

  describe('staff access', () => {
    const login = `mutation($input: StaffLoginInput!) { staffLogin(input: $input) { token errors { code field message } } }`;

    it('refuses a wrong password with INVALID_CREDENTIALS in the payload', async () => {
      const res = await t.gql(login, { input: { email: admin.email, password: 'wrong password here' } });
      expect(res.body.data.staffLogin.token).toBeNull();
      expect(res.body.data.staffLogin.errors[0].code).toBe('INVALID_CREDENTIALS');
    });

    it('issues a token that opens `me`', async () => {
      const res = await t.gql(login, { input: admin });
      const token = res.body.data.staffLogin.token;
      expect(token).toEqual(expect.any(String));
      const me = await t.gql('{ me { email roles } }', {}, { Authorization: `Bearer ${token}` });
      expect(me.body.data.me).toEqual({ email: admin.email, roles: ['ADMIN'] });
    });

    it('answers `me` without a token with UNAUTHENTICATED', async () => {
      const res = await t.gql('{ me { email } }');
      expect(codeOf(res)).toBe('UNAUTHENTICATED');
    });

    it('refuses a forged token with 401 UNAUTHENTICATED', async () => {
      const res = await t.gql('{ __typename }', {}, { Authorization: 'Bearer not.a.token' });
      expect(res.status).toBe(401);
      expect(codeOf(res)).toBe('UNAUTHENTICATED');
    });
  });

  describe('when the CMS is down and nothing is cached', () => {
    it('fails the content field with CMS_UNAVAILABLE while registry fields of the same query answer', async () => {
      const res = await t.gql('{ territorialUnit(terytCode: "12") { name stories { title } } successStories(first: 2) { totalCount } }');
      expect(res.status).toBe(200);
      expect(res.body.data.territorialUnit.name.toLowerCase()).toBe('małopolskie');
      const codes = res.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code);
      expect(new Set(codes)).toEqual(new Set(['CMS_UNAVAILABLE']));
    });
  });

  describe('the explorer', () => {
    it('serves GraphiQL from local assets to a browser opening /graphql', async () => {
      const page = await request(t.hub.app).get('/graphql').set('Accept', 'text/html');
      expect(page.status).toBe(200);
      expect(page.text).toContain('/explorer-assets/graphiql.js');
      const asset = await request(t.hub.app).get('/explorer-assets/graphiql.js');
      expect(asset.status).toBe(200);
      expect(asset.text.length).toBeGreaterThan(100_000);
    });
  });
});
