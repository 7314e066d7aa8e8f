import { LegalForm, SocialEconomyEntityStatus } from '../../registry/legal-form';
import { versionAt, type TimelineVersion } from '../../registry/history/timeline';
import { apportion, normal, randomInt, sizeFactor, uniform, type Random } from '../prng';

export const REPORT_YEARS = [2021, 2022, 2023, 2024, 2025] as const;

/** Consumer prices, 2016 = 1 (GUS annual CPI 2017–2024: 102.0, 101.6, 102.3, 103.4, 105.1, 114.4, 111.4, 103.6; 2025 taken as 104.0). */
export const PRICE_INDEX_2016: Record<number, number> = { 2016: 1, 2017: 1.02, 2018: 1.036, 2019: 1.06, 2020: 1.096, 2021: 1.152, 2022: 1.318, 2023: 1.468, 2024: 1.521, 2025: 1.582 };

/** People at risk of exclusion by group, in the order of the report columns. */
export const EXCLUDED_GROUPS = ['longTermUnemployed', 'disabled', 'homeless', 'afterAddiction', 'afterPrison', 'refugees', 'other'] as const;
export type ExcludedGroup = (typeof EXCLUDED_GROUPS)[number];

/** One generated annual report; money in grosze (safe integers: demo amounts stay far below 2^53). */
export interface DemoReport {
  entityId: string;
  year: number;
  employeesHeadcount: number | null;
  employeesFte: number | null;
  excluded: Record<ExcludedGroup, number> | null;
  members: number | null;
  volunteers: number | null;
  revenueMarket: number;
  revenuePublicGrants: number;
  result: number;
  surplusReinvested: number;
  pkdCode: string;
  recordedAt: Date;
}

// Mix of the groups among excluded employees (or participants), per form; refugees weigh more from 2022.
const MIX: Partial<Record<LegalForm, Record<ExcludedGroup, number>>> = {
  SOCIAL_COOPERATIVE: { longTermUnemployed: 45, disabled: 28, homeless: 4, afterAddiction: 6, afterPrison: 5, refugees: 1, other: 11 },
  CIS: { longTermUnemployed: 52, disabled: 6, homeless: 14, afterAddiction: 15, afterPrison: 7, refugees: 1, other: 5 },
  WORKER_COOPERATIVE: { longTermUnemployed: 30, disabled: 60, homeless: 0, afterAddiction: 0, afterPrison: 0, refugees: 0, other: 10 },
  NON_PROFIT_COMPANY: { longTermUnemployed: 40, disabled: 35, homeless: 5, afterAddiction: 5, afterPrison: 5, refugees: 2, other: 8 },
  ASSOCIATION: { longTermUnemployed: 30, disabled: 40, homeless: 8, afterAddiction: 5, afterPrison: 5, refugees: 4, other: 8 },
  FOUNDATION: { longTermUnemployed: 30, disabled: 40, homeless: 8, afterAddiction: 5, afterPrison: 5, refugees: 4, other: 8 },
  OTHER: { longTermUnemployed: 30, disabled: 40, homeless: 8, afterAddiction: 5, afterPrison: 5, refugees: 4, other: 8 },
};
const ONLY_DISABLED: Record<ExcludedGroup, number> = { longTermUnemployed: 0, disabled: 1, homeless: 0, afterAddiction: 0, afterPrison: 0, refugees: 0, other: 0 };

/** Splits `total` people among the groups by the form's mix, jittered per report. */
function splitExcluded(random: Random, form: LegalForm, year: number, total: number): Record<ExcludedGroup, number> {
  const mix = MIX[form] ?? ONLY_DISABLED;
  const weights = EXCLUDED_GROUPS.map((g) => mix[g] * (g === 'refugees' && year >= 2022 ? 3 : 1) * uniform(random, 0.5, 1.5));
  const parts = weights.some((w) => w > 0) ? apportion(total, weights) : EXCLUDED_GROUPS.map(() => 0);
  return Object.fromEntries(EXCLUDED_GROUPS.map((g, i) => [g, parts[i]])) as Record<ExcludedGroup, number>;
}

/** Per-entity traits that persist across years: size, how much it sells, whether an NGO employs at all. */
export interface EntityTraits {
  size: number;
  participants: number;
  marketShare: number;
  employs: boolean;
  members: number;
  volunteers: number;
}

export function drawTraits(random: Random, form: LegalForm): EntityTraits {
  const ngo = form === LegalForm.ASSOCIATION || form === LegalForm.FOUNDATION || form === LegalForm.OTHER;
  return {
    size: sizeFactor(random, 0.55),
    participants: sizeFactor(random, 0.35),
    marketShare: random(),
    employs: ngo ? random() < (form === LegalForm.FOUNDATION ? 0.4 : 0.3) : form === LegalForm.RURAL_HOUSEWIVES_CIRCLE ? random() < 0.03 : true,
    members: sizeFactor(random, 0.9),
    volunteers: sizeFactor(random, 0.8),
  };
}

/**
 * Mean people in reintegration per unit: ZAZ employees with disabilities, CIS participants, WTZ
 * participants. Together ≈ 46,300 over the 2021 units (GUS); the generator then scales the
 * draws so that the 2021 total matches the calibration exactly.
 */
export const REINTEGRATION_MEANS: Partial<Record<LegalForm, number>> = { WTZ: 38, ZAZ: 48, CIS: 60.8 };

const zloty = (random: Random, pln: number) => Math.max(0, Math.round(pln)) * 100 + randomInt(random, 0, 99);
const grosze = (pln: number) => Math.round(pln * 100);

/** What the entity was at the end of the year, and the figures that shape its report. */
export interface ReportContext {
  entityId: string;
  form: LegalForm;
  year: number;
  yearEnd: TimelineVersion;
  traits: EntityTraits;
  pkdCode: string;
  /** Averages from the calibration: social cooperative employees and budget (2016 PLN). */
  cooperativeEmployees: number;
  cooperativeBudget2016: number;
  /** People in reintegration before the exact 2021 scaling (CIS, ZAZ, WTZ). */
  reintegrationScale: number;
  recordedAt: Date;
}

/**
 * One annual report, shaped by the form: social cooperatives around 5 employees and a 308,000
 * PLN (2016) budget mostly earned on the market; reintegration units count their participants
 * and live on public money; most associations employ nobody. Suspended entities report nothing
 * earned and no staff; entities in liquidation shrink.
 */
export function drawReport(random: Random, c: ReportContext): DemoReport {
  const t = c.traits;
  const prices = PRICE_INDEX_2016[c.year];
  const trend = 1 + 0.015 * (c.year - 2021);
  const noise = () => Math.max(0.5, 1 + 0.08 * normal(random));
  const status = c.yearEnd.status;
  const winding = status === SocialEconomyEntityStatus.IN_LIQUIDATION || status === SocialEconomyEntityStatus.DISSOLVED ? 0.4 : 1;
  const idle = status === SocialEconomyEntityStatus.SUSPENDED;

  let staff = 0;
  let participants = 0; // CIS/WTZ participants, ZAZ employees with disabilities
  let excludedShare = 0;
  let revenuePln = 0;
  let marketShare = 0;
  let members: number | null = null;
  let volunteers: number | null = Math.round(3 * t.volunteers * noise());
  let reinvest = (result: number) => (result > 0 ? result * uniform(random, 0.4, 1) : 0);
  const reintegration = (REINTEGRATION_MEANS[c.form] ?? 0) * t.participants * trend * noise() * c.reintegrationScale;

  switch (c.form) {
    case LegalForm.SOCIAL_COOPERATIVE:
      staff = c.cooperativeEmployees * t.size * trend * noise();
      excludedShare = uniform(random, 0.5, 0.85); // the law asks for at least half
      revenuePln = c.cooperativeBudget2016 * prices * t.size * noise();
      marketShare = 0.6 + 0.3 * t.marketShare;
      members = Math.max(3, Math.round(staff * uniform(random, 0.8, 1.6)));
      break;
    case LegalForm.WORKER_COOPERATIVE:
      staff = 25 * t.size * noise();
      excludedShare = uniform(random, 0.05, 0.15);
      revenuePln = staff * 95_000 * prices;
      marketShare = 0.95 + 0.05 * t.marketShare;
      members = Math.round(staff * uniform(random, 0.5, 0.9));
      volunteers = 0;
      reinvest = (result) => (result > 0 ? result * uniform(random, 0, 0.3) : 0);
      break;
    case LegalForm.COOPERATIVE_OF_DISABLED_OR_BLIND:
      staff = 60 * t.size * noise();
      excludedShare = uniform(random, 0.5, 0.75);
      revenuePln = staff * 70_000 * prices;
      marketShare = 0.85 + 0.1 * t.marketShare;
      members = Math.round(staff * uniform(random, 0.4, 0.7));
      volunteers = 0;
      break;
    case LegalForm.NON_PROFIT_COMPANY:
      staff = 8 * t.size * noise();
      excludedShare = uniform(random, 0.2, 0.5);
      revenuePln = 520_000 * prices * t.size * noise();
      marketShare = 0.4 + 0.3 * t.marketShare;
      members = 0;
      reinvest = (result) => Math.max(0, result); // a non-profit company distributes nothing
      break;
    case LegalForm.ASSOCIATION:
    case LegalForm.FOUNDATION:
    case LegalForm.OTHER:
      staff = t.employs ? (c.form === LegalForm.FOUNDATION ? 5 : 4) * t.size * noise() : 0;
      excludedShare = uniform(random, 0, 0.2);
      revenuePln = (c.form === LegalForm.FOUNDATION ? 80_000 : 35_000) * prices * t.size * t.size * noise();
      marketShare = 0.05 + 0.3 * t.marketShare;
      members = c.form === LegalForm.FOUNDATION ? 0 : Math.max(7, Math.round(60 * t.members));
      volunteers = Math.round((c.form === LegalForm.FOUNDATION ? 6 : 10) * t.volunteers * noise());
      reinvest = (result) => Math.max(0, result); // surpluses go to the statutory aims
      break;
    case LegalForm.RURAL_HOUSEWIVES_CIRCLE:
      staff = t.employs ? 1 : 0;
      revenuePln = 10_000 * prices * t.size * noise();
      marketShare = 0.2 + 0.4 * t.marketShare;
      members = Math.max(10, Math.round(25 * t.members));
      volunteers = Math.round(5 * t.volunteers);
      reinvest = (result) => Math.max(0, result);
      break;
    case LegalForm.CIS:
      staff = 6 * t.size * noise();
      participants = reintegration;
      revenuePln = (staff * 70_000 + participants * 9_000) * prices;
      marketShare = 0.08 + 0.15 * t.marketShare;
      volunteers = Math.round(2 * t.volunteers);
      reinvest = (result) => Math.max(0, result);
      break;
    case LegalForm.KIS:
      staff = 2 * t.size * noise();
      revenuePln = staff * 60_000 * prices;
      marketShare = 0;
      volunteers = Math.round(3 * t.volunteers);
      reinvest = (result) => Math.max(0, result);
      break;
    case LegalForm.ZAZ:
      participants = reintegration; // employees with disabilities, at least 70 % of staff by law
      staff = participants / uniform(random, 0.72, 0.85);
      revenuePln = staff * 55_000 * prices;
      marketShare = 0.3 + 0.25 * t.marketShare;
      reinvest = (result) => Math.max(0, result);
      break;
    case LegalForm.WTZ:
      staff = 8 * t.size * noise();
      participants = reintegration;
      revenuePln = participants * 17_000 * prices;
      marketShare = 0.02 * t.marketShare;
      volunteers = Math.round(2 * t.volunteers);
      reinvest = (result) => Math.max(0, result);
      break;
  }

  if (idle) {
    staff = 0;
    participants = 0;
    revenuePln = revenuePln * 0.02 * random();
    volunteers = volunteers === null ? null : 0;
  }
  staff *= winding;
  participants *= winding;
  revenuePln *= winding;

  // Social enterprises must employ at least three people, 30 % of them at risk of exclusion (Act of 5 Aug 2022, art. 3).
  if (c.yearEnd.socialEnterprise && !idle) {
    staff = Math.max(staff, 3);
    excludedShare = Math.max(excludedShare, 0.3);
  }
  const staffCount = Math.round(staff);
  const inReintegration = Math.round(participants);
  const zaz = c.form === LegalForm.ZAZ;
  const excludedStaff = zaz ? 0 : Math.round(staffCount * excludedShare);
  const headcount = zaz ? Math.max(staffCount, inReintegration) : staffCount + inReintegration;
  const excludedTotal = zaz ? inReintegration : excludedStaff + inReintegration;
  const fte = zaz ? headcount * uniform(random, 0.8, 0.95) : staffCount * uniform(random, 0.7, 0.95);

  const market = revenuePln * marketShare;
  const result = revenuePln * (idle ? -uniform(random, 0, 0.5) : 0.015 + 0.05 * normal(random));
  return {
    entityId: c.entityId,
    year: c.year,
    employeesHeadcount: headcount,
    employeesFte: Math.round(fte * 100) / 100,
    excluded: splitExcluded(random, c.form, c.year, excludedTotal),
    members,
    volunteers,
    revenueMarket: zloty(random, market),
    revenuePublicGrants: zloty(random, revenuePln - market),
    result: grosze(result),
    surplusReinvested: grosze(reinvest(result)),
    pkdCode: c.pkdCode,
    recordedAt: c.recordedAt,
  };
}

/** The version valid at the end of a year, if the entity existed then. */
export const yearEnd = (timeline: readonly TimelineVersion[], year: number) => versionAt(timeline, `${year}-12-31`);
