import type { Core } from '@strapi/strapi';
import { syncTokenKey, TOKEN_UID } from './hub-token';

export const FLAG_TOKEN_NAME = 'hub-story-flags';
/** The token's one permission: the story flag endpoint (src/api/success-story/routes/hub-flag.ts). */
export const FLAG_TOKEN_PERMISSIONS = ['api::success-story.success-story.setHubFlag'];

/**
 * The hub writes `hubFlag`/`hubFlagNote` on a success story when the entity behind it loses its
 * social enterprise status or is struck off. It does so with its own token (CMS_FLAG_TOKEN, generated
 * by the launcher), separate from the read token and able to call nothing but the flag endpoint.
 * Like the read token, the key is rewritten from the environment on every start, and the scope is
 * reset if someone widened it by hand.
 */
export const ensureFlagToken = async (strapi: Core.Strapi, plaintext = process.env.CMS_FLAG_TOKEN): Promise<void> => {
  const tokens = strapi.service('admin::api-token-content-api');
  const existing = await strapi.db.query(TOKEN_UID).findOne({ where: { name: FLAG_TOKEN_NAME }, populate: ['permissions'] });
  if (!plaintext) {
    if (existing) {
      await tokens.revoke(existing.id);
      strapi.log.warn(`[hub] CMS_FLAG_TOKEN is not set: API token ${FLAG_TOKEN_NAME} removed`);
    } else {
      strapi.log.warn('[hub] CMS_FLAG_TOKEN is not set: the hub cannot flag success stories');
    }
    return;
  }
  let tokenId: number;
  if (!existing) {
    const created = await tokens.create({
      name: FLAG_TOKEN_NAME,
      description: 'The hub flags success stories whose entity lost its status or was struck off. Managed at bootstrap from CMS_FLAG_TOKEN; do not edit.',
      type: 'custom',
      lifespan: null,
      permissions: FLAG_TOKEN_PERMISSIONS,
    });
    tokenId = created.id;
    strapi.log.info(`[hub] created API token ${FLAG_TOKEN_NAME}`);
  } else {
    tokenId = existing.id;
    const actions = ((existing.permissions ?? []) as Array<{ action: string }>).map((p) => p.action).sort();
    if (existing.type !== 'custom' || existing.expiresAt !== null || actions.join() !== [...FLAG_TOKEN_PERMISSIONS].sort().join()) {
      await tokens.update(existing.id, { type: 'custom', permissions: FLAG_TOKEN_PERMISSIONS });
      await strapi.db.query(TOKEN_UID).update({ where: { id: existing.id }, data: { kind: 'content-api', lifespan: null, expiresAt: null } });
      strapi.log.warn(`[hub] API token ${FLAG_TOKEN_NAME} reset to its one permission without expiry`);
    }
  }
  await syncTokenKey(strapi, FLAG_TOKEN_NAME, tokenId, plaintext);
};
