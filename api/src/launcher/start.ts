import 'reflect-metadata';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadConfig, repoRoot, type HubConfig } from '../config';
import type { RunningHub } from '../main';
import { formatBanner, type Login } from './banner';
import { assertSupportedServer, ensureDatabase, externalDatabaseUrls, redact, type DatabaseUrls } from './databases';
import { EmbeddedPostgresServer } from './embedded-postgres';
import { assertPortFree, describeExit, signalGroup, type ExitInfo } from './processes';
import { isPostgresWarning, isStrapiWarning, Progress } from './progress';
import { RunLock } from './run-lock';
import { generatePassword, loadOrCreateSecrets, secretsEnv, type HubSecrets } from './secrets';
import { ensureCmsBuild } from './strapi-build';
import { StrapiProcess } from './strapi-process';
import { waitForHttp } from './wait-until';

/**
 * `npm start`: everything a newcomer needs, in one process tree.
 *
 *   secrets → PostgreSQL (embedded, or DATABASE_URL) → databases hub and cms
 *     ├─ hub:  prepareHub (migrations, territory, demo seed, first admin) → startHub → /readyz
 *     └─ CMS:  admin build if stale (started at once, in parallel) → strapi start → /_health
 *   → banner.
 *
 * Ctrl-C / SIGTERM stops the hub (gracefully), then Strapi, then PostgreSQL, and exits 0. When
 * Strapi or PostgreSQL dies on its own, the rest is stopped and the exit code is 1.
 */

const env = process.env;
const verbose = ['debug', 'trace'].includes(env.LOG_LEVEL ?? '');
const progress = new Progress(process.stdout, verbose);

interface Running {
  pg?: EmbeddedPostgresServer;
  strapi?: StrapiProcess;
  strapiStarting?: Promise<StrapiProcess>;
  hub?: RunningHub;
  hubStarting?: Promise<RunningHub>;
  build?: Promise<unknown>;
  lock?: RunLock;
  /** The demo loan portfolio being built after the banner (see setup.ts). */
  fundDemo?: { stop(): Promise<void> };
}

const running: Running = {};
/** Accounts created by this start whose generated password has not been shown yet. */
const unshownLogins: { what: string; login: Login }[] = [];
const shutdownSignal = new AbortController();
let shuttingDown: Promise<never> | undefined;

function port(name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0 || value > 65535) throw new Error(`${name} must be a TCP port, got "${env[name]}"`);
  return value;
}

/** Strapi's own reading of CMS_SERVE_ADMIN (env.bool with default true). */
const serveAdmin = env.CMS_SERVE_ADMIN === undefined || env.CMS_SERVE_ADMIN === 'true';

async function main(): Promise<void> {
  const cmsDir = join(repoRoot, 'cms');
  const stateDir = resolve(env.HUB_STATE_DIR || join(repoRoot, '.data'));
  const hubHost = env.HUB_HOST ?? '127.0.0.1';
  const hubPort = port('HUB_PORT', 4000);
  const cmsHost = env.CMS_HOST ?? '127.0.0.1';
  const cmsPort = port('CMS_PORT', 1337);
  const pgPort = port('EMBEDDED_PG_PORT', 54329);
  const external = Boolean(env.DATABASE_URL);
  const shown = (path: string) => {
    const inside = relative(process.cwd(), path);
    return inside === '' ? '.' : inside.startsWith('..') ? path : inside;
  };

  progress.write(`Starting the Social Economy Hub (state in ${shown(stateDir)})`);
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  running.lock = await RunLock.acquire(stateDir, cmsDir, (m) => progress.notice(m));

  const { secrets, generated } = loadOrCreateSecrets(stateDir);
  if (generated.length) progress.notice(`generated secrets into ${shown(join(stateDir, 'secrets.json'))} (kept for later starts)`);
  const effective = secretsEnv(secrets, env);

  await assertPortFree(hubPort, hubHost, 'Set HUB_PORT to use another port.');
  await assertPortFree(cmsPort, cmsHost, 'Set CMS_PORT to use another port.');

  // The admin build needs only the sources: start it now, next to the database work.
  running.build = progress.step(
    serveAdmin ? 'CMS build (admin panel and server)' : 'CMS build (server only)',
    () =>
      ensureCmsBuild(cmsDir, {
        kind: serveAdmin ? 'admin' : 'server',
        onLog: (line) => progress.from('cms', `build: ${line}`, verbose),
        onNotice: (m) => progress.notice(m),
        signal: shutdownSignal.signal,
      }),
    (result) => (result.built ? 'built' : 'up to date'),
  );
  // Awaited by the CMS side; a failure before then is reported there, not as an unhandled rejection.
  running.build.catch(() => undefined);

  const urls = await progress.step(
    external ? 'PostgreSQL (DATABASE_URL)' : `PostgreSQL (embedded, ${shown(join(stateDir, 'pg'))}, port ${pgPort})`,
    () => (external ? useExternalDatabases() : useEmbeddedDatabases(join(stateDir, 'pg'), pgPort)),
  );

  const cmsUrl = `http://${cmsHost}:${cmsPort}`;
  const hubEnv: NodeJS.ProcessEnv = {
    ...env,
    DATABASE_URL: urls.hub,
    CMS_URL: cmsUrl,
    CMS_TOKEN: effective.CMS_TOKEN,
    HUB_JWT_SECRET: effective.HUB_JWT_SECRET,
    CMS_WEBHOOK_SECRET: effective.CMS_WEBHOOK_SECRET,
    CMS_PREVIEW_SECRET: effective.CMS_PREVIEW_SECRET,
    CMS_FLAG_TOKEN: effective.CMS_FLAG_TOKEN,
    DIAGNOSTICS_PSEUDONYM_KEY: effective.DIAGNOSTICS_PSEUDONYM_KEY,
    STRAPI_TELEMETRY_DISABLED: 'true',
  };
  const config = loadConfig(hubEnv);

  const [hubResult, cmsResult] = await Promise.all([
    startHubSide(config),
    startCmsSide({ cmsDir, cmsHost, cmsPort, stateDir, urls, secrets: effective, hubUrl: env.HUB_URL ?? `http://${hubHost === '0.0.0.0' ? '127.0.0.1' : hubHost}:${hubPort}` }),
  ]);
  // The hub calls itself ready only when it reaches both its database and the CMS.
  await progress.step('hub ready (/readyz: database and CMS reachable)', () =>
    waitForHttp(new URL('/readyz', hubResult.hub.url).toString(), {
      what: 'the hub to be ready (/readyz)',
      timeoutMs: 30_000,
      signal: shutdownSignal.signal,
    }),
  );

  unshownLogins.length = 0;
  progress.write(
    formatBanner({
      graphqlUrl: hubResult.hub.url,
      cmsUrl,
      cmsAdmin: serveAdmin,
      hubAdmin: hubResult.admin,
      cmsEditor: cmsResult.editor,
      database: external
        ? `${redact(urls.hub)} (hub), ${redact(urls.cms)} (CMS)`
        : `embedded PostgreSQL in ${shown(join(stateDir, 'pg'))}, port ${pgPort} (databases hub and cms)`,
      dataDir: config.dataDir,
      startMs: performance.now(),
    }),
  );
  await startFundDemo(config);
}

/** After the banner: the demo loan portfolio (once per database) builds in the background. */
async function startFundDemo(config: HubConfig): Promise<void> {
  const { seedDemoFund } = await import('../setup.js');
  const log = progress.hubLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const task = seedDemoFund(config, log);
  running.fundDemo = task;
  task.done.then(
    (r) => {
      if (r.created) progress.notice(`demo loan portfolio ready: ${r.loans} loans, ${r.repayments} repayments, ${r.guarantees} guarantees (${(r.durationMs / 1000).toFixed(0)} s); fund statistics are in fundPortfolio`);
    },
    (error: unknown) => {
      if (!shuttingDown) progress.notice(`demo loan portfolio not built: ${error instanceof Error ? error.message : String(error)}`);
    },
  );
}

async function useExternalDatabases(): Promise<DatabaseUrls> {
  const urls = externalDatabaseUrls(env);
  const version = await assertSupportedServer(urls.hub);
  if (new URL(urls.cms).host !== new URL(urls.hub).host) await assertSupportedServer(urls.cms);
  for (const url of [urls.hub, urls.cms]) {
    if (await ensureDatabase(url)) progress.notice(`created database ${redact(url)}`);
  }
  progress.notice(`PostgreSQL ${version.version}`);
  return urls;
}

async function useEmbeddedDatabases(dataDir: string, pgPort: number): Promise<DatabaseUrls> {
  const pg = await EmbeddedPostgresServer.start({
    dataDir,
    port: pgPort,
    onLog: (line) => progress.from('pg', line, isPostgresWarning(line)),
    onNotice: (m) => progress.notice(m),
    portInUseHint: 'Set EMBEDDED_PG_PORT to use another port.',
  });
  running.pg = pg;
  pg.onUnexpectedExit((info, log) => died('PostgreSQL', info, log));
  const urls = { hub: pg.url('hub'), cms: pg.url('cms') };
  for (const url of [urls.hub, urls.cms]) {
    if (await ensureDatabase(url)) progress.notice(`created database ${new URL(url).pathname.slice(1)}`);
  }
  return urls;
}

async function startHubSide(config: HubConfig): Promise<{ hub: RunningHub; admin: Login }> {
  // Loaded here, not at the top: the hub's modules (schema, ORM metadata) take a moment to import,
  // and the build and PostgreSQL have started by now.
  const [{ prepareHub }, { startHub }] = await Promise.all([import('../setup.js'), import('../main.js')]);
  const prepared = await progress.step(
    'hub database (migrations, territory, demo data, statistics, first admin)',
    () => prepareHub(config, progress.hubLogger(config.logLevel === 'info' ? 'warn' : config.logLevel)),
    (result) =>
      [
        result.migrationsApplied.length ? `${result.migrationsApplied.length} migrations` : undefined,
        `${result.territory.units} territorial units (${result.territory.source})`,
        result.demo.skipped ? 'demo data present' : `${result.demo.created} demo entities`,
        result.indicators ? `statistics version ${result.indicators.version} (${(result.indicators.durationMs / 1000).toFixed(1)} s)` : undefined,
      ]
        .filter(Boolean)
        .join(', '),
  );
  assertRunning();
  const hub = await progress.step(`hub on http://${config.host}:${config.port}`, async () => {
    running.hubStarting = startHub(config, { log: progress.hubLogger(config.logLevel === 'info' ? 'warn' : config.logLevel) });
    running.hub = await running.hubStarting;
    return running.hub;
  });
  const admin: Login = prepared.firstAdmin
    ? {
        email: prepared.firstAdmin.email,
        ...(prepared.firstAdmin.password !== undefined ? { password: prepared.firstAdmin.password } : { note: 'from HUB_ADMIN_PASSWORD' }),
      }
    : { email: config.firstAdmin.email, note: 'set on first start' };
  if (admin.password) unshownLogins.push({ what: 'hub first admin', login: admin });
  return { hub, admin };
}

async function startCmsSide(options: {
  cmsDir: string;
  cmsHost: string;
  cmsPort: number;
  stateDir: string;
  urls: DatabaseUrls;
  secrets: HubSecrets;
  /** Where Strapi sends its signed webhooks (`${hubUrl}/webhooks/cms`). */
  hubUrl: string;
}): Promise<{ editor: Login }> {
  await running.build;
  assertRunning();
  const report = join(options.stateDir, 'cms-bootstrap.json');
  rmSync(report, { force: true });
  const editorEmail = env.CMS_EDITOR_EMAIL ?? 'redakcja@ekonomiaspoleczna.local';
  // Used only if Strapi finds no admin user yet; it is never written down, so it is shown once.
  const editorPassword = env.CMS_EDITOR_PASSWORD || generatePassword();
  const { DATABASE_URL: _hubDatabase, ...withoutHubDatabase } = env;
  const strapiEnv: NodeJS.ProcessEnv = {
    ...withoutHubDatabase,
    ...options.secrets,
    CMS_DATABASE_URL: options.urls.cms,
    HUB_URL: options.hubUrl,
    CMS_EDITOR_EMAIL: editorEmail,
    CMS_EDITOR_PASSWORD: editorPassword,
    CMS_BOOTSTRAP_REPORT: report,
    CMS_SERVE_ADMIN: serveAdmin ? 'true' : 'false',
    // Strapi colours its log even into a pipe; keep colour only when we print to a terminal.
    FORCE_COLOR: process.stdout.isTTY ? '1' : '0',
  };
  const strapi = await progress.step(`Strapi on http://${options.cmsHost}:${options.cmsPort}`, async () => {
    running.strapiStarting = StrapiProcess.start({
      cmsDir: options.cmsDir,
      env: strapiEnv,
      host: options.cmsHost,
      port: options.cmsPort,
      onLog: (line) => progress.from('cms', line, isStrapiWarning(line)),
      signal: shutdownSignal.signal,
    });
    return running.strapiStarting;
  });
  running.strapi = strapi;
  running.lock?.update({ strapi: strapi.pid });
  strapi.onUnexpectedExit((info, log) => died('Strapi', info, log));

  let created: boolean | undefined;
  try {
    created = (JSON.parse(readFileSync(report, 'utf8')) as { editorCreated?: boolean }).editorCreated;
  } catch {
    created = undefined;
  }
  const editor: Login =
    created === true
      ? env.CMS_EDITOR_PASSWORD
        ? { email: editorEmail, note: 'from CMS_EDITOR_PASSWORD' }
        : { email: editorEmail, password: editorPassword }
      : created === false
        ? { email: editorEmail, note: 'set on first start' }
        : { email: editorEmail, note: 'unknown: the CMS wrote no bootstrap report' };
  if (editor.password) unshownLogins.push({ what: 'CMS editor', login: editor });
  return { editor };
}

function assertRunning(): void {
  if (shuttingDown) throw new ShuttingDown();
}

class ShuttingDown extends Error {
  constructor() {
    super('shutting down');
  }
}

function died(what: string, info: ExitInfo, log: string[]): void {
  if (shuttingDown) return;
  progress.write(`\n${what} stopped unexpectedly (${describeExit(info)}). Its last output:`);
  for (const line of log.slice(-15)) progress.write(`    ${line}`);
  void shutdown(1, `${what} is gone`);
}

/** Stops in dependency order: hub (gracefully), Strapi, the build, PostgreSQL. Exits with `code`. */
function shutdown(code: number, reason: string): Promise<never> {
  shuttingDown ??= (async () => {
    progress.write(`\nStopping (${reason}) …`);
    // A start that failed after creating an account must still hand over its only copy of the password.
    for (const { what, login } of unshownLogins) {
      progress.write(`  The ${what} was created on this start: ${login.email} / ${login.password} (shown only now; write it down)`);
    }
    shutdownSignal.abort(new ShuttingDown());
    const settle = async <T>(promise: Promise<T> | undefined): Promise<T | undefined> => promise?.catch(() => undefined);
    if (running.fundDemo) await settle(running.fundDemo.stop());
    const hub = running.hub ?? (await settle(running.hubStarting));
    if (hub) await progress.step('stopping the hub', () => hub.close()).catch(() => undefined);
    const strapi = running.strapi ?? (await settle(running.strapiStarting));
    if (strapi?.isRunning) await progress.step('stopping Strapi', () => strapi.stop()).catch(() => undefined);
    await settle(running.build);
    if (running.pg?.isRunning) await progress.step('stopping PostgreSQL', () => running.pg!.stop()).catch(() => undefined);
    running.lock?.release();
    process.exit(code);
  })();
  return shuttingDown;
}

/** A second Ctrl-C while stopping: kill whatever is left, now. */
function forceStop(): void {
  progress.write('Forced stop: killing Strapi and PostgreSQL.');
  for (const pid of [running.strapi?.pid, running.pg?.pid]) if (pid && pid > 0) signalGroup(pid, 'SIGKILL');
  running.lock?.release();
  process.exit(1);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => (shuttingDown ? forceStop() : void shutdown(0, signal)));
}
// A closed terminal must not crash the launcher with EPIPE/EIO before it has stopped its children.
process.stdout.on('error', () => undefined);

// `npm start` runs us under `sh -c`; `kill -TERM <npm>` reaches only that shell, which dies without
// passing it on. Losing the parent is therefore a stop request too, or Strapi and PostgreSQL would
// be left running with nobody to stop them.
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid && !shuttingDown) void shutdown(0, 'the process that started the hub is gone');
}, 1000).unref();

process.on('unhandledRejection', (error) => {
  if (error instanceof ShuttingDown || shuttingDown) return;
  progress.write(`\nUnexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  void shutdown(1, 'unexpected error');
});

main().catch((error: unknown) => {
  if (error instanceof ShuttingDown || shuttingDown) return;
  progress.write(`\nThe hub could not start: ${error instanceof Error ? error.message : String(error)}`);
  if (verbose && error instanceof Error && error.stack) progress.write(error.stack);
  void shutdown(1, 'start failed');
});
