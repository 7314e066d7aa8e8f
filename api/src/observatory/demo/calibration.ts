import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { columnIndex, parseCsv } from '../../territory';

/** A published number with where it was published. */
export interface CitedFigure {
  value: number;
  referenceDate: string;
  source: string;
  sourceUrl: string;
}

/** The published figures the demo registry is calibrated to. */
export interface DemoCalibration {
  /** Where the figures were read: the calibration file, or "built-in". */
  origin: string;
  socialCooperatives: {
    /** Registered in KRS and not in liquidation (MRiPS, latest year). */
    notInLiquidation: CitedFigure;
    /** GUS 2016: active (revenue or staff), inactive, in liquidation. */
    active: CitedFigure;
    inactive: CitedFigure;
    inLiquidation: CitedFigure;
    /** GUS 2016: percent of active social cooperatives seated in a voivodeship, by TERYT code. */
    activeSharePercent: Record<string, CitedFigure>;
  };
  reintegrationUnits: Record<'WTZ' | 'ZAZ' | 'CIS' | 'KIS', CitedFigure>;
  nonProfits: {
    associations: CitedFigure;
    foundations: CitedFigure;
    ruralHousewivesCircles: CitedFigure;
    /** GUS 2014: organisations seated in mazowieckie, and all active ones, for mazowieckie's share. */
    seatedInMazowieckie: CitedFigure;
    allActive: CitedFigure;
  };
  /**
   * Loans of the PO KL pilot fund (TISE) by borrower's legal form. No census of worker
   * cooperatives, cooperatives of disabled persons or non-profit companies was found, so their
   * demo counts scale the social-cooperative count by this borrower mix — a proxy, not a census.
   */
  loanMix: { socialCooperatives: CitedFigure; workerCooperatives: CitedFigure; nonProfitCompanies: CitedFigure; disabledCooperatives: CitedFigure };
  /** Figures the demo history and annual reports are calibrated to. */
  activity: {
    /** Entities on the ministry's list of social enterprises (latest year). */
    socialEnterprises: CitedFigure;
    /** GUS 2016: average employees on an employment contract per social cooperative. */
    cooperativeEmployees: CitedFigure;
    /** GUS 2016: average annual budget of a social cooperative, PLN. */
    cooperativeBudget: CitedFigure;
    /** GUS: persons served by CIS, ZAZ and WTZ (latest year). */
    reintegrationPersonsServed: CitedFigure;
    /** MCPS, mazowieckie 2017: social cooperatives liquidated in the year per registered one. */
    cooperativesLiquidatedPerYear: CitedFigure;
  };
}

export const CALIBRATION_FILE = join('calibration', 'social_economy_figures.csv');

interface Row {
  topic: string;
  indicator: string;
  value: number;
  referenceDate: string;
  geography: string;
  source: string;
  sourceUrl: string;
  notes: string;
}

/** Reads `social_economy_figures.csv` (topic,indicator,value,unit,reference_date,geography_teryt,source,source_url,notes). */
export function parseCalibrationCsv(text: string, file = CALIBRATION_FILE): Row[] {
  const { header, rows } = parseCsv(text);
  const col = columnIndex(header, ['topic', 'indicator', 'value', 'reference_date', 'geography_teryt', 'source', 'source_url', 'notes'] as const, file);
  return rows.map((r, i) => {
    const value = Number(r[col.value]);
    if (!Number.isFinite(value)) throw new Error(`${file}, line ${i + 2}: value "${r[col.value]}" is not a number`);
    return {
      topic: r[col.topic],
      indicator: r[col.indicator],
      value,
      referenceDate: r[col.reference_date],
      geography: r[col.geography_teryt],
      source: r[col.source],
      sourceUrl: r[col.source_url],
      notes: r[col.notes] ?? '',
    };
  });
}

const cite = (row: Row, value = row.value): CitedFigure => ({ value, referenceDate: row.referenceDate, source: row.source, sourceUrl: row.sourceUrl });

/** "13 new, 2 liquidated in 2017" of 141 registered → 2/141 per year. */
function liquidationRate(row: Row, origin: string): CitedFigure {
  const m = /(\d+) liquidated/.exec(row.notes);
  if (!m) throw new Error(`${origin}: the mazowieckie social cooperative figure does not say how many were liquidated`);
  return cite(row, Number(m[1]) / row.value);
}

/** Picks the figures the generator needs from the file's rows; the latest reference date wins. */
export function calibrationFromRows(rows: Row[], origin: string): DemoCalibration {
  const find = (topic: string, indicator: RegExp, geography = 'PL'): Row => {
    const matches = rows.filter((r) => r.topic === topic && indicator.test(r.indicator) && r.geography === geography);
    if (!matches.length) throw new Error(`${origin}: no figure for ${topic} / ${indicator} (${geography})`);
    return matches.sort((a, b) => b.referenceDate.localeCompare(a.referenceDate))[0];
  };
  const shares = rows.filter((r) => r.topic === 'social_cooperatives' && /^share of active entities in/.test(r.indicator));
  const pilotCooperatives = find('loans_pilot_POKL', /^loans to limited companies/);
  const disabled = /(\d+) disabled persons cooperative/.exec(pilotCooperatives.notes);
  if (!disabled) throw new Error(`${origin}: the pilot loan mix does not name the disabled persons cooperatives`);
  return {
    origin,
    socialCooperatives: {
      notInLiquidation: cite(find('social_cooperatives', /^registered in KRS, not in liquidation$/)),
      active: cite(find('social_cooperatives', /^active \(revenue or employment\)/)),
      inactive: cite(find('social_cooperatives', /^inactive/)),
      inLiquidation: cite(find('social_cooperatives', /^in liquidation$/)),
      activeSharePercent: Object.fromEntries(shares.map((r) => [r.geography.padStart(2, '0'), cite(r)])),
    },
    reintegrationUnits: {
      WTZ: cite(find('reintegration_units', /^active WTZ/)),
      ZAZ: cite(find('reintegration_units', /^active ZAZ/)),
      CIS: cite(find('reintegration_units', /^active CIS( |$)/)),
      KIS: cite(find('reintegration_units', /^active KIS/)),
    },
    nonProfits: {
      associations: cite(find('non_profit', /^associations/)),
      foundations: cite(find('non_profit', /^foundations$/)),
      ruralHousewivesCircles: cite(find('non_profit', /rural housewives/i)),
      seatedInMazowieckie: cite(find('non_profit', /^organisations seated in mazowieckie$/, '14')),
      allActive: cite(find('non_profit', /^active organisations$/)),
    },
    activity: {
      socialEnterprises: cite(find('non_profit', /^on MR\w*S list of social enterprises$/)),
      cooperativeEmployees: cite(find('social_cooperatives', /^average employees on employment contract$/)),
      cooperativeBudget: cite(find('social_cooperatives', /^average annual budget$/)),
      reintegrationPersonsServed: cite(find('reintegration_units', /^persons served by CIS, ZAZ and WTZ$/)),
      cooperativesLiquidatedPerYear: liquidationRate(find('social_cooperatives', /^registered in mazowieckie$/, '14'), origin),
    },
    loanMix: {
      socialCooperatives: cite(find('loans_pilot_POKL', /^loans to social cooperatives$/)),
      workerCooperatives: cite(find('loans_pilot_POKL', /^loans to work cooperatives$/)),
      nonProfitCompanies: cite(pilotCooperatives),
      disabledCooperatives: cite(pilotCooperatives, Number(disabled[1])),
    },
  };
}

const MRIPS = { source: 'MRiPS report on social cooperatives 2020-2021 (as quoted)', sourceUrl: 'https://wartowiedziec.pl/legislacja/31-komisja-wspolna-rzadu-i-samorzadu-terytorialnego/64809-funkcjonowanie-spoldzielni-socjalnych-statystyki' };
const GUS_2016 = { source: 'GUS, Spółdzielnie socjalne w 2016 r. (as quoted)', sourceUrl: 'http://mcps.com.pl/ekonomia-spoleczna/wydarzenia/spoldzielnie-socjalne-w-2016-r-ogolnopolskie-badanie-glownego-urzedu-statystycznego/' };
const GUS_REINTEGRATION_2021 = { source: 'GUS, informacja sygnalna 30.11.2022', sourceUrl: 'https://scribd.com/document/708361350/centra-i-kluby-integracji-spolecznejzak-aktyw-zawodowejwarszt-ter-zajeciowej-w-2021-r' };
const GUS_NGO_2020 = { source: 'GUS, wyniki wstępne 2020 (as republished)', sourceUrl: 'https://fxmag.pl/biznes/dzialalnosc-stowarzyszen-i-podobnych-organizacji-spolecznych-fundacji-spolecznych-podmiotow-wyznaniowych-kol-gospodyn-wiejskich-oraz-samorzadu-gospodarczego-i-zawodowego-w-2020-r-wyniki-wstepne' };
const GUS_NGO_2014 = { source: 'GUS, notatka 4.04.2016', sourceUrl: 'https://studylibpl.com/doc/820359/dzia%C5%82alno%C5%9B%C4%87-stowarzysze%C5%84-i-podobnych-organizacji-spo%C5%82ecznych' };
const GUS_NGO_2020_LIST = { source: 'GUS (as republished)', sourceUrl: GUS_NGO_2020.sourceUrl };
const GUS_COOPS_2016 = { source: 'GUS (as quoted)', sourceUrl: GUS_2016.sourceUrl };
const GUS_REINTEGRATION_2021_SERVED = { source: 'GUS', sourceUrl: GUS_REINTEGRATION_2021.sourceUrl };
const MCPS_2017 = {
  source: 'MCPS (Mazowieckie regional social policy centre), from KRS',
  sourceUrl: 'http://www.es.mcps-efs.pl/artyku%C5%82/ciekawostki-o-ekonomii-spo%C5%82ecznej-sp%C3%B3%C5%82dzielnie-socjalne-w-latach-2013-2017',
};
const TISE_PILOT = { source: 'TISE', sourceUrl: 'https://tise.pl/wykorzystano-juz-85-proc-budzetu-es-funduszu-tise/' };

/**
 * The same headline figures, built in for a hub without a data directory (copied from the
 * sources above, as listed in shared/data/calibration/social_economy_figures.csv).
 */
export const BUILTIN_CALIBRATION: DemoCalibration = {
  origin: 'built-in',
  socialCooperatives: {
    notInLiquidation: { value: 1503, referenceDate: '2021-12-31', ...MRIPS },
    active: { value: 900, referenceDate: '2016', ...GUS_2016 },
    inactive: { value: 300, referenceDate: '2016', ...GUS_2016 },
    inLiquidation: { value: 200, referenceDate: '2016', ...GUS_2016 },
    activeSharePercent: {
      '30': { value: 15, referenceDate: '2016', ...GUS_2016 },
      '24': { value: 11, referenceDate: '2016', ...GUS_2016 },
      '14': { value: 9, referenceDate: '2016', ...GUS_2016 },
    },
  },
  reintegrationUnits: {
    WTZ: { value: 729, referenceDate: '2021', ...GUS_REINTEGRATION_2021 },
    ZAZ: { value: 133, referenceDate: '2021', ...GUS_REINTEGRATION_2021 },
    CIS: { value: 201, referenceDate: '2021', ...GUS_REINTEGRATION_2021 },
    KIS: { value: 202, referenceDate: '2021', ...GUS_REINTEGRATION_2021 },
  },
  nonProfits: {
    associations: { value: 66800, referenceDate: '2020', ...GUS_NGO_2020 },
    foundations: { value: 16000, referenceDate: '2020', ...GUS_NGO_2020 },
    ruralHousewivesCircles: { value: 8500, referenceDate: '2020', ...GUS_NGO_2020 },
    seatedInMazowieckie: { value: 13100, referenceDate: '2014', ...GUS_NGO_2014 },
    allActive: { value: 87400, referenceDate: '2014', ...GUS_NGO_2014 },
  },
  activity: {
    socialEnterprises: { value: 300, referenceDate: '2020-12-31', ...GUS_NGO_2020_LIST },
    cooperativeEmployees: { value: 5, referenceDate: '2016', ...GUS_COOPS_2016 },
    cooperativeBudget: { value: 308000, referenceDate: '2016', ...GUS_COOPS_2016 },
    reintegrationPersonsServed: { value: 46300, referenceDate: '2021', ...GUS_REINTEGRATION_2021_SERVED },
    cooperativesLiquidatedPerYear: { value: 2 / 141, referenceDate: '2017-12-31', ...MCPS_2017 },
  },
  loanMix: {
    socialCooperatives: { value: 108, referenceDate: 'c. 2014', ...TISE_PILOT },
    workerCooperatives: { value: 21, referenceDate: 'c. 2014', ...TISE_PILOT },
    nonProfitCompanies: { value: 13, referenceDate: 'c. 2014', ...TISE_PILOT },
    disabledCooperatives: { value: 1, referenceDate: 'c. 2014', ...TISE_PILOT },
  },
};

/** The calibration from `dataDir` when given (read at run time, never copied), else the built-in one. */
export async function loadCalibration(dataDir?: string): Promise<DemoCalibration> {
  if (!dataDir) return BUILTIN_CALIBRATION;
  const path = join(dataDir, CALIBRATION_FILE);
  return calibrationFromRows(parseCalibrationCsv(await readFile(path, 'utf8'), path), path);
}
