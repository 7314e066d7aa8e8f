import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RUN_FILE, RunLock } from '../../api/src/launcher/run-lock';
import { isAlive } from '../../api/src/launcher/processes';

describe('one launcher per state directory', () => {
  let stateDir: string;
  const children: ChildProcess[] = [];
  beforeEach(() => {
    stateDir = mkdtempSync(join(tmpdir(), 'hub-run-lock-'));
  });
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    rmSync(stateDir, { recursive: true, force: true });
  });

  /** A stand-in process whose command line looks like the launcher's (or like Strapi's, with cwd). */
  const stayAlive = (argument: string, cwd?: string) => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', argument], { cwd, detached: true, stdio: 'ignore' });
    children.push(child);
    return child.pid!;
  };

  it('takes the lock, records children, and releases it', async () => {
    const lock = await RunLock.acquire(stateDir, '/nowhere', () => undefined);
    lock.update({ strapi: 12345 });
    expect(JSON.parse(readFileSync(join(stateDir, RUN_FILE), 'utf8'))).toMatchObject({ launcher: process.pid, strapi: 12345 });
    lock.release();
    expect(existsSync(join(stateDir, RUN_FILE))).toBe(false);
  });

  it('refuses a second start while the first launcher runs', async () => {
    const launcher = stayAlive('dist/api/src/launcher/start.js');
    writeFileSync(join(stateDir, RUN_FILE), JSON.stringify({ launcher, startedAt: '' }));
    await expect(RunLock.acquire(stateDir, '/nowhere', () => undefined)).rejects.toThrow(`already running from this directory (launcher pid ${launcher})`);
  });

  it('after a killed launcher, stops the Strapi it left behind and takes over', async () => {
    const cmsDir = mkdtempSync(join(tmpdir(), 'hub-run-lock-cms-'));
    try {
      const strapi = stayAlive('node_modules/@strapi/strapi/bin/strapi.js', cmsDir);
      await new Promise((r) => setTimeout(r, 200));
      writeFileSync(join(stateDir, RUN_FILE), JSON.stringify({ launcher: 999_999, strapi, startedAt: '' }));
      const notices: string[] = [];
      const lock = await RunLock.acquire(stateDir, cmsDir, (m) => notices.push(m));
      expect(notices.join('\n')).toMatch(`stopping Strapi (pid ${strapi})`);
      expect(isAlive(strapi)).toBe(false);
      lock.release();
    } finally {
      rmSync(cmsDir, { recursive: true, force: true });
    }
  });

  it('leaves alone a process that merely reuses a recorded pid', async () => {
    const unrelated = stayAlive('something-else');
    writeFileSync(join(stateDir, RUN_FILE), JSON.stringify({ launcher: 999_999, strapi: unrelated, startedAt: '' }));
    const lock = await RunLock.acquire(stateDir, '/nowhere', () => undefined);
    expect(isAlive(unrelated)).toBe(true);
    lock.release();
  });
});
