import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a delivery's timestamp may be from the hub's clock, either way (contract: 300 s). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type SignatureVerdict = 'VALID' | 'MISSING' | 'MALFORMED' | 'STALE' | 'MISMATCH';

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`, as Strapi's sender writes it. */
export function signDelivery(secret: string, rawBody: Buffer | string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.`).update(rawBody).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/**
 * Checks an `X-Hub-Signature` header against the raw body bytes. Constant-time comparison; the
 * timestamp is inside the MAC, so an old delivery cannot be replayed with a fresh `t`.
 */
export function verifyDelivery(secret: string, header: string | undefined, rawBody: Buffer, nowSeconds: number): SignatureVerdict {
  if (!header) return 'MISSING';
  const parts = new Map<string, string[]>();
  for (const item of header.split(',')) {
    const eq = item.indexOf('=');
    if (eq <= 0) return 'MALFORMED';
    const key = item.slice(0, eq).trim();
    parts.set(key, [...(parts.get(key) ?? []), item.slice(eq + 1).trim()]);
  }
  const t = parts.get('t');
  const candidates = parts.get('v1') ?? [];
  if (!t || t.length !== 1 || !/^\d{1,12}$/.test(t[0]) || !candidates.length) return 'MALFORMED';
  const timestamp = Number(t[0]);
  if (Math.abs(nowSeconds - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return 'STALE';
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
  // Several v1 values are allowed so a sender can sign with an old and a new secret while rotating.
  for (const candidate of candidates) {
    if (!/^[0-9a-f]{64}$/i.test(candidate)) continue;
    if (timingSafeEqual(Buffer.from(candidate, 'hex'), expected)) return 'VALID';
  }
  return 'MISMATCH';
}
