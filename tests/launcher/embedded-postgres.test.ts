import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { freePort } from '../../api/src/launcher/processes';

const repo = resolve(__dirname, '../..');

/** Pids of every process whose command line names `dataDir` (i.e. a postgres serving it). */
function processesUsing(dataDir: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dataDir);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Pids whose parent is `pid` (a postmaster's checkpointer, walwriter, backends, ...). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

interface Child {
  process: ChildProcessWithoutNullStreams;
  next(): Promise<Record<string, unknown>>;
}

/** The launcher's embedded PostgreSQL in a plain Node process (tests/support/embedded-postgres-child.ts). */
function startChild(dataDir: string, port: number): Child {
  const script = `require(${JSON.stringify(join(repo, 'tests/setup/load-ts.cjs'))}).registerTs(); require(${JSON.stringify(join(repo, 'tests/support/embedded-postgres-child.ts'))})`;
  const child = spawn(process.execPath, ['-e', script, dataDir, String(port)], { stdio: 'pipe' });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return {
    process: child,
    async next() {
      const { value, done } = await lines.next();
      if (done) throw new Error(`the child ended without answering: ${stderr}`);
      return JSON.parse(value as string) as Record<string, unknown>;
    },
  };
}

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

const exited = (child: Child) => new Promise<number | null>((done) => child.process.once('exit', (code) => done(code)));

describe('embedded PostgreSQL (the real embedded-postgres binaries)', () => {
  let root: string;
  let dataDir: string;
  let port: number;

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'hub-launcher-pg-'));
    dataDir = join(root, '.data', 'pg');
    port = await freePort();
  });

  afterEach(() => {
    for (const pid of processesUsing(dataDir)) process.kill(pid, 'SIGKILL');
    rmSync(root, { recursive: true, force: true });
  });

  it('initialises a cluster, serves queries as postgres/postgres, and leaves no process after stop', async () => {
    const child = startChild(dataDir, port);
    const ready = await child.next();
    expect(ready).toMatchObject({ ready: true });
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(ready.url).toBe(`postgres://postgres:postgres@127.0.0.1:${port}/postgres`);
    const [row] = (await query(ready.url as string, 'SHOW server_version_num')) as { server_version_num: string }[];
    expect(Number(row!.server_version_num)).toBeGreaterThanOrEqual(150000);
    expect(processesUsing(dataDir)).toContain(ready.pid);
    expect(childrenOf(ready.pid as number).length).toBeGreaterThan(0);

    const exit = exited(child);
    child.process.stdin.write('stop\n');
    expect(await child.next()).toEqual({ stopped: true });
    expect(await exit).toBe(0);
    expect(processesUsing(dataDir)).toEqual([]);
    expect(childrenOf(ready.pid as number)).toEqual([]);
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
  });

  it('after its launcher was killed, stops the orphaned server and starts again on the same data', async () => {
    const first = startChild(dataDir, port);
    const ready = await first.next();
    await query(ready.url as string, 'CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)');
    const firstExit = exited(first);
    first.process.kill('SIGKILL');
    await firstExit;
    // The server runs in its own process group, so it outlives a killed launcher...
    expect(processesUsing(dataDir)).toContain(ready.pid);

    // ...and the next start deals with it instead of failing on the stale postmaster.pid.
    const second = startChild(dataDir, port);
    const again = await second.next();
    expect(again).toMatchObject({ ready: true });
    expect((again.notices as string[]).join('\n')).toMatch(/earlier run/);
    expect(again.pid).not.toBe(ready.pid);
    expect(await query(again.url as string, 'SELECT id FROM kept')).toEqual([{ id: 42 }]);

    const exit = exited(second);
    second.process.stdin.write('stop\n');
    await second.next();
    await exit;
    expect(processesUsing(dataDir)).toEqual([]);
  });

  it('starts over a postmaster.pid whose server died with it', async () => {
    const first = startChild(dataDir, port);
    const ready = await first.next();
    const firstExit = exited(first);
    first.process.kill('SIGKILL');
    process.kill(ready.pid as number, 'SIGKILL');
    await firstExit;
    await new Promise((r) => setTimeout(r, 300));
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(true);

    const second = startChild(dataDir, port);
    expect(await second.next()).toMatchObject({ ready: true });
    const exit = exited(second);
    second.process.stdin.write('stop\n');
    await second.next();
    await exit;
    expect(processesUsing(dataDir)).toEqual([]);
  });
});
