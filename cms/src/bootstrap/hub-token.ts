import type { Core } from '@strapi/strapi';

export const HUB_TOKEN_NAME = 'hub-read-only';
export const TOKEN_UID = 'admin::api-token';

/**
 * On an empty database the admin plugin creates a "Read Only" and a "Full Access" token with random
 * keys. Nobody uses them and a full-access key is one too many, so they go, unless someone used them.
 */
const removeDefaultTokens = async (strapi: Core.Strapi): Promise<void> => {
  for (const name of ['Read Only', 'Full Access']) {
    const token = await strapi.db.query(TOKEN_UID).findOne({ where: { name, lastUsedAt: null } });
    if (token?.description?.startsWith('A default API token')) {
      await strapi.service('admin::api-token-content-api').revoke(token.id);
      strapi.log.info(`[hub] removed Strapi's default API token "${name}"`);
    }
  }
};

/**
 * The hub reads the CMS with a read-only API token whose plaintext the launcher generates once
 * (CMS_TOKEN) and hands to both processes, so nobody copies a key out of the admin panel.
 * Strapi keeps only an HMAC-SHA512 of the key (salted with API_TOKEN_SALT, see the admin
 * `api-token` service's hash()) plus an AES-encrypted copy (ENCRYPTION_KEY) that the admin panel can
 * show; both are rewritten from CMS_TOKEN on every start, so a rotated key or salt takes effect.
 */
export const ensureHubToken = async (strapi: Core.Strapi, plaintext = process.env.CMS_TOKEN): Promise<void> => {
  const tokens = strapi.service('admin::api-token-content-api');
  const existing = await strapi.db.query(TOKEN_UID).findOne({ where: { name: HUB_TOKEN_NAME } });

  let tokenId: number;
  if (!existing) {
    const created = await tokens.create({
      name: HUB_TOKEN_NAME,
      description: 'Read-only access for the Social Economy Hub (GraphQL API). Managed at bootstrap from CMS_TOKEN; do not edit.',
      type: 'read-only',
      lifespan: null,
    });
    tokenId = created.id;
    strapi.log.info(`[hub] created API token ${HUB_TOKEN_NAME}`);
    await removeDefaultTokens(strapi);
  } else {
    tokenId = existing.id;
    if (existing.type !== 'read-only' || existing.expiresAt !== null || existing.kind !== 'content-api') {
      // Someone widened or limited it by hand: the hub must only ever read.
      await tokens.update(existing.id, { type: 'read-only' });
      await strapi.db.query(TOKEN_UID).update({
        where: { id: existing.id },
        data: { kind: 'content-api', lifespan: null, expiresAt: null },
      });
      strapi.log.warn(`[hub] API token ${HUB_TOKEN_NAME} reset to read-only without expiry`);
    }
  }

  if (!plaintext) {
    strapi.log.warn(
      `[hub] CMS_TOKEN is not set: API token ${HUB_TOKEN_NAME} keeps its current key, which the hub does not know`,
    );
    return;
  }
  await syncTokenKey(strapi, HUB_TOKEN_NAME, tokenId, plaintext);
};

/** Makes the stored hash and encrypted copy of token `tokenId` match `plaintext` (see ensureHubToken). */
export const syncTokenKey = async (strapi: Core.Strapi, name: string, tokenId: number, plaintext: string): Promise<void> => {
  const accessKey = strapi.service('admin::api-token-content-api').hash(plaintext);
  const current = await strapi.db.query(TOKEN_UID).findOne({ where: { id: tokenId } });
  if (current?.accessKey === accessKey) return;
  await strapi.db.query(TOKEN_UID).update({
    where: { id: tokenId },
    data: { accessKey, encryptedKey: strapi.service('admin::encryption').encrypt(plaintext) },
  });
  strapi.log.info(`[hub] API token ${name} now matches its key from the environment`);
};
