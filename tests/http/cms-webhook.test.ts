import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startHubTestApp, type HubTestApp } from './hub-test-app';
import { signDelivery } from '../../api/src/content/webhooks/webhook-signature';

/** The CMS → hub webhook as the contract states it: signed, fresh, processed once per delivery. */
const SECRET = 'test-webhook-secret-0123456789abcdef';

describe('POST /webhooks/cms', () => {
  let db: TestDatabase;
  let t: HubTestApp;

  beforeAll(async () => {
    db = await createTestDatabase('cms_webhook');
    t = await startHubTestApp(db.url, { CMS_WEBHOOK_SECRET: SECRET });
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const event = (model = 'course', documentId = 'doc-1') => JSON.stringify({ event: 'entry.publish', model, documentId, locale: 'pl', occurredAt: new Date().toISOString() });
  const now = () => Math.floor(Date.now() / 1000);

  function deliver(body: string, headers: { signature?: string | null; delivery?: string } = {}) {
    const req = request(t.hub.app).post('/webhooks/cms').set('Content-Type', 'application/json').set('X-Hub-Delivery', headers.delivery ?? randomUUID());
    if (headers.signature !== null) req.set('X-Hub-Signature', headers.signature ?? signDelivery(SECRET, body, now()));
    return req.send(body);
  }

  const stored = async (deliveryId: string) => Number((await db.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from cms_webhook_delivery where delivery_id = ?', [deliveryId]))[0].n);

  it('processes a signed delivery and drops the cached answers of that model', async () => {
    t.hub.cms.cache.set('course|pl|slug|etyka', ['old']);
    t.hub.cms.cache.set('story|pl|slug|x', ['kept']);
    const res = await deliver(event('course'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'processed' });
    expect(t.hub.cms.cache.get('course|pl|slug|etyka')).toBeUndefined();
    expect(t.hub.cms.cache.get('story|pl|slug|x')).toBeDefined();
  });

  it('answers duplicate for a retried delivery and does its work only once', async () => {
    const id = randomUUID();
    const body = event('material');
    expect((await deliver(body, { delivery: id })).body).toEqual({ status: 'processed' });
    t.hub.cms.cache.set('material|pl|slug|m', ['cached after the first delivery']);
    const retry = await deliver(body, { delivery: id });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ status: 'duplicate' });
    expect(t.hub.cms.cache.get('material|pl|slug|m')).toBeDefined();
    expect(await stored(id)).toBe(1);
  });

  it('processes a delivery once even when its retries arrive at the same time', async () => {
    const id = randomUUID();
    const body = event('workshop');
    const answers = await Promise.all(Array.from({ length: 6 }, () => deliver(body, { delivery: id })));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200));
    expect(answers.filter((a) => a.body.status === 'processed')).toHaveLength(1);
    expect(answers.filter((a) => a.body.status === 'duplicate')).toHaveLength(5);
  });

  it('refuses a missing, wrong or forged signature with 401 and stores nothing', async () => {
    const body = event();
    const id = randomUUID();
    expect((await deliver(body, { signature: null, delivery: id })).status).toBe(401);
    expect((await deliver(body, { signature: signDelivery('another-secret', body, now()), delivery: id })).status).toBe(401);
    expect((await deliver(body, { signature: signDelivery(SECRET, body.replace('doc-1', 'doc-2'), now()), delivery: id })).status).toBe(401);
    expect((await deliver(body, { signature: 't=abc,v1=zz', delivery: id })).status).toBe(401);
    expect(await stored(id)).toBe(0);
  });

  it('refuses a timestamp more than five minutes off, so a captured delivery cannot be replayed later', async () => {
    const body = event();
    const old = await deliver(body, { signature: signDelivery(SECRET, body, now() - 301) });
    expect(old.status).toBe(401);
    expect(old.body.reason).toBe('STALE');
    expect((await deliver(body, { signature: signDelivery(SECRET, body, now() + 301) })).status).toBe(401);
    expect((await deliver(body, { signature: signDelivery(SECRET, body, now() - 250) })).status).toBe(200);
  });

  it('refuses a delivery id that is not a UUID v4 and a body that is not an event', async () => {
    expect((await deliver(event(), { delivery: 'retry-1' })).status).toBe(400);
    const notEvent = JSON.stringify({ event: 'entry.explode', model: 'course', documentId: 'x' });
    expect((await deliver(notEvent)).status).toBe(400);
  });

  it('makes a change published in the CMS visible on the next read: the cache entry is gone at once', async () => {
    t.hub.cms.cache.set('story|pl|slug|pod-bocianem', ['old version']);
    const started = Date.now();
    await deliver(event('success-story'));
    expect(t.hub.cms.cache.get('story|pl|slug|pod-bocianem')).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('POST /webhooks/cms without a configured secret', () => {
  let db: TestDatabase;
  let t: HubTestApp;
  beforeAll(async () => {
    db = await createTestDatabase('cms_webhook_off');
    t = await startHubTestApp(db.url);
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('answers 503 rather than accepting unsigned deliveries', async () => {
    const res = await request(t.hub.app).post('/webhooks/cms').set('Content-Type', 'application/json').send('{}');
    expect(res.status).toBe(503);
  });
});
