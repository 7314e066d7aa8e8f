// Widget weight and cost, measured (not a test). Usage:
//   node widgets/build.mjs && HUB_URL=http://127.0.0.1:4000 node bench/widgets/run.mjs
// The hub must have published statistics and voivodeship geometry. Sizes are gzip -9 of what the hub
// sends (a CDN or reverse proxy compresses them); the page-load ratio compares a host page with and
// without one map widget scrolled into view, in the same Chromium run.
import { gzipSync } from 'node:zlib';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const hub = (process.env.HUB_URL ?? 'http://127.0.0.1:4000').replace(/\/$/, '');
const indicator = process.env.INDICATOR ?? 'ACTIVE_ENTITIES';
const runs = Number(process.env.RUNS ?? 7);
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const get = async (url) => Buffer.from(await (await fetch(url)).arrayBuffer());

const loader = await get(`${hub}/widgets/loader.js`);
const widgets = await get(`${hub}/widgets/widgets.js`);
const data = await get(`${hub}/widgets/data/indicator?indicator=${indicator}&level=VOIVODESHIP&lang=pl`);
const slice = JSON.parse(data.toString('utf8'));
const topo = await get(slice.geo.url);
const series = await get(`${hub}/widgets/data/series?indicator=${indicator}&area=12&lang=pl`);
const sizes = {
  'loader.js': gz(loader),
  'widgets.js': gz(widgets),
  'voivodeship.topo.json': gz(topo),
  'indicator data (voivodeships)': gz(data),
  'series data': gz(series),
};
const mapTotal = sizes['loader.js'] + sizes['widgets.js'] + sizes['voivodeship.topo.json'] + sizes['indicator data (voivodeships)'];
const chartTotal = sizes['loader.js'] + sizes['widgets.js'] + sizes['series data'];
console.log('gzipped bytes:', sizes);
console.log(`loader: ${sizes['loader.js']} B (target <= 3072): ${sizes['loader.js'] <= 3072 ? 'OK' : 'OVER'}`);
console.log(`voivodeship map, total transfer: ${mapTotal} B (target <= 61440): ${mapTotal <= 61440 ? 'OK' : 'OVER'}`);
console.log(`time series / ranking, total transfer: ${chartTotal} B`);

const paragraph = '<p>' + 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(20) + '</p>';
const pages = {
  plain: `<!doctype html><html lang="pl"><body><h1>Partner</h1>${paragraph.repeat(5)}</body></html>`,
  widget: `<!doctype html><html lang="pl"><body><h1>Partner</h1>${paragraph.repeat(5)}<script async src="${hub}/widgets/loader.js"></script><seh-widget type="map" indicator="${indicator}" level="VOIVODESHIP"></seh-widget></body></html>`,
};
const host = createServer((req, res) => res.end(pages[req.url.slice(1)] ?? ''));
await new Promise((r) => host.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${host.address().port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const times = { plain: [], widgetLoad: [], widgetDrawn: [] };
for (let i = 0; i < runs; i++) {
  for (const kind of ['plain', 'widget']) {
    const context = await browser.newContext({ viewport: { width: 1000, height: 3000 } }); // fresh cache each run
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(`${origin}/${kind}`, { waitUntil: 'load' });
    const loaded = Date.now() - t0;
    if (kind === 'plain') times.plain.push(loaded);
    else {
      times.widgetLoad.push(loaded);
      await page.locator('seh-widget path.area').first().waitFor();
      times.widgetDrawn.push(Date.now() - t0);
    }
    await context.close();
  }
}
await browser.close();
host.close();
const m = { plain: median(times.plain), widgetLoad: median(times.widgetLoad), widgetDrawn: median(times.widgetDrawn) };
console.log(`host page load (median of ${runs}, cold cache): without widget ${m.plain} ms, with widget ${m.widgetLoad} ms (ratio ${(m.widgetLoad / m.plain).toFixed(2)}); map drawn after ${m.widgetDrawn} ms (ratio ${(m.widgetDrawn / m.plain).toFixed(2)})`);
