import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { importTerritory } from '../../api/src/territory';
import { seedDemoRegistry, refreshIndicators } from '../../api/src/observatory';
import { importWidgetGeometry } from '../../api/src/widgets';
import { loadConfig, repoRoot, defaultDataDir } from '../../api/src/config';
import { startHub, type RunningHub } from '../../api/src/main';

/**
 * A partner's page on another origin embeds every widget by script and by iframe, in a real
 * Chromium, against a hub with the demo statistics (built-in territory, real voivodeship boundaries).
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INDICATOR = 'ACTIVE_ENTITIES';

describe('widgets embedded on a partner site', () => {
  let db: TestDatabase;
  let hub: RunningHub;
  let base: string;
  let host: Server;
  let hostUrl: string;
  let browser: Browser;
  let page: Page;
  let entityId: string;

  beforeAll(async () => {
    execFileSync(process.execPath, [resolve(repoRoot, 'widgets/build.mjs')], { stdio: 'pipe' });
    db = await createTestDatabase('widgets-embed');
    await importTerritory(db.orm.em.fork());
    await seedDemoRegistry(db.orm.em.fork(), { seed: 2026 });
    await refreshIndicators(db.orm.em.fork(), { cause: 'widgets browser test' });
    const dataDir = process.env.HUB_DATA_DIR || defaultDataDir();
    if (!dataDir) throw new Error('the boundary files (shared/data) are needed for this suite');
    await importWidgetGeometry(db.orm.em.fork(), { dataDir, levels: ['VOIVODESHIP'] });
    [{ id: entityId }] = await db.orm.em.fork().execute<{ id: string }[]>(`select id from social_economy_entity order by name limit 1`);
    hub = await startHub(loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, HUB_PORT: '0', CMS_URL: 'http://127.0.0.1:9', LOG_LEVEL: 'silent', HUB_JWT_SECRET: 'widgets-test' }));
    base = hub.url.replace(/\/graphql$/, '');
    // The partner's site: another port, hence another origin.
    host = createServer((req, res) => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      if (req.url?.startsWith('/late-resize')) {
        // An iframe embed whose host adds the resize script only later (a slow or lazily built page).
        res.end(`<!doctype html><html lang="pl"><head><title>Partner</title></head><body>
<iframe id="frame" src="${base}/embed/map?indicator=${INDICATOR}&level=VOIVODESHIP" data-seh-embed style="width:100%;border:0" height="150"></iframe>
</body></html>`);
        return;
      }
      res.end(`<!doctype html><html lang="pl"><head><title>Partner</title><style>seh-widget,[data-seh-widget]{--seh-c5:#7a0177}</style></head><body>
<h1>Ośrodek Polityki Społecznej</h1>
<a href="#start" id="start">Start</a>
<script async src="${base}/widgets/loader.js"></script>
<seh-widget id="map" type="map" indicator="${INDICATOR}" level="VOIVODESHIP"></seh-widget>
<div id="ranking" data-seh-widget="ranking" data-indicator="${INDICATOR}" data-level="VOIVODESHIP" data-lang="en"></div>
<seh-widget id="series" type="timeseries" indicator="${INDICATOR}" area="12"></seh-widget>
<seh-widget id="entity" type="entity" entity="${entityId}"></seh-widget>
<iframe id="frame" src="${base}/embed/map?indicator=${INDICATOR}&level=VOIVODESHIP" data-seh-embed style="width:100%;border:0" height="150"></iframe>
<script async src="${base}/widgets/embed-resize.js"></script>
</body></html>`);
    });
    await new Promise<void>((done) => host.listen(0, '127.0.0.1', done));
    hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
    page = await browser.newPage({ viewport: { width: 900, height: 4000 } });
    await page.goto(hostUrl);
    await page.locator('#map path.area').first().waitFor({ timeout: 20_000 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => host?.close(done));
    await hub?.close();
    await db?.drop();
  });

  const slice = async (lang = 'pl') => (await fetch(`${base}/widgets/data/indicator?indicator=${INDICATOR}&level=VOIVODESHIP&lang=${lang}`)).json();

  it('draws the choropleth of the 16 voivodeships with a legend built from the published values', async () => {
    const data = await slice();
    expect(page.url().startsWith(base)).toBe(false);
    expect(await page.locator('#map path.area').count()).toBe(16);
    const codes = await page.locator('#map path.area').evaluateAll((paths) => paths.map((p) => p.getAttribute('data-code')).sort());
    expect(codes).toEqual(data.values.map((v: { code: string }) => v.code).sort());
    const published = data.values.filter((v: { value: number | null }) => v.value !== null).map((v: { value: number }) => v.value);
    const legend = await page.locator('#map .legend li').allInnerTexts();
    const fmt = new Intl.NumberFormat('pl-PL', { maximumFractionDigits: 2 });
    expect(legend[0].startsWith(fmt.format(Math.min(...published)))).toBe(true);
    expect(legend.some((l) => l.endsWith(fmt.format(Math.max(...published))))).toBe(true);
    const caption = await page.locator('#map .source').innerText();
    expect(caption).toContain(`Stan na ${data.year}-12-31`);
    expect(caption).toContain(data.version.label);
    expect(caption).toContain('GUGiK');
    expect(await page.locator('#map svg[role="img"]').getAttribute('aria-label')).toContain(data.indicator.name);
  });

  it('offers a data table a keyboard user reaches with Tab, one row per region', async () => {
    await page.locator('#start').focus();
    let reached = false;
    for (let i = 0; i < 10 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.getElementById('map')!.shadowRoot!.activeElement?.classList.contains('table-toggle') ?? false);
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab'); // CSV link
    await page.keyboard.press('Tab'); // SVG
    await page.keyboard.press('Tab'); // PNG
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.getElementById('map')!.shadowRoot!.activeElement?.getAttribute('role'));
    expect(focused).toBe('region');
    expect(await page.locator('#map .table tbody tr').count()).toBe(16);
  });

  it('links a CSV download whose values are the API values', async () => {
    const data = await slice();
    const href = await page.locator('#map a.csv').getAttribute('href');
    expect(href).toBe(data.csv);
    const csv = (await (await fetch(href!)).text()).replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(';'));
    const header = csv[0];
    const fromCsv = Object.fromEntries(csv.slice(1).map((r) => [r[header.indexOf('Kod obszaru')], r[header.indexOf('Wartość')] === '' ? null : Number(r[header.indexOf('Wartość')].replace(',', '.'))]));
    const gql = await (
      await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: `{ indicator(code: "${INDICATOR}") { values(level: VOIVODESHIP, years: [${data.year}]) { areaCode value } } }` }),
      })
    ).json();
    const fromApi = Object.fromEntries(gql.data.indicator.values.map((v: { areaCode: string; value: number | null }) => [v.areaCode, v.value]));
    expect(Object.keys(fromApi)).toHaveLength(16);
    expect(fromCsv).toEqual(fromApi);
  });

  it('renders the ranking (English, from a div placeholder) and the time series', async () => {
    await page.locator('#ranking rect.bar').first().waitFor();
    const data = await slice('en');
    const published = data.values.filter((v: { value: number | null }) => v.value !== null);
    expect(await page.locator('#ranking rect.bar').count()).toBe(published.length);
    expect(await page.locator('#ranking .table-toggle').innerText()).toBe('Show data table');
    await page.locator('#series path.series').waitFor();
    const series = await (await fetch(`${base}/widgets/data/series?indicator=${INDICATOR}&area=12`)).json();
    expect(await page.locator('#series circle.point').count()).toBe(series.points.filter((p: { value: number | null }) => p.value !== null).length);
    expect(await page.locator('#series .table tbody tr').count()).toBe(series.points.length);
    expect(await page.locator('#series .title').innerText()).toContain('małopolskie');
  });

  it('shows the entity card', async () => {
    await page.locator('#entity .card').waitFor();
    const [{ name }] = await db.orm.em.fork().execute<{ name: string }[]>(`select name from social_economy_entity where id = ?`, [entityId]);
    expect(await page.locator('#entity h3').innerText()).toBe(name);
    expect(await page.locator('#entity .card').innerText()).toContain('Dane demonstracyjne');
  });

  it('resizes the iframe embed to its content', async () => {
    const frame = page.frameLocator('#frame');
    await frame.locator('path.area').first().waitFor();
    expect(await frame.locator('path.area').count()).toBe(16);
    await page.waitForFunction(() => parseInt((document.getElementById('frame') as HTMLIFrameElement).style.height || '0', 10) > 400);
    const heights = await page.evaluate(() => {
      const f = document.getElementById('frame') as HTMLIFrameElement;
      return { frame: parseInt(f.style.height, 10), content: f.contentDocument ? -1 : 0 };
    });
    expect(heights.frame).toBeGreaterThan(400);
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? require('node:os').tmpdir()}/widgets-embed.png`, fullPage: true });
  });

  it('resizes a frame that was drawn before the host’s resize script arrived', async () => {
    const late = await browser.newPage({ viewport: { width: 900, height: 2000 } });
    try {
      await late.goto(`${hostUrl}late-resize`);
      await late.frameLocator('#frame').locator('path.area').first().waitFor({ timeout: 20_000 });
      // The frame has said its height already, to nobody: the host does not listen yet.
      expect(await late.evaluate(() => (document.getElementById('frame') as HTMLIFrameElement).style.height)).toBe('');
      await late.addScriptTag({ url: `${base}/widgets/embed-resize.js` });
      await late.waitForFunction(() => parseInt((document.getElementById('frame') as HTMLIFrameElement).style.height || '0', 10) > 400, undefined, { timeout: 10_000 });
    } finally {
      await late.close();
    }
  });
});
