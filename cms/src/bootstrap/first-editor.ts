import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

export const DEFAULT_EDITOR_EMAIL = 'redakcja@ekonomiaspoleczna.local';

export interface BootstrapReport {
  editorCreated: boolean;
  email: string;
}

/** The admin panel's own password rule; a weaker password still works but cannot be re-entered in the UI. */
const meetsAdminPasswordPolicy = (password: string): boolean =>
  password.length >= 8 && Buffer.byteLength(password) <= 72 && /[a-z]/.test(password) && /[A-Z]/.test(password) && /\d/.test(password);

/**
 * Creates the first CMS user (Super Admin, so a newcomer can do everything) from CMS_EDITOR_EMAIL and
 * CMS_EDITOR_PASSWORD, only while no admin user exists; then tells the launcher through the
 * CMS_BOOTSTRAP_REPORT file whether it did, so the launcher knows whether to print the password.
 */
export const ensureFirstEditor = async (strapi: Core.Strapi, env: NodeJS.ProcessEnv = process.env): Promise<BootstrapReport> => {
  const email = (env.CMS_EDITOR_EMAIL || DEFAULT_EDITOR_EMAIL).trim().toLowerCase();
  const password = env.CMS_EDITOR_PASSWORD;
  const users = strapi.service('admin::user');
  let editorCreated = false;

  if (await users.exists()) {
    strapi.log.debug('[hub] an admin user exists; first editor not created');
  } else if (!password) {
    strapi.log.warn('[hub] no admin user and CMS_EDITOR_PASSWORD is not set: register the first editor at /admin');
  } else {
    if (!meetsAdminPasswordPolicy(password)) {
      strapi.log.warn('[hub] CMS_EDITOR_PASSWORD does not meet the admin password policy (8+ chars, upper, lower, digit)');
    }
    await users.createFirstAdmin({ email, firstname: 'Redakcja', lastname: 'CMS', password, preferedLanguage: 'pl' });
    editorCreated = true;
    strapi.log.info(`[hub] created the first CMS editor ${email} (Super Admin)`);
  }

  const report: BootstrapReport = { editorCreated, email };
  if (env.CMS_BOOTSTRAP_REPORT) {
    const file = path.resolve(env.CMS_BOOTSTRAP_REPORT);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, `${JSON.stringify(report)}\n`, { mode: 0o600 });
  }
  return report;
};
