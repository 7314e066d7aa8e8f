import type { EntityManager } from '@mikro-orm/postgresql';
import { contributionSql } from '../definitions/compile-measure';
import { isRegistryMeasure, type Breakdown } from '../definitions/measure';
import type { IndicatorDefinitionData } from '../definitions/starter-indicators';

/** Every legal form and status, for breakdowns of indicators that do not restrict them. */
export const ALL_LEGAL_FORMS = ['SOCIAL_COOPERATIVE', 'WORKER_COOPERATIVE', 'COOPERATIVE_OF_DISABLED_OR_BLIND', 'ASSOCIATION', 'FOUNDATION', 'NON_PROFIT_COMPANY', 'CIS', 'KIS', 'ZAZ', 'WTZ', 'RURAL_HOUSEWIVES_CIRCLE', 'OTHER'];
export const ALL_STATUSES = ['ACTIVE', 'SUSPENDED', 'IN_LIQUIDATION', 'DISSOLVED'];

const BREAKDOWN_COLUMN: Record<Breakdown, string> = { LEGAL_FORM: 'legal_form', STATUS: 'status' };

/** The categories a breakdown splits an indicator into: what its conditions allow. */
export function categoriesOf(definition: IndicatorDefinitionData, breakdown: Breakdown): string[] {
  const where = 'where' in definition.numerator ? definition.numerator.where : undefined;
  if (breakdown === 'LEGAL_FORM') return where?.legalForms ?? ALL_LEGAL_FORMS;
  return where?.statuses ?? ALL_STATUSES;
}

/** A cell before disclosure control: the additive aggregates over the units that make it. */
export interface RawCell {
  area_code: string;
  area_level: string;
  parent_code: string | null;
  year: number;
  breakdown: string;
  category: string;
  contributors: number;
  num_sum: number;
  num_max: number;
  den_sum: number | null;
  den_max: number | null;
  area_den: number | null;
  population_year: number | null;
}

/**
 * Computes every cell of one indicator — all areas × years × (TOTAL + breakdown categories) —
 * in one SQL statement over entity_year_fact, and returns them with the area-level denominator
 * (population or powiat count) when the indicator has one.
 */
export async function computeCells(tx: EntityManager, definition: IndicatorDefinitionData, years: { from: number; to: number }): Promise<RawCell[]> {
  const numSql = contributionSql(definition.numerator);
  if (!numSql) throw new Error(`${definition.code}: the numerator must be a registry measure`);
  const denSql = definition.denominator && isRegistryMeasure(definition.denominator) ? contributionSql(definition.denominator) : null;
  const breakdowns = definition.breakdowns;
  const categoryRows = [
    `('TOTAL', 'TOTAL')`,
    ...breakdowns.flatMap((b) => categoriesOf(definition, b).map((c) => `('${b}', '${c.replace(/[^A-Z_]/g, '')}')`)),
  ].join(', ');
  const areaDenominator =
    definition.denominator?.kind === 'population'
      ? `(select p.population from area_population_for_year p where p.area_code = g.area_code and p.year = g.year)`
      : definition.denominator?.kind === 'powiats'
        ? `(select ap.powiats from area_powiats ap where ap.area_code = g.area_code)`
        : 'null';
  const populationYear =
    definition.denominator?.kind === 'population'
      ? `(select p.population_year from area_population_for_year p where p.area_code = g.area_code and p.year = g.year)`
      : 'null';

  // Entities first add up per seat unit (one row per unit, year, legal form and status), then
  // units add up into every area containing them: sums, counts and maxima all decompose, and the
  // second step joins thousands of unit rows instead of millions of entity rows.
  const unitColumn = (b: Breakdown) => `u.${BREAKDOWN_COLUMN[b]}`;
  const areaGroupingSets = ['(m.area_code, u.year)', ...breakdowns.map((b) => `(m.area_code, u.year, ${unitColumn(b)})`)].join(', ');
  const areaBreakdownCase = breakdowns.length ? `case ${breakdowns.map((b) => `when grouping(${unitColumn(b)}) = 0 then '${b}'`).join(' ')} else 'TOTAL' end` : `'TOTAL'`;
  const areaCategoryCase = breakdowns.length ? `case ${breakdowns.map((b) => `when grouping(${unitColumn(b)}) = 0 then ${unitColumn(b)}`).join(' ')} else 'TOTAL' end` : `'TOTAL'`;
  return tx.execute<RawCell[]>(`
    with unit_agg as (
      select f.seat_teryt_code as unit_code, f.year, f.legal_form, f.status,
             count(*) as contributors,
             coalesce(sum(c.num), 0) as num_sum, coalesce(max(abs(c.num)), 0) as num_max,
             sum(c.den) as den_sum, max(abs(c.den)) as den_max
        from entity_year_fact f
        cross join lateral (select ${numSql} as num, ${denSql ?? 'null::numeric'} as den) c
       where (c.num is not null or c.den is not null) and f.year between ${Number(years.from)} and ${Number(years.to)}
       group by 1, 2, 3, 4
    ),
    agg as (
      select m.area_code, u.year, ${areaBreakdownCase} as breakdown, ${areaCategoryCase} as category,
             sum(u.contributors) as contributors, sum(u.num_sum) as num_sum, max(u.num_max) as num_max,
             sum(u.den_sum) as den_sum, max(u.den_max) as den_max
        from unit_agg u
        join statistical_area_member m on m.unit_code = u.unit_code
       group by grouping sets (${areaGroupingSets})
    ),
    grid as (
      select a.code as area_code, a.level as area_level, a.parent_code, y.year::smallint as year, k.breakdown, k.category
        from statistical_area a
        cross join generate_series(${Number(years.from)}, ${Number(years.to)}) as y(year)
        cross join (values ${categoryRows}) as k(breakdown, category)
    )
    select g.area_code, g.area_level, g.parent_code, g.year, g.breakdown, g.category,
           coalesce(agg.contributors, 0)::int as contributors,
           coalesce(agg.num_sum, 0)::float8 as num_sum, coalesce(agg.num_max, 0)::float8 as num_max,
           ${denSql ? 'coalesce(agg.den_sum, 0)::float8' : 'null::float8'} as den_sum,
           ${denSql ? 'coalesce(agg.den_max, 0)::float8' : 'null::float8'} as den_max,
           ${areaDenominator}::float8 as area_den,
           ${populationYear}::int as population_year
      from grid g
      left join agg on agg.area_code = g.area_code and agg.year = g.year and agg.breakdown = g.breakdown and agg.category = g.category
     -- Every area gets its TOTAL (zero included); an empty category is left out (no row = no entities).
     where g.breakdown = 'TOTAL' or agg.contributors > 0
     order by g.area_code, g.year, g.breakdown, g.category`);
}
