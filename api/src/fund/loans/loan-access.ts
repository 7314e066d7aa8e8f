import { canAccess, StaffRole, type StaffPrincipal } from '../../access';

/** Roles that may read individual loans (ADMIN may do everything). */
export const LOAN_READERS = [StaffRole.FUND_OFFICER, StaffRole.COMMITTEE_MEMBER, StaffRole.ADVISOR] as const;

export const canSeeLoans = (user: StaffPrincipal | null): boolean => !!user && canAccess(user, [...LOAN_READERS]);
