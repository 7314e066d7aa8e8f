import type { NextFunction, Request, Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { ApiKeyService } from './api-key.service';
import { mediaApiSettings } from './media-api-settings';

/** One counting window of one client. */
export interface RateLimitHit {
  count: number;
  /** When the window ends (epoch ms). */
  resetAt: number;
}

/**
 * Where request counts live. The in-memory store suits one hub instance; several instances behind a
 * load balancer share `RedisRateLimitStore` (HUB_RATE_LIMIT_REDIS_URL), with the same contract.
 */
export interface RateLimitStore {
  hit(key: string, windowMs: number, now: number): Promise<RateLimitHit>;
  /** Releases connections (a shared store); the in-memory one has none. */
  close?(): Promise<void>;
}

/** Fixed windows in a Map; expired windows are swept as the map grows. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, RateLimitHit>();

  async hit(key: string, windowMs: number, now: number): Promise<RateLimitHit> {
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      if (this.windows.size > 10_000) for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
      window = { count: 0, resetAt: Math.floor(now / windowMs) * windowMs + windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    return { ...window };
  }
}

const WINDOW_MS = 60_000;

function refuse(res: Response, status: number, code: string, message: string): void {
  res.status(status).type('application/json; charset=utf-8').end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * Counts GraphQL requests per API key (X-Api-Key, its own limit) or, without one, per client IP
 * (the anonymous limit), and answers with the IETF RateLimit headers; past the limit, 429 with
 * Retry-After. Signed-in staff (Authorization header) are not counted here: their token is checked
 * by the GraphQL context, which refuses a bad one with 401.
 */
export function createRateLimitMiddleware(deps: { orm: MikroORM; log: Logger; store?: RateLimitStore; now?: () => number }) {
  const store = deps.store ?? new MemoryRateLimitStore();
  const now = deps.now ?? Date.now;
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (req.method === 'OPTIONS' || req.headers.authorization) return next();
    try {
      const secret = req.get('x-api-key');
      let key: string;
      let limit: number;
      if (secret !== undefined) {
        const holder = await new ApiKeyService(deps.orm.em.fork(), { locale: 'en' as never, defaultPerMinute: mediaApiSettings().defaultKeyPerMinute }).authenticate(secret.trim());
        if (!holder) return refuse(res, 401, 'INVALID_API_KEY', 'The API key is unknown or revoked');
        key = `key:${holder.id}`;
        limit = holder.requestsPerMinute;
      } else {
        key = `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
        limit = mediaApiSettings().anonymousPerMinute;
      }
      const t = now();
      const hit = await store.hit(key, WINDOW_MS, t);
      const resetSeconds = Math.max(1, Math.ceil((hit.resetAt - t) / 1000));
      res.set('RateLimit-Limit', String(limit));
      res.set('RateLimit-Remaining', String(Math.max(0, limit - hit.count)));
      res.set('RateLimit-Reset', String(resetSeconds));
      res.set('RateLimit-Policy', `${limit};w=${WINDOW_MS / 1000}`);
      if (hit.count > limit) {
        res.set('Retry-After', String(resetSeconds));
        res.set('Cache-Control', 'no-store');
        return refuse(res, 429, 'RATE_LIMITED', `Too many requests: ${limit} per minute allowed; retry in ${resetSeconds} s`);
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}
