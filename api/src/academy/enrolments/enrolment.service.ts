import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { StaffPrincipal } from '../../access';
import { dateInPoland } from '../../shared/dates';
import { DEFAULT_LOCALE, type Locale } from '../../shared/i18n';
import { AcademyErrorCode } from '../academy-messages';
import { academyErrors, isEditionCoordinator, isEditionStaff, isPlausibleEmail, normaliseEmail, UUID } from '../academy-errors';
import { loadEditionStaff } from '../editions/workshop-edition.service';
import { CertificateService, type CompletionChange } from '../certificates/certificate.service';
import { EnrolmentStatus, CancelledBy } from './enrolment-status';
import { WorkshopEnrolment } from './workshop-enrolment.entity';

export interface EnrolCommand {
  editionId: string;
  name: string;
  email: string;
}

export interface EnrolResult {
  enrolment: WorkshopEnrolment;
  /** Handed to the participant once (e.g. in the confirmation email); only its hash is stored. */
  cancelToken: string;
  /** 1-based place on the waitlist; null when confirmed. */
  waitlistPosition: number | null;
}

export interface CancelResult {
  enrolment: WorkshopEnrolment;
  /** The waitlisted enrolment that took the freed seat, if any. */
  promoted: WorkshopEnrolment | null;
}

export interface AttendanceEntry {
  enrolmentId: string;
  present: boolean;
}

export interface AttendanceResult {
  recorded: number;
  completion: CompletionChange[];
}

export const hashCancelToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Enrolment with a FIFO waitlist, cancellation with automatic promotion, and attendance. Every
 * command that moves seats locks the edition row first (`select … for update`), so concurrent
 * enrolments for the last seat are served one after another; the `confirmed_count ≤ capacity`
 * check constraint refuses an overbooking even if a future code path forgot the lock.
 */
export class EnrolmentService {
  private readonly error: ReturnType<typeof academyErrors>;

  constructor(
    private readonly em: EntityManager,
    private readonly options: { locale?: Locale; clock?: () => Date } = {},
  ) {
    this.error = academyErrors(options.locale ?? DEFAULT_LOCALE);
  }

  private today(): string {
    return dateInPoland((this.options.clock ?? (() => new Date()))());
  }

  async enrol(command: EnrolCommand): Promise<EnrolResult> {
    const e = this.error;
    const name = command.name?.trim().replace(/\s+/g, ' ') ?? '';
    if (!name || name.length > 200) throw e(AcademyErrorCode.NAME_REQUIRED, ['name']);
    const email = normaliseEmail(command.email ?? '');
    if (!isPlausibleEmail(email)) throw e(AcademyErrorCode.INVALID_EMAIL, ['email']);
    if (!UUID.test(command.editionId ?? '')) throw e(AcademyErrorCode.EDITION_NOT_FOUND, ['editionId']);
    const cancelToken = randomBytes(24).toString('base64url');

    const result = await this.em.transactional(async (tx) => {
      const [edition] = await tx.execute<{ id: string; capacity: number; confirmed_count: number; starts_on: string }[]>(
        'select id, capacity, confirmed_count, starts_on from workshop_edition where id = ? for update',
        [command.editionId],
      );
      if (!edition) throw e(AcademyErrorCode.EDITION_NOT_FOUND, ['editionId']);
      if (this.today() >= edition.starts_on) throw e(AcademyErrorCode.ENROLMENT_CLOSED, ['editionId']);
      const [taken] = await tx.execute(`select 1 from workshop_enrolment where edition_id = ? and participant_email = ? and status <> 'CANCELLED'`, [edition.id, email]);
      if (taken) throw e(AcademyErrorCode.ALREADY_ENROLLED, ['email']);
      const status = edition.confirmed_count < edition.capacity ? EnrolmentStatus.CONFIRMED : EnrolmentStatus.WAITLISTED;
      if (status === EnrolmentStatus.CONFIRMED) await tx.execute('update workshop_edition set confirmed_count = confirmed_count + 1 where id = ?', [edition.id]);
      const [row] = await tx.execute<{ id: string; queue_number: string }[]>(
        `insert into workshop_enrolment (edition_id, participant_name, participant_email, status, cancel_token_hash, confirmed_at)
         values (?, ?, ?, ?, ?, ${status === EnrolmentStatus.CONFIRMED ? 'now()' : 'null'}) returning id, queue_number`,
        [edition.id, name, email, status, hashCancelToken(cancelToken)],
      );
      const position = status === EnrolmentStatus.WAITLISTED ? await this.waitlistPosition(tx, edition.id, row.queue_number) : null;
      return { id: row.id, position };
    });
    return { enrolment: await this.reload(result.id), cancelToken, waitlistPosition: result.position };
  }

  /** Cancels by the token the participant got at enrolment; closed once the edition has started. */
  async cancelByToken(token: string): Promise<CancelResult> {
    const [found] = token ? await this.em.execute<{ id: string }[]>('select id from workshop_enrolment where cancel_token_hash = ?', [hashCancelToken(token)]) : [];
    if (!found) throw this.error(AcademyErrorCode.INVALID_CANCEL_TOKEN, ['cancelToken']);
    return this.cancel(found.id, CancelledBy.PARTICIPANT);
  }

  /** Cancels on behalf of a participant: the edition's coordinator (or ADMIN), at any time. */
  async cancelByCoordinator(actor: StaffPrincipal, enrolmentId: string): Promise<CancelResult> {
    const editionId = await this.editionOf(enrolmentId);
    const staff = (await loadEditionStaff(this.em, [editionId])).get(editionId);
    if (!isEditionCoordinator(actor, staff)) throw this.error(AcademyErrorCode.NOT_EDITION_STAFF, ['enrolmentId']);
    return this.cancel(enrolmentId, CancelledBy.COORDINATOR);
  }

  private async cancel(enrolmentId: string, by: CancelledBy): Promise<CancelResult> {
    const e = this.error;
    const promotedId = await this.em.transactional(async (tx) => {
      const editionId = await this.editionOf(enrolmentId, tx);
      const [edition] = await tx.execute<{ starts_on: string }[]>('select starts_on from workshop_edition where id = ? for update', [editionId]);
      const [enrolment] = await tx.execute<{ status: EnrolmentStatus }[]>('select status from workshop_enrolment where id = ? for update', [enrolmentId]);
      if (enrolment.status === EnrolmentStatus.CANCELLED) throw e(AcademyErrorCode.ALREADY_CANCELLED, ['enrolmentId']);
      const started = this.today() >= edition.starts_on;
      if (started && by === CancelledBy.PARTICIPANT) throw e(AcademyErrorCode.ENROLMENT_CLOSED, ['cancelToken']);
      await tx.execute(`update workshop_enrolment set status = 'CANCELLED', cancelled_at = now(), cancelled_by = ? where id = ?`, [by, enrolmentId]);
      if (enrolment.status !== EnrolmentStatus.CONFIRMED) return null;
      // The freed seat goes to the longest-waiting person, unless the edition is already under way.
      const [next] = started
        ? []
        : await tx.execute<{ id: string }[]>(`select id from workshop_enrolment where edition_id = ? and status = 'WAITLISTED' order by queue_number limit 1 for update`, [editionId]);
      if (next) {
        await tx.execute(`update workshop_enrolment set status = 'CONFIRMED', confirmed_at = now() where id = ?`, [next.id]);
        return next.id;
      }
      await tx.execute('update workshop_edition set confirmed_count = confirmed_count - 1 where id = ?', [editionId]);
      return null;
    });
    return { enrolment: await this.reload(enrolmentId), promoted: promotedId ? await this.reload(promotedId) : null };
  }

  /**
   * Records who was present at a session (a trainer or the coordinator of the edition, or ADMIN),
   * then applies the completion rule to the participants concerned: certificates are issued the
   * moment someone reaches the threshold and revoked if a correction takes them below it.
   */
  async recordAttendance(actor: StaffPrincipal, sessionId: string, entries: AttendanceEntry[]): Promise<AttendanceResult> {
    const e = this.error;
    if (!UUID.test(sessionId ?? '')) throw e(AcademyErrorCode.SESSION_NOT_FOUND, ['sessionId']);
    const [session] = await this.em.execute<{ edition_id: string; session_date: string }[]>('select edition_id, session_date from workshop_session where id = ?', [sessionId]);
    if (!session) throw e(AcademyErrorCode.SESSION_NOT_FOUND, ['sessionId']);
    const staff = (await loadEditionStaff(this.em, [session.edition_id])).get(session.edition_id);
    if (!isEditionStaff(actor, staff)) throw e(AcademyErrorCode.NOT_EDITION_STAFF, ['sessionId']);
    if (session.session_date > this.today()) throw e(AcademyErrorCode.SESSION_IN_FUTURE, ['sessionId']);
    const ids = [...new Set(entries.map((x) => x.enrolmentId))];
    const bad = entries.findIndex((x) => !UUID.test(x.enrolmentId));
    if (bad >= 0) throw e(AcademyErrorCode.NOT_CONFIRMED, ['attendance', String(bad), 'enrolmentId']);
    return this.em.transactional(async (tx) => {
      const confirmed = await tx.execute<{ id: string }[]>(
        `select id from workshop_enrolment where edition_id = ? and status = 'CONFIRMED' and id in (select value::uuid from jsonb_array_elements_text(?::jsonb))`,
        [session.edition_id, JSON.stringify(ids)],
      );
      const notConfirmed = entries.findIndex((x) => !confirmed.some((c) => c.id === x.enrolmentId.toLowerCase()));
      if (notConfirmed >= 0) throw e(AcademyErrorCode.NOT_CONFIRMED, ['attendance', String(notConfirmed), 'enrolmentId']);
      await tx.execute(
        `insert into workshop_attendance (session_id, enrolment_id, present, recorded_by_id)
         select ?, a.enrolment_id, a.present, ? from jsonb_to_recordset(?::jsonb) as a(enrolment_id uuid, present boolean)
         on conflict (session_id, enrolment_id) do update set present = excluded.present, recorded_by_id = excluded.recorded_by_id, recorded_at = now()`,
        [sessionId, actor.id, JSON.stringify(entries.map((x) => ({ enrolment_id: x.enrolmentId, present: x.present })))],
      );
      const completion = await new CertificateService(tx, this.options).applyCompletionRule(ids);
      return { recorded: entries.length, completion };
    });
  }

  private async waitlistPosition(em: EntityManager, editionId: string, queueNumber: string): Promise<number> {
    const [{ position }] = await em.execute<{ position: string }[]>(
      `select count(*) as position from workshop_enrolment where edition_id = ? and status = 'WAITLISTED' and queue_number <= ?`,
      [editionId, queueNumber],
    );
    return Number(position);
  }

  private async editionOf(enrolmentId: string, em: EntityManager = this.em): Promise<string> {
    if (!UUID.test(enrolmentId ?? '')) throw this.error(AcademyErrorCode.ENROLMENT_NOT_FOUND, ['enrolmentId']);
    const [row] = await em.execute<{ edition_id: string }[]>('select edition_id from workshop_enrolment where id = ?', [enrolmentId]);
    if (!row) throw this.error(AcademyErrorCode.ENROLMENT_NOT_FOUND, ['enrolmentId']);
    return row.edition_id;
  }

  private reload(id: string): Promise<WorkshopEnrolment> {
    return this.em.findOneOrFail(WorkshopEnrolment, id, { refresh: true });
  }
}

/** 1-based waitlist places of enrolments, in one statement (for the GraphQL field). */
export async function waitlistPositions(em: EntityManager, enrolmentIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await em.execute<{ id: string; position: string }[]>(
    `select id, position from (
       select w.id, row_number() over (partition by w.edition_id order by w.queue_number) as position
       from workshop_enrolment w
       where w.status = 'WAITLISTED' and w.edition_id in (select edition_id from workshop_enrolment where id in (select value::uuid from jsonb_array_elements_text(?::jsonb)))
     ) ranked where id in (select value::uuid from jsonb_array_elements_text(?::jsonb))`,
    [JSON.stringify(enrolmentIds), JSON.stringify(enrolmentIds)],
  );
  return new Map(rows.map((r) => [r.id, Number(r.position)]));
}
