import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestCms, CMS_START_TIMEOUT_MS, type TestCms } from '../support/cms-process';
import { startHubTestApp, type HubTestApp } from '../http/hub-test-app';
import { importTerritory } from '../../api/src/territory';
import { seedDemoRegistry } from '../../api/src/observatory';

/**
 * The whole join for real: Strapi with its demo stories, the hub over PostgreSQL with the demo
 * registry, a story published by an editor through Strapi's API and read back through the hub.
 */
const STORY_MODEL = 'api::success-story.success-story';
const FEATURED_COOPERATIVE = '5e0c0001-7a1b-4c2d-8e3f-000000000001'; // Spółdzielnia Socjalna „Pod Bocianem”, Gorlice

describe('success stories joined with the registry and territory (real Strapi, real PostgreSQL)', () => {
  let db: TestDatabase;
  let cms: TestCms;
  let t: HubTestApp;

  beforeAll(async () => {
    [db, cms] = await Promise.all([
      (async () => {
        const database = await createTestDatabase('e2e');
        await importTerritory(database.orm.em.fork(), { dataDir: process.env.HUB_DATA_DIR });
        await seedDemoRegistry(database.orm.em.fork(), { seed: 2026, dataDir: process.env.HUB_DATA_DIR });
        return database;
      })(),
      startTestCms({ seedDemo: true }),
    ]);
    t = await startHubTestApp(db.url, { CMS_URL: cms.url, CMS_TOKEN: cms.token, CMS_TIMEOUT_MS: '5000', HUB_MAX_QUERY_COST: '5000' });
  }, CMS_START_TIMEOUT_MS);

  afterAll(async () => {
    await t?.close();
    await cms?.stop();
    await db?.drop();
  }, 60_000);

  async function editorJwt(): Promise<string> {
    const res = await fetch(`${cms.url}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(cms.editor),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { data: { token: string } }).data.token;
  }

  async function publishStory(jwt: string, story: Record<string, unknown>): Promise<string> {
    const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${jwt}` };
    const created = await fetch(`${cms.url}/content-manager/collection-types/${STORY_MODEL}?locale=pl`, { method: 'POST', headers, body: JSON.stringify(story) });
    expect(created.status).toBe(201);
    const { documentId } = ((await created.json()) as { data: { documentId: string } }).data;
    const published = await fetch(`${cms.url}/content-manager/collection-types/${STORY_MODEL}/${documentId}/actions/publish?locale=pl`, { method: 'POST', headers, body: JSON.stringify(story) });
    expect(published.status).toBe(200);
    return documentId;
  }

  it('reads a story an editor has just published, with its entity and region', async () => {
    const jwt = await editorJwt();
    await publishStory(jwt, {
      title: 'Nowa kuchnia w Gorlicach',
      slug: 'nowa-kuchnia-w-gorlicach',
      lead: 'Spółdzielnia otwiera drugą kuchnię i zatrudnia cztery osoby.',
      body: 'Dane testowe.',
      entityKey: FEATURED_COOPERATIVE,
      terytCode: '1205011',
      tags: ['gastronomia'],
    });
    const res = await t.gql(`{ successStory(slug: "nowa-kuchnia-w-gorlicach", locale: pl) {
      title locale
      entity { name legalForm synthetic seat { terytCode name level parent { name level parent { name level } } } }
      territory { terytCode name level gminaType }
    } }`);
    expect(res.body.errors).toBeUndefined();
    const story = res.body.data.successStory;
    expect(story.title).toBe('Nowa kuchnia w Gorlicach');
    expect(story.locale).toBe('pl');
    expect(story.entity).toMatchObject({ name: 'Spółdzielnia Socjalna „Pod Bocianem”', legalForm: 'SOCIAL_COOPERATIVE', synthetic: true });
    expect(story.entity.seat).toMatchObject({ terytCode: '1205011', name: 'Gorlice', level: 'GMINA' });
    expect(story.entity.seat.parent.parent).toMatchObject({ level: 'VOIVODESHIP' });
    expect(story.entity.seat.parent.parent.name.toLowerCase()).toBe('małopolskie');
    expect(story.territory).toMatchObject({ terytCode: '1205011', level: 'GMINA', gminaType: 'URBAN' });
  });

  it('lists the demo stories in both languages, each joined with its entity', async () => {
    for (const locale of ['pl', 'en']) {
      const res = await t.gql(`{ successStories(locale: ${locale}, first: 20) { totalCount nodes { title locale entity { name } territory { name } } } }`);
      expect(res.body.errors).toBeUndefined();
      const { totalCount, nodes } = res.body.data.successStories;
      expect(totalCount).toBeGreaterThanOrEqual(6);
      const demo = nodes.filter((n: { title: string }) => n.title !== 'Nowa kuchnia w Gorlicach');
      expect(demo.every((n: { locale: string }) => n.locale === locale)).toBe(true);
      expect(demo.every((n: { entity: unknown; territory: unknown }) => n.entity && n.territory)).toBe(true);
    }
  });

  it('falls back to Polish for a story without an English version, and says so', async () => {
    const res = await t.gql('{ successStory(slug: "nowa-kuchnia-w-gorlicach", locale: en) { title locale } }');
    expect(res.body.data.successStory).toEqual({ title: 'Nowa kuchnia w Gorlicach', locale: 'pl' });
  });

  it("reaches stories from an entity and from a territory's subtree", async () => {
    const res = await t.gql(`query($id: ID!) {
      node(id: $id) { ... on SocialEconomyEntity { name stories(locale: pl) { slug } } }
      territorialUnit(terytCode: "12") { stories(locale: pl) { slug territory { terytCode } } }
    }`, { id: Buffer.from(`SocialEconomyEntity:${FEATURED_COOPERATIVE}`).toString('base64url') });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.node.stories.map((s: { slug: string }) => s.slug)).toContain('nowa-kuchnia-w-gorlicach');
    const inMalopolska = res.body.data.territorialUnit.stories;
    expect(inMalopolska.length).toBeGreaterThanOrEqual(2); // Gorlice (two stories) and Kraków
    expect(inMalopolska.every((s: { territory: { terytCode: string } }) => s.territory.terytCode.startsWith('12'))).toBe(true);
  });

  describe('N+1 guard: SQL statements and CMS requests do not grow with list length', () => {
    async function measure(query: string) {
      const sqlBefore = t.sql.count;
      const cmsBefore = t.hub.cms.requestCount;
      t.hub.cms.cache.clear();
      const res = await t.gql(query);
      expect(res.body.errors).toBeUndefined();
      return { res, sql: t.sql.count - sqlBefore, cms: t.hub.cms.requestCount - cmsBefore };
    }

    const byEntities = (perUnit: number) => `{ territorialUnits(level: VOIVODESHIP, first: 10) { nodes { terytCode
      entities(first: ${perUnit}) { nodes { seat { name } stories(locale: pl) { title } } } } } }`;
    const byUnits = (units: number) => `{ territorialUnits(level: POWIAT, first: ${units}) { nodes { terytCode
      entities(first: 2) { nodes { name stories(locale: pl) { title } } } } } }`;

    const entityRows = (res: { body: { data: { territorialUnits: { nodes: { entities: { nodes: unknown[] } }[] } } } }) =>
      res.body.data.territorialUnits.nodes.reduce((sum, unit) => sum + unit.entities.nodes.length, 0);

    it('territories → entities → stories: same statement count for 10 and for 200 entity rows', async () => {
      const small = await measure(byEntities(1));
      const large = await measure(byEntities(20));
      expect(entityRows(small.res)).toBe(10);
      expect(entityRows(large.res)).toBe(200);
      process.stdout.write(`N+1 guard (entity rows 10 vs 200): SQL ${small.sql} vs ${large.sql}; CMS requests ${small.cms} vs ${large.cms}\n`);
      expect(large.sql).toBe(small.sql);
      expect(large.cms).toBe(small.cms);
    });

    it('territories → entities → stories: same statement count for 10 and for 100 territories', async () => {
      const small = await measure(byUnits(10));
      const large = await measure(byUnits(100));
      expect(large.res.body.data.territorialUnits.nodes).toHaveLength(100);
      process.stdout.write(`N+1 guard (territories 10 vs 100): SQL ${small.sql} vs ${large.sql}; CMS requests ${small.cms} vs ${large.cms}\n`);
      expect(large.sql).toBe(small.sql);
      expect(large.cms).toBe(small.cms);
    });
  });

  describe('when Strapi goes down', () => {
    const query = '{ territorialUnit(terytCode: "12") { name stories(locale: pl) { slug } } successStory(slug: "never-asked-before", locale: pl) { title } }';

    beforeAll(async () => {
      const warm = await t.gql(query);
      expect(warm.body.errors).toBeUndefined();
      await cms.stop();
    }, 60_000);

    it('serves cached content and says it may be stale', async () => {
      // Make the cached copies older than the TTL so the hub has to ask Strapi again, and fails.
      const cache = t.hub.cms.cache as unknown as { entries: Map<string, { fetchedAt: number }> };
      for (const entry of cache.entries.values()) entry.fetchedAt -= 24 * 3600 * 1000;
      const res = await t.gql(query);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.territorialUnit.stories.length).toBeGreaterThan(0);
      expect(res.body.extensions.cms).toMatchObject({ stale: true });
    });

    it('fails only the content fields that have no cached copy, with CMS_UNAVAILABLE', async () => {
      const res = await t.gql('{ territorialUnit(terytCode: "14") { name stories(locale: pl) { slug } } }');
      expect(res.body.data.territorialUnit.name.toLowerCase()).toBe('mazowieckie');
      expect(res.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['CMS_UNAVAILABLE']);
    });
  });
});
