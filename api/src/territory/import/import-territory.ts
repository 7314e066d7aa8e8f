import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { TerritorialLevel, GminaType } from '../territorial-level';
import { COUNTRY_CODE } from '../teryt-code';
import { builtinPopulation, builtinUnits, BUILTIN_COUNTRY_NAME } from './builtin-territory';
import { parseTerc, type UnitRecord } from './parse-terc';
import { addPopulationTotals, parsePowiatPopulation, parseVoivodeshipPopulation, type PopulationRecord } from './parse-population';
import { readNutsSource } from '../nuts/read-nuts-source';
import { storeNutsSource, type NutsImportReport } from '../nuts/store-nuts';
import { rebuildStatisticalAreas, type StatisticalAreasReport } from '../areas/rebuild-statistical-areas';

export type ImportLog = Pick<Logger, 'info' | 'warn'>;

export interface ImportTerritoryOptions {
  /** Official data directory (with teryt/ and population/); absent = the built-in territory. */
  dataDir?: string;
  log?: ImportLog;
}

/** What an import did, for logs and the command line. */
export interface TerritoryImportReport {
  /** "built-in", or the TERC file read. */
  source: string;
  /** STAN_NA of the TERC extract; null for the built-in territory. */
  registerDate: string | null;
  /** Units in the source, the country included. */
  units: number;
  byLevel: { country: number; voivodeships: number; powiats: number; gminas: number };
  gminasByType: { urban: number; rural: number; urbanRural: number };
  citiesWithPowiatRights: number;
  /** TERC rows that are not units (RODZ 4, 5, 8, 9), counted by RODZ. */
  skippedRowsByRodz: Record<string, number>;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Units in the database the source does not list; they are kept (entities may be seated there). */
  notInSource: number;
  population: { figures: number; inserted: number; updated: number; unchanged: number; years: number[] };
  /** NUTS regions and the powiat → NUTS-3 table, when the data directory has the NUTS and powiat geometry; else null (left as they were). */
  nuts: NutsImportReport | null;
  /** The areas statistics are published for, rebuilt after every import. */
  statisticalAreas: StatisticalAreasReport;
  durationMs: number;
}

interface TerritorySource {
  source: string;
  registerDate: string | null;
  units: UnitRecord[];
  population: PopulationRecord[];
  skippedByRodz: Record<string, number>;
}

const TERC_FILE = /^TERC_Urzedowy_(\d{4}-\d{2}-\d{2})\.csv$/;

async function filesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}

/** Reads the newest TERC extract and the population files of a data directory. */
export async function readTerritorySource(dataDir: string, log?: ImportLog): Promise<TerritorySource> {
  const tercName = (await filesIn(join(dataDir, 'teryt'))).filter((f) => TERC_FILE.test(f)).sort().at(-1);
  if (!tercName) throw new Error(`No TERC file (teryt/TERC_Urzedowy_YYYY-MM-DD.csv) in the data directory ${dataDir}`);
  const tercPath = join(dataDir, 'teryt', tercName);
  const terc = parseTerc(await readFile(tercPath, 'utf8'), tercPath);
  const units: UnitRecord[] = [
    { terytCode: COUNTRY_CODE, name: BUILTIN_COUNTRY_NAME, level: TerritorialLevel.COUNTRY, gminaType: null, isCityWithPowiatRights: false, parentCode: null },
    ...terc.units,
  ];

  const populationDir = join(dataDir, 'population');
  const populationFiles = await filesIn(populationDir);
  const raw: PopulationRecord[] = [];
  for (const name of populationFiles.filter((f) => /^radostw_powiaty_population\.csv$/.test(f))) {
    raw.push(...parsePowiatPopulation(await readFile(join(populationDir, name), 'utf8'), name));
  }
  for (const name of populationFiles.filter((f) => /^wojewodztwa_population.*\.csv$/.test(f))) {
    raw.push(...parseVoivodeshipPopulation(await readFile(join(populationDir, name), 'utf8'), name));
  }
  if (!raw.length) log?.warn({ dataDir }, 'no population files found; territory imported without population');
  const known = new Set(units.map((u) => u.terytCode));
  const unknown = [...new Set(raw.filter((r) => !known.has(r.terytCode)).map((r) => r.terytCode))];
  if (unknown.length) throw new Error(`Population files name TERYT codes the TERC extract does not list: ${unknown.slice(0, 10).join(', ')}`);
  const powiatsPerVoivodeship = new Map<string, number>();
  for (const u of terc.units) if (u.level === TerritorialLevel.POWIAT) powiatsPerVoivodeship.set(u.parentCode!, (powiatsPerVoivodeship.get(u.parentCode!) ?? 0) + 1);
  return { source: tercPath, registerDate: terc.registerDate, units, population: addPopulationTotals(raw, powiatsPerVoivodeship), skippedByRodz: terc.skippedByRodz };
}

export function builtinTerritorySource(): TerritorySource {
  return { source: 'built-in', registerDate: null, units: builtinUnits(), population: builtinPopulation(), skippedByRodz: {} };
}

interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

function countUpserts(rows: { inserted: boolean }[], total: number): UpsertCounts {
  const inserted = rows.filter((r) => r.inserted).length;
  return { inserted, updated: rows.length - inserted, unchanged: total - rows.length };
}

// Set-based upserts: the whole file goes over as one JSON parameter, and only rows that differ
// are written, so a re-import of the same file changes nothing. (xmax = 0) marks a fresh insert.
const UPSERT_UNITS = `
insert into territorial_unit (teryt_code, name, level, gmina_type, is_city_with_powiat_rights, parent_teryt_code)
select r.teryt_code, r.name, r.level, r.gmina_type, r.is_city_with_powiat_rights, r.parent_teryt_code
from jsonb_to_recordset(?::jsonb) as r(teryt_code text, name text, level text, gmina_type text, is_city_with_powiat_rights boolean, parent_teryt_code text)
on conflict (teryt_code) do update set
  name = excluded.name, level = excluded.level, gmina_type = excluded.gmina_type,
  is_city_with_powiat_rights = excluded.is_city_with_powiat_rights, parent_teryt_code = excluded.parent_teryt_code
where (territorial_unit.name, territorial_unit.level, territorial_unit.gmina_type, territorial_unit.is_city_with_powiat_rights, territorial_unit.parent_teryt_code)
  is distinct from (excluded.name, excluded.level, excluded.gmina_type, excluded.is_city_with_powiat_rights, excluded.parent_teryt_code)
returning (xmax = 0) as inserted`;

const UPSERT_POPULATION = `
insert into population_figure (unit_teryt_code, year, population, reference_date, source)
select r.unit_teryt_code, r.year, r.population, r.reference_date, r.source
from jsonb_to_recordset(?::jsonb) as r(unit_teryt_code text, year int, population int, reference_date date, source text)
on conflict (unit_teryt_code, year) do update set
  population = excluded.population, reference_date = excluded.reference_date, source = excluded.source
where (population_figure.population, population_figure.reference_date, population_figure.source)
  is distinct from (excluded.population, excluded.reference_date, excluded.source)
returning (xmax = 0) as inserted`;

const LEVEL_ORDER: Record<TerritorialLevel, number> = { COUNTRY: 0, VOIVODESHIP: 1, POWIAT: 2, GMINA: 3 };

/**
 * Imports the territory (TERC) and population into the hub database: from `dataDir` when given,
 * otherwise the built-in Poland + 16 voivodeships. Idempotent upsert in one transaction; nothing
 * is deleted, so entities seated in a unit a newer extract dropped keep their seat. In the same
 * transaction: the NUTS regions and powiat → NUTS-3 table when the directory has the geometry, and
 * (always) the statistical areas rebuilt from whatever the database then holds.
 */
export async function importTerritory(em: EntityManager, options: ImportTerritoryOptions = {}): Promise<TerritoryImportReport> {
  const started = Date.now();
  const source = options.dataDir ? await readTerritorySource(options.dataDir, options.log) : builtinTerritorySource();
  const nutsSource = options.dataDir ? await readNutsSource(options.dataDir) : null;
  if (options.dataDir && !nutsSource) options.log?.warn({ dataDir: options.dataDir }, 'no NUTS or powiat geometry found; NUTS regions left as they were');
  const units = [...source.units].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.terytCode.localeCompare(b.terytCode));
  const unitJson = JSON.stringify(
    units.map((u) => ({
      teryt_code: u.terytCode,
      name: u.name,
      level: u.level,
      gmina_type: u.gminaType,
      is_city_with_powiat_rights: u.isCityWithPowiatRights,
      parent_teryt_code: u.parentCode,
    })),
  );
  const populationJson = JSON.stringify(
    source.population.map((p) => ({ unit_teryt_code: p.terytCode, year: p.year, population: p.population, reference_date: p.referenceDate, source: p.source })),
  );

  const { unitCounts, populationCounts, notInSource, nuts, statisticalAreas } = await em.transactional(async (tx) => {
    const unitRows = await tx.execute<{ inserted: boolean }[]>(UPSERT_UNITS, [unitJson]);
    const populationRows = await tx.execute<{ inserted: boolean }[]>(UPSERT_POPULATION, [populationJson]);
    const [{ count }] = await tx.execute<{ count: string }[]>(
      'select count(*) as count from territorial_unit where teryt_code not in (select value from jsonb_array_elements_text(?::jsonb))',
      [JSON.stringify(units.map((u) => u.terytCode))],
    );
    const powiatCodes = new Set(units.filter((u) => u.level === TerritorialLevel.POWIAT).map((u) => u.terytCode));
    const nuts = nutsSource ? await storeNutsSource(tx, nutsSource, powiatCodes) : null;
    const statisticalAreas = await rebuildStatisticalAreas(tx);
    return {
      unitCounts: countUpserts(unitRows, units.length),
      populationCounts: countUpserts(populationRows, source.population.length),
      notInSource: Number(count),
      nuts,
      statisticalAreas,
    };
  });

  const ofLevel = (level: TerritorialLevel) => units.filter((u) => u.level === level).length;
  const ofType = (type: GminaType) => units.filter((u) => u.gminaType === type).length;
  const report: TerritoryImportReport = {
    source: source.source,
    registerDate: source.registerDate,
    units: units.length,
    byLevel: { country: ofLevel(TerritorialLevel.COUNTRY), voivodeships: ofLevel(TerritorialLevel.VOIVODESHIP), powiats: ofLevel(TerritorialLevel.POWIAT), gminas: ofLevel(TerritorialLevel.GMINA) },
    gminasByType: { urban: ofType(GminaType.URBAN), rural: ofType(GminaType.RURAL), urbanRural: ofType(GminaType.URBAN_RURAL) },
    citiesWithPowiatRights: units.filter((u) => u.isCityWithPowiatRights).length,
    skippedRowsByRodz: source.skippedByRodz,
    ...unitCounts,
    notInSource,
    population: { figures: source.population.length, ...populationCounts, years: [...new Set(source.population.map((p) => p.year))].sort() },
    nuts,
    statisticalAreas,
    durationMs: Date.now() - started,
  };
  if (nuts && (nuts.powiats.withoutShape.length || nuts.powiats.withoutUnit.length)) {
    options.log?.warn({ withoutShape: nuts.powiats.withoutShape, withoutUnit: nuts.powiats.withoutUnit }, 'powiat geometry and TERC extract disagree; those powiats have no NUTS region');
  }
  options.log?.info({ territoryImport: report }, 'territory imported');
  return report;
}
