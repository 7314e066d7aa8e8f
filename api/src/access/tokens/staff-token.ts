import jwt, { JsonWebTokenError, NotBeforeError, TokenExpiredError } from 'jsonwebtoken';
import { HubError, HubErrorCode } from '../../shared/errors';
import type { Locale } from '../../shared/i18n';
import { accessMessages, type AccessMessage } from '../access-messages';
import { isStaffRole, type StaffRole } from '../staff-role';

/** Who is calling: a signed-in staff member, as read from their token (no database read). */
export interface StaffPrincipal {
  id: string;
  email: string;
  roles: StaffRole[];
}

export const TOKEN_ISSUER = 'social-economy-hub';
const ALGORITHM = 'HS256';

export interface TokenSettings {
  secret: string;
  ttlSeconds: number;
}

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

function assertSecret(secret: string): void {
  // A programming or deployment error, not a client one: never sign or verify with an empty key.
  if (!secret) throw new Error('The JWT secret is empty; set HUB_JWT_SECRET');
}

/** Signs a short-lived HS256 token for a staff member. `now` is for tests. */
export function issueStaffToken(principal: StaffPrincipal, settings: TokenSettings, now: Date = new Date()): IssuedToken {
  assertSecret(settings.secret);
  if (!Number.isInteger(settings.ttlSeconds) || settings.ttlSeconds <= 0) throw new Error('The token lifetime must be a positive number of seconds');
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + settings.ttlSeconds;
  const token = jwt.sign({ email: principal.email, roles: principal.roles, iat, exp }, settings.secret, {
    algorithm: ALGORITHM,
    issuer: TOKEN_ISSUER,
    subject: principal.id,
  });
  return { token, expiresAt: new Date(exp * 1000) };
}

function unauthenticated(key: AccessMessage, reason: string, locale?: Locale): HubError {
  const text = accessMessages[key];
  // Without a known locale both languages are given: this error reaches developers first.
  return new HubError(HubErrorCode.UNAUTHENTICATED, locale ? text[locale] : `${text.pl} / ${text.en}`, { reason });
}

/** Verifies a bare token; throws UNAUTHENTICATED (reason TOKEN_EXPIRED or TOKEN_INVALID) if it is not good. */
export function verifyStaffToken(token: string, secret: string, options: { now?: Date; locale?: Locale } = {}): StaffPrincipal {
  assertSecret(secret);
  let claims: string | jwt.JwtPayload;
  try {
    claims = jwt.verify(token, secret, {
      algorithms: [ALGORITHM],
      issuer: TOKEN_ISSUER,
      ...(options.now ? { clockTimestamp: Math.floor(options.now.getTime() / 1000) } : {}),
    });
  } catch (error) {
    if (error instanceof TokenExpiredError) throw unauthenticated('expiredToken', 'TOKEN_EXPIRED', options.locale);
    if (error instanceof JsonWebTokenError || error instanceof NotBeforeError) throw unauthenticated('invalidToken', 'TOKEN_INVALID', options.locale);
    throw error;
  }
  if (typeof claims !== 'object' || typeof claims.sub !== 'string' || !claims.sub || typeof claims.email !== 'string' || !Array.isArray(claims.roles) || typeof claims.exp !== 'number') {
    throw unauthenticated('invalidToken', 'TOKEN_INVALID', options.locale);
  }
  // A role that no longer exists grants nothing; the token is otherwise still good until it expires.
  const roles = claims.roles.filter(isStaffRole);
  return { id: claims.sub, email: claims.email, roles };
}

/**
 * Reads the caller from an HTTP Authorization header. No header: the anonymous public (null).
 * A header that is there but not a good `Bearer` token is a client error (UNAUTHENTICATED), never a 500:
 * a client that sends credentials expects them to count, so they are not silently ignored.
 */
export function principalFromAuthorizationHeader(
  header: string | undefined,
  secret: string,
  options: { now?: Date; locale?: Locale } = {},
): StaffPrincipal | null {
  if (header === undefined || header.trim() === '') return null;
  const match = /^\s*Bearer\s+([A-Za-z0-9_\-.]+)\s*$/i.exec(header);
  if (!match) throw unauthenticated('malformedHeader', 'MALFORMED_AUTHORIZATION_HEADER', options.locale);
  return verifyStaffToken(match[1], secret, options);
}
