import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Locale } from '../shared/i18n';
import { StaffRole } from './staff-role';
import { StaffUser } from './staff-users/staff-user.entity';
import { StaffUserService } from './staff-users/staff-user.service';
import { normaliseEmail } from './staff-users/staff-email';

export interface FirstAdminOptions {
  email: string;
  /** If absent, a strong password is generated and returned once. */
  password?: string;
  displayName?: string;
}

export interface FirstAdminResult {
  /** False when any staff account already existed: nothing was changed. */
  created: boolean;
  email: string;
  /** Only when this call created the admin with a password it generated; show it once, store it nowhere. */
  generatedPassword?: string;
}

/** 24 random bytes → 32 base64url characters (192 bits). */
export const generateStaffPassword = (): string => randomBytes(24).toString('base64url');

/**
 * Creates the first administrator when the hub has no staff account at all, as the CMS does for its
 * first editor. Idempotent, and safe when several hub instances start at once: a transaction-scoped
 * advisory lock lets only one of them look and create. A given password must meet the policy
 * (DomainError PASSWORD_TOO_SHORT otherwise), so a weak HUB_ADMIN_PASSWORD stops the start clearly.
 */
export async function ensureFirstAdmin(em: EntityManager, options: FirstAdminOptions): Promise<FirstAdminResult> {
  const email = normaliseEmail(options.email);
  return em.fork().transactional(async (tx) => {
    await tx.execute(`select pg_advisory_xact_lock(hashtext('hub.access.first_admin'))`);
    if ((await tx.count(StaffUser, {})) > 0) return { created: false, email };
    const generatedPassword = options.password ? undefined : generateStaffPassword();
    // Messages of a failed check go to the operator's console: English.
    const service = new StaffUserService(tx, { locale: Locale.en });
    const admin = await service.build({
      email,
      displayName: options.displayName ?? 'Administrator',
      password: options.password ?? generatedPassword!,
      roles: [StaffRole.ADMIN],
    });
    tx.persist(admin);
    return { created: true, email: admin.email, ...(generatedPassword ? { generatedPassword } : {}) };
  });
}
