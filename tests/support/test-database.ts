import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { createOrm, migrateToLatest, type OrmOptions } from '../../api/src/orm';
import { dropDatabase, withDatabase } from '../../api/src/launcher/databases';
import { testServerUrl, uniqueDatabaseName } from './test-server';

export interface TestDatabase {
  /** The database's name, unique to this suite and run. */
  name: string;
  url: string;
  /** An ORM on it, migrated to the latest migration. */
  orm: MikroORM;
  /** Closes the ORM and drops the database. */
  drop(): Promise<void>;
}

export { createEmptyDatabase, testServerUrl } from './test-server';

const MIGRATIONS_DIR = resolve(__dirname, '../../migrations');

/** Changes whenever a migration file does, so a stale template is never cloned. */
function migrationsHash(): string {
  const hash = createHash('sha1');
  for (const file of readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.ts')).sort()) {
    hash.update(file).update(readFileSync(join(MIGRATIONS_DIR, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

async function withServer<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Migrating from nothing costs every suite the same seconds, so the first suite of a run migrates
 * a template database once and the rest clone it (CREATE DATABASE … TEMPLATE, a file copy). An
 * advisory lock makes parallel workers wait for the one building it.
 */
async function migratedTemplate(): Promise<string> {
  const template = `hub_test_template_${migrationsHash()}`;
  return withServer(async (client) => {
    const ready = async () =>
      (await client.query('SELECT 1 FROM pg_database WHERE datname = $1 AND datistemplate', [template])).rowCount === 1;
    if (await ready()) return template;
    await client.query(`SELECT pg_advisory_lock(hashtext('hub_test_template'))`);
    try {
      if (await ready()) return template;
      const id = client.escapeIdentifier(template);
      // A template left half-built by a killed run is not marked as one: build it again.
      await client.query(`DROP DATABASE IF EXISTS ${id} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${id}`);
      const orm = await createOrm(withDatabase(testServerUrl(), template), { poolMax: 1 });
      try {
        await migrateToLatest(orm);
      } finally {
        await orm.close(true);
      }
      await client.query(`ALTER DATABASE ${id} WITH IS_TEMPLATE true`);
      return template;
    } finally {
      await client.query(`SELECT pg_advisory_unlock(hashtext('hub_test_template'))`);
    }
  });
}

/**
 * A fresh, uniquely named database on the test server, migrated to the latest migration.
 * `label` ends up in the name, which helps when reading the server's logs.
 */
export async function createTestDatabase(label = 'test', ormOptions: OrmOptions = {}): Promise<TestDatabase> {
  const name = uniqueDatabaseName('hub_', label);
  const template = await migratedTemplate();
  await withServer((client) =>
    client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(template)}`),
  );
  const url = withDatabase(testServerUrl(), name);
  const orm = await createOrm(url, ormOptions);
  await migrateToLatest(orm);
  let dropped = false;
  return {
    name,
    url,
    orm,
    async drop() {
      if (dropped) return;
      dropped = true;
      await orm.close(true);
      await dropDatabase(url);
    },
  };
}
