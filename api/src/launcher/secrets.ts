import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Secrets the launcher generates once per state directory and passes as environment variables:
 * the hub's read token for Strapi, Strapi's own secrets, the hub's JWT secret, and the secrets both
 * share for webhooks, preview links and the story-flag write token.
 * Passwords of the first accounts are deliberately not here: they are shown once and never stored.
 */
export const SECRET_NAMES = [
  'CMS_TOKEN',
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
  'HUB_JWT_SECRET',
  'CMS_WEBHOOK_SECRET',
  'CMS_PREVIEW_SECRET',
  'CMS_FLAG_TOKEN',
  'DIAGNOSTICS_PSEUDONYM_KEY',
] as const;

export type SecretName = (typeof SECRET_NAMES)[number];
export type HubSecrets = Record<SecretName, string>;

const base64 = (bytes: number) => randomBytes(bytes).toString('base64');

const generators: Record<SecretName, () => string> = {
  // Same shape as Strapi's own generated API tokens (128 random bytes, hex).
  CMS_TOKEN: () => randomBytes(128).toString('hex'),
  // Strapi reads APP_KEYS as a comma-separated list (key rotation for signed cookies).
  APP_KEYS: () => [base64(16), base64(16), base64(16), base64(16)].join(','),
  API_TOKEN_SALT: () => base64(16),
  ADMIN_JWT_SECRET: () => base64(32),
  TRANSFER_TOKEN_SALT: () => base64(16),
  JWT_SECRET: () => base64(32),
  ENCRYPTION_KEY: () => base64(32),
  HUB_JWT_SECRET: () => base64(48),
  // Shared by the hub and Strapi: webhook HMAC, preview-link HMAC, and the story-flag write token (Strapi's token shape).
  CMS_WEBHOOK_SECRET: () => randomBytes(32).toString('hex'),
  CMS_PREVIEW_SECRET: () => randomBytes(32).toString('hex'),
  CMS_FLAG_TOKEN: () => randomBytes(128).toString('hex'),
  // Pseudonymises survey respondents (HMAC-SHA256); only in this file and the hub's environment, never in the database.
  DIAGNOSTICS_PSEUDONYM_KEY: () => randomBytes(32).toString('hex'),
};

/** A complete fresh set, e.g. for a throwaway Strapi in a test. */
export function generateSecrets(): HubSecrets {
  return Object.fromEntries(SECRET_NAMES.map((name) => [name, generators[name]()])) as HubSecrets;
}

export const SECRETS_FILE = 'secrets.json';

export interface LoadedSecrets {
  secrets: HubSecrets;
  /** Names generated in this call (all of them on a first start, none afterwards). */
  generated: SecretName[];
  file: string;
}

/**
 * Reads `<stateDir>/secrets.json`, generating whatever is missing and writing the file back
 * (mode 0600, atomically). A file that is not valid JSON is an error, not a reason to regenerate:
 * new Strapi secrets would silently invalidate every encrypted value and session in the CMS.
 */
export function loadOrCreateSecrets(stateDir: string): LoadedSecrets {
  const file = join(stateDir, SECRETS_FILE);
  let stored: Partial<Record<string, unknown>> = {};
  if (existsSync(file)) {
    try {
      stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new Error(
        `${file} is not valid JSON (${(error as Error).message}). Fix it, or delete it together with the databases in ${stateDir} to start afresh.`,
      );
    }
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  }
  const secrets = {} as HubSecrets;
  const generated: SecretName[] = [];
  for (const name of SECRET_NAMES) {
    const value = stored[name];
    if (typeof value === 'string' && value.length > 0) {
      secrets[name] = value;
    } else {
      secrets[name] = generators[name]();
      generated.push(name);
    }
  }
  if (generated.length > 0) {
    mkdirSync(stateDir, { recursive: true, mode: 0o700 });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify({ ...stored, ...secrets }, null, 2)}\n`, { mode: 0o600, flag: 'w' });
    renameSync(temporary, file);
  }
  return { secrets, generated, file };
}

/**
 * The environment a process gets: a secret set explicitly in the environment wins over the stored
 * one (deployments inject their own), so the file only fills the gaps.
 */
export function secretsEnv(secrets: HubSecrets, env: NodeJS.ProcessEnv = process.env): HubSecrets {
  const merged = { ...secrets };
  for (const name of SECRET_NAMES) {
    const fromEnv = env[name];
    if (fromEnv) merged[name] = fromEnv;
  }
  return merged;
}

/**
 * A password for a first account: 20 characters from an alphabet without look-alikes, always with
 * a lower-case letter, an upper-case letter and a digit (Strapi's admin password rule).
 */
export function generatePassword(length = 20): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  for (;;) {
    let password = '';
    // Rejection sampling keeps every character equally likely.
    for (const byte of randomBytes(length * 2)) {
      if (byte < 256 - (256 % alphabet.length)) password += alphabet[byte % alphabet.length];
      if (password.length === length) break;
    }
    if (password.length === length && /[a-z]/.test(password) && /[A-Z]/.test(password) && /\d/.test(password)) {
      return password;
    }
  }
}
