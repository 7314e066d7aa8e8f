import type { Client } from 'pg';

/**
 * Set-based generator of a synthetic registry (all rows `synthetic = true`): entities spread over
 * gminas by population (the powiat's population shared among its gminas, towns weighted up),
 * one current `entity_state` row each valid from the founding date, and annual reports for
 * `years` with numbers scaled by legal form and a per-entity size. Everything is generate_series
 * and INSERT … SELECT; no row is built in JavaScript.
 *
 * Secondary indexes and constraints of the three tables are dropped for the load and rebuilt from
 * their own definitions (pg_get_indexdef / pg_get_constraintdef) afterwards, so the schema ends
 * exactly as migrated.
 */
export interface GenerateOptions {
  entities: number;
  years: { from: number; to: number };
  seed?: number;
  log: (message: string) => void;
}

const TABLES = ['social_economy_entity', 'entity_state', 'annual_report'];

/** Legal forms with their share of entities, typical headcount and social-enterprise chance. */
const FORMS: [form: string, share: number, headcount: number, socialEnterprise: number, prefix: string, folded: string][] = [
  ['ASSOCIATION', 55, 1.5, 0.02, 'Stowarzyszenie', 'stowarzyszenie'],
  ['FOUNDATION', 20, 3, 0.03, 'Fundacja', 'fundacja'],
  ['RURAL_HOUSEWIVES_CIRCLE', 8, 0.2, 0, 'Koło Gospodyń Wiejskich', 'kolo gospodyn wiejskich'],
  ['OTHER', 5, 2, 0.01, 'Podmiot Ekonomii Społecznej', 'podmiot ekonomii spolecznej'],
  ['NON_PROFIT_COMPANY', 3, 10, 0.15, 'Spółka Non-Profit', 'spolka non profit'],
  ['SOCIAL_COOPERATIVE', 3, 6, 0.4, 'Spółdzielnia Socjalna', 'spoldzielnia socjalna'],
  ['WORKER_COOPERATIVE', 1.5, 15, 0.1, 'Spółdzielnia Pracy', 'spoldzielnia pracy'],
  ['COOPERATIVE_OF_DISABLED_OR_BLIND', 0.5, 40, 0.2, 'Spółdzielnia Inwalidów', 'spoldzielnia inwalidow'],
  ['CIS', 1, 8, 0.05, 'Centrum Integracji Społecznej', 'centrum integracji spolecznej'],
  ['KIS', 1, 3, 0, 'Klub Integracji Społecznej', 'klub integracji spolecznej'],
  ['ZAZ', 0.5, 30, 0.1, 'Zakład Aktywności Zawodowej', 'zaklad aktywnosci zawodowej'],
  ['WTZ', 1.5, 6, 0, 'Warsztat Terapii Zajęciowej', 'warsztat terapii zajeciowej'],
];

/** Name words with their search fold (lower-case, no diacritics). */
const WORDS: [word: string, folded: string][] = [
  ['Razem', 'razem'], ['Przyszłość', 'przyszlosc'], ['Nadzieja', 'nadzieja'], ['Tęcza', 'tecza'], ['Źródło', 'zrodlo'],
  ['Pod Lipą', 'pod lipa'], ['Dobry Start', 'dobry start'], ['Wspólna Sprawa', 'wspolna sprawa'], ['Łączy Nas', 'laczy nas'],
  ['Zielony Most', 'zielony most'], ['Sąsiedzi', 'sasiedzi'], ['Krok Dalej', 'krok dalej'], ['Pomocna Dłoń', 'pomocna dlon'],
  ['Słoneczna', 'sloneczna'], ['Żyj Aktywnie', 'zyj aktywnie'], ['Nowa Droga', 'nowa droga'],
];

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

async function timed(client: Client, log: (m: string) => void, label: string, sql: string): Promise<void> {
  const t0 = Date.now();
  const result = await client.query(sql);
  log(`  ${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s${typeof result.rowCount === 'number' && result.command !== 'CREATE' ? ` (${result.rowCount} rows)` : ''}`);
}

interface Ddl {
  drop: string[];
  create: string[];
}

/** Secondary indexes and constraints of the loaded tables (primary keys stay: other tables' foreign keys may need them). */
async function loadDdl(client: Client): Promise<Ddl> {
  const tables = TABLES.map(q).join(', ');
  const { rows: constraints } = await client.query<{ table: string; name: string; def: string; type: string }>(`
    select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as def, c.contype as type
      from pg_constraint c
     where c.conrelid::regclass::text in (${tables}) and c.contype in ('u', 'f')
     order by c.contype desc, c.conname`);
  const { rows: indexes } = await client.query<{ name: string; def: string }>(`
    select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
      from pg_index i
     where i.indrelid::regclass::text in (${tables}) and not i.indisprimary
       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.contype in ('u', 'p'))
     order by 1`);
  const drop = [
    ...constraints.filter((c) => c.type === 'f').map((c) => `alter table "${c.table}" drop constraint "${c.name}"`),
    ...constraints.filter((c) => c.type === 'u').map((c) => `alter table "${c.table}" drop constraint "${c.name}"`),
    ...indexes.map((i) => `drop index ${i.name}`),
  ];
  const create = [
    ...constraints.filter((c) => c.type === 'u').map((c) => `alter table "${c.table}" add constraint "${c.name}" ${c.def}`),
    ...indexes.map((i) => i.def),
    ...constraints.filter((c) => c.type === 'f').map((c) => `alter table "${c.table}" add constraint "${c.name}" ${c.def}`),
  ];
  return { drop, create };
}

export async function generateRegistry(client: Client, options: GenerateOptions): Promise<void> {
  const { entities, years, log } = options;
  const started = Date.now();
  await client.query(`set synchronous_commit = off`);
  await client.query(`set maintenance_work_mem = '1GB'`);
  await client.query(`set work_mem = '256MB'`);
  await client.query(`select setseed(${options.seed ?? 0.2026})`);

  const ddl = await loadDdl(client);
  for (const sql of ddl.drop) await client.query(sql);

  // Each gmina's weight: its powiat's latest population shared among the powiat's gminas; towns count more.
  await timed(client, log, 'gmina weights', `
    create temp table bench_gmina as
    with powiat_population as (
      select distinct on (p.unit_teryt_code) p.unit_teryt_code as powiat, p.population
        from population_figure p join territorial_unit u on u.teryt_code = p.unit_teryt_code and u.level = 'POWIAT'
       order by p.unit_teryt_code, p.year desc
    ), g as (
      select u.teryt_code, u.parent_teryt_code as powiat, u.gmina_type,
             count(*) over (partition by u.parent_teryt_code) as siblings
        from territorial_unit u where u.level = 'GMINA'
    )
    select g.teryt_code,
           coalesce(pp.population, 30000)::float8 / g.siblings
             * case g.gmina_type when 'URBAN' then 1.6 when 'URBAN_RURAL' then 1.0 else 0.7 end as weight
      from g left join powiat_population pp on pp.powiat = g.powiat`);
  // Whole counts per gmina that add up to the total exactly (largest remainder), and each gmina's first entity number.
  await timed(client, log, 'gmina allocation', `
    create temp table bench_alloc as
    with shares as (
      select teryt_code, ${entities}::float8 * weight / sum(weight) over () as exact from bench_gmina
    ), floored as (
      select teryt_code, floor(exact)::int as base, exact - floor(exact) as remainder from shares
    ), ranked as (
      select teryt_code, base + case when row_number() over (order by remainder desc, teryt_code)
                                          <= ${entities} - sum(base) over () then 1 else 0 end as n
        from floored
    )
    select teryt_code, n, (sum(n) over (order by teryt_code) - n)::bigint as first from ranked where n > 0`);

  const formRows = FORMS.map(([form, share, headcount, se, prefix, folded], i) => `(${i}, ${q(form)}, ${share}, ${headcount}, ${se}, ${q(prefix)}, ${q(folded)})`).join(',\n      ');
  const wordRows = WORDS.map(([w, f], i) => `(${i}, ${q(w)}, ${q(f)})`).join(', ');
  await client.query(`create temp table bench_form (idx int, form text, share float8, headcount float8, se float8, prefix text, folded text);
    insert into bench_form values ${formRows};
    create temp table bench_form_cum as select *, sum(share) over (order by idx) / sum(share) over () as hi,
      (sum(share) over (order by idx) - share) / sum(share) over () as lo from bench_form;
    create temp table bench_word (idx int, word text, folded text); insert into bench_word values ${wordRows};`);

  // Staging: one row per entity with everything the tables need, drawn once.
  await timed(client, log, 'staging entities', `
    create unlogged table bench_entity as
    select e.n, gen_random_uuid() as id, e.seat, f.form, f.headcount, f.prefix, f.folded, w.word, w.folded as word_folded,
           case when e.r_status < 0.85 then 'ACTIVE' when e.r_status < 0.92 then 'SUSPENDED' when e.r_status < 0.95 then 'IN_LIQUIDATION' else 'DISSOLVED' end as status,
           e.r_se < f.se as social_enterprise,
           -- founding dates lean recent: most of the registry was founded after 2000
           (date '1990-01-01' + floor(sqrt(e.r_founded) * (date '${years.to}-12-31' - date '1990-01-01'))::int) as founded_on,
           -- size: log-normal-ish multiplier of the form's typical headcount; propensity to file a report
           exp((e.r_size1 + e.r_size2 + e.r_size3 - 1.5) * 1.2) as size,
           0.45 + 0.5 * e.r_report as propensity
      from (
        select a.teryt_code as seat, a.first + k as n, random() as r_form, random() as r_status, random() as r_se, random() as r_founded,
               random() as r_size1, random() as r_size2, random() as r_size3, random() as r_report, floor(random() * ${WORDS.length})::int as r_word
          from bench_alloc a cross join lateral generate_series(1, a.n) as k
      ) e
      join bench_form_cum f on e.r_form >= f.lo and e.r_form < f.hi
      join bench_word w on w.idx = e.r_word`);
  await client.query('analyze bench_entity');

  await timed(client, log, 'social_economy_entity', `
    insert into social_economy_entity (id, name, legal_form, seat_teryt_code, founded_on, status, synthetic, created_at, updated_at, social_enterprise, pkd_code, search_name)
    select id, prefix || ' „' || word || ' ' || n || '”', form, seat, founded_on, status, true, now(), now(), social_enterprise,
           case form when 'SOCIAL_COOPERATIVE' then '88.99.Z' when 'WTZ' then '88.10.Z' when 'ASSOCIATION' then '94.99.Z' else null end,
           folded || ' ' || word_folded || ' ' || n
      from bench_entity`);
  await timed(client, log, 'entity_state', `
    insert into entity_state (entity_id, legal_form, seat_teryt_code, status, social_enterprise, valid_from, valid_to, recorded_from, recorded_to)
    select id, form, seat, status, social_enterprise, founded_on, null, now(), null from bench_entity`);
  // Reports for each year the entity existed in, by its propensity; dissolved entities file none, suspended ones rarely.
  await timed(client, log, `annual_report ${years.from}–${years.to}`, reportInsert(years.from, years.to));

  await client.query('drop table bench_entity');
  const t0 = Date.now();
  for (const sql of ddl.create) await client.query(sql);
  log(`  indexes and constraints rebuilt: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await timed(client, log, 'analyze', `analyze social_economy_entity, entity_state, annual_report`);
  log(`generation: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** INSERT … SELECT of synthetic reports for the years, from the staging table `bench_entity`. */
function reportInsert(from: number, to: number): string {
  return `
    insert into annual_report (entity_id, year, employees_headcount, employees_fte, excluded_long_term_unemployed, excluded_disabled,
           excluded_homeless, excluded_after_addiction, excluded_after_prison, excluded_refugees, excluded_other, members, volunteers,
           revenue_market, revenue_public_grants, result, surplus_reinvested, pkd_code, synthetic, recorded_at, updated_at)
    select r.id, r.year, r.h, case when r.h is null then null else round((r.h * (0.55 + 0.45 * random()))::numeric, 2) end,
           r.ex_unemployed, r.ex_disabled, floor(r.ex_rest * 0.2)::int, floor(r.ex_rest * 0.15)::int, floor(r.ex_rest * 0.1)::int,
           floor(r.ex_rest * 0.05)::int, floor(r.ex_rest * 0.1)::int,
           floor(3 + r.size * 12 * random())::int, floor(r.size * 8 * random())::int,
           r.market, r.grants, ((r.market + r.grants) * (random() - 0.45) * 0.1)::bigint,
           greatest(((r.market + r.grants) * (random() - 0.6) * 0.08)::bigint, 0), null, true, now(), now()
      from (
        select b.id, y.year::smallint as year, b.size,
               h.h,
               floor(h.h * case b.form when 'ZAZ' then 0.75 when 'COOPERATIVE_OF_DISABLED_OR_BLIND' then 0.6 when 'WTZ' then 0.5 else 0.08 end * random())::int as ex_disabled,
               floor(h.h * case when b.form in ('SOCIAL_COOPERATIVE', 'CIS', 'KIS') then 0.45 else 0.05 end * random())::int as ex_unemployed,
               h.h * case when b.form in ('SOCIAL_COOPERATIVE', 'CIS', 'KIS') then 0.3 else 0.04 end * random() as ex_rest,
               (coalesce(h.h, 1) * (20000 + 80000 * random()) * 100 * case when b.form in ('ASSOCIATION', 'FOUNDATION', 'RURAL_HOUSEWIVES_CIRCLE', 'CIS', 'KIS', 'WTZ') then 0.3 else 1 end)::bigint as market,
               (coalesce(h.h, 1) * (10000 + 40000 * random()) * 100 * case when b.form in ('CIS', 'KIS', 'WTZ', 'ZAZ') then 2 else 0.5 end)::bigint as grants
          from bench_entity b
          join generate_series(${Number(from)}, ${Number(to)}) as y(year) on y.year >= extract(year from b.founded_on)
          cross join lateral (select case when random() < 0.05 then null else floor(b.headcount * b.size * (0.85 + 0.3 * random()))::int end as h
                               where b.status <> 'DISSOLVED' and random() < b.propensity * case when b.status = 'SUSPENDED' then 0.3 else 1 end) h
      ) r`;
}
