import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * Strapi 5's content API answers `?status=draft` to anyone allowed to `find`, which would show
 * unpublished editorial work to the public role and to the hub. Drafts stay in the admin panel.
 */
const publishedOnly: Core.MiddlewareFactory = (_config, { strapi }) => {
  const prefix = strapi.config.get<string>('api.rest.prefix', '/api');
  return async (ctx, next) => {
    const status = ctx.query?.status;
    if (ctx.path.startsWith(`${prefix}/`) && status !== undefined && status !== 'published') {
      throw new errors.ForbiddenError('Only published content is available through the content API');
    }
    await next();
  };
};

export default publishedOnly;
