import type { EntityManager } from '@mikro-orm/postgresql';
import { REPORT_FIELDS } from '../definitions/measure';

/**
 * Temporary tables the whole refresh reads (dropped at commit):
 *  - entity_year_fact: each entity's state at the end of each year (valid time, current
 *    knowledge) with its annual report for that year, if any;
 *  - area_population: inhabitants per area and year (NUTS areas summed from their powiats), and
 *    area_population_for_year: the figure each publication year uses (latest not after it);
 *  - area_powiats: how many powiats each area holds.
 */
export async function buildFactTables(tx: EntityManager, years: { from: number; to: number }): Promise<void> {
  const reportColumns = REPORT_FIELDS.map((f) => `r.${f}`).join(', ');
  await tx.execute(`create temp table entity_year_fact on commit drop as
    select s.entity_id, y.year::smallint as year, s.legal_form, s.status, s.social_enterprise, s.seat_teryt_code,
           (r.id is not null) as reported, ${reportColumns}
    from generate_series(${Number(years.from)}, ${Number(years.to)}) as y(year)
    join entity_state s
      on s.recorded_to is null
     and s.valid_from <= make_date(y.year, 12, 31)
     and (s.valid_to is null or s.valid_to > make_date(y.year, 12, 31))
    left join annual_report r on r.entity_id = s.entity_id and r.year = y.year`);
  await tx.execute(`create temp table area_population on commit drop as
    select p.unit_teryt_code as area_code, p.year, p.population::numeric as population
      from population_figure p
    union all
    select a.code, p.year, sum(p.population)::numeric
      from statistical_area a
      join powiat_nuts3 pn on a.level = 'NUTS3' and a.code = 'NUTS:' || pn.nuts3_code
        or a.level = 'NUTS2' and a.code = 'NUTS:' || left(pn.nuts3_code, 4)
      join population_figure p on p.unit_teryt_code = pn.powiat_teryt_code
     group by a.code, p.year`);
  // For each area and year: the latest population figure not after that year.
  await tx.execute(`create temp table area_population_for_year on commit drop as
    select distinct on (p.area_code, y.year) p.area_code, y.year::smallint as year, p.population, p.year::smallint as population_year
      from area_population p
      cross join generate_series(${Number(years.from)}, ${Number(years.to)}) as y(year)
     where p.year <= y.year
     order by p.area_code, y.year, p.year desc`);
  await tx.execute('create index on area_population_for_year (area_code, year)');
  await tx.execute(`create temp table area_powiats on commit drop as
    select m.area_code, count(*)::numeric as powiats
      from statistical_area_member m join territorial_unit u on u.teryt_code = m.unit_code and u.level = 'POWIAT'
     group by m.area_code`);
  await tx.execute('analyze entity_year_fact');
}
