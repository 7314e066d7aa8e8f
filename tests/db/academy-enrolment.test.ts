import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { StaffRole, type StaffPrincipal } from '../../api/src/access';
import {
  WorkshopEditionService,
  EnrolmentService,
  CertificateService,
  EnrolmentStatus,
  AcademyError,
  type WorkshopCatalogue,
} from '../../api/src/academy';

/**
 * Workshop editions against a real PostgreSQL: seats, the FIFO waitlist, cancellation with
 * promotion, concurrent enrolments for the last seat, attendance, completion and certificates.
 */
const catalogue: WorkshopCatalogue = async (documentId) => (documentId.startsWith('missing') ? null : { documentId, slug: `warsztat-${documentId}` });
const BEFORE = () => new Date('2030-03-01T09:00:00Z');
const AFTER = () => new Date('2030-04-30T09:00:00Z');

describe('workshop enrolment (PostgreSQL)', () => {
  let db: TestDatabase;
  let coordinator: StaffPrincipal;
  let trainer: StaffPrincipal;
  let otherTrainer: StaffPrincipal;

  async function staff(email: string, roles: StaffRole[]): Promise<StaffPrincipal> {
    const [row] = await db.orm.em.fork().execute<{ id: string }[]>(`insert into staff_user (id, email, display_name, password_hash, roles) values (gen_random_uuid(), ?, ?, 'x', ?::text[]) returning id`, [email, email.split('@')[0], `{${roles.join(',')}}`]);
    return { id: row.id, email, roles };
  }

  async function edition(capacity: number, options: { sessions?: number; threshold?: number } = {}) {
    const sessions = Array.from({ length: options.sessions ?? 5 }, (_, i) => ({ date: `2030-04-${String(10 + i).padStart(2, '0')}`, startsAt: '10:00', endsAt: '14:00' }));
    return new WorkshopEditionService(db.orm.em.fork(), { workshops: catalogue }).create(coordinator, {
      workshopDocumentId: 'doc1',
      territory: '1205011',
      venue: 'Gorlice, ul. Biecka 2',
      capacity,
      completionThresholdPercent: options.threshold,
      sessions,
      trainerIds: [trainer.id],
    });
  }

  const enrolments = (clock = BEFORE) => new EnrolmentService(db.orm.em.fork(), { clock });

  beforeAll(async () => {
    db = await createTestDatabase('academy');
    await db.orm.em.fork().execute(`insert into territorial_unit (teryt_code, name, level, gmina_type, is_city_with_powiat_rights, parent_teryt_code) values
      ('PL', 'Polska', 'COUNTRY', null, false, null), ('12', 'małopolskie', 'VOIVODESHIP', null, false, 'PL'),
      ('1205', 'gorlicki', 'POWIAT', null, false, '12'), ('1205011', 'Gorlice', 'GMINA', 'URBAN', false, '1205'),
      ('14', 'mazowieckie', 'VOIVODESHIP', null, false, 'PL')`);
    coordinator = await staff('koordynatorka@test.local', [StaffRole.ACADEMY_COORDINATOR]);
    trainer = await staff('trener@test.local', [StaffRole.TRAINER]);
    otherTrainer = await staff('inny.trener@test.local', [StaffRole.TRAINER]);
  });
  afterAll(() => db?.drop());

  it('announces an edition with its sessions sorted and dates taken from them', async () => {
    const created = await edition(10, { sessions: 3 });
    expect(created).toMatchObject({ workshopSlug: 'warsztat-doc1', capacity: 10, startsOn: '2030-04-10', endsOn: '2030-04-12', completionThresholdPercent: 80 });
  });

  it('refuses a trainer without the TRAINER role and a workshop the CMS does not have', async () => {
    const service = new WorkshopEditionService(db.orm.em.fork(), { workshops: catalogue });
    const base = { territory: '12', venue: 'Kraków', capacity: 5, sessions: [{ date: '2030-05-01', startsAt: '09:00', endsAt: '12:00' }] };
    await expect(service.create(coordinator, { ...base, workshopDocumentId: 'doc1', trainerIds: [coordinator.id] })).rejects.toMatchObject({ code: 'TRAINER_NOT_FOUND' });
    await expect(service.create(coordinator, { ...base, workshopDocumentId: 'missing-1', trainerIds: [] })).rejects.toMatchObject({ code: 'WORKSHOP_NOT_FOUND' });
    await expect(service.create(trainer, { ...base, workshopDocumentId: 'doc1', trainerIds: [] })).rejects.toMatchObject({ code: 'COORDINATOR_NOT_FOUND' });
  });

  it('confirms enrolments up to capacity, then waitlists them in order', async () => {
    const e = await edition(2);
    const results = [];
    for (const name of ['Anna Nowak', 'Jan Kowalski', 'Zofia Wiśniewska', 'Piotr Wójcik']) {
      results.push(await enrolments().enrol({ editionId: e.id, name, email: `${name.split(' ')[0].toLowerCase()}@przyklad.pl` }));
    }
    expect(results.map((r) => [r.enrolment.status, r.waitlistPosition])).toEqual([
      [EnrolmentStatus.CONFIRMED, null],
      [EnrolmentStatus.CONFIRMED, null],
      [EnrolmentStatus.WAITLISTED, 1],
      [EnrolmentStatus.WAITLISTED, 2],
    ]);
    await expect(enrolments().enrol({ editionId: e.id, name: 'Anna N.', email: 'ANNA@przyklad.pl' })).rejects.toMatchObject({ code: 'ALREADY_ENROLLED' });
  });

  it('promotes the longest-waiting person when a confirmed participant cancels with their token', async () => {
    const e = await edition(1);
    const first = await enrolments().enrol({ editionId: e.id, name: 'Ewa Pierwsza', email: 'ewa@przyklad.pl' });
    const second = await enrolments().enrol({ editionId: e.id, name: 'Olga Druga', email: 'olga@przyklad.pl' });
    const third = await enrolments().enrol({ editionId: e.id, name: 'Iga Trzecia', email: 'iga@przyklad.pl' });
    const { enrolment, promoted } = await enrolments().cancelByToken(first.cancelToken);
    expect(enrolment.status).toBe(EnrolmentStatus.CANCELLED);
    expect(promoted?.id).toBe(second.enrolment.id);
    expect(promoted?.status).toBe(EnrolmentStatus.CONFIRMED);
    // A waitlisted person cancelling frees no seat and promotes nobody.
    const waitlisted = await enrolments().cancelByToken(third.cancelToken);
    expect(waitlisted.promoted).toBeNull();
    await expect(enrolments().cancelByToken(first.cancelToken)).rejects.toMatchObject({ code: 'ALREADY_CANCELLED' });
    await expect(enrolments().cancelByToken('not-a-token')).rejects.toMatchObject({ code: 'INVALID_CANCEL_TOKEN' });
    const [row] = await db.orm.em.fork().execute<{ confirmed_count: number }[]>('select confirmed_count from workshop_edition where id = ?', [e.id]);
    expect(row.confirmed_count).toBe(1);
  });

  it('lets only the coordinator of the edition cancel on a participant’s behalf, and then frees the seat', async () => {
    const e = await edition(1);
    const only = await enrolments().enrol({ editionId: e.id, name: 'Adam Jedyny', email: 'adam@przyklad.pl' });
    await expect(enrolments().cancelByCoordinator(trainer, only.enrolment.id)).rejects.toMatchObject({ code: 'NOT_EDITION_STAFF' });
    const { promoted } = await enrolments().cancelByCoordinator(coordinator, only.enrolment.id);
    expect(promoted).toBeNull();
    const again = await enrolments().enrol({ editionId: e.id, name: 'Adam Jedyny', email: 'adam@przyklad.pl' });
    expect(again.enrolment.status).toBe(EnrolmentStatus.CONFIRMED);
  });

  it('closes enrolment once the edition has started', async () => {
    const e = await edition(5);
    await expect(enrolments(AFTER).enrol({ editionId: e.id, name: 'Spóźniona', email: 'spozniona@przyklad.pl' })).rejects.toMatchObject({ code: 'ENROLMENT_CLOSED' });
  });

  it('never overbooks when twelve people enrol for the last seat at the same moment', async () => {
    const e = await edition(3);
    await enrolments().enrol({ editionId: e.id, name: 'Osoba A', email: 'a@przyklad.pl' });
    await enrolments().enrol({ editionId: e.id, name: 'Osoba B', email: 'b@przyklad.pl' });
    const racers = Array.from({ length: 12 }, (_, i) => enrolments().enrol({ editionId: e.id, name: `Ścigająca ${i}`, email: `r${i}@przyklad.pl` }));
    const settled = await Promise.all(racers);
    const statuses = settled.map((r) => r.enrolment.status);
    expect(statuses.filter((s) => s === EnrolmentStatus.CONFIRMED)).toHaveLength(1);
    expect(statuses.filter((s) => s === EnrolmentStatus.WAITLISTED)).toHaveLength(11);
    expect(settled.map((r) => r.waitlistPosition).filter((p) => p !== null).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    const [row] = await db.orm.em.fork().execute<{ confirmed_count: number; confirmed_rows: string }[]>(
      `select confirmed_count, (select count(*) from workshop_enrolment where edition_id = e.id and status = 'CONFIRMED') as confirmed_rows from workshop_edition e where id = ?`,
      [e.id],
    );
    expect(row.confirmed_count).toBe(3);
    expect(Number(row.confirmed_rows)).toBe(3);
  });

  it('keeps seats and rows in step under concurrent cancellations and enrolments', async () => {
    const e = await edition(4);
    const seated = [];
    for (let i = 0; i < 8; i++) seated.push(await enrolments().enrol({ editionId: e.id, name: `Uczestnik ${i}`, email: `u${i}@przyklad.pl` }));
    await Promise.all([
      ...seated.slice(0, 3).map((s) => enrolments().cancelByToken(s.cancelToken)),
      ...Array.from({ length: 5 }, (_, i) => enrolments().enrol({ editionId: e.id, name: `Nowy ${i}`, email: `n${i}@przyklad.pl` })),
    ]);
    const [row] = await db.orm.em.fork().execute<{ confirmed_count: number; confirmed_rows: string }[]>(
      `select confirmed_count, (select count(*) from workshop_enrolment where edition_id = e.id and status = 'CONFIRMED') as confirmed_rows from workshop_edition e where id = ?`,
      [e.id],
    );
    expect(row.confirmed_count).toBe(4);
    expect(Number(row.confirmed_rows)).toBe(4);
    // The promoted were the earliest on the waitlist: seated[4..6] (queue order), not the newcomers.
    const statuses = await db.orm.em.fork().execute<{ participant_email: string; status: string }[]>(`select participant_email, status from workshop_enrolment where edition_id = ? and status = 'CONFIRMED' order by queue_number`, [e.id]);
    expect(statuses.map((s) => s.participant_email)).toEqual(['u3@przyklad.pl', 'u4@przyklad.pl', 'u5@przyklad.pl', 'u6@przyklad.pl']);
  });

  it('refuses an overbooking in the database itself, whatever the code path', async () => {
    const e = await edition(1);
    await expect(db.orm.em.fork().execute('update workshop_edition set confirmed_count = 2 where id = ?', [e.id])).rejects.toThrow(/workshop_edition_not_overbooked/);
  });

  describe('attendance, completion and certificates', () => {
    let editionId: string;
    let sessionIds: string[];
    let passing: string;
    let failing: string;
    let waitlisted: string;

    beforeAll(async () => {
      const e = await edition(2, { sessions: 5, threshold: 80 });
      editionId = e.id;
      passing = (await enrolments().enrol({ editionId, name: 'Małgorzata Żółć', email: 'mz@przyklad.pl' })).enrolment.id;
      failing = (await enrolments().enrol({ editionId, name: 'Łukasz Ślęzak', email: 'ls@przyklad.pl' })).enrolment.id;
      waitlisted = (await enrolments().enrol({ editionId, name: 'Czekający', email: 'cz@przyklad.pl' })).enrolment.id;
      sessionIds = (await db.orm.em.fork().execute<{ id: string }[]>('select id from workshop_session where edition_id = ? order by session_date', [editionId])).map((r) => r.id);
    });

    it('lets a trainer of the edition record attendance, but not a trainer of another one', async () => {
      await expect(enrolments(AFTER).recordAttendance(otherTrainer, sessionIds[0], [{ enrolmentId: passing, present: true }])).rejects.toMatchObject({ code: 'NOT_EDITION_STAFF' });
      await expect(enrolments(BEFORE).recordAttendance(trainer, sessionIds[0], [{ enrolmentId: passing, present: true }])).rejects.toMatchObject({ code: 'SESSION_IN_FUTURE' });
      await expect(enrolments(AFTER).recordAttendance(trainer, sessionIds[0], [{ enrolmentId: waitlisted, present: true }])).rejects.toMatchObject({ code: 'NOT_CONFIRMED' });
    });

    it('issues a certificate the moment attendance reaches 80 % (4 of 5) and not before', async () => {
      const changes = [];
      for (const [i, sessionId] of sessionIds.slice(0, 4).entries()) {
        const result = await enrolments(AFTER).recordAttendance(trainer, sessionId, [
          { enrolmentId: passing, present: true },
          { enrolmentId: failing, present: i < 3 },
        ]);
        changes.push(result.completion.find((c) => c.enrolmentId === passing)!.certificate);
        expect(result.completion.find((c) => c.enrolmentId === failing)!.completed).toBe(false);
      }
      expect(changes).toEqual(['UNCHANGED', 'UNCHANGED', 'UNCHANGED', 'ISSUED']);
      await expect(new CertificateService(db.orm.em.fork()).issue(coordinator, failing)).rejects.toMatchObject({ code: 'NOT_COMPLETED' });
    });

    it('verifies the certificate by its code, however it is typed, and reveals only name, edition and dates', async () => {
      const [{ code }] = await db.orm.em.fork().execute<{ code: string }[]>('select code from workshop_certificate where enrolment_id = ?', [passing]);
      const typed = `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`.toLowerCase();
      const verified = await new CertificateService(db.orm.em.fork()).verify(typed);
      expect(verified).toMatchObject({ code, valid: true, holderName: 'Małgorzata Żółć', editionId, startsOn: '2030-04-10', endsOn: '2030-04-14', workshopSlug: 'warsztat-doc1' });
      expect(JSON.stringify(verified)).not.toContain('mz@przyklad.pl');
      const wrongCheck = code.slice(0, 11) + (code[11] === '0' ? '1' : '0');
      expect(await new CertificateService(db.orm.em.fork()).verify(wrongCheck)).toBeNull();
    });

    it('revokes the certificate when attendance is corrected below the threshold, and restores it when corrected back', async () => {
      const down = await enrolments(AFTER).recordAttendance(trainer, sessionIds[0], [{ enrolmentId: passing, present: false }]);
      expect(down.completion[0]).toMatchObject({ attended: 3, certificate: 'REVOKED' });
      const [{ code }] = await db.orm.em.fork().execute<{ code: string }[]>('select code from workshop_certificate where enrolment_id = ?', [passing]);
      expect((await new CertificateService(db.orm.em.fork()).verify(code))?.valid).toBe(false);
      const up = await enrolments(AFTER).recordAttendance(coordinator, sessionIds[4], [{ enrolmentId: passing, present: true }]);
      expect(up.completion[0]).toMatchObject({ attended: 4, certificate: 'RESTORED' });
      expect((await new CertificateService(db.orm.em.fork()).verify(code))?.valid).toBe(true);
    });

    it('reports domain errors as AcademyError with a Polish message by default', async () => {
      const error = await enrolments().enrol({ editionId, name: ' ', email: 'x@y.pl' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AcademyError);
      expect((error as AcademyError).message).toMatch(/imię i nazwisko/);
    });
  });
});
