import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // CMS_SERVE_ADMIN=false starts the server without the admin panel, so it needs no admin build
  // (test suites compile the server with `npm run build:server -w cms` and start in seconds).
  serveAdminPanel: env.bool('CMS_SERVE_ADMIN', true),
  autoOpen: false,
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
  flags: { nps: false, promoteEE: false },
});
