import DataLoader from 'dataloader';
import type { Logger } from 'pino';
import { CmsClient, CmsUnavailableError } from '../cms/cms-client';
import type { QueryValue } from '../cms/query-string';
import { HubError } from '../../shared/errors';
import { DEFAULT_LOCALE, type Locale } from '../../shared/i18n';
import { cmsUnavailable } from '../stories/content-reader';
import { ACADEMY_TYPES, type AcademyRecords, type AcademyType } from './academy-records';

/** A way to find academy entries: by slug, by documentId, by the course a module belongs to, or all of a type. */
export interface AcademyLookup {
  by: 'slug' | 'document' | 'course' | 'all';
  value: string;
}

const CMS_PAGE_SIZE = 100;
const CMS_MAX_PAGES = 5;

const keyOf = (type: AcademyType, locale: Locale, l: AcademyLookup) => `${ACADEMY_TYPES[type].prefix}|${locale}|${l.by}|${l.value}`;

function matches(record: { slug: string; documentId: string; course?: { documentId: string } | null }, l: AcademyLookup): boolean {
  switch (l.by) {
    case 'slug':
      return record.slug === l.value;
    case 'document':
      return record.documentId === l.value;
    case 'course':
      return record.course?.documentId === l.value;
    case 'all':
      return true;
  }
}

function batchFilter(lookups: readonly AcademyLookup[]): Record<string, QueryValue> | undefined {
  if (lookups.some((l) => l.by === 'all')) return undefined;
  const or: QueryValue[] = [];
  const values = (by: AcademyLookup['by']) => [...new Set(lookups.filter((l) => l.by === by).map((l) => l.value))];
  if (values('slug').length) or.push({ slug: { $in: values('slug') } });
  if (values('document').length) or.push({ documentId: { $in: values('document') } });
  if (values('course').length) or.push({ course: { documentId: { $in: values('course') } } });
  return { $or: or };
}

/**
 * Academy content (courses, modules, materials, workshops) for one GraphQL request, the way the
 * story reader works: one Strapi request per content type and language, whatever the number of
 * lookups; answers from the shared cache while fresh; stale cached answers when the CMS is down
 * (reported through `onStale`, which feeds `extensions.cms`); CMS_UNAVAILABLE for a lookup with
 * nothing cached. Lookups in English fall back to Polish per entry.
 */
export class AcademyContentReader {
  private readonly loaders = new Map<string, DataLoader<AcademyLookup, unknown[], string>>();

  constructor(
    private readonly client: CmsClient,
    private readonly onStale: (fetchedAt: number) => void,
    private readonly log?: Logger,
  ) {}

  get cmsBaseUrl(): string {
    return this.client.baseUrl;
  }

  /** Entries of a type answering a lookup in `locale`, each in Polish where no translation exists. */
  async find<T extends AcademyType>(type: T, lookup: AcademyLookup, locale: Locale): Promise<AcademyRecords[T][]> {
    const wanted = this.loader(type, locale).load(lookup) as Promise<AcademyRecords[T][]>;
    if (locale === DEFAULT_LOCALE) return wanted;
    // A slug is per language: an English slug is looked up only in English.
    const fallback = lookup.by === 'slug' ? Promise.resolve([]) : (this.loader(type, DEFAULT_LOCALE).load(lookup) as Promise<AcademyRecords[T][]>).catch((e: unknown) => (e instanceof HubError ? [] : Promise.reject(e)));
    const [inLocale, inPolish] = await Promise.all([wanted, fallback]);
    const byDocument = new Map<string, AcademyRecords[T]>();
    for (const record of [...inPolish, ...inLocale]) byDocument.set(record.documentId, record);
    return [...byDocument.values()];
  }

  async one<T extends AcademyType>(type: T, lookup: AcademyLookup, locale: Locale): Promise<AcademyRecords[T] | null> {
    return (await this.find(type, lookup, locale))[0] ?? null;
  }

  private loader(type: AcademyType, locale: Locale): DataLoader<AcademyLookup, unknown[], string> {
    const name = `${type}|${locale}`;
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader((lookups) => this.loadBatch(type, locale, lookups), { cacheKeyFn: (l) => keyOf(type, locale, l), maxBatchSize: 200 });
      this.loaders.set(name, loader);
    }
    return loader;
  }

  private async loadBatch(type: AcademyType, locale: Locale, lookups: readonly AcademyLookup[]): Promise<(unknown[] | Error)[]> {
    const answers = new Map<AcademyLookup, unknown[]>();
    const missing: AcademyLookup[] = [];
    for (const lookup of lookups) {
      const hit = this.client.cache.get(keyOf(type, locale, lookup));
      if (hit?.fresh) answers.set(lookup, hit.value as unknown[]);
      else missing.push(lookup);
    }
    if (missing.length) {
      const generation = this.client.cache.generation;
      try {
        const fetched = await this.fetchAll(type, locale, missing);
        for (const lookup of missing) {
          const matching = fetched.filter((r) => matches(r as never, lookup));
          this.client.cache.setIfCurrent(keyOf(type, locale, lookup), matching, generation);
          answers.set(lookup, matching);
        }
      } catch (error) {
        if (!(error instanceof CmsUnavailableError)) throw error;
        for (const lookup of missing) {
          const stale = this.client.cache.get(keyOf(type, locale, lookup));
          if (stale) {
            this.onStale(stale.fetchedAt);
            answers.set(lookup, stale.value as unknown[]);
          }
        }
        this.log?.warn({ err: error.message, type, served: answers.size, failed: lookups.length - answers.size }, 'CMS unavailable: serving cached academy content where possible');
      }
    }
    return lookups.map((l) => answers.get(l) ?? cmsUnavailable());
  }

  private async fetchAll(type: AcademyType, locale: Locale, lookups: AcademyLookup[]): Promise<unknown[]> {
    const spec = ACADEMY_TYPES[type];
    const filters = batchFilter(lookups);
    const records: unknown[] = [];
    for (let page = 1; page <= CMS_MAX_PAGES; page++) {
      const response = await this.client.list<unknown>(spec.collection, {
        locale,
        fields: [...spec.fields],
        populate: spec.populate as unknown as Record<string, QueryValue>,
        sort: ['documentId:asc'],
        pagination: { page, pageSize: CMS_PAGE_SIZE },
        ...(filters ? { filters } : {}),
      });
      records.push(...response.data);
      if (page >= (response.meta.pagination?.pageCount ?? 1)) break;
    }
    return records;
  }
}
