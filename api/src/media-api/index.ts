import { Router } from 'express';
import type { HubContext } from '../context';
import type { HubModule } from '../shared/module';
import { localeFromHeader } from '../shared/i18n';
import { asLang } from '../../../widgets/src/render/text';
import { ApiKeyResolver } from './api-key.resolver';
import { landingPage } from './landing-page';
import { configureMediaApi, mediaApiSettings } from './media-api-settings';
import { MemoryRateLimitStore, type RateLimitStore } from './rate-limit';
import { RedisRateLimitStore } from './redis-rate-limit-store';
import type { Logger } from 'pino';

/** The rate-limit store the settings ask for: Redis when a URL is set (several instances share limits), else this process's memory. */
export function createRateLimitStore(settings: { rateLimitRedisUrl?: string; rateLimitRedisPrefix?: string }, log?: Logger): RateLimitStore {
  return settings.rateLimitRedisUrl ? new RedisRateLimitStore(settings.rateLimitRedisUrl, { prefix: settings.rateLimitRedisPrefix, log }) : new MemoryRateLimitStore();
}

/** The media API: API keys with their own rate limits, anonymous limits, cacheable GET queries, the /api landing page. */
export const mediaApiModule = {
  name: 'mediaApi',
  entities: [],
  resolvers: [ApiKeyResolver],
} satisfies HubModule<never, HubContext>;

export { ApiKey, ApiKeyCreateInput, ApiKeyRevokeInput, ApiKeyCreatePayload, ApiKeyRevokePayload } from './api-key.types';
export { ApiKeyService, ApiKeyErrorCode, hashApiKey, type KeyHolder } from './api-key.service';
export { createRateLimitMiddleware, MemoryRateLimitStore, type RateLimitStore, type RateLimitHit } from './rate-limit';
export { RedisRateLimitStore } from './redis-rate-limit-store';
export { mediaApiCachePlugin, PUBLIC_QUERY_CACHE } from './cache-control.plugin';
export { configureMediaApi, mediaApiSettings, type MediaApiSettings } from './media-api-settings';

/** `GET /api` (and `/media`): the landing page for journalists, in the language asked (?lang= or Accept-Language). */
export function createMediaApiRouter(limits: { maxDepth: number; maxCost: number }): Router {
  const router = Router();
  router.get(['/api', '/media'], (req, res) => {
    const lang = req.query.lang ? asLang(req.query.lang) : localeFromHeader(req.headers['accept-language']);
    res.set('Cache-Control', 'public, max-age=300');
    res.set('Content-Language', lang);
    res.type('html').send(landingPage(lang, { base: `${req.protocol}://${req.get('host')}`, ...limits, ...mediaApiSettings() }));
  });
  return router;
}

