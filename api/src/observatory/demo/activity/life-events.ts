import { addDays, type CalendarDate } from '../../../shared/dates';
import { LegalForm, SocialEconomyEntityStatus } from '../../registry/legal-form';
import { RegistryEventKind } from '../../registry/history/registry-event-kind';
import { applyEvent, versionAt, type TimelineEvent, type TimelineVersion } from '../../registry/history/timeline';
import { drawSeat, type TerritorySample } from '../generate-registry';
import { randomDateBetween, randomInt, type Random } from '../prng';

/** What the activity generator needs to know of an entity. */
export interface ActivityEntity {
  id: string;
  legalForm: LegalForm;
  /** Seat today. */
  seatCode: string;
  foundedOn: CalendarDate;
  /** Status today; the history ends in it. */
  status: SocialEconomyEntityStatus;
}

/** The last day the demo history covers: the last reporting year. */
export const HISTORY_END = '2025-12-31';

const max = (a: CalendarDate, b: CalendarDate) => (a > b ? a : b);
const min = (a: CalendarDate, b: CalendarDate) => (a < b ? a : b);
const between = (random: Random, from: CalendarDate, to: CalendarDate) => randomDateBetween(random, from, max(from, to));

/** Share of entities that moved their seat once, and of active ones that paused for a while. */
const SEAT_CHANGE_RATE = 0.04;
const TEMPORARY_SUSPENSION_RATE = 0.03;

/**
 * An entity's life on the valid-time axis, without social enterprise status (allocated across
 * the whole registry afterwards): founded, perhaps moved, and brought to today's status —
 * suspended, put into liquidation, or liquidated and struck off, on plausible dates.
 */
export function planLife(random: Random, entity: ActivityEntity, sample: TerritorySample): TimelineEvent[] {
  const founded = entity.foundedOn;
  const statusEvents: TimelineEvent[] = [];
  const at = (kind: RegistryEventKind, occurredOn: CalendarDate, details: TimelineEvent['details'] = {}): TimelineEvent => ({ kind, occurredOn, details });
  switch (entity.status) {
    case SocialEconomyEntityStatus.DISSOLVED: {
      const struckOff = between(random, max('2016-01-01', addDays(founded, 545)), HISTORY_END);
      const wound = max(addDays(founded, 180), addDays(struckOff, -randomInt(random, 180, 720)));
      statusEvents.push(at(RegistryEventKind.LIQUIDATION_STARTED, wound), at(RegistryEventKind.DISSOLVED, struckOff));
      break;
    }
    case SocialEconomyEntityStatus.IN_LIQUIDATION:
      statusEvents.push(at(RegistryEventKind.LIQUIDATION_STARTED, between(random, max(addDays(founded, 365), '2014-01-01'), HISTORY_END)));
      break;
    case SocialEconomyEntityStatus.SUSPENDED:
      statusEvents.push(at(RegistryEventKind.STATUS_CHANGED, between(random, max(addDays(founded, 180), '2012-01-01'), HISTORY_END), { status: SocialEconomyEntityStatus.SUSPENDED }));
      break;
    case SocialEconomyEntityStatus.ACTIVE:
      if (random() < TEMPORARY_SUSPENSION_RATE && addDays(founded, 365) < '2024-06-30') {
        const paused = between(random, max(addDays(founded, 365), '2016-01-01'), '2024-06-30');
        statusEvents.push(
          at(RegistryEventKind.STATUS_CHANGED, paused, { status: SocialEconomyEntityStatus.SUSPENDED }),
          at(RegistryEventKind.STATUS_CHANGED, min(addDays(paused, randomInt(random, 180, 540)), HISTORY_END), { status: SocialEconomyEntityStatus.ACTIVE }),
        );
      }
      break;
  }

  let firstSeat = entity.seatCode;
  const moves: TimelineEvent[] = [];
  const lastActiveDay = addDays(statusEvents[0]?.occurredOn ?? addDays(HISTORY_END, 1), -1);
  if (random() < SEAT_CHANGE_RATE && addDays(founded, 365) <= lastActiveDay) {
    const previous = drawSeat(random, sample, entity.seatCode.slice(0, 2), entity.legalForm === LegalForm.RURAL_HOUSEWIVES_CIRCLE);
    if (previous !== entity.seatCode) {
      firstSeat = previous;
      moves.push(at(RegistryEventKind.SEAT_CHANGED, between(random, addDays(founded, 365), lastActiveDay), { seatCode: entity.seatCode }));
    }
  }
  return [at(RegistryEventKind.FOUNDED, founded, { legalForm: entity.legalForm, seatCode: firstSeat }), ...moves, ...statusEvents];
}

/** The valid-time timeline events lead to, applied in date order. */
export function replayLife(events: readonly TimelineEvent[]): TimelineVersion[] {
  return [...events].sort((a, b) => a.occurredOn.localeCompare(b.occurredOn)).reduce<TimelineVersion[]>((t, e) => applyEvent(t, e), []);
}

/** True when the entity is active on every day from `from` to `to`. */
export function activeThroughout(timeline: readonly TimelineVersion[], from: CalendarDate, to: CalendarDate): boolean {
  const start = versionAt(timeline, from);
  if (!start) return false;
  return timeline.every((v) => v.validTo !== null && v.validTo <= from ? true : v.validFrom > to ? true : v.status === SocialEconomyEntityStatus.ACTIVE);
}

/**
 * Year-end counts of social enterprises the demo aims at, as multiples of the calibration
 * figure (≈300 on the ministry's list at the end of 2020; ≈200 in 2018). After the Act of
 * 5 August 2022 (in force 4 November 2022) made it a legal status granted by voivodes, the
 * count grows to about 3⅓ × 300 ≈ 1,000 at the end of 2025: a plausible path, not a census.
 */
export const SOCIAL_ENTERPRISE_GROWTH: Record<number, number> = { 2018: 0.67, 2019: 0.83, 2020: 1, 2021: 1.3, 2022: 1.65, 2023: 2.25, 2024: 2.8, 2025: 3.33 };

/** How likely each form is to hold the status, relative to a social cooperative; reintegration units and KGWs do not apply. */
const STATUS_PROPENSITY: Partial<Record<LegalForm, number>> = {
  SOCIAL_COOPERATIVE: 1,
  NON_PROFIT_COMPANY: 1,
  COOPERATIVE_OF_DISABLED_OR_BLIND: 0.5,
  ASSOCIATION: 0.6,
  FOUNDATION: 0.6,
  WORKER_COOPERATIVE: 0.25,
  OTHER: 0.3,
};

/** The Act of 5 August 2022 on the social economy took effect; before it, the status was an entry on the ministry's list. */
const ACT_IN_FORCE = '2022-11-04';

/** Holders that give the status up (or stop meeting its conditions) in a year. */
const VOLUNTARY_WITHDRAWAL_RATE = 0.04;

export interface LifePlan {
  entity: ActivityEntity;
  events: TimelineEvent[];
  timeline: TimelineVersion[];
}

/**
 * Grants and withdrawals of social enterprise status across the registry, year by year from
 * 2018 (grants dated from 2015) to 2025, so the year-end count meets the growth path. Only
 * entities active from the grant to the year's end receive it (weighted by form); a holder
 * that pauses, enters liquidation or is struck off loses it that day, and 4 % a year give it up.
 * `alreadyHolding(year)` counts holders outside `plans` (the featured entities).
 */
export function allocateSocialEnterprise(random: Random, plans: readonly LifePlan[], target: (year: number) => number, alreadyHolding: (year: number) => number): Map<string, TimelineEvent[]> {
  const added = new Map<string, TimelineEvent[]>();
  const add = (id: string, event: TimelineEvent) => added.set(id, [...(added.get(id) ?? []), event]);
  const holding = new Map<LifePlan, CalendarDate>();
  const everHeld = new Set<LifePlan>();
  const eligible = plans.filter((p) => (STATUS_PROPENSITY[p.entity.legalForm] ?? 0) > 0);
  for (let year = 2018; year <= 2025; year++) {
    const from = year === 2018 ? '2015-01-01' : `${year}-01-01`;
    const to = `${year}-12-31`;
    for (const [plan, grantedOn] of [...holding]) {
      const start = max(from, addDays(grantedOn, 1));
      const lost = plan.timeline.find((v) => v.validFrom >= start && v.validFrom <= to && v.status !== SocialEconomyEntityStatus.ACTIVE);
      if (lost) {
        add(plan.entity.id, { kind: RegistryEventKind.SOCIAL_ENTERPRISE_WITHDRAWN, occurredOn: lost.validFrom, details: { note: 'no longer operating' } });
        holding.delete(plan);
      } else if (random() < VOLUNTARY_WITHDRAWAL_RATE && max(start, addDays(grantedOn, 180)) <= to) {
        add(plan.entity.id, { kind: RegistryEventKind.SOCIAL_ENTERPRISE_WITHDRAWN, occurredOn: between(random, max(start, addDays(grantedOn, 180)), to), details: {} });
        holding.delete(plan);
      }
    }
    const need = Math.round(target(year)) - holding.size - alreadyHolding(year);
    if (need <= 0) continue;
    const drawn = eligible
      .filter((p) => !everHeld.has(p) && addDays(p.entity.foundedOn, 90) <= to)
      .map((p) => ({ plan: p, grantedOn: between(random, max(from, addDays(p.entity.foundedOn, 90)), to), key: -Math.log(1 - random()) / STATUS_PROPENSITY[p.entity.legalForm]! }))
      .filter((c) => activeThroughout(c.plan.timeline, c.grantedOn, to))
      .sort((a, b) => a.key - b.key)
      .slice(0, need);
    for (const { plan, grantedOn } of drawn) {
      add(plan.entity.id, { kind: RegistryEventKind.SOCIAL_ENTERPRISE_GRANTED, occurredOn: grantedOn, details: { note: grantedOn < ACT_IN_FORCE ? 'entered on the ministry’s list of social enterprises' : 'granted by the voivode' } });
      holding.set(plan, grantedOn);
      everHeld.add(plan);
    }
  }
  return added;
}
