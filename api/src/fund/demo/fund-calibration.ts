import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CALIBRATION_FILE, parseCalibrationCsv, type CitedFigure } from '../../observatory';

/** A loan-size band of the PZFP survey: loans between `fromPln` and `toPln`, with their share. */
export interface SizeBand {
  fromPln: number;
  toPln: number;
  share: number;
}

/** The published figures the demo loan portfolio is calibrated to. */
export interface FundCalibration {
  origin: string;
  /** Loans of the PO KL pilot fund (TISE) by the borrower's legal form. */
  borrowerMix: { socialCooperatives: CitedFigure; foundations: CitedFigure; associations: CitedFigure; workerCooperatives: CitedFigure; nonProfitCompanies: CitedFigure };
  /** TISE's preferential social-economy loans since 2013: count and amount (about 158 loans a year). */
  tiseLoans: CitedFigure;
  tiseAmountPln: CitedFigure;
  /** The PO KL pilot: loans and amount lent by its 31 March report. */
  pilotLoans: CitedFigure;
  pilotAmountPln: CitedFigure;
  /** Preferential interest rate in percent a year (BGK, newer terms) and the remission share it allows. */
  interestPercent: CitedFigure;
  remissionSharePercent: number;
  /** PZFP 2012: loan sizes of Polish loan funds (all borrowers) — the shape of the size distribution. */
  sizeBands: SizeBand[];
  sizeBandsSource: CitedFigure;
}

type Row = ReturnType<typeof parseCalibrationCsv>[number];
const cite = (r: Row): CitedFigure => ({ value: r.value, referenceDate: r.referenceDate, source: r.source, sourceUrl: r.sourceUrl });

/** PZFP notes read "size shares: <=10k 6.74%, 10-30k 38.28%, …, >300k 3.71%". */
export function parseSizeBands(notes: string, origin: string): SizeBand[] {
  const part = /size shares:\s*(.+)$/.exec(notes);
  if (!part) throw new Error(`${origin}: the PZFP row does not list size shares`);
  const bands = part[1].split(',').map((text) => {
    const m = /^\s*(<=|>)?(\d+)k?(?:-(\d+)k)?\s+([\d.]+)%\s*$/.exec(text);
    if (!m) throw new Error(`${origin}: cannot read the size band "${text.trim()}"`);
    const [, op, a, b, share] = m;
    // The survey's open ends get closed bounds: the smallest loans the funds make, and the largest
    // preferential social-economy loans (PLN 500,000).
    if (op === '<=') return { fromPln: 5_000, toPln: Number(a) * 1000, share: Number(share) / 100 };
    if (op === '>') return { fromPln: Number(a) * 1000, toPln: 500_000, share: Number(share) / 100 };
    return { fromPln: Number(a) * 1000, toPln: Number(b) * 1000, share: Number(share) / 100 };
  });
  const total = bands.reduce((s, band) => s + band.share, 0);
  if (Math.abs(total - 1) > 0.01) throw new Error(`${origin}: size shares add up to ${(total * 100).toFixed(2)} %, not 100 %`);
  return bands;
}

export function fundCalibrationFromRows(rows: Row[], origin: string): FundCalibration {
  const find = (topic: string, indicator: RegExp): Row => {
    const matches = rows.filter((r) => r.topic === topic && indicator.test(r.indicator));
    if (!matches.length) throw new Error(`${origin}: no figure for ${topic} / ${indicator}`);
    return matches[0];
  };
  const rate = find('loans_terms', /^interest rate on preferential PES loans/);
  const remission = /up to (\d+)% of the loan/.exec(rate.notes);
  const sizes = find('loans_context', /^loans granted by Polish loan funds/);
  return {
    origin,
    borrowerMix: {
      socialCooperatives: cite(find('loans_pilot_POKL', /^loans to social cooperatives$/)),
      foundations: cite(find('loans_pilot_POKL', /^loans to foundations$/)),
      associations: cite(find('loans_pilot_POKL', /^loans to associations$/)),
      workerCooperatives: cite(find('loans_pilot_POKL', /^loans to work cooperatives$/)),
      nonProfitCompanies: cite(find('loans_pilot_POKL', /^loans to limited companies/)),
    },
    tiseLoans: cite(find('loans_TISE_total', /^preferential loans to PES by TISE/)),
    tiseAmountPln: cite(find('loans_TISE_total', /^amount of preferential PES loans by TISE/)),
    pilotLoans: cite(find('loans_pilot_POKL', /^loans granted \(cumulative, as of 31 March\)$/)),
    pilotAmountPln: cite(find('loans_pilot_POKL', /^amount lent \(cumulative, as of 31 March\)$/)),
    interestPercent: cite(rate),
    remissionSharePercent: remission ? Number(remission[1]) : 40,
    sizeBands: parseSizeBands(sizes.notes, origin),
    sizeBandsSource: cite(sizes),
  };
}

const TISE = { source: 'TISE', sourceUrl: 'https://tise.pl/od-10-lat-prowadzimy-prowadzimy-preferencyjny-fundusz-pozyczkowy-dla-podmiotow-ekonomii-spolecznej/' };
const PILOT_DATE = 'c. 2014 (undated page; before the May 2015 full disbursement)';
const PILOT = { source: 'TISE', sourceUrl: 'https://tise.pl/wykorzystano-juz-85-proc-budzetu-es-funduszu-tise/' };
const INTERVIEW = { source: 'TISE vice-president, interview', sourceUrl: 'http://biznesspoleczny.pl/nie-tylko-dotacje-czyli-o-preferencyjnych-pozyczkach-dla-spoldzielni-socjalnych/' };
const PZFP = { source: 'PZFP via 9lib', sourceUrl: 'https://9lib.org/article/badania-polskiego-zwi%C4%85zku-funduszy-po%C5%BCyczkowych.myjnr4kq' };

/** The same figures, for running without a data directory (values as published; see SOURCES.md). */
export const BUILTIN_FUND_CALIBRATION: FundCalibration = {
  origin: 'built-in',
  borrowerMix: {
    socialCooperatives: { value: 108, referenceDate: PILOT_DATE, ...PILOT },
    foundations: { value: 67, referenceDate: PILOT_DATE, ...PILOT },
    associations: { value: 43, referenceDate: PILOT_DATE, ...PILOT },
    workerCooperatives: { value: 21, referenceDate: PILOT_DATE, ...PILOT },
    nonProfitCompanies: { value: 13, referenceDate: PILOT_DATE, ...PILOT },
  },
  tiseLoans: { value: 1581, referenceDate: '2023-01', ...TISE },
  tiseAmountPln: { value: 161_000_000, referenceDate: '2023-01', ...TISE },
  pilotLoans: { value: 310, referenceDate: '31 March, year not stated (likely 2015)', ...INTERVIEW },
  pilotAmountPln: { value: 24_000_000, referenceDate: '31 March, year not stated (likely 2015)', ...INTERVIEW },
  interestPercent: { value: 0.25, referenceDate: 'c. 2021-2023', source: 'ngo.pl interview with BGK', sourceUrl: 'https://publicystyka.ngo.pl/pozyczki-szyte-na-miare-czy-mozna-tworzyc-polityke-publiczna-z-udzialem-i-w-odpowiedzi-na-potrzeby-sektora-ekonomii-spolecznej-tau' },
  remissionSharePercent: 40,
  sizeBands: parseSizeBands('size shares: <=10k 6.74%, 10-30k 38.28%, 30-50k 16.42%, 50-120k 21.53%, 120-300k 13.32%, >300k 3.71%', 'built-in'),
  sizeBandsSource: { value: 8278, referenceDate: '2012', ...PZFP },
};

/** The calibration from `dataDir` when given (read at run time, never copied), else the built-in one. */
export async function loadFundCalibration(dataDir?: string): Promise<FundCalibration> {
  if (!dataDir) return BUILTIN_FUND_CALIBRATION;
  const path = join(dataDir, CALIBRATION_FILE);
  return fundCalibrationFromRows(parseCalibrationCsv(await readFile(path, 'utf8'), path), path);
}
