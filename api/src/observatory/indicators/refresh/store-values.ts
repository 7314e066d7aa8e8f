import type { EntityManager } from '@mikro-orm/postgresql';
import type { RawCell } from './compute-cells';
import type { IndicatorDefinitionData } from '../definitions/starter-indicators';

export interface Flag {
  suppressed: boolean;
  reason: 'FEW_UNITS' | 'DOMINANCE' | 'SECONDARY' | null;
}

const CHUNK = 20_000;

/** The published value of a cell, before any disclosure decision; null when undefined (÷0, unknown population). */
export function cellValue(definition: IndicatorDefinitionData, cell: RawCell): number | null {
  const denominator = definition.denominator === null ? 1 : definition.denominator.kind === 'population' || definition.denominator.kind === 'powiats' ? cell.area_den : cell.den_sum;
  if (denominator === null || denominator === 0) return null;
  return (cell.num_sum / denominator) * definition.scale;
}

/**
 * Writes one indicator's cells for a new data version: values, suppression, then comparisons
 * (parent, national, rank among published siblings, change on the previous year) computed in
 * SQL from published cells only, so no comparison can carry a suppressed value. Unchanged cells
 * keep their row; changed ones close the old row at this version and open a new one. Only
 * `writeYears` are written: an incremental refresh computes a neighbouring year for comparisons
 * without touching its rows.
 */
export async function storeIndicatorValues(
  tx: EntityManager,
  definition: IndicatorDefinitionData,
  cells: RawCell[],
  flags: Map<string, Flag>,
  keyOf: (c: RawCell) => string,
  versionId: number,
  writeYears: { from: number; to: number },
): Promise<{ written: number; closed: number; suppressed: number }> {
  await tx.execute(`create temp table if not exists new_value (
      area_code text, area_level text, parent_code text, year smallint, breakdown text, category text,
      numerator numeric, denominator numeric, value numeric, contributors int, max_contribution numeric,
      suppressed boolean, suppression_reason text, population_year smallint,
      parent_value numeric, national_value numeric, sibling_rank int, sibling_count int, previous_value numeric, change numeric
    ) on commit drop`);
  await tx.execute('truncate new_value');
  let suppressed = 0;
  for (let i = 0; i < cells.length; i += CHUNK) {
    const rows = cells.slice(i, i + CHUNK).map((c) => {
      const flag = flags.get(keyOf(c)) ?? { suppressed: false, reason: null };
      if (flag.suppressed) suppressed += 1;
      const denominator = definition.denominator === null ? null : definition.denominator.kind === 'population' || definition.denominator.kind === 'powiats' ? c.area_den : c.den_sum;
      return {
        area_code: c.area_code,
        area_level: c.area_level,
        parent_code: c.parent_code,
        year: c.year,
        breakdown: c.breakdown,
        category: c.category,
        numerator: c.num_sum,
        denominator,
        value: cellValue(definition, c),
        contributors: c.contributors,
        max_contribution: Math.max(c.num_max, c.den_max ?? 0),
        suppressed: flag.suppressed,
        suppression_reason: flag.reason,
        population_year: c.population_year,
      };
    });
    await tx.execute(
      `insert into new_value (area_code, area_level, parent_code, year, breakdown, category, numerator, denominator, value, contributors, max_contribution, suppressed, suppression_reason, population_year)
       select area_code, area_level, parent_code, year, breakdown, category, numerator, denominator, round(value::numeric, 6), contributors, max_contribution, suppressed, suppression_reason, population_year
         from jsonb_to_recordset(?::jsonb) as r(area_code text, area_level text, parent_code text, year smallint, breakdown text, category text,
              numerator numeric, denominator numeric, value float8, contributors int, max_contribution numeric, suppressed boolean, suppression_reason text, population_year smallint)`,
      [JSON.stringify(rows)],
    );
  }
  await tx.execute('create index on new_value (area_code, year, breakdown, category)');
  await tx.execute('analyze new_value');
  await tx.execute(`update new_value n set parent_value = p.value
      from new_value p where p.area_code = n.parent_code and p.year = n.year and p.breakdown = n.breakdown and p.category = n.category and not p.suppressed`);
  await tx.execute(`update new_value n set national_value = p.value
      from new_value p where p.area_code = 'PL' and p.year = n.year and p.breakdown = n.breakdown and p.category = n.category and not p.suppressed`);
  await tx.execute(`with ranked as (
        select area_code, year, breakdown, category,
               rank() over (partition by parent_code, area_level, year, breakdown, category order by value desc) as r,
               count(*) over (partition by parent_code, area_level, year, breakdown, category) as n
          from new_value where not suppressed and value is not null and parent_code is not null)
      update new_value v set sibling_rank = ranked.r, sibling_count = ranked.n
        from ranked where ranked.area_code = v.area_code and ranked.year = v.year and ranked.breakdown = v.breakdown and ranked.category = v.category`);
  await tx.execute(`update new_value n set previous_value = p.value, change = n.value - p.value
      from new_value p where p.area_code = n.area_code and p.year = n.year - 1 and p.breakdown = n.breakdown and p.category = n.category
       and not p.suppressed and not n.suppressed and p.value is not null and n.value is not null`);

  const content = (alias: string) =>
    `md5(row(${alias}.numerator, ${alias}.denominator, ${alias}.value, ${alias}.contributors, ${alias}.max_contribution, ${alias}.suppressed, ${alias}.suppression_reason,
      ${alias}.parent_value, ${alias}.national_value, ${alias}.sibling_rank, ${alias}.sibling_count, ${alias}.previous_value, ${alias}.change, ${alias}.population_year)::text)`;
  const closed = await tx.execute<{ n: number }[]>(
    `with closed as (
       update indicator_value v set valid_to_version = ?
        where v.indicator_code = ? and v.valid_to_version is null and v.year between ? and ?
          and not exists (select 1 from new_value n where n.area_code = v.area_code and n.year = v.year and n.breakdown = v.breakdown and n.category = v.category
                             and ${content('n')} = ${content('v')})
       returning 1)
     select count(*)::int as n from closed`,
    [versionId, definition.code, writeYears.from, writeYears.to],
  );
  const written = await tx.execute<{ n: number }[]>(
    `with added as (
       insert into indicator_value (indicator_code, area_code, area_level, year, breakdown, category, valid_from_version, numerator, denominator, value, contributors,
              max_contribution, suppressed, suppression_reason, parent_value, national_value, sibling_rank, sibling_count, previous_value, change, population_year)
       select ?, n.area_code, n.area_level, n.year, n.breakdown, n.category, ?, n.numerator, n.denominator, n.value, n.contributors,
              n.max_contribution, n.suppressed, n.suppression_reason, n.parent_value, n.national_value, n.sibling_rank, n.sibling_count, n.previous_value, n.change, n.population_year
         from new_value n
        where n.year between ? and ?
          and not exists (select 1 from indicator_value v where v.indicator_code = ? and v.valid_to_version is null
                             and v.area_code = n.area_code and v.year = n.year and v.breakdown = n.breakdown and v.category = n.category)
       returning 1)
     select count(*)::int as n from added`,
    [definition.code, versionId, writeYears.from, writeYears.to, definition.code],
  );
  return { written: written[0].n, closed: closed[0].n, suppressed };
}
