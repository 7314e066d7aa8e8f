import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import request from 'supertest';
import { loadConfig, type HubConfig } from '../../api/src/config';
import { createHubApp, type HubApp } from '../../api/src/app';
import { createOrm } from '../../api/src/orm';

/**
 * The hub's Express app over a real (already migrated) database, with a counter of the SQL
 * statements it sends, for supertest suites. The CMS is whatever `cmsUrl` points at.
 */
export interface HubTestApp {
  hub: HubApp;
  orm: MikroORM;
  config: HubConfig;
  sql: { count: number; statements: string[] };
  gql(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<request.Response>;
  close(): Promise<void>;
}

export async function startHubTestApp(databaseUrl: string, overrides: Partial<NodeJS.ProcessEnv> = {}): Promise<HubTestApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    CMS_URL: 'http://127.0.0.1:9', // nothing listens on the discard port: the CMS is down unless overridden
    CMS_TIMEOUT_MS: '500',
    HUB_JWT_SECRET: 'test-secret-for-http-suites',
    LOG_LEVEL: 'silent',
    ...overrides,
  });
  const sql = { count: 0, statements: [] as string[] };
  const orm = await createOrm(databaseUrl, {
    onQuery: (message) => {
      sql.count += 1;
      sql.statements.push(message);
    },
  });
  const hub = await createHubApp({ config, orm });
  await hub.start();
  return {
    hub,
    orm,
    config,
    sql,
    gql: (query, variables, headers = {}) =>
      request(hub.app)
        .post('/graphql')
        .set('Content-Type', 'application/json')
        .set(headers)
        .send({ query, variables }),
    async close() {
      await hub.stop();
      await orm.close();
    },
  };
}
