/**
 * Observatory benchmark (not a test; never run by `npm test`). See bench/observatory/README.md.
 *
 *   npm run bench:observatory -- [--entities 3000000] [--fresh] [--rollup-iterations 200] [--groupby-iterations 20]
 *
 * Fills a database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/hub_bench) with a
 * synthetic registry, refreshes the indicator rollup, and times an indicator slice for all powiats
 * served from the rollup against the same figures computed on the fly by GROUP BY; then the
 * refresh after one year's reports are re-imported.
 */
import { statfsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { createOrm, migrateToLatest } from '../../api/src/orm';
import { importTerritory } from '../../api/src/territory';
import { IndicatorBreakdown, IndicatorService, refreshIndicators, type RefreshReport } from '../../api/src/observatory/indicators';
import { generateRegistry } from './generate';
import { ON_THE_FLY, type OnTheFlyRow } from './groupby';

const YEARS = { from: 2021, to: 2025 };
const CODES = ['SOCIAL_COOPERATIVES_PER_100K', 'EXCLUDED_EMPLOYEES_SHARE'];
/** Rough on-disk need per entity (tables, indexes, five years of reports, the refresh's temporary facts). */
const BYTES_PER_ENTITY = 3000;

function args(): { entities: number; fresh: boolean; slicesOnly: boolean; rollupIterations: number; groupbyIterations: number } {
  const argv = process.argv.slice(2);
  const value = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    if (i < 0) return fallback;
    const n = Number(String(argv[i + 1]).replace(/_/g, ''));
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} needs a positive number`);
    return n;
  };
  return {
    entities: value('entities', 3_000_000),
    fresh: argv.includes('--fresh'),
    // Time the slices on the published rollup already in the database: no refresh, no import.
    slicesOnly: argv.includes('--slices-only'),
    rollupIterations: value('rollup-iterations', 200),
    groupbyIterations: value('groupby-iterations', 20),
  };
}

const log = (message: string) => console.log(message);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t0 = process.hrtime.bigint();
  const result = await fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, result };
}

async function sample(fn: () => Promise<unknown>, warmup: number, iterations: number): Promise<{ p50: number; p95: number; n: number }> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) times.push((await time(fn)).ms);
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), n: iterations };
}

function printRefresh(label: string, report: RefreshReport): void {
  log(`${label}: ${seconds(report.durationMs)} (data version ${report.version.label}, years ${report.years.from}–${report.years.to})`);
  for (const i of report.indicators) log(`    ${i.code.padEnd(32)} ${String(i.ms).padStart(7)} ms  cells ${i.cells}  written ${i.written}  closed ${i.closed}  suppressed ${i.suppressed}`);
  const perIndicator = report.indicators.reduce((s, i) => s + i.ms, 0);
  log(`    (indicators ${seconds(perIndicator)}; the rest — definitions, fact tables, publishing — ${seconds(report.durationMs - perIndicator)})`);
}

async function main(): Promise<void> {
  const options = args();
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hub_bench';
  const dbName = new URL(url).pathname.slice(1);
  const adminUrl = Object.assign(new URL(url), { pathname: '/postgres' }).toString();
  const repoRoot = resolve(__dirname, '../../..');
  const dataDir = process.env.HUB_DATA_DIR ?? resolve(repoRoot, '../shared/data');

  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const { rows: [server] } = await admin.query<{ version: string; data_directory: string | null }>(
    `select version(), (select setting from pg_settings where name = 'data_directory') as data_directory`,
  );
  log(`server: ${server.version.split(' on ')[0]}; database ${dbName}`);
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [dbName])).rowCount === 1;
  if (exists && options.fresh) {
    await admin.query(`drop database "${dbName}" with (force)`);
    log(`dropped ${dbName}`);
  }
  if (!exists || options.fresh) await admin.query(`create database "${dbName}"`);
  await admin.end();

  const orm = await createOrm(url, { poolMax: 4 });
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const [{ n: existing }] = (await client.query<{ n: number }>(`select count(*)::int as n from information_schema.tables where table_name = 'social_economy_entity'`)).rows;
    const entitiesNow = existing ? Number((await client.query(`select count(*) as n from social_economy_entity`)).rows[0].n) : 0;
    const generate = entitiesNow === 0;
    if (generate) {
      let free: number | null = null;
      for (const path of [server.data_directory, '/'].filter((p): p is string => !!p)) {
        try {
          const s = statfsSync(path);
          free = s.bavail * s.bsize;
          log(`free disk at ${path}: ${(free / 1e9).toFixed(1)} GB; need about ${((options.entities * BYTES_PER_ENTITY) / 1e9).toFixed(1)} GB for ${options.entities} entities`);
          break;
        } catch {
          /* try the next path */
        }
      }
      if (free !== null && free < options.entities * BYTES_PER_ENTITY) {
        const fits = Math.floor(free / BYTES_PER_ENTITY / 100_000) * 100_000;
        throw new Error(`Not enough free disk for ${options.entities} entities; about ${fits} would fit (run with --entities ${fits}).`);
      }
      const applied = await migrateToLatest(orm);
      log(`migrated (${applied.length} migrations)`);
      const territory = await importTerritory(orm.em.fork(), { dataDir });
      log(`territory: ${territory.byLevel.powiats} powiats, ${territory.byLevel.gminas} gminas, ${territory.population.figures} population figures (${seconds(territory.durationMs)})`);
      log(`generating ${options.entities} entities with reports for ${YEARS.from}–${YEARS.to}:`);
      await generateRegistry(client, { entities: options.entities, years: YEARS, log });
    } else {
      log(`reusing ${entitiesNow} entities already in ${dbName} (pass --fresh to regenerate)`);
    }
    const counts = (await client.query(`select (select count(*) from social_economy_entity)::int as entities, (select count(*) from entity_state)::int as states,
      (select count(*) from annual_report)::int as reports, (select count(*) from statistical_area where level = 'POWIAT')::int as powiats`)).rows[0];
    log(`rows: ${counts.entities} entities, ${counts.states} entity states, ${counts.reports} annual reports; ${counts.powiats} powiats`);

    // 2. Full refresh.
    const full = options.slicesOnly ? undefined : await refreshIndicators(orm.em.fork(), { cause: 'bench' });
    if (full) printRefresh('full refresh', full);

    // 3. The slice: all powiats, one year and all five, served from the rollup vs. GROUP BY on the fly.
    const service = new IndicatorService(orm.em.fork());
    const slices: { code: string; years: number[]; rollup: { p50: number; p95: number; n: number }; cached: { p50: number; p95: number; n: number }; groupby: { p50: number; p95: number; n: number }; rows: number }[] = [];
    for (const code of CODES) {
      for (const years of [[YEARS.to], Array.from({ length: YEARS.to - YEARS.from + 1 }, (_, i) => YEARS.from + i)]) {
        const query = { indicatorCodes: [code], level: 'POWIAT', years, breakdown: IndicatorBreakdown.TOTAL };
        const served = await service.values(query, { revealSuppressed: true });
        const onTheFly = await orm.em.fork().execute<OnTheFlyRow[]>(ON_THE_FLY[code](years));
        compare(code, years, served, onTheFly);
        // Uncached: every read goes to the rollup table (what a cold process or a new version costs).
        const versionId = (await service.versionId())!;
        const rollup = await sample(() => service.readValues(query, versionId, { revealSuppressed: false }), 20, options.rollupIterations);
        // Cached: what the hub serves on repeated reads of an immutable published version.
        const cached = await sample(() => service.values(query, { revealSuppressed: false }), 20, options.rollupIterations);
        const groupby = await sample(() => orm.em.fork().execute(ON_THE_FLY[code](years)), 1, options.groupbyIterations);
        slices.push({ code, years, rollup, cached, groupby, rows: served.length });
        log(`slice ${code} × ${served.length} powiat-years (${years.length === 1 ? years[0] : `${years[0]}–${years.at(-1)}`}): rollup p50 ${rollup.p50.toFixed(2)} ms p95 ${rollup.p95.toFixed(2)} ms (n=${rollup.n}) | cached p50 ${cached.p50.toFixed(3)} ms p95 ${cached.p95.toFixed(3)} ms | GROUP BY p50 ${groupby.p50.toFixed(1)} ms p95 ${groupby.p95.toFixed(1)} ms (n=${groupby.n}) | ratio p95 ${(rollup.p95 / groupby.p95).toFixed(4)} (cached ${(cached.p95 / groupby.p95).toFixed(6)})`);
      }
    }

    // 4. One year's import: 2025 reports re-imported with changed numbers, then incremental and full refresh.
    if (!full) {
      for (const sl of slices) log(`  ${sl.code} ${sl.years.length === 1 ? sl.years[0] : `${sl.years[0]}-${sl.years.at(-1)}`}: rollup p50/p95 ${sl.rollup.p50.toFixed(2)}/${sl.rollup.p95.toFixed(2)} ms, ratio ${(sl.rollup.p95 / sl.groupby.p95).toFixed(4)}; cached p95 ${sl.cached.p95.toFixed(3)} ms`);
      return;
    }
    const reimport = await time(() => client.query(`
      update annual_report set employees_headcount = employees_headcount + (case when random() < 0.3 then 1 else 0 end),
             excluded_disabled = excluded_disabled + (case when random() < 0.1 then 1 else 0 end),
             revenue_market = (revenue_market * (0.95 + 0.1 * random()))::bigint, updated_at = now()
       where year = ${YEARS.to}`));
    log(`re-import of ${YEARS.to} reports (set-based UPDATE of ${reimport.result.rowCount} rows): ${seconds(reimport.ms)}`);
    await client.query('analyze annual_report');
    const incremental = await refreshIndicators(orm.em.fork(), { cause: 'bench year import', changedYears: [YEARS.to] });
    printRefresh(`incremental refresh after the ${YEARS.to} import (changedYears [${YEARS.to}])`, incremental);
    const fullAgain = await refreshIndicators(orm.em.fork(), { cause: 'bench full refresh for comparison' });
    printRefresh('full refresh for comparison', fullAgain);

    const size = (await client.query(`select pg_size_pretty(pg_database_size(current_database())) as size`)).rows[0].size;
    log('');
    log(`summary (${counts.entities} entities, ${counts.reports} reports, database ${size}):`);
    for (const s of slices) {
      const ok = s.rollup.p95 <= 20 && s.rollup.p95 / s.groupby.p95 <= 0.02;
      log(`  ${s.code} ${s.years.length === 1 ? s.years[0] : `${s.years[0]}-${s.years.at(-1)}`}: rollup p50/p95 ${s.rollup.p50.toFixed(2)}/${s.rollup.p95.toFixed(2)} ms, GROUP BY p50/p95 ${s.groupby.p50.toFixed(0)}/${s.groupby.p95.toFixed(0)} ms, ratio ${(s.rollup.p95 / s.groupby.p95).toFixed(4)} — targets (p95 ≤ 20 ms, ratio ≤ 0.02) uncached ${ok ? 'met' : 'NOT met'}; cached p95 ${s.cached.p95.toFixed(3)} ms`);
    }
    log(`  refresh: full ${seconds(full.durationMs)}; after one year's import incremental ${seconds(incremental.durationMs)}, full ${seconds(fullAgain.durationMs)}`);
  } finally {
    await client.end();
    await orm.close(true);
  }
}

/** Served (unsuppressed) figures must equal the on-the-fly ones within 1e-6. */
function compare(code: string, years: number[], served: readonly { areaCode: string; year: number; value: number | null; numerator: number | null; denominator: number | null }[], onTheFly: OnTheFlyRow[]): void {
  const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b)));
  const byKey = new Map(onTheFly.map((r) => [`${r.area_code}|${r.year}`, r]));
  const problems: string[] = [];
  if (served.length !== onTheFly.length) problems.push(`${served.length} rows served, ${onTheFly.length} computed`);
  for (const s of served) {
    const r = byKey.get(`${s.areaCode}|${s.year}`);
    if (!r) problems.push(`${s.areaCode} ${s.year}: not computed on the fly`);
    else if (!close(s.value, r.value) || !close(s.numerator, r.numerator) || !close(s.denominator, r.denominator)) {
      problems.push(`${s.areaCode} ${s.year}: served ${s.value} (${s.numerator}/${s.denominator}), on the fly ${r.value} (${r.numerator}/${r.denominator})`);
    }
  }
  if (problems.length) throw new Error(`${code} ${years.join(',')}: rollup and GROUP BY disagree:\n  ${problems.slice(0, 10).join('\n  ')}`);
  log(`check ${code} ${years.length === 1 ? years[0] : `${years[0]}–${years.at(-1)}`}: ${served.length} powiat-years equal within 1e-6 (rollup with revealSuppressed vs GROUP BY)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
