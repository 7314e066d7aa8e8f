import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dropDatabase, ensureDatabase, withDatabase } from '../../api/src/launcher/databases';
import { freePort } from '../../api/src/launcher/processes';
import { ensureCmsBuild } from '../../api/src/launcher/strapi-build';
import { StrapiProcess } from '../../api/src/launcher/strapi-process';

/**
 * A real Strapi (server only, CMS_SERVE_ADMIN=false) on a fresh database: what its bootstrap sets
 * up for the hub, the public and the first editor, and what a restart leaves alone.
 */

const CMS_DIR = resolve(__dirname, '../../cms');
const STORIES = '/api/success-stories';
const FEATURED: Record<string, string> = {
  '5e0c0001-7a1b-4c2d-8e3f-000000000001': '1205011',
  '5e0c0001-7a1b-4c2d-8e3f-000000000002': '1261011',
  '5e0c0001-7a1b-4c2d-8e3f-000000000003': '1862011',
  '5e0c0001-7a1b-4c2d-8e3f-000000000004': '2261011',
  '5e0c0001-7a1b-4c2d-8e3f-000000000005': '1801083',
  '5e0c0001-7a1b-4c2d-8e3f-000000000006': '0264011',
};

interface Story {
  documentId: string;
  title: string;
  slug: string;
  body: string;
  locale: string;
  publishedAt: string | null;
  entityKey: string;
  terytCode: string;
  tags: unknown;
  cover: { url: string } | null;
}

const secret = (bytes = 16) => randomBytes(bytes).toString('base64');
const workDir = mkdtempSync(join(tmpdir(), 'hub-cms-bootstrap-'));
const databaseUrl = withDatabase(process.env.TEST_DATABASE_URL ?? '', `cms_bootstrap_${process.pid}_${randomBytes(3).toString('hex')}`);
const editor = { email: 'redakcja@ekonomiaspoleczna.local', password: `Redakcja-${randomBytes(6).toString('hex')}-1` };
let hubToken = randomBytes(128).toString('hex');
let port = 0;
let strapi: StrapiProcess | undefined;

const strapiEnv = (): NodeJS.ProcessEnv => {
  const { DATABASE_URL: _hub, CMS_SEED_DEMO: _seed, ...inherited } = process.env;
  return {
    ...inherited,
    NODE_ENV: 'production',
    CMS_DATABASE_URL: databaseUrl,
    CMS_SERVE_ADMIN: 'false',
    CMS_PUBLIC_DIR: join(workDir, 'public'),
    CMS_TOKEN: hubToken,
    CMS_EDITOR_EMAIL: editor.email,
    CMS_EDITOR_PASSWORD: editor.password,
    CMS_BOOTSTRAP_REPORT: join(workDir, 'report.json'),
    APP_KEYS: `${secret()},${secret()}`,
    API_TOKEN_SALT: secrets.API_TOKEN_SALT,
    ADMIN_JWT_SECRET: secrets.ADMIN_JWT_SECRET,
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secrets.ENCRYPTION_KEY,
  };
};
// Kept across the restart: the stored token hash and encrypted key depend on them.
const secrets = { API_TOKEN_SALT: secret(), ADMIN_JWT_SECRET: secret(32), ENCRYPTION_KEY: secret(32) };

const startStrapi = async () => {
  rmSync(join(workDir, 'report.json'), { force: true });
  const log: string[] = [];
  try {
    strapi = await StrapiProcess.start({ cmsDir: CMS_DIR, env: strapiEnv(), port, onLog: (line) => log.push(line), startTimeoutMs: 120_000 });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${log.slice(-30).join('\n')}`);
  }
};

const get = (path: string, token?: string) =>
  fetch(`${strapi!.url}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });

const send = (method: string, path: string, token?: string, body: unknown = { data: { title: 'x', slug: 'x' } }) =>
  fetch(`${strapi!.url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

const listStories = async (query: string, token = hubToken): Promise<{ data: Story[]; meta: { pagination: { total: number } } }> => {
  const res = await get(`${STORIES}?${query}`, token);
  expect(res.status).toBe(200);
  return (await res.json()) as { data: Story[]; meta: { pagination: { total: number } } };
};

const readReport = () => JSON.parse(readFileSync(join(workDir, 'report.json'), 'utf8')) as { editorCreated: boolean; email: string };

beforeAll(async () => {
  if (!process.env.TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set: run through jest (tests/setup/global-setup.mjs)');
  await ensureDatabase(databaseUrl);
  await ensureCmsBuild(CMS_DIR, { kind: 'server' });
  port = await freePort();
  await startStrapi();
}, 240_000);

afterAll(async () => {
  await strapi?.stop();
  if (process.env.TEST_DATABASE_URL) await dropDatabase(databaseUrl);
  rmSync(workDir, { recursive: true, force: true });
}, 60_000);

describe('a fresh CMS database after bootstrap', () => {
  it('holds the six featured demo stories, published in Polish and in English', async () => {
    for (const locale of ['pl', 'en']) {
      const { data } = await listStories(`locale=${locale}&populate[cover][fields][0]=url&pagination[pageSize]=100`);
      expect(data).toHaveLength(6);
      expect(Object.fromEntries(data.map((s) => [s.entityKey, s.terytCode]))).toEqual(FEATURED);
      for (const story of data) {
        expect(story.locale).toBe(locale);
        expect(story.publishedAt).not.toBeNull();
        expect(story.body).toMatch(locale === 'pl' ? /Dane demonstracyjne: organizacja fikcyjna\._$/ : /Demo data: fictional organisation\._$/);
        expect(Array.isArray(story.tags) && (story.tags as unknown[]).every((t) => typeof t === 'string')).toBe(true);
        expect(story.cover?.url).toMatch(/^\/uploads\/.+\.png$/);
      }
    }
  });

  it('answers in Polish when no locale is asked for', async () => {
    const { data } = await listStories('fields[0]=title&fields[1]=locale');
    expect(data.map((s) => s.locale)).toEqual(Array(6).fill('pl'));
    expect(data.map((s) => s.title)).toContain('Fundacja „Dobry Chleb”: piekarnia drugiej szansy w Krakowie');
  });

  it('finds stories by the hub entity they are about', async () => {
    const key = '5e0c0001-7a1b-4c2d-8e3f-000000000005';
    const { data } = await listStories(`locale=en&fields[0]=title&fields[1]=entityKey&filters[entityKey][$in][0]=${key}`);
    expect(data.map((s) => s.entityKey)).toEqual([key]);
  });

  it('lets the hub token read but refuses it every write', async () => {
    const [story] = (await listStories('fields[0]=title')).data;
    expect((await send('POST', STORIES, hubToken)).status).toBe(403);
    expect((await send('PUT', `${STORIES}/${story!.documentId}`, hubToken)).status).toBe(403);
    expect((await send('DELETE', `${STORIES}/${story!.documentId}`, hubToken)).status).toBe(403);
  });

  it('refuses a token it does not know', async () => {
    expect((await get(STORIES, randomBytes(128).toString('hex'))).status).toBe(401);
  });

  it('lets anonymous visitors read published stories and do nothing else', async () => {
    expect((await get(`${STORIES}?fields[0]=title`)).status).toBe(200);
    expect((await send('POST', STORIES)).status).toBe(403);
    expect((await send('POST', '/api/auth/local/register', undefined, { username: 'a', email: 'a@example.org', password: 'Abcdefgh1' })).status).toBe(403);
    expect((await get('/api/users')).status).toBe(403);
  });

  it('keeps drafts out of the content API, for the hub token too', async () => {
    expect((await get(`${STORIES}?status=draft`)).status).toBe(403);
    expect((await get(`${STORIES}?status=draft`, hubToken)).status).toBe(403);
  });

  it('creates the first editor as a Super Admin who can log in, and reports it', async () => {
    expect(readReport()).toEqual({ editorCreated: true, email: editor.email });
    const login = await send('POST', '/admin/login', undefined, editor);
    expect(login.status).toBe(200);
    const { token } = ((await login.json()) as { data: { token: string } }).data;
    const me = (await (await get('/admin/users/me', token)).json()) as { data: { roles: { code: string }[] } };
    expect(me.data.roles.map((r) => r.code)).toEqual(['strapi-super-admin']);
  });
});

describe('a restart of the CMS', () => {
  let deletedSlug = '';
  let oldToken = '';

  beforeAll(async () => {
    // An editor deletes a demo story; the seed must not bring it back.
    const login = await send('POST', '/admin/login', undefined, editor);
    const jwt = ((await login.json()) as { data: { token: string } }).data.token;
    const [story] = (await listStories('locale=pl&fields[0]=slug&sort[0]=slug:asc')).data;
    deletedSlug = story!.slug;
    const deleted = await fetch(`${strapi!.url}/content-manager/collection-types/api::success-story.success-story/${story!.documentId}?locale=*`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${jwt}` },
    });
    expect(deleted.status).toBe(200);
    await strapi!.stop();
    oldToken = hubToken;
    hubToken = randomBytes(128).toString('hex');
    await startStrapi();
  }, 180_000);

  it('neither seeds again nor brings back a deleted demo story', async () => {
    const { data, meta } = await listStories('locale=pl&fields[0]=slug&pagination[pageSize]=100');
    expect(meta.pagination.total).toBe(5);
    expect(data.map((s) => s.slug)).not.toContain(deletedSlug);
  });

  it('does not create the editor again', () => {
    expect(readReport()).toEqual({ editorCreated: false, email: editor.email });
  });

  it('follows a rotated CMS_TOKEN: the new key reads, the old one no longer does', async () => {
    expect((await get(STORIES, hubToken)).status).toBe(200);
    expect((await get(STORIES, oldToken)).status).toBe(401);
  });
});
