import { Client } from 'pg';

/** The oldest PostgreSQL major version the hub and Strapi are run and tested against. */
export const MINIMUM_POSTGRES_MAJOR = 15;

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export function databaseOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

/** The URL with its password masked, for messages. */
export function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Runs `work` on the server's maintenance database, the one to connect to when the target database
 * may not exist yet (`postgres`, or `template1` where `postgres` was dropped).
 */
async function withServer<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  try {
    return await withClient(withDatabase(url, 'postgres'), work);
  } catch (error) {
    if ((error as { code?: string }).code !== '3D000') throw error;
    return withClient(withDatabase(url, 'template1'), work);
  }
}

export interface ServerVersion {
  version: string;
  major: number;
}

export async function serverVersion(url: string): Promise<ServerVersion> {
  return withServer(url, async (client) => {
    const { rows } = await client.query<{ server_version: string; server_version_num: string }>(
      `SELECT current_setting('server_version') AS server_version, current_setting('server_version_num') AS server_version_num`,
    );
    const row = rows[0]!;
    return { version: row.server_version, major: Math.floor(Number(row.server_version_num) / 10_000) };
  });
}

/** Refuses a server older than the supported minimum, with a message that says what to do. */
export async function assertSupportedServer(url: string): Promise<ServerVersion> {
  let version: ServerVersion;
  try {
    version = await serverVersion(url);
  } catch (error) {
    throw new Error(`Cannot reach PostgreSQL at ${redact(url)}: ${(error as Error).message}`);
  }
  if (version.major < MINIMUM_POSTGRES_MAJOR) {
    throw new Error(
      `PostgreSQL at ${redact(url)} is version ${version.version}; the hub needs ${MINIMUM_POSTGRES_MAJOR} or newer. ` +
        'Upgrade it, or unset DATABASE_URL to use the embedded PostgreSQL.',
    );
  }
  return version;
}

/**
 * Creates the database named in `url` when it does not exist. Returns whether it was created.
 * A role without CREATEDB gets an error saying which database to create by hand.
 */
export async function ensureDatabase(url: string): Promise<boolean> {
  const name = databaseOf(url);
  return withServer(url, async (client) => {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      return true;
    } catch (error) {
      const code = (error as { code?: string }).code;
      // 42P04: created meanwhile by someone else (a second start racing this one).
      if (code === '42P04') return false;
      if (code === '42501') {
        throw new Error(
          `Database "${name}" does not exist and the role in ${redact(url)} may not create databases. ` +
            `Create it (CREATE DATABASE ${client.escapeIdentifier(name)}) or grant the role CREATEDB.`,
        );
      }
      throw error;
    }
  });
}

/** Drops the database named in `url`, disconnecting its sessions first (PostgreSQL ≥ 13). */
export async function dropDatabase(url: string): Promise<void> {
  const name = databaseOf(url);
  await withServer(url, (client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`));
}

export interface DatabaseUrls {
  hub: string;
  cms: string;
}

/**
 * External mode: the hub uses DATABASE_URL; the CMS uses CMS_DATABASE_URL or, by default, database
 * `cms` on the same server with the same credentials.
 */
export function externalDatabaseUrls(env: NodeJS.ProcessEnv): DatabaseUrls {
  const hub = env.DATABASE_URL;
  if (!hub) throw new Error('DATABASE_URL is not set');
  const cms = env.CMS_DATABASE_URL || withDatabase(hub, 'cms');
  if (new URL(hub).host === new URL(cms).host && databaseOf(hub) === databaseOf(cms)) {
    throw new Error(`The hub and the CMS need separate databases, but both would use ${redact(hub)}. Set CMS_DATABASE_URL.`);
  }
  return { hub, cms };
}
