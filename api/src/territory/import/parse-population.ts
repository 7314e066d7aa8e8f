import { COUNTRY_CODE } from '../teryt-code';
import { columnIndex, parseCsv } from './csv';

/** One population figure for one unit and year, with where it comes from. */
export interface PopulationRecord {
  terytCode: string;
  year: number;
  population: number;
  /** The reference date, when the source states it (GUS counts population on 31 December). */
  referenceDate: string | null;
  source: string;
}

const POWIAT_YEAR = 2021;
const POWIAT_SOURCE =
  'GUS, population on 31 Dec 2021 (RadostW/polish_hexagons, powiaty_population.csv; the file states no year — ' +
  '2021 is inferred because its 380 powiats sum to the GUS national total for that date, 37,907,704)';
export const VOIVODESHIP_SOURCE: Readonly<Record<number, string>> = {
  2023: 'GUS, Bank Danych Lokalnych, population on 31 Dec 2023 (via datacommonsorg/data, StatisticsPoland_input_23_24.csv)',
  2024: 'GUS, Bank Danych Lokalnych, population on 31 Dec 2024 (via datacommonsorg/data, StatisticsPoland_input_23_24.csv)',
  2025: 'GUS, Bank Danych Lokalnych, population in 2025 (via XOOGKlastry/Miasta-pl; the date within 2025 is not stated)',
};
const YEAR_END_KNOWN = new Set([2021, 2023, 2024]);

function positiveInt(value: string, what: string): number {
  const n = Number(value.trim());
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${what}: "${value}" is not a positive whole number`);
  return n;
}

/**
 * The powiat file (`teryt,name,area,population`): `teryt` is an integer that lost its leading zero
 * (201 = 0201), so it is padded back to 4 digits.
 */
export function parsePowiatPopulation(text: string, file = 'powiat population'): PopulationRecord[] {
  const { header, rows } = parseCsv(text);
  const col = columnIndex(header, ['teryt', 'population'] as const, file);
  return rows.map((row, i) => {
    const raw = row[col.teryt].trim();
    if (!/^\d{3,4}$/.test(raw)) throw new Error(`${file}, line ${i + 2}: "${raw}" is not a powiat code`);
    return {
      terytCode: raw.padStart(4, '0'),
      year: POWIAT_YEAR,
      population: positiveInt(row[col.population], `${file}, line ${i + 2}`),
      referenceDate: `${POWIAT_YEAR}-12-31`,
      source: POWIAT_SOURCE,
    };
  });
}

/** The voivodeship file (`teryt_woj,nazwa,pop_2023,pop_2024,…`): one figure per `pop_YYYY` column. */
export function parseVoivodeshipPopulation(text: string, file = 'voivodeship population'): PopulationRecord[] {
  const { header, rows } = parseCsv(text);
  const col = columnIndex(header, ['teryt_woj'] as const, file);
  const years = header.map((h, index) => ({ index, year: /^pop_(\d{4})$/.exec(h)?.[1] })).filter((c) => c.year !== undefined);
  if (!years.length) throw new Error(`${file}: no pop_YYYY column`);
  return rows.flatMap((row, i) => {
    const code = row[col.teryt_woj].trim().padStart(2, '0');
    if (!/^\d{2}$/.test(code)) throw new Error(`${file}, line ${i + 2}: "${code}" is not a voivodeship code`);
    return years.map(({ index, year }) => {
      const y = Number(year);
      return {
        terytCode: code,
        year: y,
        population: positiveInt(row[index], `${file}, line ${i + 2}`),
        referenceDate: YEAR_END_KNOWN.has(y) ? `${y}-12-31` : null,
        source: VOIVODESHIP_SOURCE[y] ?? `GUS, Bank Danych Lokalnych, population in ${y}`,
      };
    });
  });
}

const VOIVODESHIPS_IN_POLAND = 16;

/**
 * Adds the totals the files imply: a voivodeship's figure for a year it lacks, as the sum of its
 * powiats (when `powiatsPerVoivodeship` says all of them have one), and the country's figure for
 * each year all 16 voivodeships have. Given figures always win over sums.
 */
export function addPopulationTotals(records: PopulationRecord[], powiatsPerVoivodeship: ReadonlyMap<string, number>): PopulationRecord[] {
  const out = [...records];
  const has = new Set(records.map((r) => `${r.terytCode}/${r.year}`));
  const derivedFromPowiats = new Set<PopulationRecord>();
  const powiatSums = new Map<string, { sum: number; count: number; year: number; code: string; referenceDate: string | null }>();
  for (const r of records.filter((r) => r.terytCode.length === 4)) {
    const key = `${r.terytCode.slice(0, 2)}/${r.year}`;
    const acc = powiatSums.get(key) ?? { sum: 0, count: 0, year: r.year, code: r.terytCode.slice(0, 2), referenceDate: r.referenceDate };
    acc.sum += r.population;
    acc.count += 1;
    powiatSums.set(key, acc);
  }
  for (const [key, acc] of powiatSums) {
    if (has.has(key) || acc.count !== powiatsPerVoivodeship.get(acc.code)) continue;
    const derived = { terytCode: acc.code, year: acc.year, population: acc.sum, referenceDate: acc.referenceDate, source: `Sum of the ${acc.count} powiat figures for ${acc.year} (${POWIAT_SOURCE})` };
    out.push(derived);
    derivedFromPowiats.add(derived);
    has.add(key);
  }
  const byYear = new Map<number, PopulationRecord[]>();
  for (const r of out.filter((r) => r.terytCode.length === 2)) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r]);
  for (const [year, figures] of byYear) {
    if (figures.length !== VOIVODESHIPS_IN_POLAND || has.has(`${COUNTRY_CODE}/${year}`)) continue;
    const dates = new Set(figures.map((f) => f.referenceDate));
    const fromPowiats = figures.every((f) => derivedFromPowiats.has(f));
    const powiatCount = [...powiatSums.values()].filter((a) => a.year === year).reduce((n, a) => n + a.count, 0);
    out.push({
      terytCode: COUNTRY_CODE,
      year,
      population: figures.reduce((s, f) => s + f.population, 0),
      referenceDate: dates.size === 1 ? figures[0].referenceDate : null,
      source: fromPowiats ? `Sum of the ${powiatCount} powiat figures for ${year} (${POWIAT_SOURCE})` : `Sum of the 16 voivodeship figures for ${year}; ${figures[0].source}`,
    });
  }
  return out;
}
