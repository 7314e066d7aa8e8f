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
 * CMS's signed webhook drops the cached copy. Unpublishing (clicked in the edit view's ⋯ menu) removes the
 * story from the hub the same way. Then the "hub record" picker: the editor types part of an entity's name,
 * chooses it from the hub's answers, saves (the draft stores the entity's UUID) and publishes, and the hub
 * links the story to that entity.
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
    await warmUp();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  }, CMS_START_TIMEOUT_MS + 120_000);

  /**
   * Untimed: Strapi's first webhook and the hub's first content fetches pay one-off costs (modules
   * loaded, code compiled, connections opened) that say nothing about how fresh published content is.
   * Republishes another story through the admin API and reads it through the hub, so the timed
   * publish below measures the steady path an editor meets every day.
   */
  async function warmUp(): Promise<void> {
    const login = await fetch(`${cms.url}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(cms.editor) });
    const jwt = ((await login.json()) as { data: { token: string } }).data.token;
    const others = await fetch(`${cms.url}/api/success-stories?locale=pl&filters[entityKey][$ne]=${STORY_ENTITY}&fields[0]=slug&pagination[pageSize]=1`, {
      headers: { Authorization: `Bearer ${cms.token}` },
    });
    const [other] = ((await others.json()) as { data: Array<{ documentId: string; slug: string }> }).data;
    if (!other) return;
    await hubStory(other.slug);
    await fetch(`${cms.url}/content-manager/collection-types/api::success-story.success-story/${other.documentId}/actions/publish?locale=pl`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${jwt}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    await new Promise((r) => setTimeout(r, 500));
    await hubStory(other.slug);
  }

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

  const waitForHubQuery = async <T>(query: string, variables: Record<string, unknown>, done: (data: T) => boolean, since: number, limitMs = 5000): Promise<number> => {
    for (;;) {
      const res = await fetch(hub.url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as { data?: T; errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      if (done(body.data!)) return Date.now() - since;
      if (Date.now() - since > limitMs) throw new Error(`the hub did not show the change within ${limitMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  const step = (what: string) => process.stdout.write(`[cms-editor-publish] ${new Date().toISOString()} ${what}\n`);

  /** Runs browser steps; when a selector fails, leaves a screenshot to look at. */
  const onFailure = async <T>(page: Page, what: string, steps: () => Promise<T>): Promise<T> => {
    try {
      return await steps();
    } catch (error) {
      const path = `${require('node:os').tmpdir()}/cms-editor-${what}-failed.png`;
      await page.screenshot({ path }).catch(() => undefined);
      step(`${what} failed, screenshot ${path}`);
      throw error;
    }
  };

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

    // Unpublish by clicking, as an editor does: the "More document actions" (⋯) menu beside Publish has
    // "Unpublish"; Strapi asks for confirmation only when the draft differs from the published version.
    step('unpublishing through the ⋯ menu');
    const unpublishResponse = page.waitForResponse((res) => res.url().includes('/actions/unpublish') && res.request().method() === 'POST', { timeout: 60_000 });
    await onFailure(page, 'unpublish', async () => {
      await page.getByRole('button', { name: /^(More document actions|Więcej akcji dokumentu)$/ }).click();
      await page.getByRole('menuitem', { name: /^(Unpublish|Cofnij publikację)$/ }).click();
      const confirm = page.getByRole('alertdialog').getByRole('button', { name: /^(Confirm|Potwierdź)$/ });
      if (await confirm.isVisible({ timeout: 1000 }).catch(() => false)) await confirm.click();
    });
    const unpublished = await unpublishResponse;
    expect(unpublished.status()).toBe(200);
    const unpublishedAt = Date.now();
    const goneAfterMs = await waitForHub(story.slug, (s) => s === null, unpublishedAt);
    expect(goneAfterMs).toBeLessThan(2000);
    process.stdout.write(`hub dropped the unpublished story ${goneAfterMs} ms after Strapi answered the unpublish\n`);
    await page.close();
  }, 180_000);

  it('picks the story\'s hub entity by name in the hub-record field, saves it, and the hub links the story to it', async () => {
    const found = await fetch(`${cms.url}/api/success-stories?locale=pl&filters[entityKey][$ne]=${STORY_ENTITY}&fields[0]=slug&fields[1]=entityKey`, {
      headers: { Authorization: `Bearer ${cms.token}` },
    });
    const [story] = ((await found.json()) as { data: Array<{ documentId: string; slug: string; entityKey: string }> }).data;
    // An entity of the demo registry other than the story's own, found by the part of its name an editor would type.
    const entities = await fetch(hub.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ entities(first: 20) { nodes { id name } } }' }),
    });
    const nodes = ((await entities.json()) as { data: { entities: { nodes: Array<{ id: string; name: string }> } } }).data.entities.nodes;
    const keyOf = (id: string) => Buffer.from(id, 'base64url').toString('utf8').replace(/^SocialEconomyEntity:/, '');
    const target = nodes.find((n) => keyOf(n.id) !== story.entityKey && /\p{L}{4,}/u.test(n.name))!;
    const targetKey = keyOf(target.id);
    // A distinctive word of the name, as an editor remembers it ("Agencja Rozwoju Lokalnego „Ciepła Przystań”…" ->
    // "Przystań"): the longest one no other listed entity's name contains, so the target is among the hits.
    const typed = target.name
      .split(/[^\p{L}]+/u)
      .filter((w) => w.length >= 4 && !nodes.some((n) => n !== target && n.name.toLowerCase().includes(w.toLowerCase())))
      .reduce((a, b) => (b.length > a.length ? b : a), '');
    expect(typed).not.toBe('');
    step(`picking "${target.name}" (${targetKey}) by typing "${typed}"`);

    const page = await browser.newPage();
    page.on('pageerror', (error) => step(`page error: ${error.message}`));
    await onFailure(page, 'picker-login', () => logIn(page));
    await page.goto(`${cms.url}/admin/content-manager/collection-types/api::success-story.success-story/${story.documentId}?plugins[i18n][locale]=pl`);
    const searches: number[] = [];
    page.on('response', (res) => {
      if (res.url().includes('/hub-picker/search')) searches.push(res.status());
    });
    const picker = page.getByRole('combobox', { name: /entityKey|entity/i });
    await onFailure(page, 'picker-find', () => picker.waitFor({ timeout: 60_000 }));
    const searched = page.waitForResponse((res) => res.url().includes('/hub-picker/search') && res.url().includes('kind=ENTITY'), { timeout: 30_000 });
    await picker.click();
    await picker.pressSequentially(typed, { delay: 30 });
    expect((await searched).status()).toBe(200);
    await onFailure(page, 'picker-choose', () => page.getByRole('option', { name: new RegExp(`^${target.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} — `) }).click());
    // The chosen key shows as a tag under the field.
    await onFailure(page, 'picker-tag', () => page.locator(`[data-hub-key="${targetKey}"]`).waitFor({ timeout: 10_000 }));

    step('saving the draft');
    const saved = page.waitForResponse((res) => res.url().includes(`/${story.documentId}`) && res.request().method() === 'PUT', { timeout: 60_000 });
    await onFailure(page, 'picker-save', () => page.getByRole('button', { name: /^(Save|Zapisz)$/ }).click());
    expect((await saved).status()).toBe(200);
    // The stored draft, through Strapi's admin API as the same editor.
    const login = await fetch(`${cms.url}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(cms.editor) });
    const jwt = ((await login.json()) as { data: { token: string } }).data.token;
    const draft = await fetch(`${cms.url}/content-manager/collection-types/api::success-story.success-story/${story.documentId}?locale=pl`, {
      headers: { Authorization: `Bearer ${jwt}` },
    });
    expect(((await draft.json()) as { data: { entityKey: string } }).data.entityKey).toBe(targetKey);

    step('publishing the new link');
    const publishResponse = page.waitForResponse((res) => res.url().includes('/actions/publish') && res.request().method() === 'POST', { timeout: 60_000 });
    await page.getByRole('button', { name: /^(Opublikuj|Publish)$/ }).click();
    expect((await publishResponse).status()).toBe(200);
    const publishedAt = Date.now();
    const linkedAfterMs = await waitForHubQuery(
      `query($slug: String!) { successStory(slug: $slug, locale: pl) { entity { id name } } }`,
      { slug: story.slug },
      (data: { successStory: { entity: { id: string } | null } | null }) => data.successStory?.entity?.id === target.id,
      publishedAt,
    );
    process.stdout.write(`hub linked the story to the picked entity ${linkedAfterMs} ms after Strapi answered the publish; picker searches: ${searches.join(',')}\n`);
    expect(linkedAfterMs).toBeLessThan(2000);
    await page.close();
  }, 180_000);
});
