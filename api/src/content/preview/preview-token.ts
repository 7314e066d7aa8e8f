import { createHmac, timingSafeEqual } from 'node:crypto';

/** A preview link works at most this long, however far its `exp` says. */
export const PREVIEW_MAX_LIFETIME_SECONDS = 15 * 60;

export interface PreviewClaim {
  model: string;
  documentId: string;
  locale: string;
  /** Unix seconds. */
  expiresAt: number;
}

const payload = (c: PreviewClaim) => `preview\n${c.model}\n${c.documentId}\n${c.locale}\n${c.expiresAt}`;

/**
 * `<exp>.<hex HMAC-SHA256(CMS_PREVIEW_SECRET, "preview\n<model>\n<documentId>\n<locale>\n<exp>")>`:
 * bound to one draft in one language, short-lived, checkable without a database.
 */
export function signPreview(secret: string, claim: PreviewClaim): string {
  return `${claim.expiresAt}.${createHmac('sha256', secret).update(payload(claim)).digest('hex')}`;
}

export type PreviewVerdict = 'VALID' | 'MALFORMED' | 'EXPIRED' | 'TOO_LONG' | 'MISMATCH';

export function verifyPreview(secret: string, token: string | undefined, claim: Omit<PreviewClaim, 'expiresAt'>, nowSeconds: number): PreviewVerdict {
  const m = /^(\d{1,12})\.([0-9a-f]{64})$/.exec(token ?? '');
  if (!m) return 'MALFORMED';
  const expiresAt = Number(m[1]);
  if (expiresAt < nowSeconds) return 'EXPIRED';
  if (expiresAt - nowSeconds > PREVIEW_MAX_LIFETIME_SECONDS) return 'TOO_LONG';
  const expected = createHmac('sha256', secret).update(payload({ ...claim, expiresAt })).digest();
  return timingSafeEqual(expected, Buffer.from(m[2], 'hex')) ? 'VALID' : 'MISMATCH';
}
