import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestCms, CMS_START_TIMEOUT_MS, type TestCms } from '../support/cms-process';
import { startHubTestApp, type HubTestApp } from '../http/hub-test-app';
import { importTerritory } from '../../api/src/territory';
import { seedDemoRegistry } from '../../api/src/observatory';
import { repoRoot } from '../../api/src/config';

/**
 * The success-stories widget (type="stories") on a partner's page on another origin, by script
 * and by iframe, in a real Chromium, against a real Strapi with its demo stories and a hub over
 * PostgreSQL with the demo registry; then Strapi goes down.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TERRITORY = '12'; // małopolskie: the demo stories from Gorlice and Kraków

describe('success-stories widget embedded on a partner site (real Strapi)', () => {
  let db: TestDatabase;
  let cms: TestCms;
  let t: HubTestApp;
  let hubServer: Server;
  let base: string;
  let host: Server;
  let hostUrl: string;
  let browser: Browser;
  let page: Page;

  const hostPage = (body: string) => `<!doctype html><html lang="pl"><head><title>Partner</title></head><body>
<h1>Regionalny Ośrodek Polityki Społecznej</h1>
<a href="#start" id="start">Start</a>
<script async src="${base}/widgets/loader.js"></script>
${body}
<p id="after">Dalsza treść strony partnera.</p>
</body></html>`;

  beforeAll(async () => {
    execFileSync(process.execPath, [resolve(repoRoot, 'widgets/build.mjs')], { stdio: 'pipe' });
    [db, cms] = await Promise.all([
      (async () => {
        const database = await createTestDatabase('widgets-stories');
        await importTerritory(database.orm.em.fork(), { dataDir: process.env.HUB_DATA_DIR });
        await seedDemoRegistry(database.orm.em.fork(), { seed: 2026, dataDir: process.env.HUB_DATA_DIR });
        return database;
      })(),
      startTestCms({ seedDemo: true }),
    ]);
    t = await startHubTestApp(db.url, { CMS_URL: cms.url, CMS_TOKEN: cms.token, CMS_TIMEOUT_MS: '5000' });
    hubServer = createServer(t.hub.app);
    await new Promise<void>((done) => hubServer.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(hubServer.address() as AddressInfo).port}`;
    // The partner's site: another port, hence another origin. /?… picks the page.
    host = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://host');
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      if (url.pathname === '/frame') {
        res.end(hostPage(`<iframe id="frame" src="${base}/embed/stories?territory=${TERRITORY}&lang=en" data-seh-embed style="width:100%;border:0" height="50"></iframe>
<script async src="${base}/widgets/embed-resize.js"></script>`));
        return;
      }
      const territory = url.searchParams.get('territory') ?? TERRITORY;
      res.end(hostPage(`<seh-widget id="pl" type="stories" territory="${territory}"></seh-widget>
<div id="en" data-seh-widget="stories" data-territory="${territory}" data-lang="en"></div>`));
    });
    await new Promise<void>((done) => host.listen(0, '127.0.0.1', done));
    hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
    page = await browser.newPage({ viewport: { width: 900, height: 3000 } });
    await page.goto(hostUrl);
    await page.locator('#pl .story-title').first().waitFor({ timeout: 30_000 });
  }, CMS_START_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => host?.close(done));
    await new Promise((done) => hubServer?.close(done));
    await t?.close();
    await cms?.stop();
    await db?.drop();
  }, 60_000);

  /** What any API client gets: the territory's stories, newest first. */
  async function storiesFromApi(locale: 'pl' | 'en', territory = TERRITORY): Promise<{ title: string; locale: string }[]> {
    const res = await t.gql(`{ territorialUnit(terytCode: "${territory}") { stories(locale: ${locale}) { title locale } } }`);
    expect(res.body.errors).toBeUndefined();
    return res.body.data.territorialUnit.stories;
  }

  const titlesIn = (selector: string) => page.locator(`${selector} .story-title`).allInnerTexts();

  it('lists the same stories as GraphQL territorialUnit.stories, in Polish (script embed)', async () => {
    expect(page.url().startsWith(base)).toBe(false);
    const api = await storiesFromApi('pl');
    expect(api.length).toBeGreaterThanOrEqual(2); // Gorlice and Kraków
    const shown = api.slice(0, 5); // the widget shows the newest five
    expect(await titlesIn('#pl')).toEqual(shown.map((s) => s.title));
    expect(await page.locator('#pl .title').innerText()).toBe('Historie sukcesu');
    expect(await page.locator('#pl .count').innerText()).toBe(`Pokazano ${shown.length} z ${api.length}`);
    expect(await page.locator('#pl .source').innerText()).toBe('Źródło: Krajowe Obserwatorium Gospodarki Społecznej, historie sukcesu (CMS)');
    expect(await page.locator('#pl .stale').count()).toBe(0);
  });

  it('lists them in English from a div placeholder with data-lang="en"', async () => {
    await page.locator('#en .story-title').first().waitFor();
    const api = await storiesFromApi('en');
    const shown = api.slice(0, 5);
    expect(api.some((s) => s.locale === 'en')).toBe(true); // the demo stories are translated
    expect(await titlesIn('#en')).toEqual(shown.map((s) => s.title));
    expect(await titlesIn('#en')).not.toEqual(await titlesIn('#pl'));
    expect(await page.locator('#en .title').innerText()).toBe('Success stories');
    expect(await page.locator('#en .count').innerText()).toBe(`Showing ${shown.length} of ${api.length}`);
    expect(await page.locator('#en .source').innerText()).toBe('Source: National Social Economy Observatory, success stories (CMS)');
  });

  it('lets a keyboard user reach the list with Tab, as a labelled region', async () => {
    await page.locator('#start').focus();
    let reached: { role: string | null; label: string | null } | null = null;
    for (let i = 0; i < 10 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => {
        const active = document.getElementById('pl')!.shadowRoot!.activeElement;
        if (!active?.classList.contains('list')) return null;
        const labelledBy = active.getAttribute('aria-labelledby')!;
        return { role: active.getAttribute('role'), label: active.getRootNode() instanceof ShadowRoot ? (active.getRootNode() as ShadowRoot).getElementById(labelledBy)?.textContent ?? null : null };
      });
    }
    expect(reached).toEqual({ role: 'region', label: 'Historie sukcesu' });
    expect(await page.locator('#pl .list li').count()).toBe(Math.min(5, (await storiesFromApi('pl')).length));
  });

  it('renders in an iframe embed (English) and the host resizes the frame to it', async () => {
    const framePage = await browser.newPage({ viewport: { width: 900, height: 2000 } });
    try {
      await framePage.goto(`${hostUrl}frame`);
      const frame = framePage.frameLocator('#frame');
      await frame.locator('.story-title').first().waitFor({ timeout: 20_000 });
      const api = (await storiesFromApi('en')).slice(0, 5);
      expect(await frame.locator('.story-title').allInnerTexts()).toEqual(api.map((s) => s.title));
      await framePage.waitForFunction(() => parseInt((document.getElementById('frame') as HTMLIFrameElement).style.height || '0', 10) > 150, undefined, { timeout: 10_000 });
      const content = await frame.locator('html').evaluate((html) => html.scrollHeight);
      const height = await framePage.evaluate(() => parseInt((document.getElementById('frame') as HTMLIFrameElement).style.height, 10));
      expect(Math.abs(height - content)).toBeLessThanOrEqual(2);
    } finally {
      await framePage.close();
    }
  });

  describe('when Strapi goes down', () => {
    beforeAll(async () => {
      await cms.stop();
      // Make the cached copies older than the TTL so the hub has to ask Strapi again, and fails.
      const cache = t.hub.cms.cache as unknown as { entries: Map<string, { fetchedAt: number }> };
      for (const entry of cache.entries.values()) entry.fetchedAt -= 24 * 3600 * 1000;
    }, 60_000);

    it('shows the cached stories with a note that they may be out of date', async () => {
      const stalePage = await browser.newPage();
      try {
        // A fresh browser context asks the hub again (no HTTP cache), and the hub serves its stale copy.
        await stalePage.goto(`${hostUrl}?territory=${TERRITORY}&again=1`);
        await stalePage.locator('#pl .story-title').first().waitFor({ timeout: 20_000 });
        expect(await stalePage.locator('#pl .stale').innerText()).toContain('mogą być nieaktualne');
        expect(await stalePage.locator('#pl .story-title').count()).toBeGreaterThan(0);
      } finally {
        await stalePage.close();
      }
    });

    it('says "could not be loaded" for a territory with nothing cached, and the host page still works', async () => {
      const downPage = await browser.newPage();
      const pageErrors: Error[] = [];
      downPage.on('pageerror', (e) => pageErrors.push(e));
      try {
        await downPage.goto(`${hostUrl}?territory=14`);
        await downPage.locator('#pl [role="alert"]').waitFor({ timeout: 20_000 });
        expect(await downPage.locator('#pl [role="alert"]').innerText()).toBe('Nie udało się wczytać danych.');
        await downPage.locator('#en [role="alert"]').waitFor({ timeout: 20_000 });
        expect(await downPage.locator('#en [role="alert"]').innerText()).toBe('The data could not be loaded.');
        expect(await downPage.locator('#after').innerText()).toBe('Dalsza treść strony partnera.');
        expect(pageErrors).toEqual([]);
      } finally {
        await downPage.close();
      }
    });
  });
});
