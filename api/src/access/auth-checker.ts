import type { AuthCheckerFn } from 'type-graphql';
import { HubError, HubErrorCode } from '../shared/errors';
import { DEFAULT_LOCALE, type Locale } from '../shared/i18n';
import { accessMessage } from './access-messages';
import { StaffRole } from './staff-role';
import type { StaffPrincipal } from './tokens';

/** What the auth checker needs from a request context (HubContext has both). */
export interface AccessContext {
  user: StaffPrincipal | null;
  locale?: Locale;
}

export type AccessDecision = 'ALLOWED' | 'UNAUTHENTICATED' | 'FORBIDDEN';

/**
 * The authorisation rule, as a pure function: no roles required = any signed-in staff member;
 * roles required = any one of them; ADMIN passes everything.
 */
export function decideAccess(user: StaffPrincipal | null | undefined, required: readonly StaffRole[]): AccessDecision {
  if (!user) return 'UNAUTHENTICATED';
  if (required.length === 0 || user.roles.includes(StaffRole.ADMIN)) return 'ALLOWED';
  return required.some((role) => user.roles.includes(role)) ? 'ALLOWED' : 'FORBIDDEN';
}

/** For services and field resolvers that decide by role themselves (e.g. whether to pseudonymise). */
export const canAccess = (user: StaffPrincipal | null | undefined, required: readonly StaffRole[]): boolean => decideAccess(user, required) === 'ALLOWED';

/**
 * type-graphql's checker for `@Authorized()`. It throws instead of returning false so that clients
 * get UNAUTHENTICATED or FORBIDDEN with a message in their language, not type-graphql's generic text.
 * It must stay an arrow function: type-graphql treats anything with a prototype as a class to instantiate.
 */
export const authChecker: AuthCheckerFn<AccessContext, StaffRole> = ({ context }, roles) => {
  const locale = context.locale ?? DEFAULT_LOCALE;
  switch (decideAccess(context.user, roles)) {
    case 'ALLOWED':
      return true;
    case 'UNAUTHENTICATED':
      throw new HubError(HubErrorCode.UNAUTHENTICATED, accessMessage('notSignedIn', locale));
    case 'FORBIDDEN':
      throw new HubError(HubErrorCode.FORBIDDEN, accessMessage('missingRole', locale), { reason: `REQUIRES_${roles.join('_OR_')}` });
  }
};
