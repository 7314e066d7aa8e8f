import { createServer, type Server } from 'node:http';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestCms, CMS_START_TIMEOUT_MS, type TestCms } from '../support/cms-process';
import { startHubTestApp, type HubTestApp } from '../http/hub-test-app';
import { freePort } from '../../api/src/launcher/processes';
import { signPreview } from '../../api/src/content/preview/preview-token';

/**
 * Editors' draft previews end to end: a real Strapi that hides drafts from API tokens except for a
 * request carrying a valid preview token for exactly that document, the hub's `/preview` route
 * reading the draft through it, and Strapi's admin "Preview" button handing out the hub link.
 */
const STORY_MODEL = 'api::success-story.success-story';
const PREVIEW_SECRET = 'e2e-preview-secret-0123456789abcdef0123456789';
const WEBHOOK_SECRET = 'e2e-webhook-secret-for-preview-0123456789abcd';
const now = () => Math.floor(Date.now() / 1000);

describe('draft previews through the hub (real Strapi, real PostgreSQL)', () => {
  let db: TestDatabase;
  let cms: TestCms;
  let t: HubTestApp;
  let hubServer: Server;
  let hubUrl: string;
  let headers: Record<string, string>;
  let storyA: string;
  let storyB: string;
  const token = (documentId: string, extra: { secret?: string; locale?: string; model?: string; expiresAt?: number } = {}) =>
    signPreview(extra.secret ?? PREVIEW_SECRET, { model: extra.model ?? 'success-story', documentId, locale: extra.locale ?? 'pl', expiresAt: extra.expiresAt ?? now() + 600 });
  const preview = (documentId: string, previewToken: string, locale = 'pl') =>
    fetch(`${hubUrl}/preview/success-story/${documentId}?locale=${locale}&token=${encodeURIComponent(previewToken)}`);
  /** Straight to Strapi with the hub's read token, as the hub's preview route asks. */
  const strapiDraft = (path: string, previewToken?: string) =>
    fetch(`${cms.url}${path}`, { headers: { Authorization: `Bearer ${cms.token}`, ...(previewToken ? { 'X-Hub-Preview-Token': previewToken } : {}) } });

  beforeAll(async () => {
    const hubPort = await freePort();
    hubUrl = `http://127.0.0.1:${hubPort}`;
    [db, cms] = await Promise.all([
      createTestDatabase('e2e_preview'),
      startTestCms({ env: { HUB_URL: hubUrl, CMS_WEBHOOK_SECRET: WEBHOOK_SECRET, CMS_PREVIEW_SECRET: PREVIEW_SECRET } }),
    ]);
    t = await startHubTestApp(db.url, { CMS_URL: cms.url, CMS_TOKEN: cms.token, CMS_TIMEOUT_MS: '5000', CMS_WEBHOOK_SECRET: WEBHOOK_SECRET, CMS_PREVIEW_SECRET: PREVIEW_SECRET });
    hubServer = createServer(t.hub.app);
    await new Promise<void>((resolve) => hubServer.listen(hubPort, '127.0.0.1', () => resolve()));

    const login = await fetch(`${cms.url}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(cms.editor) });
    expect(login.status).toBe(200);
    headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${((await login.json()) as { data: { token: string } }).data.token}` };
    const createPublished = async (title: string, slug: string): Promise<string> => {
      const created = await fetch(`${cms.url}/content-manager/collection-types/${STORY_MODEL}?locale=pl`, { method: 'POST', headers, body: JSON.stringify({ title, slug, lead: `${title}: zajawka`, body: `Treść: ${title}.` }) });
      expect(created.status).toBe(201);
      const documentId = ((await created.json()) as { data: { documentId: string } }).data.documentId;
      const published = await fetch(`${cms.url}/content-manager/collection-types/${STORY_MODEL}/${documentId}/actions/publish?locale=pl`, { method: 'POST', headers, body: JSON.stringify({}) });
      expect(published.status).toBe(200);
      return documentId;
    };
    storyA = await createPublished('Piekarnia „Na Rogu” zatrudnia', 'piekarnia-na-rogu');
    storyB = await createPublished('Warsztat rowerowy „Szprycha”', 'warsztat-szprycha');
    // A draft change to A, saved but not published.
    const saved = await fetch(`${cms.url}/content-manager/collection-types/${STORY_MODEL}/${storyA}?locale=pl`, { method: 'PUT', headers, body: JSON.stringify({ title: 'Piekarnia „Na Rogu” — WERSJA ROBOCZA' }) });
    expect(saved.status).toBe(200);
  }, CMS_START_TIMEOUT_MS);

  afterAll(async () => {
    await new Promise<void>((resolve) => (hubServer ? hubServer.close(() => resolve()) : resolve()));
    await t?.close();
    await cms?.stop();
    await db?.drop();
  }, 60_000);

  it('shows the unpublished change at the preview link, marked as a draft and never cached', async () => {
    const res = await preview(storyA, token(storyA));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('WERSJA ROBOCZA');
    expect(html).toContain('PODGLĄD WERSJI ROBOCZEJ');
  });

  it('keeps the draft out of the public GraphQL API until it is published', async () => {
    t.hub.cms.cache.clear();
    const before = await t.gql('{ successStory(slug: "piekarnia-na-rogu", locale: pl) { title } }');
    expect(before.body.errors).toBeUndefined();
    expect(before.body.data.successStory.title).toBe('Piekarnia „Na Rogu” zatrudnia');
  });

  it('refuses forged, expired, too long-lived, other-document and other-language links at the hub', async () => {
    const cases: [string, string, string][] = [
      ['forged (other secret)', token(storyA, { secret: 'not-the-secret-0123456789abcdef0123' }), 'MISMATCH'],
      ['expired', token(storyA, { expiresAt: now() - 5 }), 'EXPIRED'],
      ['an hour long', token(storyA, { expiresAt: now() + 3600 }), 'TOO_LONG'],
      ["story B's token", token(storyB), 'MISMATCH'],
      ['English token', token(storyA, { locale: 'en' }), 'MISMATCH'],
      ['material token', token(storyA, { model: 'material' }), 'MISMATCH'],
      ['garbage', 'abc', 'MALFORMED'],
    ];
    for (const [, previewToken, reason] of cases) {
      const res = await preview(storyA, previewToken);
      expect({ status: res.status, reason: ((await res.json()) as { reason: string }).reason }).toEqual({ status: 401, reason });
    }
  });

  it('lets Strapi itself hand a draft to a token only with a preview token for exactly that document', async () => {
    const path = (documentId: string) => `/api/success-stories/${documentId}?status=draft&locale=pl&fields[0]=title`;
    const valid = await strapiDraft(path(storyA), token(storyA));
    expect(valid.status).toBe(200);
    expect(((await valid.json()) as { data: { title: string } }).data.title).toBe('Piekarnia „Na Rogu” — WERSJA ROBOCZA');

    // The CMS checks on its own: a caller skipping the hub gets nothing with a bad token.
    expect((await strapiDraft(path(storyA))).status).toBe(403);
    expect((await strapiDraft(path(storyA), token(storyA, { secret: 'forged-secret-0123456789abcdef01234567' }))).status).toBe(403);
    expect((await strapiDraft(path(storyA), token(storyA, { expiresAt: now() - 5 }))).status).toBe(403);
    expect((await strapiDraft(path(storyA), token(storyB))).status).toBe(403);
    expect((await strapiDraft(`/api/success-stories/${storyA}?status=draft&locale=en&fields[0]=title`, token(storyA))).status).toBe(403);
    expect((await strapiDraft(`/api/success-stories/${storyA}?status=draft&fields[0]=title`, token(storyA))).status).toBe(403); // locale must be explicit
    // A valid token opens one document, never a list.
    expect((await strapiDraft('/api/success-stories?status=draft&locale=pl', token(storyA))).status).toBe(403);
    expect((await strapiDraft(`/api/success-stories?status=draft&locale=pl&filters[documentId][$eq]=${storyA}`, token(storyA))).status).toBe(403);
    // Published reads are untouched.
    const published = await strapiDraft(`/api/success-stories/${storyA}?locale=pl&fields[0]=title`);
    expect(((await published.json()) as { data: { title: string } }).data.title).toBe('Piekarnia „Na Rogu” zatrudnia');
  });

  it("gives an editor the hub preview link from Strapi's Preview button, and nobody else", async () => {
    const urlRoute = `${cms.url}/content-manager/preview/url/${STORY_MODEL}?documentId=${storyA}&locale=pl&status=draft`;
    const answer = await fetch(urlRoute, { headers });
    expect(answer.status).toBe(200);
    const link = ((await answer.json()) as { data: { url: string } }).data.url;
    expect(link.startsWith(`${hubUrl}/preview/success-story/${storyA}?locale=pl&token=`)).toBe(true);
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('WERSJA ROBOCZA');

    expect((await fetch(urlRoute)).status).toBe(401); // no admin session
    // Content types the hub does not render get no link.
    const modules = await fetch(`${cms.url}/content-manager/preview/url/api::course-module.course-module?documentId=${storyA}&locale=pl`, { headers });
    expect(modules.status).toBe(204);
  });

  it('shows the change in the public API once it is published', async () => {
    const published = await fetch(`${cms.url}/content-manager/collection-types/${STORY_MODEL}/${storyA}/actions/publish?locale=pl`, { method: 'POST', headers, body: JSON.stringify({}) });
    expect(published.status).toBe(200);
    const started = Date.now();
    let title = '';
    while (Date.now() - started < 5000 && title !== 'Piekarnia „Na Rogu” — WERSJA ROBOCZA') {
      title = (await t.gql('{ successStory(slug: "piekarnia-na-rogu", locale: pl) { title } }')).body.data.successStory.title;
      if (title !== 'Piekarnia „Na Rogu” — WERSJA ROBOCZA') await new Promise((r) => setTimeout(r, 100));
    }
    expect(title).toBe('Piekarnia „Na Rogu” — WERSJA ROBOCZA');
  });
});
