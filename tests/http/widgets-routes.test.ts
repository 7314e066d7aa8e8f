import request from 'supertest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startHubTestApp, type HubTestApp } from './hub-test-app';
import { importTerritory } from '../../api/src/territory';

/** Widget routes on a hub with the built-in territory and no boundary files. */
describe('widget routes without boundary files', () => {
  let db: TestDatabase;
  let t: HubTestApp;

  beforeAll(async () => {
    db = await createTestDatabase('widgets-routes');
    await importTerritory(db.orm.em.fork());
    t = await startHubTestApp(db.url);
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('serves the 16 voivodeships as a tile grid with its credit, cacheable and revalidated with 304', async () => {
    const res = await request(t.hub.app).get('/widgets/geo/voivodeship.topo.json');
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('Topology');
    expect(res.body.seh).toMatchObject({ level: 'VOIVODESHIP', planar: true });
    expect(res.body.seh.attribution.pl).toContain('TERYT');
    expect(res.body.objects.areas.geometries.map((g: { id: string }) => g.id)).toHaveLength(16);
    expect(res.headers['cache-control']).toContain('max-age=86400');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const again = await request(t.hub.app).get('/widgets/geo/voivodeship.topo.json').set('If-None-Match', res.headers.etag);
    expect(again.status).toBe(304);
  });

  it('has no powiat map without boundary files', async () => {
    const res = await request(t.hub.app).get('/widgets/geo/powiat.topo.json');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NO_GEOMETRY');
  });

  it('answers oEmbed for its own embed pages only', async () => {
    const host = '127.0.0.1';
    const embed = `http://${host}/embed/map?indicator=ACTIVE_ENTITIES&level=VOIVODESHIP&lang=en`;
    const res = await request(t.hub.app).get('/oembed').set('Host', host).query({ url: embed, format: 'json' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: '1.0', type: 'rich', title: 'Indicator map' });
    expect(res.body.html).toContain('<iframe src="http://127.0.0.1/embed/map?indicator=ACTIVE_ENTITIES&amp;level=VOIVODESHIP&amp;lang=en"');
    expect(res.body.html).toContain('/widgets/embed-resize.js');
    const foreign = await request(t.hub.app).get('/oembed').set('Host', host).query({ url: 'http://evil.example/embed/map', format: 'json' });
    expect(foreign.status).toBe(404);
    const xml = await request(t.hub.app).get('/oembed').set('Host', host).query({ url: embed, format: 'xml' });
    expect(xml.status).toBe(501);
  });

  it('serves embed pages with oEmbed discovery, a no-script SVG and only known parameters', async () => {
    const res = await request(t.hub.app).get('/embed/ranking').query({ indicator: 'ACTIVE_ENTITIES', level: 'VOIVODESHIP', evil: '<script>' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('application/json+oembed');
    expect(res.text).toContain('<noscript><img src=');
    expect(res.text).toContain('data-indicator="ACTIVE_ENTITIES"');
    expect(res.text).not.toContain('evil');
    expect((await request(t.hub.app).get('/embed/nothing')).status).toBe(404);
  });

  it('serves the builder in Polish and English', async () => {
    expect((await request(t.hub.app).get('/widgets/builder')).text).toContain('Kreator widżetów');
    expect((await request(t.hub.app).get('/widgets/builder?lang=en')).text).toContain('Widget builder');
  });

  it('refuses a malformed indicator code with a 400 and its code', async () => {
    const res = await request(t.hub.app).get('/widgets/data/indicator').query({ indicator: 'drop table', level: 'VOIVODESHIP' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_INDICATOR');
  });
});
