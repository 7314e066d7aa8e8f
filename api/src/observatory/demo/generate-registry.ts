import { codeAndAncestors, GminaType, TerritorialLevel } from '../../territory';
import { generateKrs, generateNip, generateRegon14, generateRegon9 } from '../../shared/ids';
import { LegalForm, SocialEconomyEntityStatus } from '../registry/legal-form';
import type { DemoCalibration } from './calibration';
import { FEATURED_ENTITIES } from './featured';
import { entityName } from './names';
import { apportion, mulberry32, randomUuid, weightedIndex, pick, type Random } from './prng';

/** A unit as the generator sees it: code, level, parent, and its latest population (if any). */
export interface SampleUnit {
  code: string;
  level: TerritorialLevel;
  gminaType: GminaType | null;
  parentCode: string | null;
  population: number | null;
}

/** The territory the seats are drawn from, indexed for drawing. */
export interface TerritorySample {
  voivodeships: { code: string; population: number }[];
  powiatsOf: Map<string, { code: string; population: number }[]>;
  gminasOf: Map<string, { code: string; gminaType: GminaType | null }[]>;
  codes: Set<string>;
}

export function territorySample(units: readonly SampleUnit[]): TerritorySample {
  const byCode = [...units].sort((a, b) => a.code.localeCompare(b.code));
  const voivodeships = byCode.filter((u) => u.level === TerritorialLevel.VOIVODESHIP).map((u) => ({ code: u.code, population: u.population ?? 0 }));
  if (!voivodeships.length) throw new Error('The territory holds no voivodeships: import the territory before seeding the demo registry');
  const powiatsOf = new Map<string, { code: string; population: number }[]>();
  const gminasOf = new Map<string, { code: string; gminaType: GminaType | null }[]>();
  for (const u of byCode) {
    if (u.level === TerritorialLevel.POWIAT) powiatsOf.set(u.parentCode!, [...(powiatsOf.get(u.parentCode!) ?? []), { code: u.code, population: u.population ?? 0 }]);
    if (u.level === TerritorialLevel.GMINA) gminasOf.set(u.parentCode!, [...(gminasOf.get(u.parentCode!) ?? []), { code: u.code, gminaType: u.gminaType }]);
  }
  return { voivodeships, powiatsOf, gminasOf, codes: new Set(byCode.map((u) => u.code)) };
}

type IdentifierSet = 'KRS_REGON_NIP' | 'REGON_NIP' | 'LOCAL_REGON';

/** One homogeneous slice of the demo registry and why it has the size it has. */
export interface DemoGroup {
  legalForm: LegalForm;
  status: SocialEconomyEntityStatus;
  /** Generated records, the featured entities of this form and status already subtracted. */
  count: number;
  /** Percent of the group per voivodeship where a figure is published; the rest goes by population. */
  fixedSharePercent: Record<string, number>;
  /** Seat only in rural or urban-rural gminas (rural housewives' circles). */
  ruralOnly: boolean;
  identifiers: IdentifierSet;
  foundedBetween: readonly [string, string];
  /** Share of the group founded after the calibration year instead (2022 to mid-2025), so the history keeps gaining entities. */
  foundedRecently: number;
  basis: string;
}

/** Non-profits are sampled, not reproduced: 1 % of the associations, foundations and KGWs GUS counts. */
export const NGO_SAMPLE_RATE = 0.01;

// Founding windows follow the laws that created each form: social cooperatives (act of 27 Apr 2006),
// CIS/KIS (act on social employment of 13 Jun 2003, in force 2004), ZAZ (rehabilitation act of
// 27 Aug 1997), associations (act of 7 Apr 1989), KGW register (act of 9 Nov 2018).
const FOUNDED: Record<LegalForm, readonly [string, string]> = {
  SOCIAL_COOPERATIVE: ['2006-05-01', '2021-12-31'],
  WORKER_COOPERATIVE: ['1950-01-01', '2015-12-31'],
  COOPERATIVE_OF_DISABLED_OR_BLIND: ['1950-01-01', '2000-12-31'],
  ASSOCIATION: ['1989-05-01', '2021-12-31'],
  FOUNDATION: ['1990-01-01', '2021-12-31'],
  NON_PROFIT_COMPANY: ['2000-01-01', '2021-12-31'],
  CIS: ['2004-01-01', '2021-12-31'],
  KIS: ['2004-01-01', '2021-12-31'],
  ZAZ: ['1998-01-01', '2021-12-31'],
  WTZ: ['1992-01-01', '2021-12-31'],
  RURAL_HOUSEWIVES_CIRCLE: ['2018-11-29', '2021-12-31'],
  OTHER: ['1990-01-01', '2021-12-31'],
};

/** Dissolved social cooperatives are kept for the years 2016–2025, so the history shows entities disappearing. */
const DISSOLVED_YEARS = 10;

/**
 * Shares of some active groups founded in 2022 to mid-2025 rather than by the calibration year,
 * so that the 2021–2025 history gains entities while others pause, wind up or are struck off:
 * the number of active social cooperatives stays about level, as MRiPS counted it in 2019–2021.
 * Reintegration units keep their GUS 2021 counts; KGWs, registered only since the act of
 * 9 Nov 2018, grew fastest.
 */
const RECENTLY = { coops: 0.2, ngos: 0.1, circles: 0.35 };

/** The demo registry's composition, derived from the calibration figures (see each group's basis). */
export function planDemoRegistry(cal: DemoCalibration): DemoGroup[] {
  const sc = cal.socialCooperatives;
  const [active, inactive] = apportion(sc.notInLiquidation.value, [sc.active.value, sc.inactive.value]);
  const inLiquidation = Math.round((sc.notInLiquidation.value * sc.inLiquidation.value) / (sc.active.value + sc.inactive.value));
  const coopShares = Object.fromEntries(Object.entries(sc.activeSharePercent).map(([code, f]) => [code, f.value]));
  const np = cal.nonProfits;
  const ngoShares = { '14': (100 * np.seatedInMazowieckie.value) / np.allActive.value };
  const mix = cal.loanMix;
  const byLoanMix = (f: { value: number }) => Math.round((sc.notInLiquidation.value * f.value) / mix.socialCooperatives.value);
  const ACTIVE = SocialEconomyEntityStatus.ACTIVE;
  const group = (legalForm: LegalForm, status: SocialEconomyEntityStatus, count: number, identifiers: IdentifierSet, basis: string, extra: Partial<DemoGroup> = {}): DemoGroup => ({
    legalForm,
    status,
    count,
    fixedSharePercent: {},
    ruralOnly: false,
    identifiers,
    foundedBetween: FOUNDED[legalForm],
    foundedRecently: 0,
    basis,
    ...extra,
  });
  const ngo = (f: { value: number }) => Math.round(f.value * NGO_SAMPLE_RATE);
  const plan = [
    group(LegalForm.SOCIAL_COOPERATIVE, ACTIVE, active, 'KRS_REGON_NIP', `${sc.notInLiquidation.value} in KRS not in liquidation (${sc.notInLiquidation.referenceDate}), split active:inactive ${sc.active.value}:${sc.inactive.value} (GUS 2016); ${100 * RECENTLY.coops} % of the active founded since 2022`, { fixedSharePercent: coopShares, foundedRecently: RECENTLY.coops }),
    group(LegalForm.SOCIAL_COOPERATIVE, SocialEconomyEntityStatus.SUSPENDED, inactive, 'KRS_REGON_NIP', 'the inactive share of GUS 2016 (no revenue and no staff), shown as suspended', { fixedSharePercent: coopShares }),
    group(LegalForm.SOCIAL_COOPERATIVE, SocialEconomyEntityStatus.IN_LIQUIDATION, inLiquidation, 'KRS_REGON_NIP', `in liquidation at the GUS 2016 ratio ${sc.inLiquidation.value}:${sc.active.value + sc.inactive.value} to those not in liquidation`, {
      fixedSharePercent: coopShares,
      foundedBetween: ['2006-05-01', '2019-12-31'],
    }),
    group(LegalForm.WTZ, ACTIVE, cal.reintegrationUnits.WTZ.value, 'LOCAL_REGON', `GUS ${cal.reintegrationUnits.WTZ.referenceDate}`),
    group(LegalForm.ZAZ, ACTIVE, cal.reintegrationUnits.ZAZ.value, 'REGON_NIP', `GUS ${cal.reintegrationUnits.ZAZ.referenceDate}`),
    group(LegalForm.CIS, ACTIVE, cal.reintegrationUnits.CIS.value, 'REGON_NIP', `GUS ${cal.reintegrationUnits.CIS.referenceDate}`),
    group(LegalForm.KIS, ACTIVE, cal.reintegrationUnits.KIS.value, 'LOCAL_REGON', `GUS ${cal.reintegrationUnits.KIS.referenceDate}`),
    group(LegalForm.ASSOCIATION, ACTIVE, ngo(np.associations), 'KRS_REGON_NIP', `1 % sample of ${np.associations.value} associations (GUS ${np.associations.referenceDate}); mazowieckie's share of NGOs from GUS 2014`, { fixedSharePercent: ngoShares, foundedRecently: RECENTLY.ngos }),
    group(LegalForm.FOUNDATION, ACTIVE, ngo(np.foundations), 'KRS_REGON_NIP', `1 % sample of ${np.foundations.value} foundations (GUS ${np.foundations.referenceDate}); mazowieckie's share of NGOs from GUS 2014`, { fixedSharePercent: ngoShares, foundedRecently: RECENTLY.ngos }),
    group(LegalForm.RURAL_HOUSEWIVES_CIRCLE, ACTIVE, ngo(np.ruralHousewivesCircles), 'REGON_NIP', `1 % sample of ${np.ruralHousewivesCircles.value} KGWs (GUS ${np.ruralHousewivesCircles.referenceDate}), in rural and urban-rural gminas`, { ruralOnly: true, foundedRecently: RECENTLY.circles }),
    group(LegalForm.WORKER_COOPERATIVE, ACTIVE, byLoanMix(mix.workerCooperatives), 'KRS_REGON_NIP', `proxy: social cooperatives × ${mix.workerCooperatives.value}/${mix.socialCooperatives.value}, the PO KL pilot borrower mix (TISE)`),
    group(LegalForm.NON_PROFIT_COMPANY, ACTIVE, byLoanMix(mix.nonProfitCompanies), 'KRS_REGON_NIP', `proxy: social cooperatives × ${mix.nonProfitCompanies.value}/${mix.socialCooperatives.value}, the PO KL pilot borrower mix (TISE)`, { foundedRecently: RECENTLY.ngos }),
    group(LegalForm.COOPERATIVE_OF_DISABLED_OR_BLIND, ACTIVE, byLoanMix(mix.disabledCooperatives), 'KRS_REGON_NIP', `proxy: social cooperatives × ${mix.disabledCooperatives.value}/${mix.socialCooperatives.value}, the PO KL pilot borrower mix (TISE)`),
    // Last, so that adding it left every earlier record of a seed as it was.
    group(
      LegalForm.SOCIAL_COOPERATIVE,
      SocialEconomyEntityStatus.DISSOLVED,
      Math.round(sc.notInLiquidation.value * cal.activity.cooperativesLiquidatedPerYear.value * DISSOLVED_YEARS),
      'KRS_REGON_NIP',
      `struck off in the ${DISSOLVED_YEARS} years to 2025 at ${(100 * cal.activity.cooperativesLiquidatedPerYear.value).toFixed(1)} % a year (MCPS, mazowieckie 2017) of the ${sc.notInLiquidation.value} not in liquidation`,
      { fixedSharePercent: coopShares, foundedBetween: ['2006-05-01', '2019-12-31'] },
    ),
  ];
  for (const featured of FEATURED_ENTITIES) {
    const g = plan.find((p) => p.legalForm === featured.legalForm && p.status === featured.status);
    if (g) g.count = Math.max(0, g.count - 1);
  }
  return plan;
}

/** One registry record, ready for the bulk insert. */
export interface DemoEntityRecord {
  id: string;
  name: string;
  legalForm: LegalForm;
  krs: string | null;
  regon: string | null;
  nip: string | null;
  seatCode: string;
  foundedOn: string;
  status: SocialEconomyEntityStatus;
}

const DAY = 86_400_000;
const RECENT: readonly [string, string] = ['2022-01-01', '2025-06-30'];

/** A day in the window, or with probability `recentShare` in 2022 to mid-2025; one draw either way, so the stream stays aligned. */
function randomDate(random: Random, window: readonly [string, string], recentShare = 0): string {
  const u = random();
  const [[from, to], v] = u < 1 - recentShare ? [window, u / (1 - recentShare)] : [RECENT, (u - (1 - recentShare)) / recentShare];
  const start = Date.parse(`${from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / DAY);
  return new Date(start + Math.min(days, Math.floor(v * (days + 1))) * DAY).toISOString().slice(0, 10);
}

/** Voivodeship weights: published shares where given, the remaining percent by population. */
function voivodeshipWeights(sample: TerritorySample, fixed: Record<string, number>): number[] {
  const fixedTotal = Object.entries(fixed).filter(([code]) => sample.voivodeships.some((v) => v.code === code)).reduce((s, [, p]) => s + p, 0);
  const freePopulation = sample.voivodeships.filter((v) => !(v.code in fixed)).reduce((s, v) => s + v.population, 0);
  return sample.voivodeships.map((v) => (v.code in fixed ? fixed[v.code] : freePopulation > 0 ? ((100 - fixedTotal) * v.population) / freePopulation : 1));
}

const isRural = (g: { gminaType: GminaType | null }) => g.gminaType === GminaType.RURAL || g.gminaType === GminaType.URBAN_RURAL;

/**
 * Voivodeship → powiat (by population) → gmina (uniformly), as deep as the territory goes.
 * `ruralOnly` keeps to powiats and gminas with villages (cities with powiat rights have none).
 */
export function drawSeat(random: Random, sample: TerritorySample, voivodeship: string, ruralOnly: boolean): string {
  const all = sample.powiatsOf.get(voivodeship);
  if (!all?.length) return voivodeship;
  const rural = ruralOnly ? all.filter((p) => sample.gminasOf.get(p.code)?.some(isRural)) : all;
  const powiats = rural.length ? rural : all;
  const powiat = powiats[weightedIndex(random, powiats.map((p) => Math.max(p.population, 1)))].code;
  const gminas = sample.gminasOf.get(powiat);
  if (!gminas?.length) return powiat;
  const ruralGminas = gminas.filter(isRural);
  return pick(random, ruralOnly && ruralGminas.length ? ruralGminas : gminas).code;
}

/** The finest unit of the sample containing `code` (a gmina may map to its voivodeship). */
export function finestKnown(sample: TerritorySample, code: string): string {
  const found = codeAndAncestors(code).find((c) => sample.codes.has(c));
  if (!found) throw new Error(`No unit of the territory contains ${code}`);
  return found;
}

/**
 * Generates the synthetic demo registry: the featured entities plus the calibrated groups of
 * `planDemoRegistry`. A pure function of its input — the same seed gives the same records.
 */
export function generateDemoRegistry(input: { seed: number; calibration: DemoCalibration; territory: TerritorySample }): DemoEntityRecord[] {
  const random = mulberry32(input.seed);
  const sample = input.territory;
  const used = { id: new Set<string>(), krs: new Set<string>(), regon: new Set<string>(), nip: new Set<string>() };
  const unique = (kind: keyof typeof used, draw: () => string): string => {
    for (;;) {
      const value = draw();
      if (!used[kind].has(value)) {
        used[kind].add(value);
        return value;
      }
    }
  };
  const records: DemoEntityRecord[] = FEATURED_ENTITIES.map((f) => {
    for (const kind of ['id', 'krs', 'regon', 'nip'] as const) if (f[kind]) used[kind].add(f[kind]!);
    return { id: f.id, name: f.name, legalForm: f.legalForm, krs: f.krs, regon: f.regon, nip: f.nip, seatCode: finestKnown(sample, f.terytCode), foundedOn: f.foundedOn, status: f.status };
  });
  for (const group of planDemoRegistry(input.calibration)) {
    const perVoivodeship = apportion(group.count, voivodeshipWeights(sample, group.fixedSharePercent));
    sample.voivodeships.forEach((voivodeship, v) => {
      for (let i = 0; i < perVoivodeship[v]; i++) {
        const regon = group.identifiers === 'LOCAL_REGON' ? unique('regon', () => generateRegon14(random)) : unique('regon', () => generateRegon9(random));
        records.push({
          id: unique('id', () => randomUuid(random)),
          name: entityName(random, group.legalForm),
          legalForm: group.legalForm,
          krs: group.identifiers === 'KRS_REGON_NIP' ? unique('krs', () => generateKrs(random)) : null,
          regon,
          nip: group.identifiers === 'LOCAL_REGON' ? null : unique('nip', () => generateNip(random)),
          seatCode: drawSeat(random, sample, voivodeship.code, group.ruralOnly),
          foundedOn: randomDate(random, group.foundedBetween, group.foundedRecently),
          status: group.status,
        });
      }
    });
  }
  return records;
}
