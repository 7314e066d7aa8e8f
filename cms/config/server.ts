import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

/**
 * Uploaded files belong with the database that references them, so the launcher may keep them
 * next to it (CMS_PUBLIC_DIR, e.g. under .data/); default cms/public. The upload provider refuses
 * to start without `<public>/uploads`, hence the mkdir.
 */
const publicDir = (env: Core.Config.Shared.ConfigParams['env']): string | undefined => {
  const dir = env('CMS_PUBLIC_DIR');
  if (!dir) return undefined;
  mkdirSync(path.join(path.resolve(dir), 'uploads'), { recursive: true });
  return path.resolve(dir);
};

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('CMS_HOST', '127.0.0.1'),
  port: env.int('CMS_PORT', 1337),
  // Secrets come from the launcher (.data/secrets.json); src/bootstrap/check-env.ts refuses to start
  // without them. They are read leniently here because `strapi build` loads this file too.
  app: { keys: env.array('APP_KEYS', []) },
  proxy: env.bool('CMS_BEHIND_PROXY', false),
  dirs: { public: publicDir(env) ?? './public' },
  logger: { updates: { enabled: false } },
});
