import { createClient } from 'redis';
import type { Logger } from 'pino';
import { MemoryRateLimitStore, type RateLimitHit, type RateLimitStore } from './rate-limit';

/**
 * Request counts in Redis, shared by every hub instance that uses the same server and prefix.
 * One key per client and fixed window (`<prefix><client>:<window start>`); a hit is INCR and
 * PEXPIREAT in one MULTI transaction, so concurrent hits from several processes are counted
 * exactly once each, and a window's key disappears shortly after the window ends.
 *
 * If Redis is unreachable the store does not fail the request: it counts in this process's memory
 * (per-instance limits) and logs a warning at most once a minute, until Redis answers again.
 */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly client;
  private readonly fallback = new MemoryRateLimitStore();
  private connecting: Promise<unknown> | null = null;
  private lastWarning = 0;

  constructor(
    url: string,
    private readonly options: { prefix?: string; log?: Logger; connectWaitMs?: number } = {},
  ) {
    this.client = createClient({
      url,
      // Commands fail at once while disconnected (no offline queue), so a request never waits on Redis.
      disableOfflineQueue: true,
      socket: { connectTimeout: 2000, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 5000) },
    });
    this.client.on('error', (err: unknown) => this.warn(err, 'rate-limit Redis connection error'));
  }

  private get prefix(): string {
    return this.options.prefix ?? 'seh:ratelimit:';
  }

  private warn(err: unknown, message: string): void {
    const now = Date.now();
    if (now - this.lastWarning < 60_000) return;
    this.lastWarning = now;
    this.options.log?.warn({ err }, message);
  }

  /**
   * Connects on first use and waits for that first connection at most `connectWaitMs`; afterwards the
   * client reconnects by itself in the background, and hits made meanwhile fall back at once.
   */
  private async ready(): Promise<boolean> {
    if (this.client.isReady) return true;
    if (!this.connecting) {
      this.connecting = this.client.connect().catch((err: unknown) => this.warn(err, 'rate-limit Redis: could not connect'));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.connecting, new Promise((done) => (timer = setTimeout(done, this.options.connectWaitMs ?? 2000)))]);
      clearTimeout(timer);
    }
    return this.client.isReady;
  }

  async hit(key: string, windowMs: number, now: number): Promise<RateLimitHit> {
    const start = Math.floor(now / windowMs) * windowMs;
    const resetAt = start + windowMs;
    const redisKey = `${this.prefix}${key}:${start}`;
    try {
      if (!(await this.ready())) return this.fallback.hit(key, windowMs, now);
      const [count] = await this.client.multi().incr(redisKey).pExpireAt(redisKey, resetAt + 1000).exec();
      return { count: Number(count), resetAt };
    } catch (err) {
      this.warn(err, 'rate-limit Redis unavailable: counting in this process only');
      return this.fallback.hit(key, windowMs, now);
    }
  }

  async close(): Promise<void> {
    if (this.client.isReady) await this.client.close().catch(() => this.client.destroy());
    else if (this.client.isOpen) this.client.destroy();
  }
}
