import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { requireTs } = require('./load-ts.cjs');
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const launcher = (name) => requireTs(join(repo, 'api/src/launcher', `${name}.ts`));

/** Where this run's throwaway clusters live; a run killed before its teardown is cleaned up by the next. */
const CLUSTER_PREFIX = 'hub-test-pg-';

/**
 * Once per `jest` run, before any suite:
 *  - PostgreSQL for the database suites. Without DATABASE_URL an embedded server in a temporary
 *    directory on a free port (a newcomer needs nothing installed); with it, that server.
 *    Suites read the server-level URL (database `postgres`) from TEST_DATABASE_URL and create
 *    their own databases on it (tests/support/test-database.ts).
 *  - HUB_DATA_DIR = ../shared/data when it exists and nothing else was chosen.
 * Workers are started after this, so they inherit the environment.
 */
export default async function globalSetup() {
  const started = performance.now();
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  const sharedData = resolve(repo, '../shared/data');
  if (process.env.HUB_DATA_DIR === undefined && existsSync(join(sharedData, 'teryt'))) process.env.HUB_DATA_DIR = sharedData;

  const { withDatabase, assertSupportedServer } = launcher('databases');
  if (process.env.DATABASE_URL) {
    const server = withDatabase(process.env.DATABASE_URL, 'postgres');
    await assertSupportedServer(server);
    process.env.TEST_DATABASE_URL = server;
    return;
  }

  const { EmbeddedPostgresServer } = launcher('embedded-postgres');
  const { freePort, isAlive } = launcher('processes');
  await removeAbandonedClusters(isAlive);
  const dir = mkdtempSync(join(tmpdir(), CLUSTER_PREFIX));
  writeFileSync(join(dir, 'owner.pid'), String(process.pid));
  const log = [];
  let pg;
  try {
    pg = await EmbeddedPostgresServer.start({
      dataDir: join(dir, 'pg'),
      port: await freePort(),
      detached: false,
      // A throwaway cluster: durability buys nothing here and costs seconds.
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '200' },
      onLog: (line) => log.push(line),
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`The test PostgreSQL did not start: ${error.message}\n${log.slice(-20).join('\n')}`);
  }
  // Should jest exit without its teardown, the server still gets its fast-shutdown signal.
  const onExit = () => pg.pid > 0 && process.kill(pg.pid, 'SIGINT');
  process.once('exit', onExit);
  globalThis.__hubTestPostgres = { pg, dir, onExit };
  process.env.TEST_DATABASE_URL = pg.url('postgres');
  if (process.env.HUB_TEST_VERBOSE) {
    process.stdout.write(`\nembedded PostgreSQL for tests on ${pg.url('postgres')} (${Math.round(performance.now() - started)} ms)\n`);
  }
}

/** Clusters of earlier runs whose jest is gone: stop their server (if any) and delete them. */
async function removeAbandonedClusters(isAlive) {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(CLUSTER_PREFIX)) continue;
    const dir = join(tmpdir(), name);
    const pidOf = (file) => {
      try {
        return Number.parseInt(readFileSync(join(dir, file), 'utf8').split('\n')[0], 10);
      } catch {
        return 0;
      }
    };
    const owner = pidOf('owner.pid');
    if (owner > 0 && isAlive(owner)) continue;
    const server = pidOf('pg/postmaster.pid');
    if (server > 0 && isAlive(server)) {
      try {
        process.kill(server, 'SIGINT');
      } catch {
        // not ours to stop after all
        continue;
      }
      for (let i = 0; i < 100 && isAlive(server); i += 1) await new Promise((r) => setTimeout(r, 100));
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
