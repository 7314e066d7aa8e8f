import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';

/** Everything the hub reads from the environment, parsed once and typed. */
export interface HubConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string;
  cmsUrl: string;
  cmsToken: string | undefined;
  /** Bounded wait for one CMS request; past it the hub serves its cache or a field error. */
  cmsTimeoutMs: number;
  /** How long CMS content stays fresh in the hub's memory cache. */
  cmsCacheTtlMs: number;
  /** HMAC secret of the CMS → hub webhook (`POST /webhooks/cms`); undefined = the receiver answers 503. */
  cmsWebhookSecret: string | undefined;
  /** HMAC secret of editors' preview links (`GET /preview/…`); undefined = previews are off. */
  cmsPreviewSecret: string | undefined;
  /** Strapi API token allowed only to set a success story's hubFlag; undefined = flags are not written to the CMS. */
  cmsFlagToken: string | undefined;
  /** HMAC key that pseudonymises survey respondents; kept out of the database. Undefined = invitations are refused. */
  diagnosticsPseudonymKey: string | undefined;
  /** Directory with official data (TERYT, population, calibration); undefined = built-in fallback. */
  dataDir: string | undefined;
  jwtSecret: string;
  jwtTtlSeconds: number;
  demoSeed: number;
  logLevel: string;
  limits: { maxDepth: number; maxCost: number; bodyLimit: string };
  /** Published indicator rows kept in memory (versions are immutable, so never stale); 0 = off. */
  indicatorCacheRows: number;
  firstAdmin: { email: string; password: string | undefined };
  /** Media API rate limits (requests per minute): anonymous clients per IP, and API keys created without their own limit. */
  mediaApi: { anonymousPerMinute: number; defaultKeyPerMinute: number };
  /** HUB_RATE_LIMIT_REDIS_URL: a Redis server where every hub instance counts requests (shared limits); unset = each process counts in memory. HUB_RATE_LIMIT_REDIS_PREFIX namespaces the keys. */
  rateLimit: { redisUrl: string | undefined; redisPrefix: string };
}

/** Repository root, found from this file's location in `api/src` or `dist/api/src`. */
export const repoRoot = (() => {
  const twoUp = resolve(__dirname, '../..');
  return basename(twoUp) === 'dist' ? resolve(twoUp, '..') : twoUp;
})();

export function defaultDataDir(): string | undefined {
  const candidate = resolve(repoRoot, '../shared/data');
  return existsSync(resolve(candidate, 'teryt')) ? candidate : undefined;
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return parsed;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const mode = env.NODE_ENV === 'production' || env.NODE_ENV === 'test' ? env.NODE_ENV : 'development';
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set: the hub needs its PostgreSQL database (npm start sets it for you)');
  const jwtSecret = env.HUB_JWT_SECRET ?? (mode === 'production' ? undefined : 'dev-only-insecure-jwt-secret');
  if (!jwtSecret) throw new Error('HUB_JWT_SECRET must be set in production');
  return {
    env: mode,
    host: env.HUB_HOST ?? '127.0.0.1',
    port: int(env.HUB_PORT, 4000, 'HUB_PORT'),
    databaseUrl,
    cmsUrl: (env.CMS_URL ?? `http://127.0.0.1:${env.CMS_PORT ?? 1337}`).replace(/\/$/, ''),
    cmsToken: env.CMS_TOKEN || undefined,
    cmsTimeoutMs: int(env.CMS_TIMEOUT_MS, 2000, 'CMS_TIMEOUT_MS'),
    cmsCacheTtlMs: int(env.CMS_CACHE_TTL_MS, 60_000, 'CMS_CACHE_TTL_MS'),
    cmsWebhookSecret: env.CMS_WEBHOOK_SECRET || undefined,
    cmsPreviewSecret: env.CMS_PREVIEW_SECRET || undefined,
    cmsFlagToken: env.CMS_FLAG_TOKEN || undefined,
    diagnosticsPseudonymKey: env.DIAGNOSTICS_PSEUDONYM_KEY || undefined,
    dataDir: env.HUB_DATA_DIR === undefined ? defaultDataDir() : env.HUB_DATA_DIR || undefined,
    jwtSecret,
    jwtTtlSeconds: int(env.HUB_JWT_TTL_SECONDS, 900, 'HUB_JWT_TTL_SECONDS'),
    demoSeed: int(env.DEMO_SEED, 2026, 'DEMO_SEED'),
    logLevel: env.LOG_LEVEL ?? (mode === 'test' ? 'silent' : 'info'),
    limits: {
      maxDepth: int(env.HUB_MAX_QUERY_DEPTH, 10, 'HUB_MAX_QUERY_DEPTH'),
      maxCost: int(env.HUB_MAX_QUERY_COST, 5000, 'HUB_MAX_QUERY_COST'),
      bodyLimit: '100kb',
    },
    indicatorCacheRows: int(env.HUB_INDICATOR_CACHE_ROWS, 100_000, 'HUB_INDICATOR_CACHE_ROWS'),
    firstAdmin: { email: env.HUB_ADMIN_EMAIL ?? 'admin@ekonomiaspoleczna.local', password: env.HUB_ADMIN_PASSWORD || undefined },
    mediaApi: { anonymousPerMinute: int(env.HUB_API_ANONYMOUS_PER_MINUTE, mode === 'test' ? 100_000 : 60, 'HUB_API_ANONYMOUS_PER_MINUTE'), defaultKeyPerMinute: int(env.HUB_API_KEY_PER_MINUTE, 600, 'HUB_API_KEY_PER_MINUTE') },
    rateLimit: { redisUrl: env.HUB_RATE_LIMIT_REDIS_URL || undefined, redisPrefix: env.HUB_RATE_LIMIT_REDIS_PREFIX || 'seh:ratelimit:' },
  };
}
