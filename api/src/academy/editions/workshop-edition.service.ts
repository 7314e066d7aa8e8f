import type { EntityManager } from '@mikro-orm/postgresql';
import type { StaffPrincipal } from '../../access';
import { StaffRole } from '../../access/staff-role';
import { isCalendarDate, type CalendarDate } from '../../shared/dates';
import { DEFAULT_LOCALE, type Locale } from '../../shared/i18n';
import { AcademyErrorCode } from '../academy-messages';
import { academyErrors, type EditionStaff } from '../academy-errors';
import { WorkshopEdition } from './workshop-edition.entity';

export interface SessionInput {
  date: CalendarDate;
  startsAt: string;
  endsAt: string;
}

export interface WorkshopEditionCreateCommand {
  workshopDocumentId: string;
  territory: string;
  venue: string;
  capacity: number;
  completionThresholdPercent?: number | null;
  sessions: SessionInput[];
  trainerIds: string[];
  /** Default: the staff member creating it. */
  coordinatorId?: string | null;
}

/** What the hub needs to know of a CMS workshop to schedule an edition of it. */
export interface WorkshopReference {
  documentId: string;
  slug: string;
}

/** Finds a published workshop in the CMS; throws CmsUnavailableError when the CMS cannot answer. */
export type WorkshopCatalogue = (documentId: string) => Promise<WorkshopReference | null>;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface EditionSearch {
  /** TERYT code; editions in the unit or any unit inside it. PL or undefined = everywhere. */
  territory?: string;
  /** Editions ending on or after this date. */
  from?: CalendarDate;
  /** Editions starting on or before this date. */
  to?: CalendarDate;
  workshopDocumentIds?: string[];
  limit: number;
  offset: number;
}

export class WorkshopEditionService {
  private readonly error: ReturnType<typeof academyErrors>;

  constructor(
    private readonly em: EntityManager,
    private readonly options: { locale?: Locale; workshops?: WorkshopCatalogue } = {},
  ) {
    this.error = academyErrors(options.locale ?? DEFAULT_LOCALE);
  }

  /** Announces an edition. Sessions are stored sorted; the edition's dates are the first and last session days. */
  async create(actor: StaffPrincipal, command: WorkshopEditionCreateCommand): Promise<WorkshopEdition> {
    const e = this.error;
    const venue = command.venue?.trim() ?? '';
    if (!venue || venue.length > 500) throw e(AcademyErrorCode.VENUE_REQUIRED, ['venue']);
    if (!Number.isInteger(command.capacity) || command.capacity < 1 || command.capacity > 10_000) throw e(AcademyErrorCode.INVALID_CAPACITY, ['capacity']);
    const threshold = command.completionThresholdPercent ?? 80;
    if (!Number.isInteger(threshold) || threshold < 1 || threshold > 100) throw e(AcademyErrorCode.INVALID_THRESHOLD, ['completionThresholdPercent']);
    if (!command.sessions?.length || command.sessions.length > 200) throw e(AcademyErrorCode.SESSIONS_REQUIRED, ['sessions']);
    command.sessions.forEach((s, i) => {
      if (!isCalendarDate(s.date) || !TIME.test(s.startsAt) || !TIME.test(s.endsAt) || s.endsAt <= s.startsAt) throw e(AcademyErrorCode.INVALID_SESSION, ['sessions', String(i)]);
    });
    const sessions = [...command.sessions].sort((a, b) => a.date.localeCompare(b.date) || a.startsAt.localeCompare(b.startsAt));
    if (new Set(sessions.map((s) => `${s.date} ${s.startsAt}`)).size !== sessions.length) throw e(AcademyErrorCode.DUPLICATE_SESSION, ['sessions']);

    const [unit] = await this.em.execute<{ teryt_code: string }[]>('select teryt_code from territorial_unit where teryt_code = ?', [command.territory]);
    if (!unit) throw e(AcademyErrorCode.TERRITORY_NOT_FOUND, ['territory']);

    const coordinatorId = command.coordinatorId ?? actor.id;
    const trainerIds = [...new Set(command.trainerIds ?? [])];
    const staff = await this.em.execute<{ id: string; roles: string[] }[]>(
      `select id, roles from staff_user where active and id in (select value::uuid from jsonb_array_elements_text(?::jsonb))`,
      [JSON.stringify([coordinatorId, ...trainerIds].filter((id) => /^[0-9a-f-]{36}$/i.test(id)))],
    );
    const hasRole = (id: string, role: StaffRole) => staff.some((s) => s.id === id && (s.roles.includes(role) || s.roles.includes(StaffRole.ADMIN)));
    if (!hasRole(coordinatorId, StaffRole.ACADEMY_COORDINATOR)) throw e(AcademyErrorCode.COORDINATOR_NOT_FOUND, ['coordinatorId']);
    const badTrainer = trainerIds.findIndex((id) => !staff.some((s) => s.id === id && s.roles.includes(StaffRole.TRAINER)));
    if (badTrainer >= 0) throw e(AcademyErrorCode.TRAINER_NOT_FOUND, ['trainerIds', String(badTrainer)]);

    const workshop = await this.lookUpWorkshop(command.workshopDocumentId);

    const id = await this.em.transactional(async (tx) => {
      const [row] = await tx.execute<{ id: string }[]>(
        `insert into workshop_edition (workshop_document_id, workshop_slug, territory_teryt_code, venue, capacity, completion_threshold_percent, coordinator_id, starts_on, ends_on)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
        [workshop.documentId, workshop.slug, command.territory, venue, command.capacity, threshold, coordinatorId, sessions[0].date, sessions[sessions.length - 1].date],
      );
      await tx.execute(
        `insert into workshop_session (edition_id, session_date, starts_at, ends_at)
         select ?, s.date, s.starts_at, s.ends_at from jsonb_to_recordset(?::jsonb) as s(date date, starts_at text, ends_at text)`,
        [row.id, JSON.stringify(sessions.map((s) => ({ date: s.date, starts_at: s.startsAt, ends_at: s.endsAt })))],
      );
      if (trainerIds.length) {
        await tx.execute(`insert into workshop_edition_trainer (edition_id, trainer_id) select ?, value::uuid from jsonb_array_elements_text(?::jsonb)`, [row.id, JSON.stringify(trainerIds)]);
      }
      return row.id;
    });
    return this.em.findOneOrFail(WorkshopEdition, id, { refresh: true });
  }

  private async lookUpWorkshop(documentId: string): Promise<{ documentId: string; slug: string }> {
    if (!documentId?.trim() || documentId.length > 64) throw this.error(AcademyErrorCode.WORKSHOP_NOT_FOUND, ['workshopDocumentId']);
    if (!this.options.workshops) throw this.error(AcademyErrorCode.CMS_UNAVAILABLE, ['workshopDocumentId']);
    let found: WorkshopReference | null;
    try {
      found = await this.options.workshops(documentId);
    } catch (error) {
      if ((error as Error).name === 'CmsUnavailableError' || (error as { code?: string }).code === 'CMS_UNAVAILABLE') throw this.error(AcademyErrorCode.CMS_UNAVAILABLE, ['workshopDocumentId']);
      throw error;
    }
    if (!found) throw this.error(AcademyErrorCode.WORKSHOP_NOT_FOUND, ['workshopDocumentId']);
    return found;
  }

  /** Editions in a territory (with every unit inside it) overlapping a date range, soonest first. */
  async search(search: EditionSearch): Promise<{ rows: WorkshopEdition[]; totalCount: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (search.territory && search.territory !== 'PL') {
      where.push('territory_teryt_code like ?');
      params.push(`${search.territory}%`);
    }
    if (search.from) {
      where.push('ends_on >= ?');
      params.push(search.from);
    }
    if (search.to) {
      where.push('starts_on <= ?');
      params.push(search.to);
    }
    if (search.workshopDocumentIds) {
      where.push('workshop_document_id in (select value from jsonb_array_elements_text(?::jsonb))');
      params.push(JSON.stringify(search.workshopDocumentIds));
    }
    const sql = `from workshop_edition ${where.length ? `where ${where.join(' and ')}` : ''}`;
    const [{ count }] = await this.em.execute<{ count: string }[]>(`select count(*) as count ${sql}`, params);
    const ids = await this.em.execute<{ id: string }[]>(`select id ${sql} order by starts_on, id limit ? offset ?`, [...params, search.limit, search.offset]);
    const rows = ids.length ? await this.em.find(WorkshopEdition, { id: { $in: ids.map((r) => r.id) } }) : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return { rows: ids.map((r) => byId.get(r.id)!), totalCount: Number(count) };
  }
}

/** Coordinator and trainers of editions, in one statement. */
export async function loadEditionStaff(em: EntityManager, editionIds: readonly string[]): Promise<Map<string, EditionStaff>> {
  const rows = await em.execute<{ id: string; coordinator_id: string; trainer_ids: string[] | null }[]>(
    `select e.id, e.coordinator_id, array_remove(array_agg(t.trainer_id::text), null) as trainer_ids
     from workshop_edition e left join workshop_edition_trainer t on t.edition_id = e.id
     where e.id in (select value::uuid from jsonb_array_elements_text(?::jsonb)) group by e.id`,
    [JSON.stringify([...new Set(editionIds)])],
  );
  return new Map(rows.map((r) => [r.id, { coordinatorId: r.coordinator_id, trainerIds: r.trainer_ids ?? [] }]));
}
