import type { Logger } from 'pino';
import { encodeStrapiQuery, type QueryValue } from './query-string';
import { TtlCache } from './ttl-cache';

export interface CmsClientOptions {
  baseUrl: string;
  token: string | undefined;
  timeoutMs: number;
  ttlMs: number;
  log?: Logger;
}

/** The CMS did not answer in time, refused us, or answered with something unusable. */
export class CmsUnavailableError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'CmsUnavailableError';
  }
}

export interface StrapiListResponse<T> {
  data: T[];
  meta: { pagination?: { page?: number; pageSize?: number; pageCount?: number; total?: number; start?: number; limit?: number } };
}

/**
 * The hub's only door to Strapi's REST API: read-only token, bounded wait, and a process-wide
 * cache shared by all requests (the per-request ContentReader decides what to batch and when
 * stale entries may be served).
 */
export class CmsClient {
  readonly cache: TtlCache<unknown>;
  /** Counts HTTP requests sent to the CMS; tests use it to prove batching. */
  requestCount = 0;

  constructor(private readonly options: CmsClientOptions) {
    this.cache = new TtlCache(options.ttlMs);
  }

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  async list<T>(collection: string, params: Record<string, QueryValue>): Promise<StrapiListResponse<T>> {
    const body = await this.get(`/api/${collection}?${encodeStrapiQuery(params)}`);
    if (!body || !Array.isArray((body as StrapiListResponse<T>).data)) throw new CmsUnavailableError(`CMS answered /api/${collection} without a data list`);
    return body as StrapiListResponse<T>;
  }

  /** True when Strapi answers its health endpoint within the timeout. */
  async ping(): Promise<boolean> {
    try {
      const res = await fetch(`${this.options.baseUrl}/_health`, { signal: AbortSignal.timeout(this.options.timeoutMs) });
      return res.status === 204 || res.ok;
    } catch {
      return false;
    }
  }

  private async get(pathAndQuery: string): Promise<unknown> {
    this.requestCount += 1;
    const started = Date.now();
    let res: Response;
    try {
      res = await fetch(`${this.options.baseUrl}${pathAndQuery}`, {
        headers: { Accept: 'application/json', ...(this.options.token ? { Authorization: `Bearer ${this.options.token}` } : {}) },
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      this.options.log?.warn({ path: pathAndQuery.split('?')[0], ms: Date.now() - started, timedOut }, 'CMS request failed');
      throw new CmsUnavailableError(timedOut ? `CMS did not answer within ${this.options.timeoutMs} ms` : 'CMS is unreachable', error);
    }
    if (!res.ok) {
      this.options.log?.warn({ path: pathAndQuery.split('?')[0], status: res.status }, 'CMS answered with an error');
      throw new CmsUnavailableError(`CMS answered ${res.status}`);
    }
    return res.json();
  }
}
