import type { EntityManager } from '@mikro-orm/postgresql';
import type { RawCell } from './compute-cells';
import type { IndicatorDefinitionData } from '../definitions/starter-indicators';
import { compareCells } from './comparisons';
import { queryRows } from '../../../shared/sql';

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
 * Writes one indicator's cells for a new data version: values, suppression and the comparisons
 * that belong to the cell (rank among published siblings, change on the previous year; see
 * compareCells), in bulk. Parent and national figures are read from their own rows. Unchanged cells
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
      area_code text, area_level text, year smallint, breakdown text, category text,
      numerator numeric, denominator numeric, value numeric, contributors int, max_contribution numeric,
      suppressed boolean, suppression_reason text, population_year smallint,
      sibling_rank int, sibling_count int, previous_value numeric, change numeric
    ) on commit drop`);
  await tx.execute('create index if not exists new_value_key on new_value (area_code, year, breakdown, category)');
  await tx.execute('truncate new_value');
  const decided = cells.map((cell) => {
    const flag = flags.get(keyOf(cell)) ?? { suppressed: false, reason: null };
    return { cell, flag, value: roundValue(cellValue(definition, cell)), suppressed: flag.suppressed };
  });
  const compared = compareCells(decided);
  let suppressed = 0;
  for (let i = 0; i < compared.length; i += CHUNK) {
    const rows = compared.slice(i, i + CHUNK).map((c, j) => {
      const { cell } = c;
      const { flag } = decided[i + j];
      if (flag.suppressed) suppressed += 1;
      if (cell.year < writeYears.from || cell.year > writeYears.to) return null;
      const denominator = definition.denominator === null ? null : definition.denominator.kind === 'population' || definition.denominator.kind === 'powiats' ? cell.area_den : cell.den_sum;
      return [
        cell.area_code, cell.area_level, cell.year, cell.breakdown, cell.category, cell.num_sum, denominator, c.value, cell.contributors,
        Math.max(cell.num_max, cell.den_max ?? 0), flag.suppressed, flag.reason, cell.population_year,
        c.siblingRank, c.siblingCount, c.previousValue, roundValue(c.change),
      ];
    }).filter((row) => row !== null);
    if (!rows.length) continue;
    await queryRows(
      tx,
      `insert into new_value select (r->>0), (r->>1), (r->>2)::smallint, (r->>3), (r->>4), (r->>5)::numeric, (r->>6)::numeric, (r->>7)::numeric, (r->>8)::int,
              (r->>9)::numeric, (r->>10)::boolean, (r->>11), (r->>12)::smallint, (r->>13)::int, (r->>14)::int,
              (r->>15)::numeric, (r->>16)::numeric
         from jsonb_array_elements(?::jsonb) as r`,
      [JSON.stringify(rows)],
    );
  }
  await tx.execute('analyze new_value');

  const content = (alias: string) =>
    `md5(row(${alias}.numerator, ${alias}.denominator, ${alias}.value, ${alias}.contributors, ${alias}.max_contribution, ${alias}.suppressed, ${alias}.suppression_reason,
      ${alias}.sibling_rank, ${alias}.sibling_count, ${alias}.previous_value, ${alias}.change, ${alias}.population_year)::text)`;
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
              max_contribution, suppressed, suppression_reason, sibling_rank, sibling_count, previous_value, change, population_year)
       select ?, n.area_code, n.area_level, n.year, n.breakdown, n.category, ?, n.numerator, n.denominator, n.value, n.contributors,
              n.max_contribution, n.suppressed, n.suppression_reason, n.sibling_rank, n.sibling_count, n.previous_value, n.change, n.population_year
         from new_value n
        where not exists (select 1 from indicator_value v where v.indicator_code = ? and v.valid_to_version is null
                             and v.area_code = n.area_code and v.year = n.year and v.breakdown = n.breakdown and v.category = n.category)
        -- Rows land in the order slices are read (a level, a breakdown, a year), so a slice sits in a few heap pages.
        order by n.area_level, n.breakdown, n.category, n.year, n.area_code
       returning 1)
     select count(*)::int as n from added`,
    [definition.code, versionId, definition.code],
  );
  return { written: written[0].n, closed: closed[0].n, suppressed };
}

/** Six decimals: enough for any rate published, and stable so unchanged cells compare equal. */
function roundValue(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1e6) / 1e6;
}
