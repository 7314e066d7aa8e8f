import type { Core } from '@strapi/strapi';
import { registerTagsValidation } from './api/success-story/validate-tags';
import { assertRequiredEnv } from './bootstrap/check-env';
import { seedDemoStories } from './bootstrap/demo/seed-demo-stories';
import { ensureFirstEditor } from './bootstrap/first-editor';
import { ensureHubToken } from './bootstrap/hub-token';
import { ensureLocales } from './bootstrap/locales';
import { restrictPublicRole } from './bootstrap/public-role';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    assertRequiredEnv();
    registerTagsValidation(strapi);
  },

  /** Everything here is idempotent and runs on every start; only the demo seed is once per database. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await ensureHubToken(strapi);
    await restrictPublicRole(strapi);
    await ensureFirstEditor(strapi);
    await seedDemoStories(strapi);
  },
};
