import { dateInPoland } from '../../../shared/dates';
import { versionAt, type TimelineEvent, type TimelineVersion } from '../../registry/history/timeline';
import type { DemoCalibration } from '../calibration';
import { finestKnown, type TerritorySample } from '../generate-registry';
import { mulberry32, uniform, type Random } from '../prng';
import { drawReport, drawTraits, EXCLUDED_GROUPS, REINTEGRATION_MEANS, REPORT_YEARS, yearEnd, type DemoReport, type ExcludedGroup } from './annual-reports';
import { FEATURED_ACTIVITY, featuredFigures, type FeaturedActivity } from './featured-activity';
import { allocateSocialEnterprise, planLife, replayLife, SOCIAL_ENTERPRISE_GROWTH, type ActivityEntity, type LifePlan } from './life-events';
import { drawPkdCode } from './pkd-codes';
import { bitemporalRows, recordTimes, type DemoStateRow, type RecordedDemoEvent } from './record-time';
import { LegalForm, SocialEconomyEntityStatus } from '../../registry/legal-form';

export interface DemoActivityInput {
  seed: number;
  calibration: DemoCalibration;
  territory: TerritorySample;
  entities: readonly ActivityEntity[];
  /** The seed's "now": record times never pass it, and "today" for the snapshot is its date in Poland. */
  now: Date;
}

/** Everything the seed writes besides the entity rows. */
export interface DemoActivity {
  /** Per entity: the snapshot columns the history decides. */
  snapshots: { id: string; socialEnterprise: boolean; pkdCode: string }[];
  events: (RecordedDemoEvent & { entityId: string })[];
  states: (DemoStateRow & { entityId: string })[];
  reports: DemoReport[];
  summary: {
    /** Entities holding social enterprise status (and active) at each year end. */
    socialEnterprises: Record<number, number>;
    /** People in reintegration in CIS, ZAZ and WTZ in 2021, non-respondents included (calibrated to GUS). */
    reintegration2021: number;
    /** Reports not filed, to mimic non-response. */
    reportsMissing: number;
  };
}

// Separate streams, so that the entity records of a seed never change when the activity does.
const LIFE_STREAM = 0x6c1fe;
const REPORT_STREAM = 0x5e9027;

/** FNV-1a: a stable 32-bit number from an entity id, to seed its own stream. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Non-response by status at the year's end: the active mostly report, the winding-down often do not. */
const NON_RESPONSE: Record<SocialEconomyEntityStatus, number> = { ACTIVE: 0.08, SUSPENDED: 0.4, IN_LIQUIDATION: 0.3, DISSOLVED: 0.5 };

function featuredEvents(activity: FeaturedActivity, sample: TerritorySample): TimelineEvent[] {
  const seatOf = (e: TimelineEvent) => (typeof e.details.seatCode === 'string' ? { ...e.details, seatCode: finestKnown(sample, e.details.seatCode) } : e.details);
  const events = activity.events.map((e) => ({ ...e, details: seatOf(e) }));
  // On a coarse territory a move between two gminas of one voivodeship is no move at all.
  return events.filter((e, i) => e.kind !== 'SEAT_CHANGED' || events.slice(0, i).reverse().find((p) => p.details.seatCode)?.details.seatCode !== e.details.seatCode);
}

/** When a year's report reached the registry: spring of the next year (filing deadlines run to the end of March, many are late). */
function reportRecordedAt(random: Random, year: number): Date {
  return new Date(Date.UTC(year + 1, 2, 31, 10) + Math.floor(uniform(random, 0, 90)) * 86_400_000);
}

function featuredReport(id: string, activity: FeaturedActivity, year: number, recordedAt: Date): DemoReport {
  const f = featuredFigures(activity.figures2025, year);
  const excluded = Object.fromEntries(EXCLUDED_GROUPS.map((g) => [g, f.excluded[g] ?? 0])) as Record<ExcludedGroup, number>;
  const market = Math.round(f.revenuePln * f.marketShare);
  const result = Math.round(f.revenuePln * f.margin);
  return {
    entityId: id,
    year,
    employeesHeadcount: f.headcount,
    employeesFte: f.fte,
    excluded,
    members: f.members,
    volunteers: f.volunteers,
    revenueMarket: market * 100,
    revenuePublicGrants: (f.revenuePln - market) * 100,
    result: result * 100,
    surplusReinvested: Math.max(0, result) * 100,
    pkdCode: activity.pkdCode,
    recordedAt,
  };
}

/**
 * The demo registry's history and annual reports: a pure function of the entities, the seed,
 * the calibration and `now`. Each entity is founded on its founding date and brought to its
 * status of today (suspensions, liquidations, strikings-off on plausible dates), some move seat;
 * social enterprise status follows the calibrated growth path; every event is recorded some days
 * after it happened, so record-time queries have something to show. Reports cover 2021–2025 for
 * every entity that existed in the year, with about 10 % missing.
 */
export function generateDemoActivity(input: DemoActivityInput): DemoActivity {
  const entities = [...input.entities].sort((a, b) => a.id.localeCompare(b.id));
  const life = mulberry32(input.seed ^ LIFE_STREAM);
  const today = dateInPoland(input.now);

  const plans: LifePlan[] = [];
  const featured: LifePlan[] = [];
  for (const entity of entities) {
    const activity = FEATURED_ACTIVITY[entity.id];
    const events = activity ? featuredEvents(activity, input.territory) : planLife(life, entity, input.territory);
    (activity ? featured : plans).push({ entity, events, timeline: replayLife(events) });
  }
  const holdingAt = (plan: LifePlan, year: number) => {
    const v = versionAt(plan.timeline, `${year}-12-31`);
    return v?.socialEnterprise === true && v.status === SocialEconomyEntityStatus.ACTIVE;
  };
  const target = (year: number) => input.calibration.activity.socialEnterprises.value * SOCIAL_ENTERPRISE_GROWTH[year];
  const grants = allocateSocialEnterprise(life, plans, target, (year) => featured.filter((p) => holdingAt(p, year)).length);

  const events: DemoActivity['events'] = [];
  const states: DemoActivity['states'] = [];
  const snapshots: DemoActivity['snapshots'] = [];
  const timelines = new Map<string, TimelineVersion[]>();
  const summary: DemoActivity['summary'] = { socialEnterprises: {}, reintegration2021: 0, reportsMissing: 0 };
  for (const plan of [...featured, ...plans].sort((a, b) => a.entity.id.localeCompare(b.entity.id))) {
    const all = [...plan.events, ...(grants.get(plan.entity.id) ?? [])];
    const recorded = recordTimes(life, all, input.now);
    const { rows, timeline } = bitemporalRows(recorded);
    const now = versionAt(timeline, today);
    if (now?.status !== plan.entity.status) throw new Error(`Demo history of ${plan.entity.id} ends in ${now?.status}, not ${plan.entity.status}`);
    timelines.set(plan.entity.id, timeline);
    events.push(...recorded.map((e) => ({ ...e, entityId: plan.entity.id })));
    states.push(...rows.map((r) => ({ ...r, entityId: plan.entity.id })));
    snapshots.push({ id: plan.entity.id, socialEnterprise: now.socialEnterprise, pkdCode: FEATURED_ACTIVITY[plan.entity.id]?.pkdCode ?? drawPkdCode(life, plan.entity.legalForm) });
  }
  for (const year of Object.keys(SOCIAL_ENTERPRISE_GROWTH).map(Number)) {
    summary.socialEnterprises[year] = [...timelines.values()].filter((t) => {
      const v = versionAt(t, `${year}-12-31`);
      return v?.socialEnterprise === true && v.status === SocialEconomyEntityStatus.ACTIVE;
    }).length;
  }

  // Reports: drawn twice from the same stream, the second time scaled so that the people in
  // reintegration in 2021 match the GUS figure (46,300 for CIS, ZAZ and WTZ).
  const pkd = new Map(snapshots.map((s) => [s.id, s.pkdCode]));
  // Each entity draws from its own stream, so the first pass can stop at the 2021 reports of the reintegration units.
  const draw = (scale: number, only?: { forms: (form: LegalForm) => boolean; years: readonly number[] }) => {
    const filed: DemoReport[] = [];
    let missing = 0;
    let reintegration2021 = 0;
    for (const entity of entities) {
      if (only && !only.forms(entity.legalForm)) continue;
      const random = mulberry32(input.seed ^ REPORT_STREAM ^ hashOf(entity.id));
      const timeline = timelines.get(entity.id)!;
      const traits = drawTraits(random, entity.legalForm);
      const activity = FEATURED_ACTIVITY[entity.id];
      for (const year of only?.years ?? REPORT_YEARS) {
        const end = yearEnd(timeline, year);
        const start = versionAt(timeline, `${year}-01-01`);
        if (!end || entity.foundedOn > `${year}-09-30` || start?.status === SocialEconomyEntityStatus.DISSOLVED) continue;
        const recordedAt = reportRecordedAt(random, year);
        const answered = activity !== undefined || random() >= NON_RESPONSE[end.status];
        const report = activity
          ? featuredReport(entity.id, activity, year, recordedAt)
          : drawReport(random, {
              entityId: entity.id,
              form: entity.legalForm,
              year,
              yearEnd: end,
              traits,
              pkdCode: pkd.get(entity.id)!,
              cooperativeEmployees: input.calibration.activity.cooperativeEmployees.value,
              cooperativeBudget2016: input.calibration.activity.cooperativeBudget.value,
              reintegrationScale: scale,
              recordedAt,
            });
        if (year === 2021 && REINTEGRATION_MEANS[entity.legalForm] !== undefined) {
          reintegration2021 += Object.values(report.excluded!).reduce((s, n) => s + n, 0);
        }
        if (!answered || recordedAt.getTime() > input.now.getTime()) missing += 1;
        else filed.push(report);
      }
    }
    return { filed, missing, reintegration2021 };
  };
  const first = draw(1, { forms: (form) => REINTEGRATION_MEANS[form] !== undefined, years: [2021] });
  const target2021 = input.calibration.activity.reintegrationPersonsServed.value;
  const final = draw(first.reintegration2021 > 0 ? target2021 / first.reintegration2021 : 1);
  summary.reintegration2021 = final.reintegration2021;
  summary.reportsMissing = final.missing;
  return { snapshots, events, states, reports: final.filed, summary };
}
