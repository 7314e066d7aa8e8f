/**
 * Strapi secrets the launcher generates once into .data/secrets.json and passes as env.
 * Checked in register() rather than in config/, because `strapi build` loads config/ too and must
 * work without secrets.
 */
export const REQUIRED_SECRETS = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
] as const;

export const findMissingSecrets = (env: NodeJS.ProcessEnv): string[] =>
  REQUIRED_SECRETS.filter((name) => !env[name] || env[name]!.trim() === '');

export const assertRequiredEnv = (env: NodeJS.ProcessEnv = process.env): void => {
  const missing = findMissingSecrets(env);
  if (missing.length > 0) {
    throw new Error(
      `CMS cannot start: missing environment variable${missing.length > 1 ? 's' : ''} ${missing.join(', ')}. ` +
        'The launcher (npm start at the repository root) generates them into .data/secrets.json; ' +
        'when starting Strapi by hand, set each to a random value, e.g. `openssl rand -base64 16` ' +
        '(APP_KEYS takes a comma-separated list).',
    );
  }
};

/** `false`, `0`, `no` and `off` switch a flag off; anything else (or unset) keeps the default. */
export const envFlag = (value: string | undefined, fallback: boolean): boolean => {
  if (value === undefined || value.trim() === '') return fallback;
  return !['false', '0', 'no', 'off'].includes(value.trim().toLowerCase());
};
