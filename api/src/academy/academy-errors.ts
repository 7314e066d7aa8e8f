import type { StaffPrincipal } from '../access';
import { StaffRole } from '../access/staff-role';
import { DomainError } from '../shared/errors';
import { DEFAULT_LOCALE, type Locale } from '../shared/i18n';
import { AcademyErrorCode, academyMessage } from './academy-messages';

export class AcademyError extends DomainError<AcademyErrorCode> {}

/** Builds errors in one language for one service call. */
export const academyErrors = (locale: Locale = DEFAULT_LOCALE) => (code: AcademyErrorCode, field: string[] = []) => new AcademyError(code, academyMessage(code, locale), field);

/** Who may see participants and act on an edition: its coordinator, its trainers, and ADMIN. */
export interface EditionStaff {
  coordinatorId: string;
  trainerIds: string[];
}

export function isEditionStaff(user: StaffPrincipal | null | undefined, staff: EditionStaff | null | undefined): boolean {
  if (!user || !staff) return false;
  if (user.roles.includes(StaffRole.ADMIN)) return true;
  return staff.coordinatorId === user.id || staff.trainerIds.includes(user.id);
}

export function isEditionCoordinator(user: StaffPrincipal | null | undefined, staff: EditionStaff | null | undefined): boolean {
  if (!user || !staff) return false;
  return user.roles.includes(StaffRole.ADMIN) || staff.coordinatorId === user.id;
}

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();
export const isPlausibleEmail = (email: string): boolean => email.length <= 254 && EMAIL.test(email);
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
