import type { Core } from '@strapi/strapi';
import { hubPreviewUrl } from '../src/middlewares/preview/preview-token';

/** Content types the hub can render as a draft preview (`GET /preview/<model>/…` in api/src/content/preview). */
const HUB_PREVIEWABLE = new Set(['success-story', 'material', 'course', 'workshop']);

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  // Where editors' browsers reach the hub; HUB_URL (where webhooks go) unless the public address differs.
  const hubPublicUrl = env('HUB_PUBLIC_URL', env('HUB_URL', 'http://127.0.0.1:4000'));
  return {
    // CMS_SERVE_ADMIN=false starts the server without the admin panel, so it needs no admin build
    // (test suites compile the server with `npm run build:server -w cms` and start in seconds).
    serveAdminPanel: env.bool('CMS_SERVE_ADMIN', true),
    autoOpen: false,
    auth: { secret: env('ADMIN_JWT_SECRET') },
    apiToken: { salt: env('API_TOKEN_SALT') },
    transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
    secrets: { encryptionKey: env('ENCRYPTION_KEY') },
    flags: { nps: false, promoteEE: false },
    /**
     * The editor's "Preview" button opens the hub's rendering of the draft. Strapi calls the handler
     * on the server (`GET /content-manager/preview/url/<uid>`, admin session only), so the link is
     * signed right here with CMS_PREVIEW_SECRET, which never leaves the server: a 10-minute token
     * bound to this content type, document and locale. Strapi does not check the editor's rights
     * on that route, so the handler does: no read permission on the type, no link.
     */
    preview: {
      enabled: Boolean(env('CMS_PREVIEW_SECRET')),
      config: {
        allowedOrigins: [new URL(hubPublicUrl).origin],
        async handler(uid: string, params: { documentId?: string; locale?: string | null; status?: string }) {
          const info = strapi.getModel(uid as Parameters<typeof strapi.getModel>[0])?.info;
          const model = info && 'singularName' in info ? info.singularName : undefined;
          if (!model || !HUB_PREVIEWABLE.has(model) || !params.documentId) return undefined;
          const ability = strapi.requestContext.get()?.state?.userAbility as { can(action: string, subject: string): boolean } | undefined;
          if (!ability?.can('plugin::content-manager.explorer.read', uid)) return undefined;
          return hubPreviewUrl(hubPublicUrl, env('CMS_PREVIEW_SECRET'), { model, documentId: params.documentId, locale: params.locale ?? 'pl' }, Math.floor(Date.now() / 1000));
        },
      },
    },
  };
};
