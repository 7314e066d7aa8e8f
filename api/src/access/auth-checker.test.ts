import 'reflect-metadata';
import type { ResolverData } from 'type-graphql';
import { HubError, HubErrorCode } from '../shared/errors';
import { Locale } from '../shared/i18n';
import { authChecker, decideAccess, type AccessContext, type AccessDecision } from './auth-checker';
import { STAFF_ROLES, StaffRole } from './staff-role';
import type { StaffPrincipal } from './tokens';

const { ADMIN, ANALYST, FUND_OFFICER, ADVISOR, ACADEMY_COORDINATOR, TRAINER } = StaffRole;
const staff = (...roles: StaffRole[]): StaffPrincipal => ({ id: '7d9f3c52-1b1e-4d59-8f4e-2f1c5b7a9e01', email: 'x@example.org', roles });

// Requirements as they appear in @Authorized(...) across the hub.
const REQUIREMENTS: StaffRole[][] = [[], [ADMIN], [ANALYST], [FUND_OFFICER], [FUND_OFFICER, ADVISOR], [ACADEMY_COORDINATOR, TRAINER], [ANALYST, FUND_OFFICER]];

const expected = (holder: StaffRole | null, required: StaffRole[]): AccessDecision => {
  if (holder === null) return 'UNAUTHENTICATED';
  if (holder === ADMIN || required.length === 0 || required.includes(holder)) return 'ALLOWED';
  return 'FORBIDDEN';
};

// The authorisation matrix, written out so that a change to the rule shows up as a changed row.
const MATRIX: Record<string, AccessDecision[]> = {
  anonymous: ['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
  ADMIN: ['ALLOWED', 'ALLOWED', 'ALLOWED', 'ALLOWED', 'ALLOWED', 'ALLOWED', 'ALLOWED'],
  ANALYST: ['ALLOWED', 'FORBIDDEN', 'ALLOWED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ALLOWED'],
  FUND_OFFICER: ['ALLOWED', 'FORBIDDEN', 'FORBIDDEN', 'ALLOWED', 'ALLOWED', 'FORBIDDEN', 'ALLOWED'],
  ADVISOR: ['ALLOWED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ALLOWED', 'FORBIDDEN', 'FORBIDDEN'],
  COMMITTEE_MEMBER: ['ALLOWED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  ACADEMY_COORDINATOR: ['ALLOWED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ALLOWED', 'FORBIDDEN'],
  TRAINER: ['ALLOWED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ALLOWED', 'FORBIDDEN'],
};

function check(user: StaffPrincipal | null, required: StaffRole[], locale?: Locale): AccessDecision {
  const data = { context: { user, locale }, root: {}, args: {}, info: {} } as unknown as ResolverData<AccessContext>;
  try {
    return (authChecker as (d: ResolverData<AccessContext>, r: StaffRole[]) => boolean)(data, required) ? 'ALLOWED' : ('FALSE' as AccessDecision);
  } catch (error) {
    if (!(error instanceof HubError)) throw error;
    return error.extensions.code as AccessDecision;
  }
}

describe('authorisation matrix', () => {
  const holders: (StaffRole | null)[] = [null, ...STAFF_ROLES];
  const cases = holders.flatMap((holder) => REQUIREMENTS.map((required, column) => ({ holder, required, column })));

  it('covers every role', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(['anonymous', ...STAFF_ROLES].sort());
  });

  it.each(cases)('$holder needing [$required]', ({ holder, required, column }) => {
    const user = holder === null ? null : staff(holder);
    const want = MATRIX[holder ?? 'anonymous'][column];
    expect(want).toBe(expected(holder, required));
    expect(decideAccess(user, required)).toBe(want);
    // The checker itself throws the matching top-level error code rather than returning false.
    expect(check(user, required)).toBe(want === 'ALLOWED' ? 'ALLOWED' : HubErrorCode[want]);
  });

  it('lets a person with several roles through when any one of them is required', () => {
    expect(decideAccess(staff(TRAINER, ANALYST), [ANALYST])).toBe('ALLOWED');
    expect(decideAccess(staff(TRAINER, ANALYST), [FUND_OFFICER])).toBe('FORBIDDEN');
  });

  it('treats a signed-in person with no roles as staff but nothing more', () => {
    expect(decideAccess(staff(), [])).toBe('ALLOWED');
    expect(decideAccess(staff(), [TRAINER])).toBe('FORBIDDEN');
  });

  it('explains a refusal in the request language', () => {
    const message = (user: StaffPrincipal | null, locale: Locale) => {
      try {
        (authChecker as (d: unknown, r: StaffRole[]) => boolean)({ context: { user, locale } }, [FUND_OFFICER]);
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    };
    expect(message(null, Locale.pl)).toMatch(/Zaloguj się/);
    expect(message(null, Locale.en)).toMatch(/Sign in as staff/);
    expect(message(staff(TRAINER), Locale.en)).toMatch(/Your roles do not allow this/);
  });

  it('is an arrow function, because type-graphql would try to construct anything with a prototype', () => {
    expect((authChecker as { prototype?: unknown }).prototype).toBeUndefined();
  });
});
