import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { dropDatabase, withDatabase } from '../../api/src/launcher/databases';

/** The server-level URL (database `postgres`) the global setup chose: tests/setup/global-setup.mjs. */
export function testServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the suites through jest (its global setup starts PostgreSQL)');
  return url;
}

/** A name nobody else on the server uses: label, worker pid, random suffix (≤ 63 bytes). */
export function uniqueDatabaseName(prefix: string, label: string): string {
  const safe = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 24);
  return `${prefix}${safe}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** An empty database (no migrations) for suites that bring their own schema, e.g. the CMS's. */
export async function createEmptyDatabase(label = 'empty'): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = uniqueDatabaseName('', label);
  const client = new Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = withDatabase(testServerUrl(), name);
  return { name, url, drop: () => dropDatabase(url) };
}
