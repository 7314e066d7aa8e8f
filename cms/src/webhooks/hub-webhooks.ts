import { AsyncLocalStorage } from 'node:async_hooks';
import { createHmac, randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';

/**
 * Tells the hub that CMS content changed, so it drops its cached copy at once instead of waiting for
 * its TTL. The shape is the shared contract's "CMS → hub webhook": signed with CMS_WEBHOOK_SECRET,
 * one delivery id per change (kept across retries), sent after the editor's transaction commits and
 * never awaited by the save. Strapi's built-in webhooks are not used: they cannot sign.
 */
export const WEBHOOK_MODELS: Record<string, string> = {
  'api::success-story.success-story': 'success-story',
  'api::course.course': 'course',
  'api::course-module.course-module': 'course-module',
  'api::material.material': 'material',
  'api::workshop.workshop': 'workshop',
  'api::news.news': 'news',
  'api::campaign.campaign': 'campaign',
  // Trainers show inside modules and workshops; the hub may treat a trainer change like theirs.
  'api::trainer.trainer': 'trainer',
};

export type WebhookEvent = 'entry.create' | 'entry.update' | 'entry.publish' | 'entry.unpublish' | 'entry.delete';

const EVENTS: Record<string, WebhookEvent> = {
  create: 'entry.create',
  update: 'entry.update',
  publish: 'entry.publish',
  unpublish: 'entry.unpublish',
  delete: 'entry.delete',
  // Discarding a draft rewrites the draft from the published version: an update of the draft.
  discardDraft: 'entry.update',
};

export interface WebhookPayload {
  event: WebhookEvent;
  model: string;
  documentId: string;
  locale: string | null;
  occurredAt: string;
}

export interface WebhookSettings {
  /** Hub base URL; the webhook goes to `${hubUrl}/webhooks/cms`. */
  hubUrl: string;
  secret: string;
  /** Delays before the 2nd, 3rd… attempt, in ms. */
  retryDelaysMs: number[];
  timeoutMs: number;
}

export const DEFAULT_HUB_URL = 'http://127.0.0.1:4000';

export const webhookSettingsFromEnv = (env: NodeJS.ProcessEnv = process.env): WebhookSettings | null => {
  const secret = env.CMS_WEBHOOK_SECRET?.trim();
  if (!secret) return null;
  return {
    hubUrl: (env.HUB_URL?.trim() || DEFAULT_HUB_URL).replace(/\/+$/, ''),
    secret,
    retryDelaysMs: (env.CMS_WEBHOOK_RETRY_DELAYS_MS ?? '1000,4000,15000')
      .split(',')
      .map((d) => Number(d.trim()))
      .filter((d) => Number.isFinite(d) && d >= 0),
    timeoutMs: Number(env.CMS_WEBHOOK_TIMEOUT_MS ?? 5000) || 5000,
  };
};

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>` */
export const signWebhook = (secret: string, rawBody: string, unixSeconds: number): string =>
  `t=${unixSeconds},v1=${createHmac('sha256', secret).update(`${unixSeconds}.${rawBody}`).digest('hex')}`;

/** Statuses worth another try: the hub is starting, overloaded or briefly unreachable. */
const retryable = (status: number): boolean => status === 408 || status === 429 || status >= 500;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export interface DeliveryResult {
  deliveryId: string;
  delivered: boolean;
  attempts: number;
  lastStatus?: number;
  lastError?: string;
}

/** Sends one change, retrying with the same delivery id; resolves (never rejects) with the outcome. */
export const deliverWebhook = async (
  settings: WebhookSettings,
  payload: WebhookPayload,
  log: Pick<Core.Strapi['log'], 'warn' | 'debug'>,
  deliveryId: string = randomUUID(),
): Promise<DeliveryResult> => {
  const body = JSON.stringify(payload);
  const url = `${settings.hubUrl}/webhooks/cms`;
  const result: DeliveryResult = { deliveryId, delivered: false, attempts: 0 };
  for (let attempt = 0; attempt <= settings.retryDelaysMs.length; attempt += 1) {
    if (attempt > 0) await sleep(settings.retryDelaysMs[attempt - 1]);
    result.attempts = attempt + 1;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Hub-Delivery': deliveryId,
          'X-Hub-Signature': signWebhook(settings.secret, body, Math.floor(Date.now() / 1000)),
        },
        body,
        signal: AbortSignal.timeout(settings.timeoutMs),
      });
      result.lastStatus = res.status;
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) {
        result.delivered = true;
        log.debug(`[hub] webhook ${payload.event} ${payload.model} ${payload.documentId} delivered (${deliveryId})`);
        return result;
      }
      if (!retryable(res.status)) break;
    } catch (error) {
      result.lastError = (error as Error).message;
    }
  }
  log.warn(
    `[hub] webhook ${payload.event} ${payload.model} ${payload.documentId} not delivered after ${result.attempts} attempt(s)` +
      ` (${result.lastStatus ? `HTTP ${result.lastStatus}` : result.lastError}); the hub will see the change when its cache expires`,
  );
  return result;
};

const quiet = new AsyncLocalStorage<boolean>();

/** Runs `work` without webhooks: the bootstrap seed writes dozens of entries before the hub asks for any. */
export const withoutHubWebhooks = <T>(work: () => Promise<T>): Promise<T> => quiet.run(true, work);

/** Deliveries in flight, so tests (and a graceful stop) can wait for them. */
const inFlight = new Set<Promise<DeliveryResult>>();
export const pendingHubWebhooks = (): Promise<DeliveryResult[]> => Promise.all([...inFlight]);

/**
 * Queues a webhook to go out once the current database transaction (if any) commits, so the hub
 * never reads the CMS before the change is visible there. Returns at once.
 */
export const queueHubWebhook = (strapi: Core.Strapi, settings: WebhookSettings | null, payload: WebhookPayload): void => {
  if (!settings || quiet.getStore()) return;
  const send = () => {
    const delivery = deliverWebhook(settings, payload, strapi.log);
    inFlight.add(delivery);
    void delivery.finally(() => inFlight.delete(delivery));
  };
  if (strapi.db.inTransaction()) {
    void strapi.db.transaction(async ({ onCommit }) => onCommit(() => setImmediate(send)));
  } else {
    setImmediate(send);
  }
};

/** A document-service middleware: after a create/update/publish/unpublish/delete of a watched model, queue a webhook. */
export const registerHubWebhooks = (strapi: Core.Strapi, env: NodeJS.ProcessEnv = process.env): WebhookSettings | null => {
  const settings = webhookSettingsFromEnv(env);
  if (!settings) {
    strapi.log.warn('[hub] CMS_WEBHOOK_SECRET is not set: the hub is not told about changes and sees them when its cache expires');
    return null;
  }
  strapi.documents.use(async (context, next) => {
    const result = await next();
    const model = WEBHOOK_MODELS[context.uid];
    const event = EVENTS[context.action];
    if (!model || !event) return result;
    const params = context.params as { documentId?: string; locale?: unknown };
    const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (!documentId) return result;
    // Nothing happened (e.g. publishing an entry that has no draft in that locale): nothing to say.
    const entries = (result as { entries?: unknown[] } | null)?.entries;
    if (Array.isArray(entries) && entries.length === 0 && event !== 'entry.delete') return result;
    const locale = typeof params.locale === 'string' && params.locale !== '*' ? params.locale : null;
    queueHubWebhook(strapi, settings, { event, model, documentId, locale, occurredAt: new Date().toISOString() });
    return result;
  });
  strapi.log.info(`[hub] webhooks to ${settings.hubUrl}/webhooks/cms on changes of ${Object.values(WEBHOOK_MODELS).join(', ')}`);
  return settings;
};
