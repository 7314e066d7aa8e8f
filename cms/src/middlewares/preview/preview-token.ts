import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The CMS side of the hub's draft-preview links (the hub's copy is `api/src/content/preview/preview-token.ts`;
 * both must stay byte-for-byte compatible).
 *
 * Token: `<exp>.<hex HMAC-SHA256(CMS_PREVIEW_SECRET, "preview\n<model>\n<documentId>\n<locale>\n<exp>")>`,
 * `exp` in unix seconds, at most 15 minutes ahead. `model` is the content type's singular name
 * (`material`, `success-story`, …). Lives in a sub-folder so Strapi does not load it as a middleware.
 */
export const PREVIEW_MAX_LIFETIME_SECONDS = 15 * 60;

/** How long a link made by the admin panel's preview button works. */
export const PREVIEW_LINK_LIFETIME_SECONDS = 10 * 60;

export interface PreviewClaim {
  model: string;
  documentId: string;
  locale: string;
}

export type PreviewVerdict = 'VALID' | 'MALFORMED' | 'EXPIRED' | 'TOO_LONG' | 'MISMATCH' | 'NO_SECRET';

const payload = (c: PreviewClaim, expiresAt: number) => `preview\n${c.model}\n${c.documentId}\n${c.locale}\n${expiresAt}`;

export const signPreview = (secret: string, claim: PreviewClaim, expiresAt: number): string =>
  `${expiresAt}.${createHmac('sha256', secret).update(payload(claim, expiresAt)).digest('hex')}`;

export const verifyPreview = (
  secret: string | undefined,
  token: string | undefined,
  claim: PreviewClaim,
  nowSeconds: number,
): PreviewVerdict => {
  if (!secret) return 'NO_SECRET';
  const m = /^(\d{1,12})\.([0-9a-f]{64})$/.exec(token ?? '');
  if (!m) return 'MALFORMED';
  const expiresAt = Number(m[1]);
  if (expiresAt < nowSeconds) return 'EXPIRED';
  if (expiresAt - nowSeconds > PREVIEW_MAX_LIFETIME_SECONDS) return 'TOO_LONG';
  const expected = createHmac('sha256', secret).update(payload(claim, expiresAt)).digest();
  return timingSafeEqual(expected, Buffer.from(m[2], 'hex')) ? 'VALID' : 'MISMATCH';
};

/** The hub's preview page for one draft, with a fresh token; undefined when previews are off. */
export const hubPreviewUrl = (
  hubUrl: string,
  secret: string | undefined,
  claim: PreviewClaim,
  nowSeconds: number,
): string | undefined => {
  if (!secret) return undefined;
  const token = signPreview(secret, claim, nowSeconds + PREVIEW_LINK_LIFETIME_SECONDS);
  const query = new URLSearchParams({ locale: claim.locale, token });
  return `${hubUrl.replace(/\/$/, '')}/preview/${encodeURIComponent(claim.model)}/${encodeURIComponent(claim.documentId)}?${query}`;
};
