import express, { Router } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { TtlCache } from '../cms/ttl-cache';
import { verifyDelivery } from './webhook-signature';

/** When the entries a webhook names are dropped again (see below). */
const SETTLE_INVALIDATIONS_MS = [250, 750];

/** The body Strapi sends (hub-contract.md, "CMS → hub webhook"). */
export interface CmsWebhookEvent {
  event: 'entry.create' | 'entry.update' | 'entry.publish' | 'entry.unpublish' | 'entry.delete';
  model: string;
  documentId: string;
  locale: string | null;
  occurredAt: string;
}

const EVENTS = new Set(['entry.create', 'entry.update', 'entry.publish', 'entry.unpublish', 'entry.delete']);
const DELIVERY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * Which cached answers a change to a model may have made wrong. Academy content is read with
 * its relations populated (a course with its modules, a module with its materials, a material
 * with its case studies), so a change to any academy type drops all academy answers, and a story
 * change drops materials too.
 */
const ACADEMY = ['course|', 'module|', 'material|', 'workshop|'];
export const CACHE_PREFIXES_BY_MODEL: Record<string, readonly string[]> = {
  'success-story': ['story|', 'story-page|', 'material|'],
  course: ACADEMY,
  'course-module': ACADEMY,
  material: ACADEMY,
  workshop: ACADEMY,
  trainer: ACADEMY,
};

export interface CmsWebhookOptions {
  orm: MikroORM;
  cache: TtlCache<unknown>;
  secret: string | undefined;
  log?: Logger;
  clock?: () => Date;
  /** Called once per new delivery after the cache is invalidated (e.g. to re-check a story's flag). */
  onEvent?: (event: CmsWebhookEvent) => Promise<void> | void;
}

function parseEvent(raw: Buffer): CmsWebhookEvent | null {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return null;
  }
  const b = body as Partial<CmsWebhookEvent>;
  if (!b || typeof b !== 'object' || !EVENTS.has(b.event as string) || typeof b.model !== 'string' || !b.model || b.model.length > 100) return null;
  if (typeof b.documentId !== 'string' || !b.documentId || b.documentId.length > 64) return null;
  if (b.locale !== null && b.locale !== undefined && (typeof b.locale !== 'string' || b.locale.length > 10)) return null;
  return { event: b.event!, model: b.model, documentId: b.documentId, locale: b.locale ?? null, occurredAt: String(b.occurredAt ?? '') };
}

/**
 * `POST /webhooks/cms`: Strapi tells the hub an entry changed. The signature is an HMAC over the
 * timestamp and the raw bytes (so the body is read raw, before any JSON parser). Each delivery id
 * is stored; a retry of a delivery already processed answers `duplicate` and does nothing.
 */
export function createCmsWebhookRouter(options: CmsWebhookOptions): Router {
  const router = Router();
  const clock = options.clock ?? (() => new Date());
  router.post('/cms', express.raw({ type: () => true, limit: '64kb' }), async (req, res, next) => {
    try {
      if (!options.secret) {
        res.status(503).json({ error: 'webhooks are not configured (CMS_WEBHOOK_SECRET is not set)' });
        return;
      }
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const verdict = verifyDelivery(options.secret, req.get('x-hub-signature'), raw, Math.floor(clock().getTime() / 1000));
      if (verdict !== 'VALID') {
        options.log?.warn({ verdict }, 'CMS webhook refused');
        res.status(401).json({ error: 'invalid signature', reason: verdict });
        return;
      }
      const deliveryId = req.get('x-hub-delivery') ?? '';
      if (!DELIVERY_ID.test(deliveryId)) {
        res.status(400).json({ error: 'X-Hub-Delivery must be a UUID v4' });
        return;
      }
      const event = parseEvent(raw);
      if (!event) {
        res.status(400).json({ error: 'body is not a CMS webhook event' });
        return;
      }
      const inserted = await options.orm.em.fork().execute<{ delivery_id: string }[]>(
        `insert into cms_webhook_delivery (delivery_id, event, model, document_id, locale) values (?, ?, ?, ?, ?)
         on conflict (delivery_id) do nothing returning delivery_id`,
        [deliveryId.toLowerCase(), event.event, event.model, event.documentId, event.locale],
      );
      if (!inserted.length) {
        res.json({ status: 'duplicate' });
        return;
      }
      const prefixes = CACHE_PREFIXES_BY_MODEL[event.model] ?? [];
      const dropped = options.cache.invalidate(prefixes);
      // A CMS may announce a change a moment before its transaction is visible to readers (Strapi's
      // publish can); a read in that moment would cache the old version for a whole TTL. Dropping
      // the same entries again shortly after bounds that window to well under a second.
      for (const afterMs of SETTLE_INVALIDATIONS_MS) setTimeout(() => options.cache.invalidate(prefixes), afterMs).unref();
      options.log?.info({ deliveryId, event: event.event, model: event.model, dropped }, 'CMS webhook processed');
      if (options.onEvent) {
        // Work that talks to the CMS again must not hold up Strapi's sender.
        Promise.resolve(options.onEvent(event)).catch((err: unknown) => options.log?.warn({ err, deliveryId }, 'CMS webhook follow-up failed'));
      }
      res.json({ status: 'processed' });
    } catch (error) {
      next(error);
    }
  });
  return router;
}
