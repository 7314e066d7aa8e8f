import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt cost parameters. N is the CPU/memory cost (a power of two), r the block size, p the
 * parallelism; memory per hash is about 128 · N · r bytes (32 MiB for the defaults).
 */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** Today's parameters (the interactive-login recommendation of the scrypt paper and OWASP). */
export const CURRENT_SCRYPT_PARAMS: Readonly<ScryptParams> = Object.freeze({ N: 2 ** 15, r: 8, p: 1 });

const SALT_BYTES = 16;
const KEY_BYTES = 32;
const SCHEME = 'scrypt';

// Bounds for parameters read back from a stored hash: a corrupted or tampered row must not make
// the server allocate gigabytes, and must not pass with trivially weak settings either.
const LIMITS = { minLogN: 10, maxMemory: 256 * 1024 * 1024, maxP: 16, minSalt: 16, minKey: 16, maxKey: 64 };

/** Memory OpenSSL needs for these parameters (V plus B arrays), with headroom. */
function maxmemFor({ N, r, p }: ScryptParams): number {
  return 128 * r * (N + p + 2) + 1024 * 1024;
}

function derive(password: string, salt: Buffer, keyLength: number, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: maxmemFor(params) };
  // NIST SP 800-63B asks for Unicode normalisation, so "ł" typed on any keyboard hashes the same.
  const secret = Buffer.from(password.normalize('NFKC'), 'utf8');
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

interface ParsedHash extends ScryptParams {
  salt: Buffer;
  key: Buffer;
}

const isPowerOfTwo = (n: number) => Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;
const B64URL = /^[A-Za-z0-9_-]+$/;

/** Reads `scrypt$N$r$p$salt$hash`; null for anything malformed or out of bounds. */
function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== SCHEME) return null;
  const [, nText, rText, pText, saltText, keyText] = parts;
  if (![nText, rText, pText].every((t) => /^[1-9][0-9]{0,8}$/.test(t))) return null;
  const N = Number(nText);
  const r = Number(rText);
  const p = Number(pText);
  if (!isPowerOfTwo(N) || N < 2 ** LIMITS.minLogN || p > LIMITS.maxP || 128 * N * r > LIMITS.maxMemory) return null;
  if (!B64URL.test(saltText) || !B64URL.test(keyText)) return null;
  const salt = Buffer.from(saltText, 'base64url');
  const key = Buffer.from(keyText, 'base64url');
  if (salt.length < LIMITS.minSalt || key.length < LIMITS.minKey || key.length > LIMITS.maxKey) return null;
  // Reject non-canonical base64 (e.g. trailing bits changed), so one hash has one spelling.
  if (salt.toString('base64url') !== saltText || key.toString('base64url') !== keyText) return null;
  return { N, r, p, salt, key };
}

/**
 * Hashes a password with scrypt and a fresh random salt. The result records its own parameters,
 * so they can be raised later without invalidating existing hashes (see `needsRehash`).
 * No password policy here: callers check it (`checkPasswordPolicy`) before creating accounts.
 */
export async function hashPassword(password: string, params: ScryptParams = CURRENT_SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_BYTES, params);
  return [SCHEME, params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/**
 * Whether `password` matches a stored hash, compared in constant time. A malformed or tampered
 * hash string never matches (it does not throw), so a corrupted row only locks that one account.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const candidate = await derive(password, parsed.salt, parsed.key.length, parsed);
  return timingSafeEqual(candidate, parsed.key);
}

/** True when a stored hash was made with weaker parameters than `params` (or cannot be read). */
export function needsRehash(stored: string, params: ScryptParams = CURRENT_SCRYPT_PARAMS): boolean {
  const parsed = parseHash(stored);
  if (!parsed) return true;
  return parsed.N < params.N || parsed.r < params.r || parsed.p < params.p || parsed.key.length < KEY_BYTES || parsed.salt.length < SALT_BYTES;
}
