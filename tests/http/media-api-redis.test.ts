import { randomUUID } from 'node:crypto';
import { Socket } from 'node:net';
import { createClient } from 'redis';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startHubTestApp, type HubTestApp } from './hub-test-app';
import { importTerritory } from '../../api/src/territory';
import { issueStaffToken, StaffRole } from '../../api/src/access';
import { RedisRateLimitStore } from '../../api/src/media-api';

/**
 * Two hub processes behind one load balancer share a Redis: a key's limit is counted across both.
 * Runs against the real Redis at HUB_TEST_REDIS_URL (default redis://127.0.0.1:6379); skipped, with a
 * message, where no Redis listens (a newcomer's machine); CI machines have one.
 */
const REDIS_URL = process.env.HUB_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((done) => {
    const socket = new Socket();
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('timeout', () => (socket.destroy(), done(false)));
    socket.once('error', () => done(false));
    socket.connect(Number(port || 6379), hostname || '127.0.0.1');
  });
}

const QUERY = '{ territorialUnit(terytCode: "12") { name } }';
// Each run uses its own key namespace, so parallel runs on one Redis do not count each other.
const PREFIX = `seh:test:${randomUUID()}:`;

/** Waits out the last seconds of a one-minute window, so a test's requests all fall into one window. */
async function freshWindow(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 8_000) await new Promise((done) => setTimeout(done, left + 50));
}

let redisUp = false;
beforeAll(async () => {
  redisUp = await reachable(REDIS_URL);
  // eslint-disable-next-line no-console
  if (!redisUp) console.warn(`media-api-redis: no Redis at ${REDIS_URL} — suite skipped (set HUB_TEST_REDIS_URL, or start Redis, to run it)`);
});

describe('media API rate limits shared through Redis', () => {
  let db: TestDatabase;
  let a: HubTestApp;
  let b: HubTestApp;

  beforeAll(async () => {
    if (!redisUp) return;
    db = await createTestDatabase('media-api-redis');
    await importTerritory(db.orm.em.fork());
    const env = { HUB_RATE_LIMIT_REDIS_URL: REDIS_URL, HUB_RATE_LIMIT_REDIS_PREFIX: PREFIX, HUB_API_ANONYMOUS_PER_MINUTE: '4', HUB_API_KEY_PER_MINUTE: '5' };
    a = await startHubTestApp(db.url, env);
    b = await startHubTestApp(db.url, env);
  }, 60_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    if (redisUp) {
      const client = createClient({ url: REDIS_URL });
      await client.connect();
      const keys = await client.keys(`${PREFIX}*`);
      if (keys.length) await client.del(keys);
      await client.quit();
    }
    await db?.drop();
  });

  const maybe = (name: string, fn: () => Promise<void>, timeout?: number) =>
    it(name, async () => {
      if (!redisUp) return void console.warn(`skipped (no Redis): ${name}`);
      await fn();
    }, timeout);

  maybe('a key with a limit of 5 gets its 429 at the 6th request, counted across both hubs', async () => {
    const admin = `Bearer ${issueStaffToken({ id: randomUUID(), email: 'admin@test.local', roles: [StaffRole.ADMIN] }, { secret: a.config.jwtSecret, ttlSeconds: 300 }).token}`;
    const created = await a.gql(`mutation($input: ApiKeyCreateInput!) { apiKeyCreate(input: $input) { secret errors { code } } }`, { input: { name: 'Shared newsroom', requestsPerMinute: 5 } }, { Authorization: admin });
    const secret: string = created.body.data.apiKeyCreate.secret;
    await freshWindow();
    const statuses: number[] = [];
    const remaining: string[] = [];
    // Alternate hubs: a, b, a, b, a, b, a — no single process sees more than 4.
    for (let i = 0; i < 7; i++) {
      const res = await (i % 2 === 0 ? a : b).gql(QUERY, undefined, { 'X-Api-Key': secret });
      statuses.push(res.status);
      remaining.push(res.headers['ratelimit-remaining']);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(remaining).toEqual(['4', '3', '2', '1', '0', '0', '0']);
  });

  maybe('concurrent anonymous requests to both hubs are each counted once (atomic increments)', async () => {
    await freshWindow();
    // 10 requests at once, 5 through each hub, against an anonymous limit of 4 per IP.
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).gql(QUERY)));
    const ok = responses.filter((r) => r.status === 200).length;
    expect(ok).toBe(4);
    expect(responses.filter((r) => r.status === 429)).toHaveLength(6);
    expect(responses.find((r) => r.status === 429)!.body.errors[0].extensions.code).toBe('RATE_LIMITED');
  });

  it('without Redis the store counts in memory instead of failing requests (runs without Redis too)', async () => {
    const store = new RedisRateLimitStore('redis://127.0.0.1:9', { prefix: PREFIX });
    const started = Date.now();
    const first = await store.hit('ip:x', 60_000, started);
    const second = await store.hit('ip:x', 60_000, started);
    expect([first.count, second.count]).toEqual([1, 2]);
    expect(Date.now() - started).toBeLessThan(5_000);
    await store.close();
  });
});
