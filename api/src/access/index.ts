import type { HubContext } from '../context';
import type { HubModule } from '../shared/module';
import { canAccess } from './auth-checker';
import { StaffRole } from './staff-role';
import { StaffUser } from './staff-users/staff-user.entity';
import { StaffUserResolver } from './staff-users/staff-user.resolver';
import { StaffUserService } from './staff-users/staff-user.service';

/** Staff accounts, sign-in with short-lived tokens, and role checks for the whole hub. */
export const accessModule = {
  name: 'access',
  entities: [StaffUser],
  resolvers: [StaffUserResolver],
  nodeFetchers: {
    // A staff account is personal data: administrators may refetch any, others only their own.
    StaffUser: async (localIds, ctx) => {
      const user = ctx.user;
      const allowed = localIds.map((id) => !!user && (id === user.id || canAccess(user, [StaffRole.ADMIN])));
      const found = await new StaffUserService(ctx.em).findByIds(localIds.filter((_, i) => allowed[i]));
      let next = 0;
      return allowed.map((ok) => (ok ? found[next++] : null));
    },
  },
} satisfies HubModule<never, HubContext>;

export { StaffRole, STAFF_ROLES, isStaffRole } from './staff-role';
export { StaffUser } from './staff-users/staff-user.entity';
export { StaffUserService, type StaffLoginCommand, type StaffLoginResult, type StaffUserCreateCommand, type StaffUserServiceOptions } from './staff-users/staff-user.service';
export { StaffErrorCode } from './access-messages';
export { authChecker, decideAccess, canAccess, type AccessContext, type AccessDecision } from './auth-checker';
export { ensureFirstAdmin, generateStaffPassword, type FirstAdminOptions, type FirstAdminResult } from './first-admin';
export { configureAccess } from './access-settings';
export {
  principalFromAuthorizationHeader,
  verifyStaffToken,
  issueStaffToken,
  TOKEN_ISSUER,
  type StaffPrincipal,
  type TokenSettings,
  type IssuedToken,
} from './tokens';
export { hashPassword, verifyPassword, needsRehash, checkPasswordPolicy, CURRENT_SCRYPT_PARAMS, MIN_PASSWORD_LENGTH, type ScryptParams } from './password';
