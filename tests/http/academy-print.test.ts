import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startHubTestApp, type HubTestApp } from './hub-test-app';
import { StaffRole } from '../../api/src/access';
import { EnrolmentService, WorkshopEditionService } from '../../api/src/academy';

/**
 * Printable academy content through the hub's HTTP app, over a stand-in CMS that answers Strapi's
 * REST shapes (see /work/hub-contract-academy.md) and counts its requests.
 */
const para = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const LONG = 'Ekonomia społeczna łączy cele społeczne z działalnością gospodarczą; zyski wracają do wspólnoty, a zatrudnienie służy reintegracji. ';
const material = (locale: string) => ({
  documentId: 'mat1', slug: 'zakladanie-spoldzielni', locale, title: 'Zakładanie spółdzielni socjalnej — zażółć gęślą jaźń', summary: 'Przewodnik krok po kroku.',
  updatedAt: '2026-11-01T10:00:00.000Z', publishedAt: '2026-11-01T10:00:00.000Z', readingTimeMinutes: 20, audience: 'PRACTITIONERS', indicatorCodes: ['SE_ENTITIES_PER_10K'],
  body: [
    { type: 'heading', level: 1, children: [{ type: 'text', text: 'Grupa założycielska' }] },
    para(LONG.repeat(4)),
    { type: 'paragraph', children: [{ type: 'text', text: 'Zobacz ' }, { type: 'link', url: 'https://www.ekonomiaspoleczna.gov.pl/', children: [{ type: 'text', text: 'portal ekonomii społecznej' }] }, { type: 'text', text: '.' }] },
    { type: 'heading', level: 2, children: [{ type: 'text', text: 'Statut i rejestracja' }] },
    { type: 'list', format: 'ordered', children: [{ type: 'list-item', children: [{ type: 'text', text: 'uchwalcie statut,' }] }, { type: 'list-item', children: [{ type: 'text', text: 'złóżcie wniosek do KRS.' }] }] },
    { type: 'heading', level: 1, children: [{ type: 'text', text: 'Pierwszy rok działalności' }] },
    para(LONG.repeat(10)),
  ],
  attachments: [], caseStudies: [{ documentId: 'story1' }],
});
const COLLECTIONS: Record<string, (locale: string) => unknown[]> = {
  materials: (l) => (l === 'pl' ? [material(l)] : []),
  courses: (l) => (l === 'pl' ? [{ documentId: 'course1', slug: 'studia-ekonomii-spolecznej', locale: l, title: 'Studia podyplomowe: ekonomia społeczna', level: 'POSTGRADUATE', pqfLevel: 7, semesters: 2, totalHours: 180, ects: 60, lead: 'Program dla praktyków.', updatedAt: '2026-11-02T10:00:00.000Z', description: [para('Dwa semestry zajęć.')], learningOutcomes: [{ code: 'K_W01', category: 'KNOWLEDGE', description: 'Zna formy prawne podmiotów ekonomii społecznej.' }], entryRequirements: 'Dyplom ukończenia studiów.', modules: [{ documentId: 'mod2', order: 2 }, { documentId: 'mod1', order: 1 }] }] : []),
  'course-modules': (l) => (l === 'pl' ? [
    { documentId: 'mod1', slug: 'podstawy', locale: l, title: 'Podstawy ekonomii społecznej', order: 1, semester: 1, hours: 30, ects: 10, summary: 'Pojęcia i prawo.', outcomes: [], materials: [{ documentId: 'mat1' }], trainers: [{ documentId: 't1', name: 'Anna Kowalczyk', academicTitle: 'dr' }], course: { documentId: 'course1' } },
    { documentId: 'mod2', slug: 'finanse', locale: l, title: 'Finanse podmiotów', order: 2, semester: 2, hours: 30, ects: 10, summary: 'Pożyczki, dotacje, rozliczenia.', outcomes: [], materials: [], trainers: [], course: { documentId: 'course1' } },
  ] : []),
  workshops: (l) => [{ documentId: 'ws1', slug: 'jak-zalozyc-spoldzielnie', locale: l, title: l === 'pl' ? 'Jak założyć spółdzielnię socjalną' : 'How to found a social cooperative', materials: [{ documentId: 'mat1' }], trainers: [] }],
  'success-stories': (l) => (l === 'pl' ? [{ documentId: 'story1', slug: 'pod-bocianem', locale: l, title: 'Pod Bocianem', lead: 'Kuchnia w Gorlicach.', entityKey: null, terytCode: '1205011', publishedAt: '2026-10-01T00:00:00.000Z' }] : []),
};

function startFakeCms(): Promise<{ url: string; requests: string[]; server: Server }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://cms');
    const collection = url.pathname.replace(/^\/api\//, '');
    requests.push(`${collection}|${url.searchParams.get('locale')}`);
    const rows = COLLECTIONS[collection]?.(url.searchParams.get('locale') ?? 'pl');
    if (!rows) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ data: rows, meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: rows.length } } }));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, server })));
}

const pdftotext = (pdf: Buffer): string => {
  const dir = mkdtempSync(join(tmpdir(), 'print-http-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('academy content and print over HTTP', () => {
  let db: TestDatabase;
  let t: HubTestApp;
  let cms: Awaited<ReturnType<typeof startFakeCms>>;

  beforeAll(async () => {
    [db, cms] = await Promise.all([createTestDatabase('academy_print'), startFakeCms()]);
    // The course → modules → materials → case studies join nests four lists: more than the default cost budget.
    t = await startHubTestApp(db.url, { CMS_URL: cms.url });
  });
  afterAll(async () => {
    await t?.close();
    cms?.server.close();
    await db?.drop();
  });

  // supertest listens on a new port per request; the Host header (part of the printed URL) is fixed so inputs are equal.
  const getPdf = (path: string) => request(t.hub.app).get(path).set('Host', 'hub.example').buffer(true).parse(binary);

  it('prints a material as PDF with Polish letters, a table of contents with page numbers, and footnoted links', async () => {
    const res = await getPdf('/print/materials/zakladanie-spoldzielni.pdf?locale=pl');
    expect(res.status).toBe(200);
    if (process.env.PRINT_SAMPLES_DIR) writeFileSync(join(process.env.PRINT_SAMPLES_DIR, 'http-material.pdf'), res.body as Buffer);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdftotext(res.body as Buffer);
    for (const letter of 'ąćęłńóśźż') expect(text).toContain(letter);
    expect(text).toContain('Spis treści');
    expect(text).toMatch(/Grupa założycielska[ .]+3/);
    expect(text).toMatch(/Statut i rejestracja[ .]+\d/);
    expect(text).toMatch(/Pierwszy rok działalności[ .]+\d/);
    expect(text).toContain('¹ https://www.ekonomiaspoleczna.gov.pl/');
    expect(text).toMatch(/Strona 3 z \d/);
  });

  it('prints the same bytes for the same content, request after request', async () => {
    t.hub.cms.cache.clear();
    const first = await getPdf('/print/materials/zakladanie-spoldzielni.pdf');
    t.hub.cms.cache.clear();
    const second = await getPdf('/print/materials/zakladanie-spoldzielni.pdf');
    if (process.env.PRINT_SAMPLES_DIR) {
      writeFileSync(join(process.env.PRINT_SAMPLES_DIR, 'det-1.pdf'), first.body as Buffer);
      writeFileSync(join(process.env.PRINT_SAMPLES_DIR, 'det-2.pdf'), second.body as Buffer);
    }
    expect((first.body as Buffer).equals(second.body as Buffer)).toBe(true);
  });

  it('serves the material as clean HTML and answers 404 for an unknown slug', async () => {
    const res = await request(t.hub.app).get('/print/materials/zakladanie-spoldzielni.html');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1>Zakładanie spółdzielni socjalnej — zażółć gęślą jaźń</h1>');
    expect(res.text).toContain('<a href="https://www.ekonomiaspoleczna.gov.pl/">portal ekonomii społecznej</a>');
    expect((await request(t.hub.app).get('/print/materials/nie-ma-takiego.pdf')).status).toBe(404);
  });

  it('prints a course with its modules in order and their materials in the contents', async () => {
    const res = await getPdf('/print/courses/studia-ekonomii-spolecznej.pdf');
    expect(res.status).toBe(200);
    if (process.env.PRINT_SAMPLES_DIR) writeFileSync(join(process.env.PRINT_SAMPLES_DIR, 'http-course.pdf'), res.body as Buffer);
    const text = pdftotext(res.body as Buffer);
    expect(text).toMatch(/O programie[ .]+3/);
    expect(text.indexOf('Moduł 1. Podstawy ekonomii społecznej')).toBeLessThan(text.indexOf('Moduł 2. Finanse podmiotów'));
    expect(text).toMatch(/Zakładanie spółdzielni socjalnej — zażółć gęślą jaźń[ .]+\d/);
    expect(text).toContain('K_W01');
  });

  it('joins course → modules → materials → case studies with one CMS request per content type and language', async () => {
    t.hub.cms.cache.clear();
    cms.requests.length = 0;
    const res = await t.gql(`{ course(slug: "studia-ekonomii-spolecznej", locale: pl) { title ects printUrl
      modules { order title trainers { name } materials { slug printUrl caseStudies { title territory { terytCode } } } } } }`);
    expect(res.body.errors).toBeUndefined();
    const course = res.body.data.course;
    expect(course.modules.map((m: { order: number }) => m.order)).toEqual([1, 2]);
    expect(course.modules[0].materials[0].caseStudies[0].title).toBe('Pod Bocianem');
    expect(course.printUrl).toBe('/print/courses/studia-ekonomii-spolecznej.pdf?locale=pl');
    expect([...cms.requests].sort()).toEqual(['course-modules|pl', 'courses|pl', 'materials|pl', 'success-stories|pl']);
  });

  describe('workshop editions, enrolment and certificates through GraphQL', () => {
    let coordinatorToken: string;
    let editionId: string;

    beforeAll(async () => {
      const em = db.orm.em.fork();
      await em.execute(`insert into territorial_unit (teryt_code, name, level, gmina_type, is_city_with_powiat_rights, parent_teryt_code) values
        ('PL', 'Polska', 'COUNTRY', null, false, null), ('12', 'małopolskie', 'VOIVODESHIP', null, false, 'PL'), ('1205', 'gorlicki', 'POWIAT', null, false, '12'), ('1205011', 'Gorlice', 'GMINA', 'URBAN', false, '1205')
        on conflict do nothing`);
      const [coordinator] = await em.execute<{ id: string }[]>(`insert into staff_user (id, email, display_name, password_hash, roles) values (gen_random_uuid(), 'koord@test.local', 'Koordynatorka', 'x', '{ACADEMY_COORDINATOR}') returning id`);
      const [trainer] = await em.execute<{ id: string }[]>(`insert into staff_user (id, email, display_name, password_hash, roles) values (gen_random_uuid(), 'trener@test.local', 'Jan Trener', 'x', '{TRAINER}') returning id`);
      const { issueStaffToken } = await import('../../api/src/access');
      coordinatorToken = issueStaffToken({ id: coordinator.id, email: 'koord@test.local', roles: [StaffRole.ACADEMY_COORDINATOR] }, { secret: t.config.jwtSecret, ttlSeconds: 600 }).token;
      const edition = await new WorkshopEditionService(em, { workshops: async (id) => ({ documentId: id, slug: 'jak-zalozyc-spoldzielnie' }) }).create(
        { id: coordinator.id, email: 'koord@test.local', roles: [StaffRole.ACADEMY_COORDINATOR] },
        { workshopDocumentId: 'ws1', territory: '1205011', venue: 'Gorlice, ul. Biecka 2', capacity: 1, sessions: [{ date: '2030-04-10', startsAt: '10:00', endsAt: '14:00' }], trainerIds: [trainer.id] },
      );
      editionId = edition.globalId;
      const enrolled = await new EnrolmentService(em, { clock: () => new Date('2030-03-01T00:00:00Z') }).enrol({ editionId: edition.id, name: 'Małgorzata Żółć', email: 'mz@przyklad.pl' });
      await new EnrolmentService(em, { clock: () => new Date('2030-04-10T15:00:00Z') }).recordAttendance({ id: trainer.id, email: 'trener@test.local', roles: [StaffRole.TRAINER] }, (await em.execute<{ id: string }[]>('select id from workshop_session where edition_id = ?', [edition.id]))[0].id, [{ enrolmentId: enrolled.enrolment.id, present: true }]);
    });

    it('lists editions by territory with the workshop joined from the CMS, hiding participants from the public', async () => {
      const res = await t.gql(`{ workshops(territory: "12", from: "2030-01-01") { totalCount nodes { id venue capacity seatsLeft waitlistLength trainerNames territory { name } workshop(locale: en) { title } sessions { date startsAt } } }
        territorialUnit(terytCode: "1205") { workshopEditions { venue } } }`);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.workshops.totalCount).toBe(1);
      expect(res.body.data.workshops.nodes[0]).toMatchObject({ id: editionId, capacity: 1, seatsLeft: 0, trainerNames: ['Jan Trener'], territory: { name: 'Gorlice' }, workshop: { title: 'How to found a social cooperative' } });
      expect(res.body.data.territorialUnit.workshopEditions).toHaveLength(1);
      const anonymous = await t.gql(`query($id: ID!) { node(id: $id) { ... on WorkshopEdition { enrolments { participantEmail } } } }`, { id: editionId });
      expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it('shows participants to the coordinator of the edition', async () => {
      const res = await t.gql(`query($id: ID!) { node(id: $id) { ... on WorkshopEdition { enrolments { participantName participantEmail status certificate { code } } } } }`, { id: editionId }, { Authorization: `Bearer ${coordinatorToken}` });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.node.enrolments[0]).toMatchObject({ participantName: 'Małgorzata Żółć', participantEmail: 'mz@przyklad.pl', status: 'CONFIRMED' });
      expect(res.body.data.node.enrolments[0].certificate.code).toMatch(/^[0-9A-Z]{12}$/);
    });

    it('verifies a certificate publicly and prints it as PDF', async () => {
      const [{ code }] = await db.orm.em.fork().execute<{ code: string }[]>('select code from workshop_certificate');
      const res = await t.gql(`query($code: String!) { certificateVerify(code: $code) { valid holderName startsOn endsOn } }`, { code: code.toLowerCase() });
      expect(res.body.data.certificateVerify).toEqual({ valid: true, holderName: 'Małgorzata Żółć', startsOn: '2030-04-10', endsOn: '2030-04-10' });
      const pdf = await getPdf(`/print/certificates/${code}.pdf`);
      expect(pdf.status).toBe(200);
      const text = pdftotext(pdf.body as Buffer);
      expect(text).toContain('Małgorzata Żółć');
      expect(text).toContain('Jak założyć spółdzielnię socjalną');
      expect(text).toContain(`${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`);
      expect((await request(t.hub.app).get('/print/certificates/0000-0000-0000.pdf')).status).toBe(404);
    });

    it('waitlists a public enrolment when the edition is full, and returns a cancel token', async () => {
      const res = await t.gql(`mutation($input: WorkshopEnrolInput!) { workshopEnrol(input: $input) { enrolment { status } waitlistPosition cancelToken errors { code } } }`, { input: { editionId, name: 'Jan Nowak', email: 'jan@przyklad.pl' } });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.workshopEnrol).toMatchObject({ enrolment: { status: 'WAITLISTED' }, waitlistPosition: 1, errors: [] });
      expect(res.body.data.workshopEnrol.cancelToken.length).toBeGreaterThan(20);
    });
  });

  describe('when the CMS goes down', () => {
    beforeAll(async () => {
      const warm = await t.gql('{ material(slug: "zakladanie-spoldzielni", locale: pl) { title } }');
      expect(warm.body.errors).toBeUndefined();
      await new Promise<void>((resolve) => cms.server.close(() => resolve()));
      cms.server.closeAllConnections();
      const cache = t.hub.cms.cache as unknown as { entries: Map<string, { fetchedAt: number }> };
      for (const entry of cache.entries.values()) entry.fetchedAt -= 24 * 3600 * 1000;
    });

    it('serves cached content and flags it in extensions.cms', async () => {
      const res = await t.gql('{ material(slug: "zakladanie-spoldzielni", locale: pl) { title } }');
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.material.title).toContain('Zakładanie');
      expect(res.body.extensions.cms).toMatchObject({ stale: true });
    });

    it('prints from the cache and says so in a header; content never cached fails with 503', async () => {
      const res = await getPdf('/print/materials/zakladanie-spoldzielni.pdf');
      expect(res.status).toBe(200);
      expect(res.headers['x-content-stale']).toBe('true');
      expect((await request(t.hub.app).get('/print/materials/inny-material.pdf')).status).toBe(503);
      const missing = await t.gql('{ course(slug: "never-asked", locale: pl) { title } }');
      expect(missing.body.errors[0].extensions.code).toBe('CMS_UNAVAILABLE');
    });
  });
});
