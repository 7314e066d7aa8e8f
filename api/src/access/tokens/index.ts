export {
  issueStaffToken,
  verifyStaffToken,
  principalFromAuthorizationHeader,
  TOKEN_ISSUER,
  type StaffPrincipal,
  type TokenSettings,
  type IssuedToken,
} from './staff-token';
