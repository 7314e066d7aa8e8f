import { SocialEconomyEntityStatus } from '../registry/legal-form';
import { RegistryEventKind } from '../registry/history/registry-event-kind';
import { replayEvents, TimelineError, versionAt, type EntityFacts, type RecordedTimelineEvent, type TimelineEvent, type TimelineVersion } from '../registry/history/timeline';
import type { Change, EntityCreate, EntitySnapshot, EntityUpdate } from './entity-rows';
import { ImportRowErrorCode, rowError, type ImportRowError } from './messages';

/** A registry_event row to insert. */
export interface EventRow {
  entityId: string;
  kind: RegistryEventKind;
  occurredOn: string;
  details: Record<string, unknown>;
}

/** The events an import records (in order, per entity), or the rows whose changes the history refuses. */
export interface HistoryPlan {
  events: EventRow[];
  errors: ImportRowError[];
}

const factsOf = (e: EntitySnapshot): EntityFacts => ({ legalForm: e.legalForm, seatCode: e.seatCode, status: e.status, socialEnterprise: e.socialEnterprise });
const FACT_KEYS = ['legalForm', 'seatCode', 'status', 'socialEnterprise'] as const;

/** The event a status reached on its own records (liquidation and dissolution have their own kinds). */
function statusEvent(status: SocialEconomyEntityStatus, occurredOn: string, from: SocialEconomyEntityStatus | null): TimelineEvent {
  if (status === SocialEconomyEntityStatus.IN_LIQUIDATION) return { kind: RegistryEventKind.LIQUIDATION_STARTED, occurredOn, details: from ? { from } : {} };
  if (status === SocialEconomyEntityStatus.DISSOLVED) return { kind: RegistryEventKind.DISSOLVED, occurredOn, details: from ? { from } : {} };
  return { kind: RegistryEventKind.STATUS_CHANGED, occurredOn, details: { status, ...(from ? { from } : {}) } };
}

function eventOf(change: Change, occurredOn: string, after: EntitySnapshot): TimelineEvent {
  switch (change.kind) {
    case 'LEGAL_FORM_CHANGED':
      return { kind: RegistryEventKind.LEGAL_FORM_CHANGED, occurredOn, details: { legalForm: after.legalForm, from: change.details.from } };
    case 'SEAT_CHANGED':
      return { kind: RegistryEventKind.SEAT_CHANGED, occurredOn, details: { seatCode: after.seatCode, from: change.details.from } };
    case 'STATUS_CHANGED':
    case 'LIQUIDATION_STARTED':
    case 'DISSOLVED':
      return statusEvent(after.status, occurredOn, change.details.from as SocialEconomyEntityStatus);
    default:
      return { kind: RegistryEventKind[change.kind], occurredOn, details: {} };
  }
}

const HISTORY_PROBLEM_PL: Record<string, string> = {
  BEFORE_FOUNDING: 'data zmiany jest wcześniejsza niż data założenia',
  ENTITY_DISSOLVED: 'podmiot był już wtedy wykreślony',
  ALREADY_FOUNDED_EARLIER: 'historia podmiotu zaczyna się wcześniej',
  NOT_FOUNDED: 'brak zdarzenia założenia',
  LATER_CHANGE: 'rejestr zna późniejszą zmianę, która temu przeczy',
};

/**
 * The events an import records, checked in advance the way RegistryHistoryService will apply
 * them — replaying each entity's recorded events with the new ones (`replayEvents`) — so that a
 * change the history refuses becomes a row error in the report instead of failing the write.
 * RegistryHistoryService.recordEvents then writes them all at once (set-based).
 *
 * A new entity gets FOUNDED (on its founding date, else `data_zmiany`, else the import date) and,
 * when the file says so, a status event and SOCIAL_ENTERPRISE_GRANTED on `data_zmiany` or the
 * import date. A changed legal form, seat, status or social enterprise status of a known entity
 * records its event on `data_zmiany` or the import date; an earlier founding date moves the
 * start of its history. `stored` holds the recorded events of each updated entity.
 */
export function planHistory(
  creates: readonly EntityCreate[],
  updates: readonly EntityUpdate[],
  stored: ReadonlyMap<string, RecordedTimelineEvent[]>,
  importDate: string,
  stamp: Record<string, unknown>,
  recordedAt: Date = new Date(),
): HistoryPlan {
  const writes: HistoryPlan = { events: [], errors: [] };
  const attempt = (row: number, entity: EntitySnapshot, known: RecordedTimelineEvent[], events: TimelineEvent[]): boolean => {
    let timeline: TimelineVersion[];
    try {
      timeline = replayEvents([...known, ...events.map((e) => ({ ...e, recordedAt }))]);
    } catch (error) {
      if (!(error instanceof TimelineError)) throw error;
      writes.errors.push(rowError(row, null, ImportRowErrorCode.HISTORY_CONFLICT, { detail: HISTORY_PROBLEM_PL[error.code] ?? error.code, detailEn: error.message }));
      return false;
    }
    const now = versionAt(timeline, importDate);
    if (!now || FACT_KEYS.some((k) => now[k] !== factsOf(entity)[k])) {
      writes.errors.push(rowError(row, null, ImportRowErrorCode.HISTORY_CONFLICT, { detail: HISTORY_PROBLEM_PL.LATER_CHANGE, detailEn: 'a later change the registry already holds contradicts it' }));
      return false;
    }
    writes.events.push(...events.map((e) => ({ entityId: entity.id, kind: e.kind, occurredOn: e.occurredOn, details: { ...e.details, ...stamp } })));
    return true;
  };

  for (const create of creates) {
    const e = create.entity;
    const on = create.occurredOn;
    const later = (date: string) => (date > on ? date : on);
    const events: TimelineEvent[] = [{ kind: RegistryEventKind.FOUNDED, occurredOn: on, details: { legalForm: e.legalForm, seatCode: e.seatCode } }];
    const changedOn = later(create.changedOn ?? importDate);
    if (e.status !== SocialEconomyEntityStatus.ACTIVE) {
      if (changedOn === on) events[0].details.status = e.status;
      else events.push(statusEvent(e.status, changedOn, null));
    }
    if (e.socialEnterprise) events.push({ kind: RegistryEventKind.SOCIAL_ENTERPRISE_GRANTED, occurredOn: changedOn, details: {} });
    attempt(create.row, e, [], events);
  }

  for (const update of updates) {
    const known = stored.get(update.entity.id) ?? [];
    const before = known.length ? replayEvents(known) : [];
    const events: TimelineEvent[] = [];
    const start = before[0]?.validFrom ?? null;
    if (start === null) {
      // An entity recorded before the registry kept history: its history starts with what was known.
      events.push({ kind: RegistryEventKind.FOUNDED, occurredOn: update.before.foundedOn ?? update.effectiveOn, details: { legalForm: update.before.legalForm, seatCode: update.before.seatCode, status: update.before.status } });
      if (update.before.socialEnterprise) events.push({ kind: RegistryEventKind.SOCIAL_ENTERPRISE_GRANTED, occurredOn: update.before.foundedOn ?? update.effectiveOn, details: {} });
    } else if (update.entity.foundedOn && update.entity.foundedOn < start) {
      const first = before[0];
      events.push({ kind: RegistryEventKind.FOUNDED, occurredOn: update.entity.foundedOn, details: { legalForm: first.legalForm, seatCode: first.seatCode, status: first.status } });
    }
    events.push(...update.changes.map((c) => eventOf(c, update.effectiveOn, update.entity)));
    if (events.length) attempt(update.row, update.entity, known, events);
  }
  return writes;
}
