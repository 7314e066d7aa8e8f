import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestCms, CMS_START_TIMEOUT_MS, type TestCms } from '../support/cms-process';
import { importTerritory } from '../../api/src/territory';
import { seedDemoRegistry } from '../../api/src/observatory';
import { loadConfig } from '../../api/src/config';
import { startHub, type RunningHub } from '../../api/src/main';
import { ensureCmsBuild } from '../../api/src/launcher/strapi-build';
import { freePort } from '../../api/src/launcher/processes';

/**
 * An editor in a real browser: logs into Strapi's admin panel, edits a success story and publishes
 * it; the hub (its cache already holding the old story) serves the change within 2 s because the
 * CMS's signed webhook drops the cached copy. Unpublishing removes the story from the hub the same way.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CMS_DIR = resolve(__dirname, '../../cms');
const WEBHOOK_SECRET = 'browser-test-webhook-secret-0123456789abcdef';
const STORY_ENTITY = '5e0c0001-7a1b-4c2d-8e3f-000000000001';

describe('an editor publishes a success story and the hub shows it', () => {
  let db: TestDatabase;
  let cms: TestCms;
  let hub: RunningHub;
  let browser: Browser;

  beforeAll(async () => {
    const hubPort = await freePort();
    [db, cms] = await Promise.all([
      (async () => {
        const database = await createTestDatabase('browser_cms');
        await importTerritory(database.orm.em.fork(), { dataDir: process.env.HUB_DATA_DIR });
        await seedDemoRegistry(database.orm.em.fork(), { seed: 2026, dataDir: process.env.HUB_DATA_DIR });
        return database;
      })(),
      (async () => {
        await ensureCmsBuild(CMS_DIR, { kind: 'admin' }); // the admin panel, about a minute when the sources changed
        return startTestCms({
          seedDemo: true,
          env: { CMS_SERVE_ADMIN: 'true', HUB_URL: `http://127.0.0.1:${hubPort}`, CMS_WEBHOOK_SECRET: WEBHOOK_SECRET, CMS_WEBHOOK_RETRY_DELAYS_MS: '250,1000' },
        });
      })(),
    ]);
    // The hub keeps CMS content for its default TTL (60 s): only the webhook can make a change show sooner.
    hub = await startHub(
      loadConfig({
        NODE_ENV: 'test',
        DATABASE_URL: db.url,
        HUB_PORT: String(hubPort),
        CMS_URL: cms.url,
        CMS_TOKEN: cms.token,
        CMS_WEBHOOK_SECRET: WEBHOOK_SECRET,
        LOG_LEVEL: 'silent',
        HUB_JWT_SECRET: 'browser-cms-test',
      }),
    );
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  }, CMS_START_TIMEOUT_MS + 120_000);

  afterAll(async () => {
    await browser?.close();
    await hub?.close();
    await cms?.stop();
    await db?.drop();
  }, 60_000);

  const hubStory = async (slug: string): Promise<{ title: string } | null> => {
    const res = await fetch(hub.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: 'query($slug: String!) { successStory(slug: $slug, locale: pl) { title } }', variables: { slug } }),
    });
    const body = (await res.json()) as { data?: { successStory: { title: string } | null }; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!.successStory;
  };

  /** Polls the hub until `done`, returning how long it took from `since`. */
  const waitForHub = async (slug: string, done: (s: { title: string } | null) => boolean, since: number, limitMs = 5000): Promise<number> => {
    for (;;) {
      if (done(await hubStory(slug))) return Date.now() - since;
      if (Date.now() - since > limitMs) throw new Error(`the hub did not show the change within ${limitMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  const step = (what: string) => process.stdout.write(`[cms-editor-publish] ${new Date().toISOString()} ${what}\n`);

  const logIn = async (page: Page) => {
    step('login page');
    await page.goto(`${cms.url}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(cms.editor.email);
    await page.locator('input[name="password"]').fill(cms.editor.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
  };

  it('publishes an edited story and the hub serves it within 2 seconds; unpublishing removes it', async () => {
    const found = await fetch(`${cms.url}/api/success-stories?locale=pl&filters[entityKey][$eq]=${STORY_ENTITY}&fields[0]=slug&fields[1]=title`, {
      headers: { Authorization: `Bearer ${cms.token}` },
    });
    const [story] = ((await found.json()) as { data: Array<{ documentId: string; slug: string; title: string }> }).data;
    // The hub reads the story once, so its cache holds the old title.
    expect((await hubStory(story.slug))?.title).toBe(story.title);

    const page = await browser.newPage();
    page.on('pageerror', (error) => step(`page error: ${error.message}`));
    try {
      await logIn(page);
    } catch (error) {
      await page.screenshot({ path: `${require('node:os').tmpdir()}/cms-editor-login-failed.png` });
      throw error;
    }
    step('edit view');
    await page.goto(`${cms.url}/admin/content-manager/collection-types/api::success-story.success-story/${story.documentId}?plugins[i18n][locale]=pl`);
    const title = page.locator('input[name="title"]');
    await title.waitFor({ timeout: 60_000 }).catch(async (error) => {
      await page.screenshot({ path: `${require('node:os').tmpdir()}/cms-editor-edit-failed.png` });
      throw error;
    });
    const newTitle = `${story.title} — nowy rozdział`;
    await title.fill(newTitle);
    step('title edited, publishing');

    const publishResponse = page.waitForResponse((res) => res.url().includes('/actions/publish') && res.request().method() === 'POST', { timeout: 60_000 });
    await page.getByRole('button', { name: /^(Opublikuj|Publish)$/ }).click();
    const response = await publishResponse;
    expect(response.status()).toBe(200);
    const publishedAt = Date.now();
    const visibleAfterMs = await waitForHub(story.slug, (s) => s?.title === newTitle, publishedAt);
    expect(visibleAfterMs).toBeLessThan(2000);
    process.stdout.write(`hub showed the published edit ${visibleAfterMs} ms after Strapi answered the publish\n`);
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? require('node:os').tmpdir()}/cms-editor-publish.png` });

    // Unpublish through the admin API the panel's "Unpublish" menu item calls, as the same editor.
    const login = await fetch(`${cms.url}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(cms.editor) });
    const jwt = ((await login.json()) as { data: { token: string } }).data.token;
    const unpublishedAt = Date.now();
    const unpublish = await fetch(`${cms.url}/content-manager/collection-types/api::success-story.success-story/${story.documentId}/actions/unpublish?locale=pl`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${jwt}` },
      body: '{}',
    });
    const status = unpublish.status;
    expect(status).toBe(200);
    const goneAfterMs = await waitForHub(story.slug, (s) => s === null, unpublishedAt);
    expect(goneAfterMs).toBeLessThan(2000);
    process.stdout.write(`hub dropped the unpublished story ${goneAfterMs} ms after the unpublish\n`);
  }, 180_000);
});
