import { DomainError } from '../../../shared/errors/domain-error';
import type { CalendarDate } from '../../../shared/dates/calendar-date';
import { LegalForm, SocialEconomyEntityStatus } from '../legal-form';
import { RegistryEventKind } from './registry-event-kind';

/** What the registry says about an entity for a stretch of time. */
export interface EntityFacts {
  legalForm: LegalForm;
  seatCode: string;
  status: SocialEconomyEntityStatus;
  socialEnterprise: boolean;
}

/** One version of the facts on the valid-time axis: from `validFrom` up to, not including, `validTo` (null: still). */
export interface TimelineVersion extends EntityFacts {
  validFrom: CalendarDate;
  validTo: CalendarDate | null;
}

/** What an event may carry; which keys matter depends on its kind. */
export interface RegistryEventDetails {
  legalForm?: LegalForm;
  seatCode?: string;
  status?: SocialEconomyEntityStatus;
  /** Free text for people: the decision's number, a court, a reason. */
  note?: string;
  [key: string]: unknown;
}

export interface TimelineEvent {
  kind: RegistryEventKind;
  occurredOn: CalendarDate;
  details: RegistryEventDetails;
}

export type TimelineErrorCode =
  | 'NOT_FOUNDED'
  | 'ALREADY_FOUNDED_EARLIER'
  | 'BEFORE_FOUNDING'
  | 'ENTITY_DISSOLVED'
  | 'MISSING_DETAIL'
  | 'INVALID_DETAIL';

/** An event that cannot apply to the timeline as it stands. */
export class TimelineError extends DomainError<TimelineErrorCode> {}

const FACT_KEYS = ['legalForm', 'seatCode', 'status', 'socialEnterprise'] as const;

const LEGAL_FORMS = new Set<string>(Object.values(LegalForm));
const STATUSES = new Set<string>(Object.values(SocialEconomyEntityStatus));

function detail<K extends 'legalForm' | 'seatCode' | 'status'>(event: TimelineEvent, key: K): NonNullable<RegistryEventDetails[K]> {
  const value = event.details[key];
  if (value == null) throw new TimelineError('MISSING_DETAIL', `A ${event.kind} event needs details.${key}`, ['details', key]);
  const valid = key === 'legalForm' ? LEGAL_FORMS.has(String(value)) : key === 'status' ? STATUSES.has(String(value)) : /^(\d{2}|\d{4}|\d{7})$/.test(String(value));
  if (!valid) throw new TimelineError('INVALID_DETAIL', `details.${key} "${String(value)}" is not valid for a ${event.kind} event`, ['details', key]);
  return value as NonNullable<RegistryEventDetails[K]>;
}

/**
 * The facts an event sets from its date on. Entering liquidation or being struck off ends
 * social-enterprise status too: the Act (art. 7) withdraws it from an entity being wound up.
 */
export function changesOf(event: TimelineEvent): Partial<EntityFacts> {
  switch (event.kind) {
    case RegistryEventKind.FOUNDED:
      return {
        legalForm: detail(event, 'legalForm'),
        seatCode: detail(event, 'seatCode'),
        status: event.details.status == null ? SocialEconomyEntityStatus.ACTIVE : detail(event, 'status'),
        socialEnterprise: false,
      };
    case RegistryEventKind.LEGAL_FORM_CHANGED:
      return { legalForm: detail(event, 'legalForm') };
    case RegistryEventKind.SEAT_CHANGED:
      return { seatCode: detail(event, 'seatCode') };
    case RegistryEventKind.STATUS_CHANGED: {
      const status = detail(event, 'status');
      return status === SocialEconomyEntityStatus.ACTIVE || status === SocialEconomyEntityStatus.SUSPENDED ? { status } : { status, socialEnterprise: false };
    }
    case RegistryEventKind.SOCIAL_ENTERPRISE_GRANTED:
      return { socialEnterprise: true };
    case RegistryEventKind.SOCIAL_ENTERPRISE_WITHDRAWN:
      return { socialEnterprise: false };
    case RegistryEventKind.LIQUIDATION_STARTED:
      return { status: SocialEconomyEntityStatus.IN_LIQUIDATION, socialEnterprise: false };
    case RegistryEventKind.DISSOLVED:
      return { status: SocialEconomyEntityStatus.DISSOLVED, socialEnterprise: false };
  }
}

const sameFacts = (a: EntityFacts, b: EntityFacts) => FACT_KEYS.every((k) => a[k] === b[k]);
export const sameVersion = (a: TimelineVersion, b: TimelineVersion) => sameFacts(a, b) && a.validFrom === b.validFrom && a.validTo === b.validTo;
const factsOf = (v: EntityFacts): EntityFacts => ({ legalForm: v.legalForm, seatCode: v.seatCode, status: v.status, socialEnterprise: v.socialEnterprise });

/** The version valid on `date`, if any. */
export function versionAt<V extends TimelineVersion>(versions: readonly V[], date: CalendarDate): V | undefined {
  return versions.find((v) => v.validFrom <= date && (v.validTo === null || date < v.validTo));
}

/** Joins neighbours that say the same thing: an event that changes nothing leaves no seam. */
function merged(versions: TimelineVersion[]): TimelineVersion[] {
  const out: TimelineVersion[] = [];
  for (const v of versions) {
    const last = out[out.length - 1];
    if (last && last.validTo === v.validFrom && sameFacts(last, v)) last.validTo = v.validTo;
    else out.push({ ...v });
  }
  return out;
}

/** True when an event is dated before the start of the latest version: it rewrites known history. */
export function isRetroactive(versions: readonly TimelineVersion[], event: TimelineEvent): boolean {
  return versions.some((v) => v.validFrom > event.occurredOn);
}

/**
 * The valid-time timeline after an event (a pure function; `versions` is not changed).
 *
 * An event sets its facts from its date until the next date on which the timeline already
 * changes the same fact; other facts keep their own history. So a seat change reported late for
 * March, after a June status change was recorded, moves the seat from March on and keeps the June
 * status change; and a late March grant ends where a June withdrawal already stands. FOUNDED
 * starts the timeline, or moves its start earlier.
 */
export function applyEvent(versions: readonly TimelineVersion[], event: TimelineEvent): TimelineVersion[] {
  const timeline = [...versions].sort((a, b) => a.validFrom.localeCompare(b.validFrom)).map((v) => ({ ...v }));
  const date = event.occurredOn;
  const changes = changesOf(event);

  if (event.kind === RegistryEventKind.FOUNDED) {
    const founding = changes as EntityFacts;
    if (!timeline.length) return [{ ...founding, validFrom: date, validTo: null }];
    if (date >= timeline[0].validFrom) {
      throw new TimelineError('ALREADY_FOUNDED_EARLIER', `The entity's history already starts on ${timeline[0].validFrom}; a founding on ${date} would contradict it`, ['occurredOn']);
    }
    return merged([{ ...founding, validFrom: date, validTo: timeline[0].validFrom }, ...timeline]);
  }

  if (!timeline.length) throw new TimelineError('NOT_FOUNDED', `A ${event.kind} event needs a FOUNDED event first`, ['kind']);
  if (date < timeline[0].validFrom) throw new TimelineError('BEFORE_FOUNDING', `${date} is before the entity was founded (${timeline[0].validFrom})`, ['occurredOn']);
  const current = versionAt(timeline, date)!;
  if (current.status === SocialEconomyEntityStatus.DISSOLVED && event.kind !== RegistryEventKind.STATUS_CHANGED && event.kind !== RegistryEventKind.DISSOLVED) {
    throw new TimelineError('ENTITY_DISSOLVED', `The entity was dissolved on ${date}; a ${event.kind} event cannot apply then`, ['occurredOn']);
  }

  // Split the version that holds the date, so a version starts exactly on it.
  const split: TimelineVersion[] = timeline.flatMap((v) =>
    v === current && v.validFrom < date ? [{ ...v, validTo: date }, { ...v, validFrom: date }] : [v],
  );
  const start = split.findIndex((v) => v.validFrom === date);
  const next = split.map((v) => ({ ...v }));
  for (const key of Object.keys(changes) as (keyof EntityFacts)[]) {
    // Where the timeline already changes this fact after the date, the event's effect stops.
    let end = split.length;
    for (let i = start + 1; i < split.length; i++) {
      if (split[i][key] !== split[i - 1][key]) {
        end = i;
        break;
      }
    }
    for (let i = start; i < end; i++) (next[i] as unknown as Record<string, unknown>)[key] = changes[key];
  }
  return merged(next);
}

/** An event as stored: with the moment the registry recorded it (ties keep the given order). */
export interface RecordedTimelineEvent extends TimelineEvent {
  recordedAt: Date;
}

/**
 * The valid-time timeline that a set of recorded events describes: the founding first — the
 * latest-recorded FOUNDED event, as a later one corrects an earlier — then every other event
 * in date order, same-day events in the order recorded. Replaying, rather than applying each
 * event to the last result, makes the outcome independent of the order events arrived in: a
 * resumption recorded before the suspension it ends still ends it.
 */
export function replayEvents(events: readonly RecordedTimelineEvent[]): TimelineVersion[] {
  const indexed = events.map((event, index) => ({ event, index }));
  const byRecord = (a: { event: RecordedTimelineEvent; index: number }, b: { event: RecordedTimelineEvent; index: number }) =>
    a.event.recordedAt.getTime() - b.event.recordedAt.getTime() || a.index - b.index;
  const foundings = indexed.filter((e) => e.event.kind === RegistryEventKind.FOUNDED).sort(byRecord);
  const others = indexed
    .filter((e) => e.event.kind !== RegistryEventKind.FOUNDED)
    .sort((a, b) => a.event.occurredOn.localeCompare(b.event.occurredOn) || byRecord(a, b));
  const founding = foundings[foundings.length - 1];
  return (founding ? [founding, ...others] : others).reduce<TimelineVersion[]>((timeline, { event }) => applyEvent(timeline, event), []);
}

/** A stored version: a timeline version with the row id it is stored under. */
export interface StoredVersion extends TimelineVersion {
  id: string;
}

/**
 * What to write to move current knowledge from `before` to `after`: the rows that no longer hold
 * (to be closed on the record-time axis) and the versions to insert. Unchanged rows stay.
 */
export function diffTimelines(before: readonly StoredVersion[], after: readonly TimelineVersion[]): { close: string[]; insert: TimelineVersion[] } {
  const kept = new Set<StoredVersion>();
  const insert: TimelineVersion[] = [];
  for (const version of after) {
    const same = before.find((b) => !kept.has(b) && sameVersion(b, version));
    if (same) kept.add(same);
    else insert.push({ ...factsOf(version), validFrom: version.validFrom, validTo: version.validTo });
  }
  return { close: before.filter((b) => !kept.has(b)).map((b) => b.id), insert };
}
