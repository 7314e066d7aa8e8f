import type { EntityManager } from '@mikro-orm/postgresql';

export interface StatisticalAreasReport {
  areas: number;
  members: number;
  /** Rows written or removed by this rebuild (all zero when nothing changed). */
  changes: { areasInserted: number; areasUpdated: number; areasDeleted: number; membersInserted: number; membersDeleted: number };
}

// Every territorial unit is an area under its own code; every NUTS region is one under NUTS:<code>,
// NUTS-3 summing into its NUTS-2 and NUTS-2 into the country.
const DESIRED_AREAS = `
  select u.teryt_code::text as code, u.level as level, u.name as name, u.parent_teryt_code::text as parent_code from territorial_unit u
  union all
  select 'NUTS:' || n.code, case n.level when 2 then 'NUTS2' else 'NUTS3' end, n.name, coalesce('NUTS:' || n.parent_code, 'PL')
  from nuts_region n`;

const UPSERT_AREAS = `
with desired as (${DESIRED_AREAS})
insert into statistical_area (code, level, name, parent_code)
select code, level, name, parent_code from desired
on conflict (code) do update set level = excluded.level, name = excluded.name, parent_code = excluded.parent_code
where (statistical_area.level, statistical_area.name, statistical_area.parent_code) is distinct from (excluded.level, excluded.name, excluded.parent_code)
returning (xmax = 0) as inserted`;

const DELETE_STALE_AREAS = `
delete from statistical_area a where not exists (select 1 from (${DESIRED_AREAS}) d where d.code = a.code)`;

// A unit belongs to itself and each TERYT ancestor (following parent links), and — when its powiat
// is mapped — to that powiat's NUTS-3 region and its NUTS-2 region. A gmina's powiat is its parent;
// voivodeships and the country belong to no NUTS region (Mazowieckie spans two NUTS-2 regions).
const SYNC_MEMBERS = `
with recursive chain (unit_code, area_code) as (
  select teryt_code, teryt_code from territorial_unit
  union all
  select c.unit_code, u.parent_teryt_code from chain c join territorial_unit u on u.teryt_code = c.area_code where u.parent_teryt_code is not null
),
nuts as (
  select u.teryt_code as unit_code, p.nuts3_code, n.parent_code as nuts2_code
  from territorial_unit u
  join powiat_nuts3 p on p.powiat_teryt_code = case u.level when 'POWIAT' then u.teryt_code when 'GMINA' then u.parent_teryt_code end
  join nuts_region n on n.code = p.nuts3_code
),
desired as (
  select unit_code, area_code::text as area_code from chain
  union select unit_code, 'NUTS:' || nuts3_code from nuts
  union select unit_code, 'NUTS:' || nuts2_code from nuts where nuts2_code is not null
),
removed as (
  delete from statistical_area_member m where not exists (select 1 from desired d where d.unit_code = m.unit_code and d.area_code = m.area_code) returning 1
),
added as (
  insert into statistical_area_member (unit_code, area_code) select unit_code, area_code from desired on conflict do nothing returning 1
)
select (select count(*) from desired) as members, (select count(*) from added) as inserted, (select count(*) from removed) as deleted`;

/**
 * Rebuilds statistical_area and statistical_area_member from territorial_unit, nuts_region and
 * powiat_nuts3, set-based, in the caller's transaction. Writes only what differs, so a rebuild over
 * unchanged data changes nothing.
 */
export async function rebuildStatisticalAreas(tx: EntityManager): Promise<StatisticalAreasReport> {
  const upserted = await tx.execute<{ inserted: boolean }[]>(UPSERT_AREAS);
  const [members] = await tx.execute<{ members: string; inserted: string; deleted: string }[]>(SYNC_MEMBERS);
  const deleted = await tx.execute<unknown[]>(`${DELETE_STALE_AREAS} returning 1`);
  const [{ areas }] = await tx.execute<{ areas: string }[]>('select count(*) as areas from statistical_area');
  const areasInserted = upserted.filter((r) => r.inserted).length;
  return {
    areas: Number(areas),
    members: Number(members.members),
    changes: {
      areasInserted,
      areasUpdated: upserted.length - areasInserted,
      areasDeleted: deleted.length,
      membersInserted: Number(members.inserted),
      membersDeleted: Number(members.deleted),
    },
  };
}
