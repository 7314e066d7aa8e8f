import { randomUUID, createHash } from 'node:crypto';
import request from 'supertest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startHubTestApp, type HubTestApp } from './hub-test-app';
import { importTerritory } from '../../api/src/territory';
import { issueStaffToken, StaffRole } from '../../api/src/access';

/** The media API: admins issue keys, keys carry their own limits, the public a lower one, GET answers are cacheable. */
describe('media API: keys, rate limits and cacheable GET queries', () => {
  let db: TestDatabase;
  let t: HubTestApp;
  const bearer = (role: StaffRole) => `Bearer ${issueStaffToken({ id: randomUUID(), email: `${role.toLowerCase()}@test.local`, roles: [role] }, { secret: t.config.jwtSecret, ttlSeconds: 300 }).token}`;
  const CREATE = `mutation($input: ApiKeyCreateInput!) { apiKeyCreate(input: $input) { secret apiKey { id name prefix requestsPerMinute revokedAt } errors { code field message } } }`;
  const REVOKE = `mutation($input: ApiKeyRevokeInput!) { apiKeyRevoke(input: $input) { apiKey { id revokedAt } errors { code } } }`;
  const QUERY = '{ territorialUnit(terytCode: "12") { name level } }';

  beforeAll(async () => {
    db = await createTestDatabase('media-api-keys');
    await importTerritory(db.orm.em.fork());
    t = await startHubTestApp(db.url, { HUB_API_ANONYMOUS_PER_MINUTE: '3', HUB_API_KEY_PER_MINUTE: '5' });
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const createKey = async (input: Record<string, unknown>) => {
    const res = await t.gql(CREATE, { input }, { Authorization: bearer(StaffRole.ADMIN) });
    expect(res.status).toBe(200);
    return res.body.data.apiKeyCreate;
  };
  const getQuery = (headers: Record<string, string> = {}) =>
    request(t.hub.app).get('/graphql').query({ query: QUERY }).set('apollo-require-preflight', 'true').set('Accept', 'application/json').set(headers);

  // First, while this client's anonymous window is fresh.
  it('gives anonymous clients the lower limit per IP', async () => {
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await t.gql(QUERY);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(last!.headers['ratelimit-limit']).toBe('3');
    expect(last!.headers['retry-after']).toBeDefined();
  });

  it('lets only administrators create keys', async () => {
    const res = await t.gql(CREATE, { input: { name: 'Newsroom' } }, { Authorization: bearer(StaffRole.ANALYST) });
    expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
    // A key holder is not staff: a key opens public data only.
    const { secret } = await createKey({ name: 'Key holder' });
    const withKey = await t.gql(CREATE, { input: { name: 'Newsroom' } }, { 'X-Api-Key': secret });
    expect(withKey.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('returns the secret once and stores only its SHA-256 hash', async () => {
    const created = await createKey({ name: 'Gazeta Regionalna', requestsPerMinute: 4 });
    expect(created.errors).toEqual([]);
    expect(created.secret).toMatch(/^seh_[A-Za-z0-9_-]{43}$/);
    expect(created.apiKey).toMatchObject({ name: 'Gazeta Regionalna', requestsPerMinute: 4, revokedAt: null, prefix: created.secret.slice(0, 10) });
    const [row] = await db.orm.em.fork().execute(`select * from media_api_key where id = ?`, [created.apiKey.id]);
    expect(row.key_sha256).toBe(createHash('sha256').update(created.secret).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(created.secret);
    const list = await t.gql('{ apiKeys { id prefix } }', {}, { Authorization: bearer(StaffRole.ADMIN) });
    expect(JSON.stringify(list.body)).not.toContain(created.secret);
    expect(list.body.data.apiKeys.map((k: { id: string }) => k.id)).toContain(created.apiKey.id);
  });

  it('refuses a limit out of range in the payload', async () => {
    const created = await createKey({ name: 'x', requestsPerMinute: 0 });
    expect(created.apiKey).toBeNull();
    expect(created.errors[0]).toMatchObject({ code: 'INVALID_RATE_LIMIT', field: ['input', 'requestsPerMinute'] });
  });

  it('counts a key against its own limit and answers 429 with RateLimit headers and Retry-After', async () => {
    const { secret } = await createKey({ name: 'Portal', requestsPerMinute: 2 });
    const first = await t.gql(QUERY, {}, { 'X-Api-Key': secret });
    expect(first.status).toBe(200);
    expect(first.headers['ratelimit-limit']).toBe('2');
    expect(first.headers['ratelimit-remaining']).toBe('1');
    expect(Number(first.headers['ratelimit-reset'])).toBeGreaterThan(0);
    await t.gql(QUERY, {}, { 'X-Api-Key': secret });
    const third = await t.gql(QUERY, {}, { 'X-Api-Key': secret });
    expect(third.status).toBe(429);
    expect(third.headers['ratelimit-remaining']).toBe('0');
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    expect(third.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    // Another key is counted separately.
    const other = await createKey({ name: 'Other' });
    const answer = await t.gql(QUERY, {}, { 'X-Api-Key': other.secret });
    expect(answer.status).toBe(200);
    expect(answer.headers['ratelimit-limit']).toBe('5');
  });

  it('refuses a revoked key with 401 at once', async () => {
    const { secret, apiKey } = await createKey({ name: 'Short-lived' });
    expect((await t.gql(QUERY, {}, { 'X-Api-Key': secret })).status).toBe(200);
    const revoked = await t.gql(REVOKE, { input: { id: apiKey.id } }, { Authorization: bearer(StaffRole.ADMIN) });
    expect(revoked.body.data.apiKeyRevoke.apiKey.revokedAt).not.toBeNull();
    const after = await t.gql(QUERY, {}, { 'X-Api-Key': secret });
    expect(after.status).toBe(401);
    expect(after.body.errors[0].extensions.code).toBe('INVALID_API_KEY');
    expect((await t.gql(QUERY, {}, { 'X-Api-Key': 'seh_made-up' })).status).toBe(401);
  });

  it('serves public GET queries with Cache-Control and an ETag, and 304 on revalidation', async () => {
    const { secret } = await createKey({ name: 'CDN test', requestsPerMinute: 50 });
    const first = await getQuery({ 'X-Api-Key': secret });
    expect(first.status).toBe(200);
    expect(first.body.data.territorialUnit.name).toBe('małopolskie');
    expect(first.headers['cache-control']).toContain('public');
    expect(first.headers.etag).toBeDefined();
    const again = await getQuery({ 'X-Api-Key': secret, 'If-None-Match': first.headers.etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
  });

  it('keeps answers for signed-in staff out of shared caches', async () => {
    const res = await getQuery({ Authorization: bearer(StaffRole.ANALYST) });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it('serves automatic persisted queries over GET once the hash is registered', async () => {
    const hash = createHash('sha256').update(QUERY).digest('hex');
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } });
    const { secret } = await createKey({ name: 'APQ', requestsPerMinute: 50 });
    const unknown = await request(t.hub.app).get('/graphql').query({ extensions }).set('apollo-require-preflight', 'true').set('X-Api-Key', secret);
    expect(unknown.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    await request(t.hub.app).post('/graphql').set('Content-Type', 'application/json').set('X-Api-Key', secret).send({ query: QUERY, extensions: JSON.parse(extensions) });
    const hit = await request(t.hub.app).get('/graphql').query({ extensions }).set('apollo-require-preflight', 'true').set('X-Api-Key', secret);
    expect(hit.status).toBe(200);
    expect(hit.body.data.territorialUnit.level).toBe('VOIVODESHIP');
    expect(hit.headers['cache-control']).toContain('public');
    const revalidated = await request(t.hub.app).get('/graphql').query({ extensions }).set('apollo-require-preflight', 'true').set('X-Api-Key', secret).set('If-None-Match', hit.headers.etag);
    expect(revalidated.status).toBe(304);
  });

  it('documents the limits on the landing page, in Polish by default and in English', async () => {
    const pl = await request(t.hub.app).get('/api');
    expect(pl.status).toBe(200);
    expect(pl.text).toContain('API dla mediów');
    expect(pl.text).toMatch(/id="limit-depth">10 /);
    expect(pl.text).toMatch(/id="limit-cost">5000 /);
    expect(pl.text).toMatch(/id="limit-anonymous">3 /);
    const en = await request(t.hub.app).get('/api?lang=en');
    expect(en.text).toContain('API for media and partners');
    expect(en.text).toContain('/graphql?query=');
  });
});
