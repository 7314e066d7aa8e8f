import type { CalendarDate } from '../../../shared/dates';
import type { RegistryEventKind } from '../../registry/history/registry-event-kind';
import { diffTimelines, replayEvents, type EntityFacts, type TimelineEvent, type TimelineVersion } from '../../registry/history/timeline';
import { randomInt, type Random } from '../prng';

/** The demo registry opens with an initial load of everything that happened before 2019. */
export const REGISTRY_OPENED = new Date('2019-01-15T08:00:00Z');
const OPENING_DATE = '2019-01-01';

/** An event with the instant the registry learned of it. */
export interface RecordedDemoEvent extends TimelineEvent {
  recordedAt: Date;
}

/** A bitemporal row of entity_state. */
export interface DemoStateRow extends EntityFacts {
  validFrom: CalendarDate;
  validTo: CalendarDate | null;
  recordedFrom: Date;
  recordedTo: Date | null;
}

/**
 * When the registry learned of each event: at the opening load for anything before 2019, else
 * some days after it happened — mostly within a month, a quarter within four months, one in
 * twenty over a year late (so some arrive after later events and correct history). Never in
 * the future, never before the entity's founding was recorded.
 */
export function recordTimes(random: Random, events: readonly TimelineEvent[], now: Date): RecordedDemoEvent[] {
  const latest = now.getTime() - 3_600_000;
  const when = (e: TimelineEvent): number => {
    if (e.occurredOn < OPENING_DATE) return REGISTRY_OPENED.getTime();
    const roll = random();
    const lag = roll < 0.7 ? randomInt(random, 1, 30) : roll < 0.95 ? randomInt(random, 31, 120) : randomInt(random, 121, 400);
    const at = Date.parse(`${e.occurredOn}T07:00:00Z`) + lag * 86_400_000 + randomInt(random, 0, 10 * 3600) * 1000;
    return Math.min(Math.max(at, REGISTRY_OPENED.getTime()), latest);
  };
  const times = events.map(when);
  const founding = events.findIndex((e) => e.kind === ('FOUNDED' as RegistryEventKind));
  const floor = founding >= 0 ? times[founding] : 0;
  return events.map((e, i) => ({ ...e, recordedAt: new Date(Math.max(times[i], floor)) }));
}

/**
 * Takes the events in the order the registry recorded them and keeps every version it ever
 * believed, exactly as RegistryHistoryService would have written them.
 */
export function bitemporalRows(events: readonly RecordedDemoEvent[]): { rows: DemoStateRow[]; timeline: TimelineVersion[] } {
  const ordered = [...events].sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime() || a.occurredOn.localeCompare(b.occurredOn) || (a.kind === 'FOUNDED' ? -1 : b.kind === 'FOUNDED' ? 1 : 0));
  const rows: (DemoStateRow | null)[] = [];
  let current: { index: number; version: TimelineVersion }[] = [];
  for (let i = 0; i < ordered.length; ) {
    const at = ordered[i].recordedAt;
    while (i < ordered.length && ordered[i].recordedAt.getTime() === at.getTime()) i++;
    const timeline = replayEvents(ordered.slice(0, i));
    const { close, insert } = diffTimelines(current.map((c) => ({ ...c.version, id: String(c.index) })), timeline);
    for (const id of close) {
      const row = rows[Number(id)]!;
      // A version recorded and replaced in the same instant was never anybody's belief.
      if (row.recordedFrom.getTime() === at.getTime()) rows[Number(id)] = null;
      else row.recordedTo = at;
    }
    const kept = current.filter((c) => !close.includes(String(c.index)));
    for (const version of insert) {
      rows.push({ ...version, recordedFrom: at, recordedTo: null });
      kept.push({ index: rows.length - 1, version });
    }
    current = kept.sort((a, b) => a.version.validFrom.localeCompare(b.version.validFrom));
  }
  return { rows: rows.filter((r): r is DemoStateRow => r !== null), timeline: current.map((c) => c.version) };
}
