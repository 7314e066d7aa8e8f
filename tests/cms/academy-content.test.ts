import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestCms, CMS_START_TIMEOUT_MS, type TestCms } from '../support/cms-process';

/**
 * A real Strapi with the demo seed: the academy content types and their curriculum in both
 * languages, drafts kept out of the content API, signed webhooks to a stand-in hub, and the hub's
 * flag token that can set a story's flag and nothing else.
 */
const WEBHOOK_SECRET = randomBytes(32).toString('hex');
const FLAG_TOKEN = randomBytes(64).toString('hex');

interface Delivery {
  headers: IncomingHttpHeaders;
  raw: string;
  body: { event: string; model: string; documentId: string; locale: string | null; occurredAt: string };
  receivedAt: number;
}

/** A stand-in for the hub's /webhooks/cms: records what arrives; can fail the first attempts. */
class WebhookReceiver {
  deliveries: Delivery[] = [];
  failNext = 0;
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => {
        if (req.url !== '/webhooks/cms' || req.method !== 'POST') {
          res.writeHead(404).end();
          return;
        }
        this.deliveries.push({ headers: req.headers, raw, body: JSON.parse(raw), receivedAt: Date.now() });
        if (this.failNext > 0) {
          this.failNext -= 1;
          res.writeHead(503).end();
          return;
        }
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"processed"}');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async waitFor(match: (d: Delivery) => boolean, timeoutMs = 5000): Promise<Delivery[]> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const found = this.deliveries.filter(match);
      if (found.length > 0) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no matching webhook within ${timeoutMs} ms; got ${JSON.stringify(this.deliveries.map((d) => d.body))}`);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** What the hub does with a delivery: recompute the HMAC over "<t>.<raw body>" and compare. */
const signatureValid = (d: Delivery, secret = WEBHOOK_SECRET): boolean => {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(d.headers['x-hub-signature']));
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${d.raw}`).digest('hex');
  return expected === match[2] && Math.abs(Date.now() / 1000 - Number(match[1])) <= 300;
};
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('academy content in a real Strapi', () => {
  let cms: TestCms;
  const hub = new WebhookReceiver();

  beforeAll(async () => {
    await hub.start();
    cms = await startTestCms({
      seedDemo: true,
      env: { HUB_URL: hub.url, CMS_WEBHOOK_SECRET: WEBHOOK_SECRET, CMS_FLAG_TOKEN: FLAG_TOKEN, CMS_WEBHOOK_RETRY_DELAYS_MS: '200,400' },
    });
  }, CMS_START_TIMEOUT_MS);

  afterAll(async () => {
    await cms?.stop();
    await hub.close();
  }, 60_000);

  const api = async (path: string, token: string | null = cms.token) => {
    const res = await fetch(`${cms.url}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    return { status: res.status, body: (await res.json()) as any };
  };

  const editor = async () => {
    const res = await fetch(`${cms.url}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(cms.editor),
    });
    const jwt = ((await res.json()) as { data: { token: string } }).data.token;
    return (method: string, path: string, body?: unknown) =>
      fetch(`${cms.url}${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${jwt}` },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
  };

  it('sends no webhook for the bootstrap seed', () => {
    expect(hub.deliveries).toEqual([]);
  });

  it('offers every academy type to the hub token and to the public, published only', async () => {
    for (const plural of ['courses', 'course-modules', 'materials', 'workshops', 'trainers', 'news-items', 'campaigns']) {
      for (const token of [cms.token, null]) {
        const { status, body } = await api(`/api/${plural}?locale=en`, token);
        expect([plural, status]).toEqual([plural, 200]);
        expect(body.data.length).toBeGreaterThan(0);
        expect(body.data.every((d: { publishedAt: string | null; locale: string }) => d.publishedAt && d.locale === 'en')).toBe(true);
      }
      expect((await api(`/api/${plural}?status=draft`)).status).toBe(403);
    }
  });

  it('seeds the postgraduate programme in Polish and English, its totals the sum of its eight modules', async () => {
    for (const locale of ['pl', 'en']) {
      const { body } = await api(`/api/courses?locale=${locale}&populate[learningOutcomes]=true&populate[modules][fields][0]=order&populate[modules][fields][1]=hours&populate[modules][fields][2]=ects&populate[modules][fields][3]=locale&populate[modules][fields][4]=title`);
      expect(body.data).toHaveLength(1);
      const course = body.data[0];
      expect(course.title).toBe(locale === 'pl' ? 'Studium Podyplomowe Zarządzania Gospodarką Społeczną' : 'Postgraduate Programme in Social Economy Management');
      expect(course).toMatchObject({ level: 'POSTGRADUATE', semesters: 2, pqfLevel: 7 });
      expect(course.modules).toHaveLength(8);
      expect(course.modules.every((m: { locale: string }) => m.locale === locale)).toBe(true);
      expect(course.totalHours).toBe(course.modules.reduce((s: number, m: { hours: number }) => s + m.hours, 0));
      expect(course.ects).toBe(course.modules.reduce((s: number, m: { ects: number }) => s + m.ects, 0));
      expect(course.ects).toBeGreaterThanOrEqual(30); // studia podyplomowe: at least 30 ECTS
      expect(new Set(course.learningOutcomes.map((o: { category: string }) => o.category))).toEqual(new Set(['KNOWLEDGE', 'SKILLS', 'SOCIAL_COMPETENCES']));
      expect(course.description[0]).toMatchObject({ type: 'heading', level: 2 });
    }
  });

  it('links modules to their prerequisites, materials and trainers in the same language', async () => {
    const { body } = await api('/api/course-modules?locale=en&filters[order][$eq]=8&populate[prerequisites][fields][0]=order&populate[materials][fields][0]=locale&populate[trainers][fields][0]=name&populate[course][fields][0]=slug');
    const [seminar] = body.data;
    expect(seminar.prerequisites.map((p: { order: number }) => p.order).sort()).toEqual([3, 4]);
    expect(seminar.materials.length).toBeGreaterThan(0);
    expect(seminar.materials.every((m: { locale: string }) => m.locale === 'en')).toBe(true);
    expect(seminar.trainers.map((t: { name: string }) => t.name)).toContain('Paweł Łukasiewicz');
    expect(seminar.course.slug).toBe('postgraduate-programme-social-economy-management');
  });

  it('writes materials in Polish with Polish letters, cites indicators and uses success stories as case studies', async () => {
    const { body } = await api('/api/materials?locale=pl&filters[slug][$eq]=ustawa-o-ekonomii-spolecznej-co-zmienila&populate[caseStudies][fields][0]=entityKey');
    const [material] = body.data;
    const text = JSON.stringify(material.body);
    expect(text).toContain('5 sierpnia 2022');
    expect(text).toMatch(/[ąćęłńóśźż]/);
    expect(material.indicatorCodes).toEqual(['SOCIAL_ENTERPRISES', 'SOCIAL_ENTERPRISES_PER_100K']);
    expect(material.caseStudies.map((s: { entityKey: string }) => s.entityKey)).toEqual(['5e0c0001-7a1b-4c2d-8e3f-000000000001']);
    // …and the story knows the materials that cite it.
    const story = await api('/api/success-stories?locale=pl&filters[entityKey][$eq]=5e0c0001-7a1b-4c2d-8e3f-000000000001&populate[materials][fields][0]=slug');
    expect(story.body.data[0].materials.map((m: { slug: string }) => m.slug)).toEqual(
      expect.arrayContaining(['ustawa-o-ekonomii-spolecznej-co-zmienila', 'klauzule-spoleczne-w-zamowieniach-publicznych']),
    );
  });

  it('seeds regional workshops, trainers, a campaign and its news in both languages', async () => {
    const workshops = await api('/api/workshops?locale=pl&sort=terytCode&populate[trainers][fields][0]=name');
    expect(workshops.body.data.map((w: { terytCode: string }) => w.terytCode)).toEqual(['02', '12', '18']);
    const campaign = await api('/api/campaigns?locale=en&populate[news][fields][0]=locale&populate[courses][fields][0]=slug&populate[workshops][fields][0]=slug');
    expect(campaign.body.data[0].news).toHaveLength(2);
    expect(campaign.body.data[0].courses.map((c: { slug: string }) => c.slug)).toEqual(['postgraduate-programme-social-economy-management']);
    expect(campaign.body.data[0].workshops).toHaveLength(3);
    expect((await api('/api/trainers?locale=en')).body.data).toHaveLength(4);
    expect((await api('/api/news-items?locale=pl&sort=date:desc')).body.data[0].date).toBe('2026-06-02');
  });

  it('keeps an editor’s draft out of the content API until it is published, and tells the hub each step, signed', async () => {
    const send = await editor();
    const created = await send('POST', '/content-manager/collection-types/api::workshop.workshop?locale=pl', {
      title: 'Ekonomia społeczna w Łodzi — warsztaty próbne',
      slug: 'ekonomia-spoleczna-w-lodzi-warsztaty-probne',
      durationHours: 6,
      format: 'ONLINE',
      terytCode: '10',
    });
    expect(created.status).toBe(201);
    const { documentId } = ((await created.json()) as { data: { documentId: string } }).data;
    const [create] = await hub.waitFor((d) => d.body.documentId === documentId && d.body.event === 'entry.create');
    expect(create.body).toMatchObject({ model: 'workshop', locale: 'pl' });

    const draftOnly = await api('/api/workshops?locale=pl&filters[slug][$eq]=ekonomia-spoleczna-w-lodzi-warsztaty-probne');
    expect(draftOnly.body.data).toEqual([]);

    const publishedAtEditor = Date.now();
    const published = await send('POST', `/content-manager/collection-types/api::workshop.workshop/${documentId}/actions/publish?locale=pl`, {});
    expect(published.status).toBe(200);
    const [publish] = await hub.waitFor((d) => d.body.documentId === documentId && d.body.event === 'entry.publish');
    expect(publish.receivedAt - publishedAtEditor).toBeLessThan(2000);
    expect(publish.body).toEqual({ event: 'entry.publish', model: 'workshop', documentId, locale: 'pl', occurredAt: expect.any(String) });
    expect(Number.isNaN(Date.parse(publish.body.occurredAt))).toBe(false);
    expect(publish.headers['content-type']).toBe('application/json');
    expect(String(publish.headers['x-hub-delivery'])).toMatch(UUID_V4);
    expect(publish.headers['x-hub-delivery']).not.toBe(create.headers['x-hub-delivery']);
    expect(signatureValid(publish)).toBe(true);
    expect(signatureValid(publish, 'another-secret')).toBe(false);
    expect((await api('/api/workshops?locale=pl&filters[slug][$eq]=ekonomia-spoleczna-w-lodzi-warsztaty-probne')).body.data).toHaveLength(1);

    // The hub is down for a moment: the same delivery is retried until it answers.
    hub.failNext = 2;
    const unpublished = await send('POST', `/content-manager/collection-types/api::workshop.workshop/${documentId}/actions/unpublish?locale=pl`, {});
    expect(unpublished.status).toBe(200);
    const attempts = await hub.waitFor((d) => d.body.documentId === documentId && d.body.event === 'entry.unpublish' && hub.failNext === 0 && hub.deliveries.filter((x) => x.body.event === 'entry.unpublish').length === 3);
    expect(new Set(attempts.map((a) => a.headers['x-hub-delivery'])).size).toBe(1);
    expect(attempts.every((a) => signatureValid(a))).toBe(true);
    expect((await api('/api/workshops?locale=pl&filters[slug][$eq]=ekonomia-spoleczna-w-lodzi-warsztaty-probne')).body.data).toEqual([]);
  });

  describe("the hub's flag token", () => {
    const flagRequest = (documentId: string, data: unknown, token = FLAG_TOKEN) =>
      fetch(`${cms.url}/api/success-stories/${documentId}/hub-flag`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ data }),
      });
    const storyOf = async (locale: string) =>
      (await api(`/api/success-stories?locale=${locale}&filters[entityKey][$eq]=5e0c0001-7a1b-4c2d-8e3f-000000000003`)).body.data[0];

    it('flags a published story in every language without publishing anything else', async () => {
      const before = await storyOf('pl');
      expect(before.hubFlag).toBeNull();
      const res = await flagRequest(before.documentId, { hubFlag: 'ENTITY_STRUCK_OFF', hubFlagNote: 'Wykreślony z KRS 2026-11-20' });
      expect(res.status).toBe(200);
      for (const locale of ['pl', 'en']) {
        const story = await storyOf(locale);
        expect(story).toMatchObject({ hubFlag: 'ENTITY_STRUCK_OFF', hubFlagNote: 'Wykreślony z KRS 2026-11-20', title: locale === 'pl' ? before.title : expect.any(String) });
        expect(story.updatedAt).toBe(locale === 'pl' ? before.updatedAt : story.updatedAt);
      }
      const [delivery] = await hub.waitFor((d) => d.body.documentId === before.documentId);
      expect(delivery.body).toMatchObject({ event: 'entry.update', model: 'success-story', locale: null });
      expect(signatureValid(delivery)).toBe(true);
      // and clears it
      expect((await flagRequest(before.documentId, { hubFlag: null, hubFlagNote: null })).status).toBe(200);
      expect((await storyOf('en')).hubFlag).toBeNull();
    });

    it('refuses any other field, unknown flags and unknown stories', async () => {
      const story = await storyOf('pl');
      expect((await flagRequest(story.documentId, { hubFlag: 'ENTITY_LOST_STATUS', title: 'Przejęty tytuł' })).status).toBe(400);
      expect((await flagRequest(story.documentId, { hubFlag: 'BANKRUPT' })).status).toBe(400);
      expect((await flagRequest('nosuchdocumentid0000000000', { hubFlag: null })).status).toBe(404);
      expect((await storyOf('pl')).title).toBe(story.title);
    });

    it('cannot read, create, update or delete content, and the read token cannot flag', async () => {
      const story = await storyOf('pl');
      expect((await api('/api/success-stories', FLAG_TOKEN)).status).toBe(403);
      const write = (method: string, path: string) =>
        fetch(`${cms.url}${path}`, { method, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${FLAG_TOKEN}` }, body: JSON.stringify({ data: { title: 'x', hubFlag: 'ENTITY_LOST_STATUS' } }) });
      expect((await write('PUT', `/api/success-stories/${story.documentId}`)).status).toBe(403);
      expect((await write('POST', '/api/success-stories')).status).toBe(403);
      expect((await write('DELETE', `/api/success-stories/${story.documentId}`)).status).toBe(403);
      expect((await write('PUT', `/api/courses/${story.documentId}`)).status).toBe(403);
      expect((await flagRequest(story.documentId, { hubFlag: 'ENTITY_LOST_STATUS' }, cms.token)).status).toBe(403);
      expect((await storyOf('pl')).hubFlag).toBeNull();
    });
  });

  it('shows the hub flag as a read-only column of the success stories list in the admin panel', async () => {
    const send = await editor();
    const res = await send('GET', '/content-manager/content-types/api::success-story.success-story/configuration');
    const { data } = (await res.json()) as { data: { contentType: { layouts: { list: string[] }; metadatas: Record<string, { edit: { editable: boolean } }> } } };
    expect(data.contentType.layouts.list).toContain('hubFlag');
    expect(data.contentType.metadatas.hubFlag.edit.editable).toBe(false);
    expect(data.contentType.metadatas.hubFlagNote.edit.editable).toBe(false);
  });
});
