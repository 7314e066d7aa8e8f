import type { Core } from '@strapi/strapi';

const PERMISSION_UID = 'plugin::users-permissions.permission';
const ROLE_UID = 'plugin::users-permissions.role';

/** Published content types anonymous visitors may read (`find`, `findOne`). */
export const PUBLIC_READABLE = ['success-story', 'course', 'course-module', 'material', 'workshop', 'trainer', 'news', 'campaign'];

/** Anonymous visitors may read published stories and academy content; nothing else, and never write. */
export const PUBLIC_ACTIONS = PUBLIC_READABLE.flatMap((name) => [`api::${name}.${name}.find`, `api::${name}.${name}.findOne`]);

/**
 * Sets the users-permissions `public` role to exactly PUBLIC_ACTIONS on every start. This also drops
 * the plugin's default sign-up and password-reset endpoints: the CMS has no end users (editors log
 * into the admin panel, the hub uses an API token), and self-registration is switched off too.
 */
export const restrictPublicRole = async (strapi: Core.Strapi): Promise<void> => {
  const role = await strapi.db.query(ROLE_UID).findOne({ where: { type: 'public' }, populate: ['permissions'] });
  if (!role) throw new Error('users-permissions public role is missing; the plugin did not bootstrap');

  const granted: Array<{ id: number; action: string }> = role.permissions ?? [];
  const extra = granted.filter((p) => !PUBLIC_ACTIONS.includes(p.action));
  if (extra.length > 0) {
    await strapi.db.query(PERMISSION_UID).deleteMany({ where: { id: { $in: extra.map((p) => p.id) } } });
    strapi.log.info(`[hub] public role: removed ${extra.map((p) => p.action).join(', ')}`);
  }
  for (const action of PUBLIC_ACTIONS) {
    if (!granted.some((p) => p.action === action)) {
      await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
      strapi.log.info(`[hub] public role: granted ${action}`);
    }
  }

  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false) {
    await store.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
  }
};
