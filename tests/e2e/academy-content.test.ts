import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestCms, CMS_START_TIMEOUT_MS, type TestCms } from '../support/cms-process';
import { startHubTestApp, type HubTestApp } from '../http/hub-test-app';
import { freePort } from '../../api/src/launcher/processes';
import { importTerritory } from '../../api/src/territory';
import { seedDemoRegistry, RegistryHistoryService, RegistryEventKind } from '../../api/src/observatory';
import { StoryFlagWriter } from '../../api/src/content';

/**
 * Academy content for real: Strapi with its demo curriculum, the hub over PostgreSQL with the demo
 * registry, signed webhooks from Strapi to a listening hub, story flags written back, and Strapi
 * going down at the end.
 */
const COURSE = 'studium-podyplomowe-zarzadzania-gospodarka-spoleczna';
const MATERIAL = 'ustawa-o-ekonomii-spolecznej-co-zmienila';
const MATERIAL_MODEL = 'api::material.material';
const POD_BOCIANEM = '5e0c0001-7a1b-4c2d-8e3f-000000000001';
const WEBHOOK_SECRET = 'e2e-webhook-secret-0123456789abcdef0123456789';
const FLAG_TOKEN = 'e2e-flag-token-'.padEnd(64, '7');

describe('academy content joined with the registry (real Strapi, real PostgreSQL)', () => {
  let db: TestDatabase;
  let cms: TestCms;
  let t: HubTestApp;
  let hubServer: Server;

  beforeAll(async () => {
    const hubPort = await freePort();
    [db, cms] = await Promise.all([
      (async () => {
        const database = await createTestDatabase('e2e_academy');
        await importTerritory(database.orm.em.fork(), { dataDir: process.env.HUB_DATA_DIR });
        await seedDemoRegistry(database.orm.em.fork(), { seed: 2026, dataDir: process.env.HUB_DATA_DIR });
        return database;
      })(),
      startTestCms({ seedDemo: true, env: { HUB_URL: `http://127.0.0.1:${hubPort}`, CMS_WEBHOOK_SECRET: WEBHOOK_SECRET, CMS_FLAG_TOKEN: FLAG_TOKEN } }),
    ]);
    t = await startHubTestApp(db.url, { CMS_URL: cms.url, CMS_TOKEN: cms.token, CMS_TIMEOUT_MS: '5000', CMS_WEBHOOK_SECRET: WEBHOOK_SECRET });
    hubServer = createServer(t.hub.app);
    await new Promise<void>((resolve) => hubServer.listen(hubPort, '127.0.0.1', () => resolve()));
  }, CMS_START_TIMEOUT_MS);

  afterAll(async () => {
    await new Promise<void>((resolve) => (hubServer ? hubServer.close(() => resolve()) : resolve()));
    await t?.close();
    await cms?.stop();
    await db?.drop();
  }, 60_000);

  async function editorHeaders(): Promise<Record<string, string>> {
    const res = await fetch(`${cms.url}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(cms.editor) });
    expect(res.status).toBe(200);
    return { 'Content-Type': 'application/json', Authorization: `Bearer ${((await res.json()) as { data: { token: string } }).data.token}` };
  }

  it('reads the course with its modules, their materials and the case studies joined with registry entities', async () => {
    t.hub.cms.cache.clear();
    const before = t.hub.cms.requestCount;
    const res = await t.gql(`{ course(slug: "${COURSE}", locale: pl) { title ects locale learningOutcomes { code category }
      modules { order title materials { slug title caseStudies { title entity { id name } } } } } }`);
    expect(res.body.errors).toBeUndefined();
    const course = res.body.data.course;
    expect(course.locale).toBe('pl');
    expect(course.modules.length).toBeGreaterThan(1);
    expect(course.modules.map((m: { order: number }) => m.order)).toEqual([...course.modules.map((m: { order: number }) => m.order)].sort((a, b) => a - b));
    const materials = course.modules.flatMap((m: { materials: unknown[] }) => m.materials);
    const law = materials.find((m: { slug: string }) => m.slug === MATERIAL);
    expect(law).toBeDefined();
    expect(law.caseStudies.map((s: { entity: { name: string } }) => s.entity.name)).toContain('Spółdzielnia Socjalna „Pod Bocianem”');
    // one request per content type (course, module, material, story) in Polish, whatever the number of modules and materials
    expect(t.hub.cms.requestCount - before).toBe(4);
  });

  it('serves the English version of the course and its modules', async () => {
    const res = await t.gql('{ course(slug: "postgraduate-programme-social-economy-management", locale: en) { locale title modules { locale title } } }');
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.course.locale).toBe('en');
    expect(res.body.data.course.modules.every((m: { locale: string }) => m.locale === 'en')).toBe(true);
  });

  it('prints a seeded material as PDF with its title and a table of contents', async () => {
    const res = await fetch(`http://127.0.0.1:${(hubServer.address() as { port: number }).port}/print/materials/${MATERIAL}.pdf`);
    expect(res.status).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'e2e-print-'));
    try {
      writeFileSync(join(dir, 'm.pdf'), Buffer.from(await res.arrayBuffer()));
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'm.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('Spis treści');
      expect(text).toMatch(/ekonomii społecznej/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows a change an editor publishes within 2 seconds, through the signed webhook', async () => {
    const warm = await t.gql(`{ material(slug: "${MATERIAL}", locale: pl) { title } }`);
    const oldTitle = warm.body.data.material.title as string;
    const headers = await editorHeaders();
    const list = await fetch(`${cms.url}/content-manager/collection-types/${MATERIAL_MODEL}?locale=pl&filters[slug][$eq]=${MATERIAL}`, { headers });
    const { documentId } = ((await list.json()) as { results: { documentId: string }[] }).results[0];
    const newTitle = `${oldTitle} (aktualizacja)`;
    const saved = await fetch(`${cms.url}/content-manager/collection-types/${MATERIAL_MODEL}/${documentId}?locale=pl`, { method: 'PUT', headers, body: JSON.stringify({ title: newTitle }) });
    expect(saved.status).toBe(200);
    const published = await fetch(`${cms.url}/content-manager/collection-types/${MATERIAL_MODEL}/${documentId}/actions/publish?locale=pl`, { method: 'POST', headers, body: JSON.stringify({ title: newTitle }) });
    expect(published.status).toBe(200);
    const started = Date.now();
    let seen = oldTitle;
    while (Date.now() - started < 2000 && seen !== newTitle) {
      await new Promise((r) => setTimeout(r, 100));
      seen = (await t.gql(`{ material(slug: "${MATERIAL}", locale: pl) { title } }`)).body.data.material.title;
    }
    process.stdout.write(`published change visible through the hub after ${Date.now() - started} ms\n`);
    expect(seen).toBe(newTitle);
    const deliveries = await db.orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from cms_webhook_delivery where model = 'material'`);
    expect(Number(deliveries[0].n)).toBeGreaterThan(0);
  });

  it('flags the stories of an entity struck off the register, in the CMS and in the API', async () => {
    await new RegistryHistoryService(db.orm.em.fork()).recordEvent(POD_BOCIANEM, { kind: RegistryEventKind.DISSOLVED, occurredOn: '2026-01-15' });
    const writer = new StoryFlagWriter({ orm: db.orm, cmsUrl: cms.url, readToken: cms.token, flagToken: FLAG_TOKEN, timeoutMs: 5000 });
    // The first sweep works through the demo registry's whole history, a batch at a time.
    let written = 0;
    for (let pass = await writer.sweep(); pass.events > 0; pass = await writer.sweep()) written += pass.storiesWritten;
    expect(written).toBeGreaterThan(0);
    const stored = await fetch(`${cms.url}/api/success-stories?locale=pl&filters[entityKey][$eq]=${POD_BOCIANEM}&fields[0]=hubFlag&fields[1]=hubFlagNote`, { headers: { Authorization: `Bearer ${cms.token}` } });
    const stories = ((await stored.json()) as { data: { hubFlag: string; hubFlagNote: string }[] }).data;
    expect(stories.length).toBeGreaterThan(0);
    expect(stories.every((s) => s.hubFlag === 'ENTITY_STRUCK_OFF')).toBe(true);
    const api = await t.gql(`{ material(slug: "${MATERIAL}", locale: pl) { caseStudies { entity { id } flag { reason note } } } }`);
    expect(api.body.errors).toBeUndefined();
    const flagged = api.body.data.material.caseStudies.filter((s: { flag: unknown }) => s.flag);
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged[0].flag.reason).toBe('ENTITY_STRUCK_OFF');
    expect((await writer.sweep()).storiesWritten).toBe(0); // the cursor moved: nothing is written twice
  });

  describe('when Strapi goes down', () => {
    beforeAll(async () => {
      const warm = await t.gql(`{ course(slug: "${COURSE}", locale: pl) { title modules { title } } }`);
      expect(warm.body.errors).toBeUndefined();
      await cms.stop();
      const cache = t.hub.cms.cache as unknown as { entries: Map<string, { fetchedAt: number }> };
      for (const entry of cache.entries.values()) entry.fetchedAt -= 24 * 3600 * 1000;
    }, 60_000);

    it('serves the cached course and says it may be stale', async () => {
      const res = await t.gql(`{ course(slug: "${COURSE}", locale: pl) { title modules { title } } }`);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.course.modules.length).toBeGreaterThan(1);
      expect(res.body.extensions.cms).toMatchObject({ stale: true });
    });
  });
});
