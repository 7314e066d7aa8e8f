import type { EntityDictionary, EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../../shared/errors';
import { dateInPoland, type CalendarDate } from '../../../shared/dates';
import { EntityState } from './entity-state.entity';
import { RegistryEvent } from './registry-event.entity';
import type { RegistryEventKind } from './registry-event-kind';
import { diffTimelines, isRetroactive, replayEvents, versionAt, type RecordedTimelineEvent, type RegistryEventDetails, type StoredVersion, type TimelineEvent, type TimelineVersion } from './timeline';

export type RegistryHistoryErrorCode = 'ENTITY_NOT_FOUND' | 'UNKNOWN_SEAT' | 'RECORDED_IN_FUTURE' | 'RECORDED_BEFORE_LAST_CHANGE';

/** An event to record for an entity. */
export interface EntityEventInput {
  entityId: string;
  kind: RegistryEventKind;
  occurredOn: CalendarDate;
  details?: RegistryEventDetails;
}

export interface RecordEventOptions {
  /** When the registry learned it; default now. Never in the future, never before the entity's last recorded change. */
  recordedAt?: Date;
}

export interface RecordedEvent {
  eventId: string;
  entityId: string;
  /** The event was dated before versions already known, so it rewrote history (old rows kept as past knowledge). */
  retroactive: boolean;
}

export interface RecordEventsResult {
  events: RecordedEvent[];
  /** Versions that stopped being current knowledge (recorded_to set) or, recorded the same instant, were dropped. */
  versionsClosed: number;
  versionsInserted: number;
  snapshotsUpdated: number;
}

/** A point on either time axis; omitted axes mean "today" (valid time) and "now" (record time). */
export interface AsOf {
  /** Calendar date on the valid-time axis: what held in the world that day. */
  validAt?: CalendarDate | null;
  /** Instant on the record-time axis: what the registry believed then. */
  recordedAt?: Date | null;
}

const STATE_COLUMNS = 'id, entity_id, legal_form, seat_teryt_code, status, social_enterprise, valid_from, valid_to, recorded_from, recorded_to';
const ids = (values: readonly string[]) => JSON.stringify([...new Set(values)]);
const IN_IDS = `in (select value::uuid from jsonb_array_elements_text(?::jsonb))`;

interface StateRow {
  id: string;
  entity_id: string;
  legal_form: string;
  seat_teryt_code: string;
  status: string;
  social_enterprise: boolean;
  valid_from: string;
  valid_to: string | null;
  recorded_from: string;
  recorded_to: string | null;
}

const toStored = (r: StateRow): StoredVersion => ({
  id: String(r.id),
  legalForm: r.legal_form as StoredVersion['legalForm'],
  seatCode: r.seat_teryt_code,
  status: r.status as StoredVersion['status'],
  socialEnterprise: r.social_enterprise,
  validFrom: r.valid_from,
  validTo: r.valid_to,
});

/** The record-time condition: current knowledge, or what was believed at an instant. */
function recordedCondition(recordedAt: Date | null | undefined): { sql: string; params: unknown[] } {
  if (!recordedAt) return { sql: 's.recorded_to is null', params: [] };
  const at = recordedAt.toISOString();
  return { sql: 's.recorded_from <= ?::timestamptz and (s.recorded_to is null or s.recorded_to > ?::timestamptz)', params: [at, at] };
}

/**
 * The registry's bitemporal history. Events are applied on valid time by the pure timeline
 * functions; the difference to current knowledge is written as closed rows (`recorded_to`) and
 * new rows (`recorded_from`), one instant for the whole call, so any earlier belief can be
 * replayed. The `social_economy_entity` snapshot follows the version valid today. Set-based:
 * one statement per step whatever the number of events.
 */
export class RegistryHistoryService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Records one event; see recordEvents. */
  async recordEvent(entityId: string, event: Omit<EntityEventInput, 'entityId'>, options: RecordEventOptions = {}): Promise<RecordedEvent> {
    const { events } = await this.recordEvents([{ ...event, entityId }], options);
    return events[0];
  }

  /**
   * Records events (in the order given, per entity) in one transaction. An event dated before
   * versions already known is a correction: rows it contradicts get `recorded_to`, the corrected
   * timeline is inserted with `recorded_from`, so "as recorded at" an earlier instant still sees
   * the old belief. Throws DomainError (TimelineError for events that cannot apply).
   */
  async recordEvents(inputs: readonly EntityEventInput[], options: RecordEventOptions = {}): Promise<RecordEventsResult> {
    if (!inputs.length) return { events: [], versionsClosed: 0, versionsInserted: 0, snapshotsUpdated: 0 };
    const now = this.clock();
    const recordedAt = options.recordedAt ?? now;
    if (recordedAt.getTime() > now.getTime()) throw new DomainError<RegistryHistoryErrorCode>('RECORDED_IN_FUTURE', 'An event cannot be recorded in the future', ['recordedAt']);
    const entityIds = [...new Set(inputs.map((e) => e.entityId.toLowerCase()))];

    return this.em.transactional(async (tx) => {
      // Lock the entities so two writers cannot both derive a timeline from the same rows.
      const found = await tx.execute<{ id: string }[]>(`select id from social_economy_entity where id ${IN_IDS} order by id for update`, [ids(entityIds)]);
      const missing = entityIds.filter((id) => !found.some((f) => f.id === id));
      if (missing.length) throw new DomainError<RegistryHistoryErrorCode>('ENTITY_NOT_FOUND', `No social economy entity has the id ${missing[0]}`, ['entityId']);

      const [{ latest }] = await tx.execute<{ latest: string | null }[]>(
        `select greatest((select max(recorded_from) from entity_state where entity_id ${IN_IDS}), (select max(recorded_to) from entity_state where entity_id ${IN_IDS}),
                         (select max(recorded_at) from registry_event where entity_id ${IN_IDS})) as latest`,
        [ids(entityIds), ids(entityIds), ids(entityIds)],
      );
      if (latest && new Date(latest).getTime() > recordedAt.getTime()) {
        throw new DomainError<RegistryHistoryErrorCode>('RECORDED_BEFORE_LAST_CHANGE', `The registry already recorded a later change (${new Date(latest).toISOString()}); record this event at or after it`, ['recordedAt']);
      }

      const seats = [...new Set(inputs.map((e) => e.details?.seatCode).filter((c): c is string => typeof c === 'string'))];
      if (seats.length) {
        const known = await tx.execute<{ code: string }[]>(`select teryt_code as code from territorial_unit where teryt_code in (select value from jsonb_array_elements_text(?::jsonb))`, [JSON.stringify(seats)]);
        const unknown = seats.find((c) => !known.some((k) => k.code === c));
        if (unknown) throw new DomainError<RegistryHistoryErrorCode>('UNKNOWN_SEAT', `No territorial unit has the TERYT code ${unknown}`, ['details', 'seatCode']);
      }

      const rows = await tx.execute<StateRow[]>(`select ${STATE_COLUMNS} from entity_state s where entity_id ${IN_IDS} and recorded_to is null order by entity_id, valid_from`, [ids(entityIds)]);
      const before = new Map<string, StoredVersion[]>(entityIds.map((id) => [id, []]));
      for (const row of rows) before.get(row.entity_id)!.push(toStored(row));

      // Events are the source of truth: the new timeline is a replay of every event, old and new.
      const known = await tx.execute<{ entity_id: string; kind: RegistryEventKind; occurred_on: string; recorded_at: string; details: RegistryEventDetails }[]>(
        `select entity_id, kind, occurred_on, recorded_at, details from registry_event where entity_id ${IN_IDS} order by recorded_at, id`,
        [ids(entityIds)],
      );
      const history = new Map<string, RecordedTimelineEvent[]>(entityIds.map((id) => [id, []]));
      for (const e of known) history.get(e.entity_id)!.push({ kind: e.kind, occurredOn: e.occurred_on, details: e.details, recordedAt: new Date(e.recorded_at) });
      const retroactive: boolean[] = [];
      for (const input of inputs) {
        const id = input.entityId.toLowerCase();
        const event: TimelineEvent = { kind: input.kind, occurredOn: input.occurredOn, details: input.details ?? {} };
        retroactive.push(isRetroactive(before.get(id)!, event));
        history.get(id)!.push({ ...event, recordedAt });
      }
      const after = new Map<string, TimelineVersion[]>(entityIds.map((id) => [id, replayEvents(history.get(id)!)]));

      const close: string[] = [];
      const insert: (TimelineVersion & { entityId: string })[] = [];
      for (const [id, timeline] of after) {
        const diff = diffTimelines(before.get(id)!, timeline);
        close.push(...diff.close);
        insert.push(...diff.insert.map((v) => ({ ...v, entityId: id })));
      }
      const at = recordedAt.toISOString();
      let versionsClosed = 0;
      if (close.length) {
        // A row recorded at this very instant was never anybody's belief: drop it rather than leave an empty interval.
        const dropped = await tx.execute<{ id: string }[]>(`delete from entity_state where id in (select value::bigint from jsonb_array_elements_text(?::jsonb)) and recorded_from >= ?::timestamptz returning id`, [JSON.stringify(close), at]);
        const closed = await tx.execute<{ id: string }[]>(`update entity_state set recorded_to = ?::timestamptz where id in (select value::bigint from jsonb_array_elements_text(?::jsonb)) and recorded_to is null returning id`, [at, JSON.stringify(close)]);
        versionsClosed = dropped.length + closed.length;
      }
      if (insert.length) {
        await tx.execute(
          `insert into entity_state (entity_id, legal_form, seat_teryt_code, status, social_enterprise, valid_from, valid_to, recorded_from)
           select r.entity_id, r.legal_form, r.seat_code, r.status, r.social_enterprise, r.valid_from, r.valid_to, ?::timestamptz
           from jsonb_to_recordset(?::jsonb) as r(entity_id uuid, legal_form text, seat_code text, status text, social_enterprise boolean, valid_from date, valid_to date)`,
          [at, JSON.stringify(insert.map((v) => ({ entity_id: v.entityId, legal_form: v.legalForm, seat_code: v.seatCode, status: v.status, social_enterprise: v.socialEnterprise, valid_from: v.validFrom, valid_to: v.validTo })))],
        );
      }
      const eventIds = await tx.execute<{ id: string }[]>(
        `insert into registry_event (entity_id, kind, occurred_on, recorded_at, details)
         select r.entity_id, r.kind, r.occurred_on, ?::timestamptz, r.details
         from jsonb_to_recordset(?::jsonb) as r(entity_id uuid, kind text, occurred_on date, details jsonb, ordinal int)
         order by r.ordinal
         returning id`,
        [at, JSON.stringify(inputs.map((e, ordinal) => ({ entity_id: e.entityId.toLowerCase(), kind: e.kind, occurred_on: e.occurredOn, details: e.details ?? {}, ordinal })))],
      );

      // The snapshot is the version valid today, as known now.
      const today = dateInPoland(now);
      const snapshots = [...after].flatMap(([id, timeline]) => {
        const v = versionAt(timeline, today);
        return v ? [{ id, legal_form: v.legalForm, seat_code: v.seatCode, status: v.status, social_enterprise: v.socialEnterprise }] : [];
      });
      const updated = snapshots.length
        ? await tx.execute<{ id: string }[]>(
            `update social_economy_entity e set legal_form = s.legal_form, seat_teryt_code = s.seat_code, status = s.status, social_enterprise = s.social_enterprise, updated_at = now()
             from jsonb_to_recordset(?::jsonb) as s(id uuid, legal_form text, seat_code text, status text, social_enterprise boolean)
             where e.id = s.id and (e.legal_form, e.seat_teryt_code, e.status, e.social_enterprise) is distinct from (s.legal_form, s.seat_code, s.status, s.social_enterprise)
             returning e.id`,
            [JSON.stringify(snapshots)],
          )
        : [];

      // bigserial ids come back in insertion order, which is the order of `inputs`.
      const sortedIds = eventIds.map((r) => String(r.id)).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
      return {
        events: inputs.map((e, i) => ({ eventId: sortedIds[i], entityId: e.entityId.toLowerCase(), retroactive: retroactive[i] })),
        versionsClosed,
        versionsInserted: insert.length,
        snapshotsUpdated: updated.length,
      };
    });
  }

  /**
   * For each entity, the version valid at `validAt` (default today) as recorded at `recordedAt`
   * (default: current knowledge). One statement for all entities; an entity with no such version
   * (not yet founded then, or not yet known to the registry then) is absent from the map.
   */
  async stateAsOf(entityIds: readonly string[], asOf: AsOf = {}): Promise<Map<string, EntityState>> {
    const history = await this.historyAsOf(entityIds, { recordedAt: asOf.recordedAt, validAt: asOf.validAt ?? dateInPoland(this.clock()) });
    return new Map([...history].filter(([, versions]) => versions.length).map(([id, versions]) => [id, versions[0]]));
  }

  /**
   * For each entity, every version as the registry knew it at `recordedAt` (default now), in
   * valid-time order; only the one valid at `validAt` when that is given. One statement.
   */
  async historyAsOf(entityIds: readonly string[], asOf: AsOf = {}): Promise<Map<string, EntityState[]>> {
    const result = new Map<string, EntityState[]>(entityIds.map((id) => [id, []]));
    if (!entityIds.length) return result;
    const keyOf = new Map(entityIds.map((id) => [id.toLowerCase(), id]));
    const recorded = recordedCondition(asOf.recordedAt);
    const valid = asOf.validAt ? { sql: 's.valid_from <= ?::date and (s.valid_to is null or s.valid_to > ?::date)', params: [asOf.validAt, asOf.validAt] } : { sql: 'true', params: [] };
    const rows = await this.em.execute<StateRow[]>(
      `select ${STATE_COLUMNS} from entity_state s where s.entity_id ${IN_IDS} and ${recorded.sql} and ${valid.sql} order by s.entity_id, s.valid_from, s.recorded_from`,
      [ids(entityIds.map((id) => id.toLowerCase())), ...recorded.params, ...valid.params],
    );
    for (const row of rows) {
      const state = this.em.map(EntityState, row as unknown as EntityDictionary<EntityState>);
      result.get(keyOf.get(row.entity_id)!)!.push(state);
    }
    return result;
  }

  /** Each entity's events in the order they happened (then the order recorded). One statement. */
  async eventsOf(entityIds: readonly string[]): Promise<Map<string, RegistryEvent[]>> {
    const result = new Map<string, RegistryEvent[]>(entityIds.map((id) => [id, []]));
    if (!entityIds.length) return result;
    const events = await this.em.find(RegistryEvent, { entity: { $in: [...new Set(entityIds)] } }, { orderBy: { entity: 'asc', occurredOn: 'asc', recordedAt: 'asc', id: 'asc' } });
    for (const event of events) result.get(event.entity.id)?.push(event);
    return result;
  }

  /**
   * Starts the history of entities that have none (e.g. rows an importer inserted directly) from
   * their snapshot: one version from the founding date (or today) and a FOUNDED event, recorded
   * now. Set-based; returns how many entities got a history.
   */
  async startHistoryFromSnapshot(entityIds?: readonly string[]): Promise<number> {
    const at = this.clock().toISOString();
    const today = dateInPoland(this.clock());
    const scope = entityIds ? `and e.id ${IN_IDS}` : '';
    const params = entityIds ? [ids(entityIds.map((id) => id.toLowerCase()))] : [];
    return this.em.transactional(async (tx) => {
      const started = await tx.execute<{ id: string }[]>(
        `insert into entity_state (entity_id, legal_form, seat_teryt_code, status, social_enterprise, valid_from, recorded_from)
         select e.id, e.legal_form, e.seat_teryt_code, e.status, e.social_enterprise, coalesce(e.founded_on, ?::date), ?::timestamptz
         from social_economy_entity e
         where not exists (select 1 from entity_state s where s.entity_id = e.id) ${scope}
         returning entity_id as id`,
        [today, at, ...params],
      );
      if (started.length) {
        await tx.execute(
          `insert into registry_event (entity_id, kind, occurred_on, recorded_at, details)
           select e.id, 'FOUNDED', coalesce(e.founded_on, ?::date), ?::timestamptz,
                  jsonb_build_object('legalForm', e.legal_form, 'seatCode', e.seat_teryt_code, 'status', e.status)
           from social_economy_entity e where e.id ${IN_IDS}`,
          [today, at, ids(started.map((s) => s.id))],
        );
      }
      return started.length;
    });
  }
}
