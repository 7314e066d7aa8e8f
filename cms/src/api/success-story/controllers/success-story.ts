import { factories } from '@strapi/strapi';
import { setHubFlag } from '../hub-flag';

export default factories.createCoreController('api::success-story.success-story', ({ strapi }) => ({
  /** PUT /api/success-stories/:documentId/hub-flag — the hub's flag token may call only this. */
  async setHubFlag(ctx) {
    const body = (ctx.request as { body?: { data?: unknown } }).body;
    ctx.body = { data: await setHubFlag(strapi, ctx.params.documentId, body?.data) };
  },
}));
