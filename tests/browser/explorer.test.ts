import { chromium, type Browser } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { importTerritory } from '../../api/src/territory';
import { loadConfig } from '../../api/src/config';
import { startHub, type RunningHub } from '../../api/src/main';

/**
 * What a person sees: the GraphQL explorer opened in a real (headless) Chromium, served from the
 * hub's own assets, running a query against the real database.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('the GraphQL explorer in a browser', () => {
  let db: TestDatabase;
  let hub: RunningHub;
  let browser: Browser;

  beforeAll(async () => {
    db = await createTestDatabase('browser');
    await importTerritory(db.orm.em.fork(), { dataDir: process.env.HUB_DATA_DIR });
    hub = await startHub(loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, HUB_PORT: '0', CMS_URL: 'http://127.0.0.1:9', LOG_LEVEL: 'silent', HUB_JWT_SECRET: 'browser-test' }));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await hub?.close();
    await db?.drop();
  });

  it('opens at /graphql, runs a shared query and shows the answer', async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    page.on('request', (req) => {
      if (!req.url().startsWith(hub.url.replace('/graphql', ''))) outside.push(req.url());
    });
    const query = '{ territorialUnit(terytCode: "14") { name level } }';
    await page.goto(`${hub.url}?query=${encodeURIComponent(query)}`);
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.result-window').getByText('mazowieckie').waitFor({ timeout: 20_000 });
    const result = await page.locator('.result-window').innerText();
    expect(result).toContain('"level": "VOIVODESHIP"');
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? require('node:os').tmpdir()}/hub-explorer.png` });
    expect(outside).toEqual([]); // nothing is fetched from a CDN
  });
});
