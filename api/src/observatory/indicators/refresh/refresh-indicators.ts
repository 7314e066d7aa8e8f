import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { STARTER_INDICATORS, type IndicatorDefinitionData } from '../definitions/starter-indicators';
import { assertMeasure, SURVEY_MEASURE_KIND, type Breakdown } from '../definitions/measure';
import { openDataVersion, publishDataVersion } from './data-version';
import { buildFactTables } from './fact-tables';
import { computeCells } from './compute-cells';
import { cellKey, disclosureInput } from './disclose';
import { storeIndicatorValues, type Flag } from './store-values';
import { suppressCells } from '../../../shared/disclosure';

export interface RefreshOptions {
  /** What made the refresh necessary (an import, the demo seed); recorded on the data version. */
  cause: string;
  /** Years to publish; defaults to the years annual reports cover, or the last five complete years. */
  years?: { from: number; to: number };
  /**
   * Incremental refresh: only these years' source data changed (e.g. one year's reports were
   * imported). Those years and the next one (whose change-on-previous-year depends on them) are
   * rewritten; the year before is computed for comparisons only. Other years keep their rows.
   */
  changedYears?: number[];
  log?: Logger;
  now?: Date;
}

export interface RefreshReport {
  version: { id: number; label: string; citation: string };
  years: { from: number; to: number };
  indicators: { code: string; cells: number; suppressed: number; written: number; closed: number; ms: number }[];
  durationMs: number;
}

interface DefinitionRow {
  code: string;
  name_pl: string;
  name_en: string;
  description_pl: string;
  description_en: string;
  unit: string;
  numerator: unknown;
  denominator: unknown;
  scale: number;
  breakdowns: string[];
  source: string;
  citation: string;
}

/** Writes the starter definitions into `indicator_definition` (the code is their source of truth). */
export async function syncStarterIndicators(tx: EntityManager): Promise<void> {
  const rows = STARTER_INDICATORS.map((d, position) => ({
    code: d.code,
    name_pl: d.namePl,
    name_en: d.nameEn,
    description_pl: d.descriptionPl,
    description_en: d.descriptionEn,
    unit: d.unit,
    numerator: d.numerator,
    denominator: d.denominator,
    scale: d.scale,
    breakdowns: d.breakdowns,
    source: d.source,
    citation: d.citation,
    position,
  }));
  await tx.execute(
    `insert into indicator_definition (code, name_pl, name_en, description_pl, description_en, unit, numerator, denominator, scale, breakdowns, source, citation, position)
     select code, name_pl, name_en, description_pl, description_en, unit, numerator, denominator, scale, array(select jsonb_array_elements_text(breakdowns)), source, citation, position
       from jsonb_to_recordset(?::jsonb) as r(code text, name_pl text, name_en text, description_pl text, description_en text, unit text,
            numerator jsonb, denominator jsonb, scale int, breakdowns jsonb, source text, citation text, position int)
     on conflict (code) do update set name_pl = excluded.name_pl, name_en = excluded.name_en, description_pl = excluded.description_pl,
       description_en = excluded.description_en, unit = excluded.unit, numerator = excluded.numerator, denominator = excluded.denominator,
       scale = excluded.scale, breakdowns = excluded.breakdowns, source = excluded.source, citation = excluded.citation, position = excluded.position`,
    [JSON.stringify(rows)],
  );
}

function toDefinition(row: DefinitionRow): IndicatorDefinitionData {
  assertMeasure(row.numerator, `${row.code}.numerator`);
  if (row.denominator !== null) assertMeasure(row.denominator, `${row.code}.denominator`);
  return {
    code: row.code,
    namePl: row.name_pl,
    nameEn: row.name_en,
    descriptionPl: row.description_pl,
    descriptionEn: row.description_en,
    unit: row.unit,
    numerator: row.numerator,
    denominator: row.denominator,
    scale: row.scale as IndicatorDefinitionData['scale'],
    breakdowns: row.breakdowns as Breakdown[],
    source: row.source,
    citation: row.citation,
  };
}

/** Sums a reader knows across the TERYT and NUTS hierarchies: NUTS 3 = Σ its powiats, voivodeship = Σ its NUTS 2 regions. */
async function loadCrossFamilies(tx: EntityManager): Promise<Map<string, string[]>> {
  const rows = await tx.execute<{ total: string; parts: string[] }[]>(`
    select 'NUTS:' || nuts3_code as total, array_agg(powiat_teryt_code order by powiat_teryt_code) as parts from powiat_nuts3 group by nuts3_code
    union all
    select v.area_code, array_agg(distinct n.area_code order by n.area_code)
      from statistical_area_member v
      join statistical_area va on va.code = v.area_code and va.level = 'VOIVODESHIP'
      join statistical_area_member n on n.unit_code = v.unit_code
      join statistical_area na on na.code = n.area_code and na.level = 'NUTS2'
     group by v.area_code`);
  return new Map(rows.map((r) => [r.total, r.parts]));
}

/** Which years to compute and which to write, for a full or an incremental refresh. */
export function refreshWindow(years: { from: number; to: number }, changedYears?: number[]): { compute: { from: number; to: number }; write: { from: number; to: number } } {
  if (!changedYears?.length) return { compute: years, write: years };
  const first = Math.max(Math.min(...changedYears), years.from);
  const last = Math.min(Math.max(...changedYears) + 1, years.to);
  return { compute: { from: Math.max(first - 1, years.from), to: last }, write: { from: first, to: last } };
}

async function defaultYears(tx: EntityManager, now: Date): Promise<{ from: number; to: number }> {
  const [span] = await tx.execute<{ from: number | null; to: number | null }[]>('select min(year)::int as "from", max(year)::int as "to" from annual_report');
  if (span?.from && span.to) return { from: span.from, to: span.to };
  const lastComplete = now.getUTCFullYear() - 1;
  return { from: lastComplete - 4, to: lastComplete };
}

/**
 * Recomputes every indicator into a new published data version, in one transaction: the
 * previous version stays readable (and unchanged) until this one commits, and afterwards too.
 * Values are computed set-based in SQL; disclosure control runs over each indicator's whole
 * table (all areas, years and categories) so secondary suppression sees every sum.
 */
export async function refreshIndicators(em: EntityManager, options: RefreshOptions): Promise<RefreshReport> {
  const started = Date.now();
  const now = options.now ?? new Date();
  return em.transactional(async (tx) => {
    // Opening the version takes the publication lock (shared with survey publications).
    const { id: versionId, label, citation } = await openDataVersion(tx, options.cause, now);
    const version = { id: versionId };
    await syncStarterIndicators(tx);
    const years = options.years ?? (await defaultYears(tx, now));
    const { compute, write } = refreshWindow(years, options.changedYears);

    await buildFactTables(tx, compute);
    // Survey indicators (measure kind `survey`, see SURVEY_MEASURE_KIND) are not computed from the
    // registry: their rows were published by diagnostics and carry forward untouched.
    const definitions = (await tx.execute<DefinitionRow[]>(`select * from indicator_definition where numerator->>'kind' is distinct from ? order by position, code`, [SURVEY_MEASURE_KIND])).map(toDefinition);
    const crossFamilies = await loadCrossFamilies(tx);
    const indicators: RefreshReport['indicators'] = [];
    for (const definition of definitions) {
      const t0 = Date.now();
      const cells = await computeCells(tx, definition, compute);
      const input = disclosureInput(cells, definition.denominator !== null && !['population', 'powiats'].includes(definition.denominator.kind), crossFamilies);
      const flags: Map<string, Flag> = suppressCells(input);
      const stored = await storeIndicatorValues(tx, definition, cells, flags, cellKey, version.id, write);
      indicators.push({ code: definition.code, cells: cells.length, ...stored, ms: Date.now() - t0 });
      options.log?.debug({ indicator: definition.code, cells: cells.length, ...stored, ms: Date.now() - t0 }, 'indicator refreshed');
    }
    await publishDataVersion(tx, version.id);
    const report: RefreshReport = { version: { id: version.id, label, citation }, years, indicators, durationMs: Date.now() - started };
    options.log?.info({ dataVersion: label, years, indicators: indicators.length, durationMs: report.durationMs }, 'indicators refreshed');
    return report;
  });
}
