import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { StaffRole, StaffUser, canAccess, type StaffPrincipal } from '../../access';
import { SocialEconomyEntity } from '../../observatory';
import type { CalendarDate } from '../../shared/dates';
import { DEFAULT_LOCALE, type Locale } from '../../shared/i18n';
import type { PageWindow } from '../../shared/relay';
import { COUNTRY_CODE } from '../../territory';
import { fail } from '../clients/fail';
import { FundClient } from '../clients/fund-client.entity';
import { AdvisoryCase, AdvisoryOutcome, AdvisorySession, hoursToMinutes } from './advisory-case.entity';
import { AdvisoryKind, AdvisoryOutcomeKind, AdvisorySessionMode } from './advisory-enums';
import { AdvisoryErrorCode, advisoryMessages } from './advisory-messages';

export type Actor = Pick<StaffPrincipal, 'id' | 'roles'>;

export interface AdvisoryCaseOpening {
  clientId: string;
  kind: AdvisoryKind;
  topics: string[];
  openedOn: CalendarDate;
  /** Default: the actor, who must then be an advisor. */
  advisorId?: string | null;
}

export interface AdvisorySessionRecording {
  caseId: string;
  heldOn: CalendarDate;
  /** Decimal hours in quarter-hours, e.g. "1.75". */
  hours: string;
  mode: AdvisorySessionMode;
  note?: string | null;
}

export interface AdvisoryOutcomeRecording {
  caseId: string;
  kind: AdvisoryOutcomeKind;
  achievedOn: CalendarDate;
  entityId?: string | null;
  jobsCount?: number | null;
  description?: string | null;
}

/** Which cases a list shows: by advisor, by territory (the unit and everything inside it), by kind. */
export interface AdvisoryCaseFilter {
  advisorId?: string | null;
  /** TERYT code of a voivodeship, powiat or gmina (or PL); the client's territory must lie within it. */
  terytCode?: string | null;
  kind?: AdvisoryKind | null;
}

export interface AdvisorTotals {
  advisorId: string;
  caseCount: number;
  sessionCount: number;
  minutes: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Advisory cases, sessions and outcomes: the rules. Every command flushes once. */
export class AdvisoryService {
  constructor(
    private readonly em: EntityManager,
    private readonly locale: Locale = DEFAULT_LOCALE,
  ) {}

  private error(code: AdvisoryErrorCode, field: string[], vars: Record<string, string> = {}) {
    return fail(advisoryMessages, code, this.locale, field, vars);
  }

  async openCase(input: AdvisoryCaseOpening, actor: Actor): Promise<AdvisoryCase> {
    const client = UUID.test(input.clientId) ? await this.em.findOne(FundClient, { id: input.clientId }) : null;
    if (!client) throw this.error(AdvisoryErrorCode.CLIENT_NOT_FOUND, ['input', 'clientId']);
    const advisorId = input.advisorId ?? actor.id;
    // An advisor opens cases for themselves; assigning a colleague is a fund officer's job.
    if (advisorId !== actor.id && !canAccess(actor as StaffPrincipal, [StaffRole.FUND_OFFICER])) throw this.error(AdvisoryErrorCode.NOT_CASE_ADVISOR, ['input', 'advisorId']);
    const advisor = UUID.test(advisorId) ? await this.em.findOne(StaffUser, { id: advisorId, active: true }) : null;
    if (!advisor) throw this.error(AdvisoryErrorCode.ADVISOR_NOT_FOUND, ['input', 'advisorId']);
    if (!advisor.hasRole(StaffRole.ADVISOR)) throw this.error(AdvisoryErrorCode.NOT_AN_ADVISOR, ['input', 'advisorId']);
    const topics = [...new Set((input.topics ?? []).map((t) => t.trim()).filter(Boolean))];
    if (!topics.length) throw this.error(AdvisoryErrorCode.TOPICS_REQUIRED, ['input', 'topics']);
    const advisoryCase = Object.assign(new AdvisoryCase(), {
      client,
      advisor,
      kind: input.kind,
      topics,
      openedOn: input.openedOn,
      openedBy: this.em.getReference(StaffUser, actor.id),
    });
    this.em.persist(advisoryCase);
    await this.em.flush();
    return advisoryCase;
  }

  /** The case, if the actor may write to it: its advisor, a fund officer, or an administrator. */
  private async writableCase(caseId: string, actor: Actor): Promise<AdvisoryCase> {
    const found = UUID.test(caseId) ? await this.em.findOne(AdvisoryCase, { id: caseId }) : null;
    if (!found) throw this.error(AdvisoryErrorCode.CASE_NOT_FOUND, ['input', 'caseId']);
    if (found.advisor.id !== actor.id && !canAccess(actor as StaffPrincipal, [StaffRole.FUND_OFFICER])) throw this.error(AdvisoryErrorCode.NOT_CASE_ADVISOR, ['input', 'caseId']);
    return found;
  }

  async recordSession(input: AdvisorySessionRecording, actor: Actor): Promise<AdvisorySession> {
    const advisoryCase = await this.writableCase(input.caseId, actor);
    const minutes = hoursToMinutes(input.hours ?? '');
    if (minutes === null) throw this.error(AdvisoryErrorCode.HOURS_INVALID, ['input', 'hours']);
    if (input.heldOn < advisoryCase.openedOn) throw this.error(AdvisoryErrorCode.DATE_BEFORE_CASE, ['input', 'heldOn'], { openedOn: advisoryCase.openedOn });
    const session = Object.assign(new AdvisorySession(), {
      advisoryCase,
      heldOn: input.heldOn,
      minutes,
      mode: input.mode,
      note: input.note?.trim() || null,
      recordedBy: this.em.getReference(StaffUser, actor.id),
    });
    this.em.persist(session);
    await this.em.flush();
    return session;
  }

  async recordOutcome(input: AdvisoryOutcomeRecording, actor: Actor): Promise<AdvisoryOutcome> {
    const advisoryCase = await this.writableCase(input.caseId, actor);
    if (input.achievedOn < advisoryCase.openedOn) throw this.error(AdvisoryErrorCode.DATE_BEFORE_CASE, ['input', 'achievedOn'], { openedOn: advisoryCase.openedOn });
    let entity: SocialEconomyEntity | null = null;
    if (input.kind === AdvisoryOutcomeKind.ENTITY_FOUNDED) {
      if (!input.entityId) throw this.error(AdvisoryErrorCode.OUTCOME_ENTITY_REQUIRED, ['input', 'entityId']);
      entity = UUID.test(input.entityId) ? await this.em.findOne(SocialEconomyEntity, { id: input.entityId }) : null;
      if (!entity) throw this.error(AdvisoryErrorCode.OUTCOME_ENTITY_NOT_FOUND, ['input', 'entityId']);
    }
    const jobsCount = input.kind === AdvisoryOutcomeKind.JOBS_CREATED ? input.jobsCount : null;
    if (input.kind === AdvisoryOutcomeKind.JOBS_CREATED && !(Number.isInteger(jobsCount) && jobsCount! > 0 && jobsCount! <= 10_000)) {
      throw this.error(AdvisoryErrorCode.JOBS_COUNT_INVALID, ['input', 'jobsCount']);
    }
    const description = input.description?.trim() || null;
    if (input.kind === AdvisoryOutcomeKind.OTHER && !description) throw this.error(AdvisoryErrorCode.DESCRIPTION_REQUIRED, ['input', 'description']);
    const outcome = Object.assign(new AdvisoryOutcome(), {
      advisoryCase,
      kind: input.kind,
      entity,
      jobsCount,
      description,
      achievedOn: input.achievedOn,
      recordedBy: this.em.getReference(StaffUser, actor.id),
    });
    this.em.persist(outcome);
    await this.em.flush();
    return outcome;
  }

  private where(filter: AdvisoryCaseFilter): FilterQuery<AdvisoryCase> {
    const where: FilterQuery<AdvisoryCase> & Record<string, unknown> = {};
    if (filter.advisorId) where.advisor = UUID.test(filter.advisorId) ? filter.advisorId : '00000000-0000-0000-0000-000000000000';
    if (filter.kind) where.kind = filter.kind;
    // A TERYT code's descendants are the codes it prefixes (territory's isWithin); digits need no LIKE escaping.
    if (filter.terytCode && filter.terytCode !== COUNTRY_CODE) where.client = { territory: { terytCode: { $like: `${filter.terytCode}%` } } };
    return where;
  }

  /** One page of cases, newest opened first (then id), with the total. */
  async list(filter: AdvisoryCaseFilter, window: PageWindow): Promise<{ rows: AdvisoryCase[]; totalCount: number }> {
    const where = this.where(filter);
    if (window.limit === 0) return { rows: [], totalCount: await this.em.count(AdvisoryCase, where) };
    const [rows, totalCount] = await this.em.findAndCount(AdvisoryCase, where, { orderBy: { openedOn: 'desc', id: 'asc' }, limit: window.limit, offset: window.offset });
    return { rows, totalCount };
  }

  /** Cases and hours per advisor among the cases the filter admits, most hours first. One statement. */
  async totalsByAdvisor(filter: Omit<AdvisoryCaseFilter, 'advisorId'> = {}): Promise<AdvisorTotals[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (filter.kind) {
      conditions.push('c.kind = ?');
      params.push(filter.kind);
    }
    if (filter.terytCode && filter.terytCode !== COUNTRY_CODE) {
      conditions.push('starts_with(fc.territory_teryt_code, ?)');
      params.push(filter.terytCode);
    }
    const rows = await this.em.execute<{ advisor_id: string; cases: string; sessions: string; minutes: string }[]>(
      `select c.advisor_id, count(distinct c.id) as cases, count(s.id) as sessions, coalesce(sum(s.minutes), 0) as minutes
       from advisory_case c
       join fund_client fc on fc.id = c.client_id
       left join advisory_session s on s.advisory_case_id = c.id
       where ${conditions.length ? conditions.join(' and ') : 'true'}
       group by c.advisor_id
       order by minutes desc, c.advisor_id`,
      params,
    );
    return rows.map((r) => ({ advisorId: r.advisor_id, caseCount: Number(r.cases), sessionCount: Number(r.sessions), minutes: Number(r.minutes) }));
  }
}
