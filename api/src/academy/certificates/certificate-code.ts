import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud or retyped survives. */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_CHARS = 11;
export const CODE_LENGTH = RANDOM_CHARS + 1;

/**
 * Luhn mod 32 over the code's characters: one check character that catches every single-character
 * error and every swap of two adjacent characters except 0↔Z (Luhn mod N's one blind pair, like
 * 09↔90 in the decimal Luhn). Crockford's own mod-37 check symbols would catch that too but include
 * `*~$=`, awkward in URLs, so the check character stays inside the 32-letter alphabet.
 */
export function checkCharacter(body: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    const value = CROCKFORD.indexOf(body[i]);
    if (value < 0) throw new Error(`"${body[i]}" is not a Crockford base32 character`);
    let addend = factor * value;
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / 32) + (addend % 32);
    sum += addend;
  }
  return CROCKFORD[(32 - (sum % 32)) % 32];
}

/** A fresh code: 11 random characters (55 bits) and the check character. */
export function generateCertificateCode(random: (n: number) => Buffer = randomBytes): string {
  const bytes = random(RANDOM_CHARS);
  let body = '';
  for (let i = 0; i < RANDOM_CHARS; i++) body += CROCKFORD[bytes[i] & 31]; // 256 is a multiple of 32: no bias
  return body + checkCharacter(body);
}

/**
 * Reads what a person typed: case, spaces and hyphens do not matter, and the letters Crockford
 * maps (I, L → 1; O → 0) are mapped. Returns the canonical code, or null when it cannot be one
 * (wrong length, foreign character, wrong check character).
 */
export function normaliseCertificateCode(input: string): string | null {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (cleaned.length !== CODE_LENGTH || [...cleaned].some((c) => !CROCKFORD.includes(c))) return null;
  return checkCharacter(cleaned.slice(0, -1)) === cleaned.slice(-1) ? cleaned : null;
}

/** For print: XXXX-XXXX-XXXX. */
export const formatCertificateCode = (code: string): string => code.match(/.{1,4}/g)!.join('-');
