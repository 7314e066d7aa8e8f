import 'reflect-metadata';
import jwt from 'jsonwebtoken';
import { HubError, HubErrorCode } from '../../shared/errors';
import { Locale } from '../../shared/i18n';
import { StaffRole } from '../staff-role';
import { issueStaffToken, principalFromAuthorizationHeader, TOKEN_ISSUER, verifyStaffToken, type StaffPrincipal } from './staff-token';

const SECRET = 'test-secret-of-reasonable-length-0123456789';
const settings = { secret: SECRET, ttlSeconds: 900 };
const anna: StaffPrincipal = { id: '0b0e7c0e-2a4b-4f5e-9d1a-6c1f3a2b4c5d', email: 'anna@example.org', roles: [StaffRole.FUND_OFFICER, StaffRole.ADVISOR] };
const T0 = new Date('2026-11-27T10:00:00Z');

function thrown(fn: () => unknown): HubError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(HubError);
    return error as HubError;
  }
  throw new Error('expected a HubError');
}

describe('staff tokens', () => {
  it('issues an HS256 token with subject, roles, issuer and a 15-minute lifetime', () => {
    const { token, expiresAt } = issueStaffToken(anna, settings, T0);
    const decoded = jwt.decode(token, { complete: true })!;
    expect(decoded.header.alg).toBe('HS256');
    expect(decoded.payload).toMatchObject({ sub: anna.id, roles: anna.roles, iss: TOKEN_ISSUER, iat: T0.getTime() / 1000, exp: T0.getTime() / 1000 + 900 });
    expect(expiresAt.toISOString()).toBe('2026-11-27T10:15:00.000Z');
  });

  it('reads the principal back from a Bearer header', () => {
    const { token } = issueStaffToken(anna, settings, T0);
    expect(principalFromAuthorizationHeader(`Bearer ${token}`, SECRET, { now: new Date('2026-11-27T10:14:59Z') })).toEqual(anna);
    expect(principalFromAuthorizationHeader(`bearer   ${token} `, SECRET, { now: T0 })).toEqual(anna);
  });

  it('treats a missing or empty header as the anonymous public', () => {
    expect(principalFromAuthorizationHeader(undefined, SECRET)).toBeNull();
    expect(principalFromAuthorizationHeader('', SECRET)).toBeNull();
  });

  it('refuses an expired token with UNAUTHENTICATED and reason TOKEN_EXPIRED', () => {
    const { token } = issueStaffToken(anna, settings, T0);
    const error = thrown(() => principalFromAuthorizationHeader(`Bearer ${token}`, SECRET, { now: new Date('2026-11-27T10:15:01Z') }));
    expect(error.extensions).toMatchObject({ code: HubErrorCode.UNAUTHENTICATED, reason: 'TOKEN_EXPIRED' });
    expect(error.message).toContain('The token has expired');
  });

  it('refuses a token signed with another secret', () => {
    const { token } = issueStaffToken(anna, { ...settings, secret: 'another-secret-entirely-0123456789' }, T0);
    const error = thrown(() => principalFromAuthorizationHeader(`Bearer ${token}`, SECRET, { now: T0 }));
    expect(error.extensions).toMatchObject({ code: HubErrorCode.UNAUTHENTICATED, reason: 'TOKEN_INVALID' });
  });

  it('refuses a token whose claims were edited after signing (e.g. a role added)', () => {
    const { token } = issueStaffToken(anna, settings, T0);
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...jwt.decode(token) as object, roles: [StaffRole.ADMIN] })).toString('base64url');
    expect(thrown(() => verifyStaffToken(`${header}.${forged}.${signature}`, SECRET, { now: T0 })).extensions.code).toBe(HubErrorCode.UNAUTHENTICATED);
  });

  it('refuses an unsigned token (alg "none") and one from another issuer', () => {
    const none = jwt.sign({ sub: anna.id, email: anna.email, roles: [StaffRole.ADMIN], iss: TOKEN_ISSUER }, '', { algorithm: 'none' });
    expect(thrown(() => verifyStaffToken(none, SECRET)).extensions.reason).toBe('TOKEN_INVALID');
    const foreign = jwt.sign({ email: anna.email, roles: anna.roles }, SECRET, { algorithm: 'HS256', issuer: 'someone-else', subject: anna.id, expiresIn: 60 });
    expect(thrown(() => verifyStaffToken(foreign, SECRET)).extensions.reason).toBe('TOKEN_INVALID');
  });

  it('refuses a token without an expiry or with malformed claims', () => {
    const forever = jwt.sign({ email: anna.email, roles: anna.roles }, SECRET, { algorithm: 'HS256', issuer: TOKEN_ISSUER, subject: anna.id });
    expect(thrown(() => verifyStaffToken(forever, SECRET)).extensions.reason).toBe('TOKEN_INVALID');
    const noRoles = jwt.sign({ email: anna.email, roles: 'ADMIN' }, SECRET, { algorithm: 'HS256', issuer: TOKEN_ISSUER, subject: anna.id, expiresIn: 60 });
    expect(thrown(() => verifyStaffToken(noRoles, SECRET)).extensions.reason).toBe('TOKEN_INVALID');
  });

  it('drops roles the hub no longer knows instead of granting anything for them', () => {
    const token = jwt.sign({ email: anna.email, roles: ['TRAINER', 'SUPERUSER'] }, SECRET, { algorithm: 'HS256', issuer: TOKEN_ISSUER, subject: anna.id, expiresIn: 60 });
    expect(verifyStaffToken(token, SECRET).roles).toEqual([StaffRole.TRAINER]);
  });

  it.each([['Basic YWxhZGRpbjpvcGVuc2VzYW1l'], ['Bearer'], ['Bearer '], ['Bearer not a token'], ['Token abc.def.ghi']])(
    'refuses the header %j with a clear UNAUTHENTICATED error',
    (header) => {
      const error = thrown(() => principalFromAuthorizationHeader(header, SECRET));
      expect(error.extensions.code).toBe(HubErrorCode.UNAUTHENTICATED);
    },
  );

  it('refuses garbage after Bearer as an invalid token', () => {
    const error = thrown(() => principalFromAuthorizationHeader('Bearer abc.def.ghi', SECRET));
    expect(error.extensions).toMatchObject({ code: HubErrorCode.UNAUTHENTICATED, reason: 'TOKEN_INVALID' });
  });

  it('words its errors in both languages unless told the locale', () => {
    expect(thrown(() => principalFromAuthorizationHeader('Basic x', SECRET)).message).toBe(
      'Nagłówek Authorization musi mieć postać "Bearer <token>". / The Authorization header must read "Bearer <token>".',
    );
    expect(thrown(() => principalFromAuthorizationHeader('Basic x', SECRET, { locale: Locale.en })).message).toBe('The Authorization header must read "Bearer <token>".');
  });

  it('will not sign or verify with an empty secret', () => {
    expect(() => issueStaffToken(anna, { secret: '', ttlSeconds: 900 })).toThrow(/secret/);
    expect(() => principalFromAuthorizationHeader('Bearer a.b.c', '')).toThrow(/secret/);
  });
});
