/**
 * The same figures as the rollup, computed on the fly with one GROUP BY over
 * entity_state × annual_report × statistical_area_member, written by hand from the indicator
 * definitions (state at the end of the year, current knowledge; value rounded to 6 decimals as
 * the rollup stores it). Every powiat gets a row for every year, zero included.
 */
export interface OnTheFlyRow {
  area_code: string;
  year: number;
  numerator: number;
  denominator: number | null;
  value: number | null;
}

const endOfYearState = `s.recorded_to is null and s.valid_from <= make_date(y.year, 12, 31) and (s.valid_to is null or s.valid_to > make_date(y.year, 12, 31))`;
const yearsSql = (years: number[]) => `(values ${years.map((y) => `(${Math.trunc(y)})`).join(', ')}) as y(year)`;

const EXCLUDED = ['excluded_long_term_unemployed', 'excluded_disabled', 'excluded_homeless', 'excluded_after_addiction', 'excluded_after_prison', 'excluded_refugees', 'excluded_other'];

export const ON_THE_FLY: Record<string, (years: number[]) => string> = {
  /** Active social cooperatives per 100,000 inhabitants (population of the latest year up to the indicator year). */
  SOCIAL_COOPERATIVES_PER_100K: (years) => `
    with counted as (
      select m.area_code, y.year, count(*) as num
        from ${yearsSql(years)}
        join entity_state s on ${endOfYearState}
        join statistical_area_member m on m.unit_code = s.seat_teryt_code
        join statistical_area a on a.code = m.area_code and a.level = 'POWIAT'
       where s.legal_form = 'SOCIAL_COOPERATIVE' and s.status = 'ACTIVE'
       group by m.area_code, y.year
    )
    select a.code as area_code, y.year, coalesce(c.num, 0)::float8 as numerator, p.population::float8 as denominator,
           round(coalesce(c.num, 0)::numeric / nullif(p.population, 0) * 100000, 6)::float8 as value
      from statistical_area a
      cross join ${yearsSql(years)}
      left join counted c on c.area_code = a.code and c.year = y.year
      left join lateral (select f.population from population_figure f where f.unit_teryt_code = a.code and f.year <= y.year order by f.year desc limit 1) p on true
     where a.level = 'POWIAT'
     order by 1, 2`,
  /** Employees from excluded groups as a percentage of all employees of reporting entities. */
  EXCLUDED_EMPLOYEES_SHARE: (years) => `
    with summed as (
      select m.area_code, y.year,
             sum(case when ${EXCLUDED.map((f) => `r.${f} is not null`).join(' or ')} then ${EXCLUDED.map((f) => `coalesce(r.${f}, 0)`).join(' + ')} end) as num,
             sum(r.employees_headcount) as den
        from ${yearsSql(years)}
        join entity_state s on ${endOfYearState}
        join annual_report r on r.entity_id = s.entity_id and r.year = y.year
        join statistical_area_member m on m.unit_code = s.seat_teryt_code
        join statistical_area a on a.code = m.area_code and a.level = 'POWIAT'
       group by m.area_code, y.year
    )
    select a.code as area_code, y.year, coalesce(c.num, 0)::float8 as numerator, coalesce(c.den, 0)::float8 as denominator,
           round(coalesce(c.num, 0)::numeric / nullif(coalesce(c.den, 0), 0) * 100, 6)::float8 as value
      from statistical_area a
      cross join ${yearsSql(years)}
      left join summed c on c.area_code = a.code and c.year = y.year
     where a.level = 'POWIAT'
     order by 1, 2`,
};
