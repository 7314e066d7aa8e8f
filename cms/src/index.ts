import type { Core } from '@strapi/strapi';
import { registerTagsValidation } from './api/success-story/validate-tags';
import { seedAcademy } from './bootstrap/academy/seed-academy';
import { assertRequiredEnv } from './bootstrap/check-env';
import { seedDemoStories } from './bootstrap/demo/seed-demo-stories';
import { ensureEditorViews } from './bootstrap/editor-views';
import { ensureFirstEditor } from './bootstrap/first-editor';
import { ensureFlagToken } from './bootstrap/flag-token';
import { ensureHubToken } from './bootstrap/hub-token';
import { ensureLocales } from './bootstrap/locales';
import { restrictPublicRole } from './bootstrap/public-role';
import { registerHubPicker } from './hub-picker/register-hub-picker';
import { registerHubWebhooks, withoutHubWebhooks } from './webhooks/hub-webhooks';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    assertRequiredEnv();
    registerHubPicker(strapi);
    registerTagsValidation(strapi);
    registerHubWebhooks(strapi);
  },

  /** Everything here is idempotent and runs on every start; only the demo seeds are once per database. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await ensureHubToken(strapi);
    await ensureFlagToken(strapi);
    await restrictPublicRole(strapi);
    await ensureEditorViews(strapi);
    await ensureFirstEditor(strapi);
    // The hub reads the seed when it first asks; telling it about each of ~60 new entries helps nobody.
    await withoutHubWebhooks(async () => {
      await seedDemoStories(strapi);
      await seedAcademy(strapi);
    });
  },
};
