import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir } from '../../config';
import { isValidKrs, isValidNip, isValidRegon } from '../../shared/ids';
import {
  builtinPopulation,
  builtinUnits,
  GminaType,
  parsePowiatPopulation,
  parseTerc,
  parseVoivodeshipPopulation,
  TerritorialLevel,
  type PopulationRecord,
  type UnitRecord,
} from '../../territory';
import { LegalForm, SocialEconomyEntityStatus } from '../registry/legal-form';
import { BUILTIN_CALIBRATION, calibrationFromRows, CALIBRATION_FILE, parseCalibrationCsv } from './calibration';
import { FEATURED_ENTITIES } from './featured';
import { generateDemoRegistry, territorySample, type DemoEntityRecord, type SampleUnit } from './generate-registry';

/** The generator's view of a territory: each unit with its latest population. */
function sampleFrom(units: UnitRecord[], population: PopulationRecord[]) {
  const latest = new Map<string, PopulationRecord>();
  for (const p of population) if ((latest.get(p.terytCode)?.year ?? 0) < p.year) latest.set(p.terytCode, p);
  const sampleUnits: SampleUnit[] = units.map((u) => ({ code: u.terytCode, level: u.level, gminaType: u.gminaType, parentCode: u.parentCode, population: latest.get(u.terytCode)?.population ?? null }));
  return territorySample(sampleUnits);
}

const builtinTerritory = sampleFrom(builtinUnits(), builtinPopulation());
const count = (records: DemoEntityRecord[], test: (r: DemoEntityRecord) => boolean) => records.filter(test).length;
const percent = (part: number, whole: number) => (100 * part) / whole;

describe('generateDemoRegistry on the built-in calibration and territory', () => {
  const records = generateDemoRegistry({ seed: 2026, calibration: BUILTIN_CALIBRATION, territory: builtinTerritory });
  // Social cooperatives still registered; the dissolved ones are counted apart.
  const coops = records.filter((r) => r.legalForm === LegalForm.SOCIAL_COOPERATIVE && r.status !== SocialEconomyEntityStatus.DISSOLVED);
  const activeCoops = coops.filter((r) => r.status === SocialEconomyEntityStatus.ACTIVE);

  it.each([
    [LegalForm.WTZ, 729],
    [LegalForm.ZAZ, 133],
    [LegalForm.CIS, 201],
    [LegalForm.KIS, 202],
    [LegalForm.ASSOCIATION, 668],
    [LegalForm.FOUNDATION, 160],
    [LegalForm.RURAL_HOUSEWIVES_CIRCLE, 85],
    [LegalForm.WORKER_COOPERATIVE, 292],
    [LegalForm.NON_PROFIT_COMPANY, 181],
    [LegalForm.COOPERATIVE_OF_DISABLED_OR_BLIND, 14],
  ])('holds exactly the calibrated number of %s (featured entities included)', (form, expected) => {
    expect(count(records, (r) => r.legalForm === form)).toBe(expected);
  });

  it('holds 1,503 social cooperatives not in liquidation, as KRS counted at the end of 2021', () => {
    expect(count(coops, (r) => r.status !== SocialEconomyEntityStatus.IN_LIQUIDATION)).toBe(1503);
  });

  it('keeps the social cooperatives struck off in 2016–2025 at the 2 in 141 a year MCPS counted in mazowieckie', () => {
    expect(count(records, (r) => r.legalForm === LegalForm.SOCIAL_COOPERATIVE && r.status === SocialEconomyEntityStatus.DISSOLVED)).toBe(Math.round((1503 * 2 * 10) / 141));
  });

  it('mixes active, inactive and liquidating social cooperatives as GUS found in 2016 (900 : 300 : 200, ±0.5 pp)', () => {
    expect(percent(activeCoops.length, coops.length)).toBeCloseTo((100 * 900) / 1400, 0);
    expect(Math.abs(percent(count(coops, (r) => r.status === SocialEconomyEntityStatus.SUSPENDED), coops.length) - (100 * 300) / 1400)).toBeLessThan(0.5);
    expect(Math.abs(percent(count(coops, (r) => r.status === SocialEconomyEntityStatus.IN_LIQUIDATION), coops.length) - (100 * 200) / 1400)).toBeLessThan(0.5);
  });

  it('seats 15 % of active social cooperatives in wielkopolskie, 11 % in śląskie and 9 % in mazowieckie (±0.5 pp)', () => {
    const share = (code: string) => percent(count(activeCoops, (r) => r.seatCode.startsWith(code)), activeCoops.length);
    expect(Math.abs(share('30') - 15)).toBeLessThan(0.5);
    expect(Math.abs(share('24') - 11)).toBeLessThan(0.5);
    expect(Math.abs(share('14') - 9)).toBeLessThan(0.5);
  });

  it('spreads the other 65 % of active social cooperatives by population (±0.5 pp per voivodeship)', () => {
    const others = builtinTerritory.voivodeships.filter((v) => !['30', '24', '14'].includes(v.code));
    const othersPopulation = others.reduce((s, v) => s + v.population, 0);
    for (const v of others) {
      const share = percent(count(activeCoops, (r) => r.seatCode.startsWith(v.code)), activeCoops.length);
      expect(Math.abs(share - (65 * v.population) / othersPopulation)).toBeLessThan(0.5);
    }
  });

  it('spreads reintegration units by population (WTZ in each voivodeship within 0.5 pp of its population share)', () => {
    const total = builtinTerritory.voivodeships.reduce((s, v) => s + v.population, 0);
    const wtz = records.filter((r) => r.legalForm === LegalForm.WTZ);
    for (const v of builtinTerritory.voivodeships) {
      expect(Math.abs(percent(count(wtz, (r) => r.seatCode === v.code), wtz.length) - percent(v.population, total))).toBeLessThan(0.5);
    }
  });

  it('seats everything in a voivodeship when the territory has no finer units, featured entities included', () => {
    expect(records.every((r) => /^\d{2}$/.test(r.seatCode))).toBe(true);
    expect(records.find((r) => r.id === FEATURED_ENTITIES[0].id)!.seatCode).toBe('12');
  });

  it('includes the six featured entities with their fixed ids, names and forms', () => {
    for (const featured of FEATURED_ENTITIES) {
      expect(records.find((r) => r.id === featured.id)).toMatchObject({ name: featured.name, legalForm: featured.legalForm });
    }
  });

  it('gives every record valid, unique identifiers as its form would have them', () => {
    for (const kind of ['id', 'krs', 'regon', 'nip'] as const) {
      const values = records.map((r) => r[kind]).filter((v): v is string => v !== null);
      expect(new Set(values).size).toBe(values.length);
    }
    expect(records.filter((r) => r.krs).every((r) => isValidKrs(r.krs!))).toBe(true);
    expect(records.filter((r) => r.regon).every((r) => isValidRegon(r.regon!))).toBe(true);
    expect(records.filter((r) => r.nip).every((r) => isValidNip(r.nip!))).toBe(true);
    expect(count(records, (r) => r.legalForm === LegalForm.SOCIAL_COOPERATIVE && !r.krs)).toBe(0);
    expect(count(records, (r) => r.legalForm === LegalForm.WTZ && (r.krs !== null || r.regon!.length !== 14))).toBe(0);
  });

  it('gives Polish names with Polish quotation marks', () => {
    const generated = coops.find((r) => !FEATURED_ENTITIES.some((f) => f.id === r.id))!;
    expect(generated.name).toMatch(/^Spółdzielnia Socjalna .*„[^”]+”$/);
  });

  it('dates no social cooperative before the 2006 act that created them, and founds about a fifth of the active ones since 2022', () => {
    expect(coops.every((r) => r.foundedOn >= '2006-05-01' && r.foundedOn <= '2025-06-30')).toBe(true);
    expect(coops.filter((r) => r.foundedOn >= '2022-01-01').every((r) => r.status === SocialEconomyEntityStatus.ACTIVE)).toBe(true);
    expect(Math.abs(percent(count(activeCoops, (r) => r.foundedOn >= '2022-01-01'), activeCoops.length) - 20)).toBeLessThan(2.5);
  });

  it('produces the identical registry from the same seed', () => {
    expect(generateDemoRegistry({ seed: 2026, calibration: BUILTIN_CALIBRATION, territory: builtinTerritory })).toEqual(records);
  });

  it('produces a different registry, of the same make-up, from a different seed', () => {
    const other = generateDemoRegistry({ seed: 2027, calibration: BUILTIN_CALIBRATION, territory: builtinTerritory });
    expect(other.length).toBe(records.length);
    const generatedIds = (rs: DemoEntityRecord[]) => rs.slice(FEATURED_ENTITIES.length).map((r) => r.id);
    expect(generatedIds(other)).not.toEqual(generatedIds(records));
    expect(other.slice(FEATURED_ENTITIES.length).map((r) => r.name)).not.toEqual(records.slice(FEATURED_ENTITIES.length).map((r) => r.name));
  });
});

const dataDir = process.env.HUB_DATA_DIR || defaultDataDir();
const withData = dataDir ? describe : describe.skip;

withData('generateDemoRegistry on the data directory', () => {
  const calibration = calibrationFromRows(parseCalibrationCsv(readFileSync(join(dataDir!, CALIBRATION_FILE), 'utf8')), CALIBRATION_FILE);
  const terc = parseTerc(readFileSync(join(dataDir!, 'teryt', 'TERC_Urzedowy_2026-01-01.csv'), 'utf8'));
  const population = [
    ...parsePowiatPopulation(readFileSync(join(dataDir!, 'population', 'radostw_powiaty_population.csv'), 'utf8')),
    ...parseVoivodeshipPopulation(readFileSync(join(dataDir!, 'population', 'wojewodztwa_population_2023_2025.csv'), 'utf8')),
  ];
  const units: UnitRecord[] = [{ terytCode: 'PL', name: 'Polska', level: TerritorialLevel.COUNTRY, gminaType: null, isCityWithPowiatRights: false, parentCode: null }, ...terc.units];
  const territory = sampleFrom(units, population);
  const records = generateDemoRegistry({ seed: 2026, calibration, territory });
  const gminaTypes = new Map(terc.units.filter((u) => u.level === TerritorialLevel.GMINA).map((u) => [u.terytCode, u.gminaType]));

  it('reads the same headline figures from the calibration file as the hub has built in', () => {
    const values = (c: typeof calibration) => JSON.stringify(c, (key, value) => (key === 'origin' || key === 'source' || key === 'sourceUrl' || key === 'referenceDate' ? undefined : value));
    expect(values(calibration)).toBe(values(BUILTIN_CALIBRATION));
  });

  it('seats every entity in a gmina of the TERC register, featured ones in their own gminas', () => {
    expect(records.every((r) => gminaTypes.has(r.seatCode))).toBe(true);
    for (const featured of FEATURED_ENTITIES) expect(records.find((r) => r.id === featured.id)!.seatCode).toBe(featured.terytCode);
  });

  it('seats rural housewives’ circles only in rural or urban-rural gminas', () => {
    const kgw = records.filter((r) => r.legalForm === LegalForm.RURAL_HOUSEWIVES_CIRCLE);
    expect(kgw.length).toBe(85);
    expect(kgw.every((r) => gminaTypes.get(r.seatCode) !== GminaType.URBAN)).toBe(true);
  });

  it('draws powiats by population: Warsaw, the largest powiat, seats the most entities of mazowieckie', () => {
    const perPowiat = new Map<string, number>();
    for (const r of records.filter((r) => r.seatCode.startsWith('14'))) perPowiat.set(r.seatCode.slice(0, 4), (perPowiat.get(r.seatCode.slice(0, 4)) ?? 0) + 1);
    const [top] = [...perPowiat].sort((a, b) => b[1] - a[1]);
    expect(top[0]).toBe('1465');
  });
});
