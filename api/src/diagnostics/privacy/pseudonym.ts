import { createHash, createHmac, randomBytes } from 'node:crypto';

/*
 * Respondents are stored only as HMAC-SHA256(key, normalised identifier). The key comes from the
 * environment (DIAGNOSTICS_PSEUDONYM_KEY; the launcher generates it into its secrets file) and is
 * never written to the database, so the database role analysts query through cannot reverse a
 * pseudonym by hashing guessed e-mail addresses: without the key a guess cannot be checked.
 */
let configuredKey: string | undefined;

export function configurePseudonymKey(key: string | undefined): void {
  configuredKey = key && key.length >= 16 ? key : undefined;
}
export const pseudonymKeyConfigured = () => configuredKey !== undefined;

/** Trims and lower-cases e-mail-like identifiers so "Anna@X.pl " and "anna@x.pl" are one respondent. */
export const normaliseIdentifier = (identifier: string) => identifier.trim().normalize('NFC').toLowerCase();

export function pseudonymOf(identifier: string, key: string | undefined = configuredKey): string {
  if (!key) throw new Error('DIAGNOSTICS_PSEUDONYM_KEY is not configured');
  return createHmac('sha256', key).update(normaliseIdentifier(identifier), 'utf8').digest('hex');
}

/** A fresh single-use invitation token (192 random bits, URL-safe) and the SHA-256 stored for it. */
export function newInvitationToken(): { token: string; sha256: string } {
  const token = randomBytes(24).toString('base64url');
  return { token, sha256: tokenSha256(token) };
}
export const tokenSha256 = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
