import { Client } from 'pg';
import {
  assertSupportedServer,
  databaseOf,
  dropDatabase,
  ensureDatabase,
  externalDatabaseUrls,
  redact,
  withDatabase,
} from '../../api/src/launcher/databases';
import { testServerUrl } from '../support/test-server';

/** External mode (DATABASE_URL) against the test server: the embedded one, or CI's PostgreSQL 15. */
describe('databases on an existing PostgreSQL server', () => {
  const name = `hub_launcher_cms_${process.pid}`;
  afterAll(() => dropDatabase(withDatabase(testServerUrl(), name)));

  it('accepts the server (PostgreSQL 15 or newer) and reports its version', async () => {
    const version = await assertSupportedServer(testServerUrl());
    expect(version.major).toBeGreaterThanOrEqual(15);
  });

  it('says clearly when the server cannot be reached, without showing the password', async () => {
    await expect(assertSupportedServer('postgres://someone:s3cret@127.0.0.1:9/hub')).rejects.toThrow(
      /Cannot reach PostgreSQL at postgres:\/\/someone:\*\*\*@127\.0\.0\.1:9\/hub/,
    );
  });

  it('creates a missing database once, and leaves it alone on the next start', async () => {
    const url = withDatabase(testServerUrl(), name);
    expect(await ensureDatabase(url)).toBe(true);
    expect(await ensureDatabase(url)).toBe(false);
    const client = new Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
    await client.end();
    expect(rows[0]!.db).toBe(name);
  });

  it('puts the CMS in database "cms" next to the hub database unless CMS_DATABASE_URL says otherwise', () => {
    expect(externalDatabaseUrls({ DATABASE_URL: 'postgres://u:p@db.example:5432/hub' })).toEqual({
      hub: 'postgres://u:p@db.example:5432/hub',
      cms: 'postgres://u:p@db.example:5432/cms',
    });
    expect(
      externalDatabaseUrls({ DATABASE_URL: 'postgres://u:p@db:5432/hub', CMS_DATABASE_URL: 'postgres://c:q@other:5432/strapi' }).cms,
    ).toBe('postgres://c:q@other:5432/strapi');
    expect(() => externalDatabaseUrls({ DATABASE_URL: 'postgres://u:p@db:5432/cms' })).toThrow(/separate databases/);
  });

  it('reads and masks URLs for messages', () => {
    expect(databaseOf('postgres://u@h:1/hub?sslmode=require')).toBe('hub');
    expect(redact('postgres://u:secret@h:1/hub')).toBe('postgres://u:***@h:1/hub');
  });
});
