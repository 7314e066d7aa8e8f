import type { Core } from '@strapi/strapi';

/**
 * The CMS has its own database (`cms`) on the hub's PostgreSQL server; it never reads the hub database.
 * CMS_DATABASE_URL wins; otherwise the `cms` database next to DATABASE_URL; otherwise the launcher's
 * embedded server (EMBEDDED_PG_PORT, user and password `postgres`).
 */
const resolveConnectionString = (env: Core.Config.Shared.ConfigParams['env']): string => {
  const explicit = env('CMS_DATABASE_URL');
  if (explicit) return explicit;
  const hub = env('DATABASE_URL');
  if (hub) {
    const url = new URL(hub);
    url.pathname = '/cms';
    return url.toString();
  }
  return `postgres://postgres:postgres@127.0.0.1:${env.int('EMBEDDED_PG_PORT', 54329)}/cms`;
};

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  connection: {
    client: 'postgres',
    connection: {
      connectionString: resolveConnectionString(env),
      // Off by default (local and embedded servers); CMS_DATABASE_SSL=true for managed PostgreSQL.
      ssl: env.bool('CMS_DATABASE_SSL', false)
        ? { rejectUnauthorized: env.bool('CMS_DATABASE_SSL_REJECT_UNAUTHORIZED', true) }
        : false,
      schema: env('CMS_DATABASE_SCHEMA', 'public'),
    },
    pool: { min: env.int('CMS_DATABASE_POOL_MIN', 0), max: env.int('CMS_DATABASE_POOL_MAX', 10) },
    acquireConnectionTimeout: env.int('CMS_DATABASE_CONNECTION_TIMEOUT', 60000),
  },
});
