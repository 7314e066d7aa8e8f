import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { verifyPreview, type PreviewVerdict } from './preview/preview-token';

/** The header the hub's preview route sends the editor's preview token in. */
export const PREVIEW_HEADER = 'x-hub-preview-token';

/** `<singular name>` of the `api::` content type served at `<prefix>/<pluralName>`, if any. */
const modelForCollection = (strapi: Core.Strapi, collection: string): string | undefined => {
  for (const [uid, contentType] of Object.entries(strapi.contentTypes)) {
    if (uid.startsWith('api::') && contentType.info.pluralName === collection) return contentType.info.singularName;
  }
  return undefined;
};

/**
 * Strapi 5's content API answers `?status=draft` to anyone allowed to `find`, which would show
 * unpublished editorial work to the public role and to the hub. Drafts stay in the admin panel,
 * with one exception: the hub's preview page. A `GET <prefix>/<plural>/<documentId>?status=draft&locale=<l>`
 * (one document, never a list) goes through when it carries, in `X-Hub-Preview-Token`, a preview
 * token signed with CMS_PREVIEW_SECRET for exactly that content type, document and locale, and not
 * expired (at most 15 minutes). The request still needs an API token allowed to `findOne`; the
 * preview token only lifts the published-only rule. Without CMS_PREVIEW_SECRET nothing goes through.
 */
const publishedOnly: Core.MiddlewareFactory = (_config, { strapi }) => {
  const prefix = strapi.config.get<string>('api.rest.prefix', '/api');
  const secret = process.env.CMS_PREVIEW_SECRET || undefined;
  const documentPath = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/([a-z0-9-]+)/([A-Za-z0-9]{1,64})/?$`);

  const previewVerdict = (ctx: Context): PreviewVerdict | 'NOT_A_PREVIEW' => {
    const token = ctx.get(PREVIEW_HEADER);
    const match = documentPath.exec(ctx.path);
    const locale = ctx.query?.locale;
    if (!token || ctx.method !== 'GET' || ctx.query?.status !== 'draft' || !match || typeof locale !== 'string') return 'NOT_A_PREVIEW';
    const model = modelForCollection(strapi, match[1]);
    if (!model) return 'NOT_A_PREVIEW';
    return verifyPreview(secret, token, { model, documentId: match[2], locale }, Math.floor(Date.now() / 1000));
  };

  return async (ctx, next) => {
    const status = ctx.query?.status;
    if (ctx.path.startsWith(`${prefix}/`) && status !== undefined && status !== 'published') {
      const verdict = previewVerdict(ctx);
      if (verdict !== 'VALID') {
        if (verdict !== 'NOT_A_PREVIEW') strapi.log.warn(`[hub] draft read refused: preview token ${verdict} for ${ctx.path}`);
        throw new errors.ForbiddenError('Only published content is available through the content API');
      }
      ctx.set('Cache-Control', 'no-store');
    }
    await next();
  };
};

export default publishedOnly;
