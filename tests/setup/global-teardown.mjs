import { rmSync } from 'node:fs';

/** Stops the run's embedded PostgreSQL (fast shutdown) and deletes its directory. */
export default async function globalTeardown() {
  const test = globalThis.__hubTestPostgres;
  if (!test) return;
  globalThis.__hubTestPostgres = undefined;
  process.removeListener('exit', test.onExit);
  await test.pg.stop();
  rmSync(test.dir, { recursive: true, force: true });
}
