import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandLine, isAlive, signalGroup, waitForPidExit, workingDirectory } from './processes';

/** Who runs on this state directory: the launcher, and the children it started. */
interface RunRecord {
  launcher: number;
  strapi?: number;
  startedAt: string;
}

export const RUN_FILE = 'launcher.json';

/**
 * One launcher per state directory. A second `npm start` while the first runs is refused (two
 * launchers would fight over the same PostgreSQL data directory and ports). A record left by a
 * launcher that was killed names its Strapi, which may still be running as an orphan; it is stopped
 * here. An orphaned PostgreSQL is handled through its own postmaster.pid (embedded-postgres.ts).
 */
export class RunLock {
  private record: RunRecord;

  private constructor(private readonly file: string) {
    this.record = { launcher: process.pid, startedAt: new Date().toISOString() };
  }

  static async acquire(stateDir: string, cmsDir: string, notice: (message: string) => void): Promise<RunLock> {
    const lock = new RunLock(join(stateDir, RUN_FILE));
    for (;;) {
      try {
        writeFileSync(lock.file, JSON.stringify(lock.record), { flag: 'wx', mode: 0o600 });
        return lock;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      let previous: Partial<RunRecord> = {};
      try {
        previous = JSON.parse(readFileSync(lock.file, 'utf8')) as Partial<RunRecord>;
      } catch {
        // unreadable: treat as stale
      }
      if (previous.launcher && previous.launcher !== process.pid && isAlive(previous.launcher) && /launcher/.test(commandLine(previous.launcher) ?? '')) {
        throw new Error(
          `The hub is already running from this directory (launcher pid ${previous.launcher}). ` +
            `Stop it first (Ctrl-C in its terminal, or kill -TERM ${previous.launcher}).`,
        );
      }
      if (previous.strapi && isOurStrapi(previous.strapi, cmsDir)) {
        notice(`stopping Strapi (pid ${previous.strapi}) left running by an earlier launcher that was killed`);
        signalGroup(previous.strapi, 'SIGTERM');
        if (!(await waitForPidExit(previous.strapi, 10_000))) signalGroup(previous.strapi, 'SIGKILL');
        await waitForPidExit(previous.strapi, 5_000);
      }
      rmSync(lock.file, { force: true });
    }
  }

  /** Records a child's pid, so that the next launcher can clean up after a killed one. */
  update(children: Pick<RunRecord, 'strapi'>): void {
    this.record = { ...this.record, ...children };
    writeFileSync(this.file, JSON.stringify(this.record), { mode: 0o600 });
  }

  release(): void {
    try {
      const current = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<RunRecord>;
      if (current.launcher === process.pid) rmSync(this.file, { force: true });
    } catch {
      // already gone
    }
  }
}

function isOurStrapi(pid: number, cmsDir: string): boolean {
  return isAlive(pid) && /strapi/.test(commandLine(pid) ?? '') && workingDirectory(pid) === cmsDir;
}
