import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../shared/errors';
import type { Locale } from '../shared/i18n';
import { ApiKey } from './api-key.types';

export enum ApiKeyErrorCode {
  INVALID_NAME = 'INVALID_NAME',
  INVALID_RATE_LIMIT = 'INVALID_RATE_LIMIT',
  API_KEY_NOT_FOUND = 'API_KEY_NOT_FOUND',
}

const MESSAGES: Record<ApiKeyErrorCode, { pl: string; en: string }> = {
  INVALID_NAME: { pl: 'Nazwa klucza musi mieć od 1 do 200 znaków.', en: 'The key name must be 1–200 characters long.' },
  INVALID_RATE_LIMIT: { pl: 'Limit musi być liczbą całkowitą od 1 do 100000 zapytań na minutę.', en: 'The limit must be a whole number from 1 to 100000 requests per minute.' },
  API_KEY_NOT_FOUND: { pl: 'Nie ma takiego klucza API.', en: 'There is no such API key.' },
};

const error = (code: ApiKeyErrorCode, locale: Locale, field: string[]) => new DomainError(code, MESSAGES[code][locale], field);

/** Secrets are `seh_` + 32 random bytes: a plain SHA-256 is enough at rest, as nothing can be guessed. */
export const hashApiKey = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');
const SECRET = /^seh_[A-Za-z0-9_-]{43}$/;

interface KeyRow {
  id: string;
  name: string;
  prefix: string;
  requests_per_minute: number;
  created_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const toKey = (r: KeyRow): ApiKey =>
  Object.assign(new ApiKey(), { id: r.id, name: r.name, prefix: r.prefix, requestsPerMinute: r.requests_per_minute, createdAt: new Date(r.created_at), revokedAt: r.revoked_at && new Date(r.revoked_at), lastUsedAt: r.last_used_at && new Date(r.last_used_at) });

/** The identity a valid key gives a request: which key, and its own limit. */
export interface KeyHolder {
  id: string;
  requestsPerMinute: number;
}

export class ApiKeyService {
  constructor(
    private readonly em: EntityManager,
    private readonly options: { locale: Locale; defaultPerMinute: number },
  ) {}

  async create(input: { name: string; requestsPerMinute?: number | null }, createdBy: string | null): Promise<{ apiKey: ApiKey; secret: string }> {
    const name = input.name.trim();
    if (!name || name.length > 200) throw error(ApiKeyErrorCode.INVALID_NAME, this.options.locale, ['input', 'name']);
    const perMinute = input.requestsPerMinute ?? this.options.defaultPerMinute;
    if (!Number.isInteger(perMinute) || perMinute < 1 || perMinute > 100_000) throw error(ApiKeyErrorCode.INVALID_RATE_LIMIT, this.options.locale, ['input', 'requestsPerMinute']);
    const secret = `seh_${randomBytes(32).toString('base64url')}`;
    const [row] = await this.em.execute<KeyRow[]>(
      `insert into media_api_key (id, name, prefix, key_sha256, requests_per_minute, created_by_id) values (?, ?, ?, ?, ?, (select id from staff_user where id = ?))
       returning id, name, prefix, requests_per_minute, created_at, revoked_at, last_used_at`,
      [randomUUID(), name, secret.slice(0, 10), hashApiKey(secret), perMinute, createdBy ?? randomUUID()],
    );
    return { apiKey: toKey(row), secret };
  }

  async revoke(id: string): Promise<ApiKey> {
    const rows = /^[0-9a-f-]{36}$/i.test(id)
      ? await this.em.execute<KeyRow[]>(
          `update media_api_key set revoked_at = coalesce(revoked_at, now()) where id = ? returning id, name, prefix, requests_per_minute, created_at, revoked_at, last_used_at`,
          [id],
        )
      : [];
    if (!rows.length) throw error(ApiKeyErrorCode.API_KEY_NOT_FOUND, this.options.locale, ['input', 'id']);
    return toKey(rows[0]);
  }

  async list(): Promise<ApiKey[]> {
    const rows = await this.em.execute<KeyRow[]>(`select id, name, prefix, requests_per_minute, created_at, revoked_at, last_used_at from media_api_key order by created_at desc, id`);
    return rows.map(toKey);
  }

  /** The key holder for a secret, or null when the secret is malformed, unknown or revoked. */
  async authenticate(secret: string): Promise<KeyHolder | null> {
    if (!SECRET.test(secret)) return null;
    const [row] = await this.em.execute<{ id: string; requests_per_minute: number; stale: boolean }[]>(
      `select id, requests_per_minute, (last_used_at is null or last_used_at < now() - interval '1 minute') as stale
         from media_api_key where key_sha256 = ? and revoked_at is null`,
      [hashApiKey(secret)],
    );
    if (!row) return null;
    if (row.stale) await this.em.execute(`update media_api_key set last_used_at = now() where id = ?`, [row.id]);
    return { id: row.id, requestsPerMinute: row.requests_per_minute };
  }
}
