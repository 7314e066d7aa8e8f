import DataLoader from 'dataloader';
import type { Logger } from 'pino';
import { CmsClient, CmsUnavailableError } from '../cms/cms-client';
import { HubError, HubErrorCode } from '../../shared/errors';
import { Locale, DEFAULT_LOCALE } from '../../shared/i18n';
import type { QueryValue } from '../cms/query-string';
import { STORY_COLLECTION, STORY_FIELDS, STORY_POPULATE, toSuccessStory, type StrapiStory } from './story-record';
import { batchFilter, lookupKey, storyMatches, type StoryLookup } from './story-lookup';
import type { SuccessStory } from './success-story.type';
import { AcademyContentReader } from '../academy/academy-content-reader';

/** Strapi's REST page size ceiling (config/api.ts maxLimit). */
const CMS_PAGE_SIZE = 100;
/** A batched lookup never pages further than this; past it the newest stories win. */
const CMS_MAX_PAGES = 5;
/** Newest first, then by documentId, so pages are stable. */
const STORY_SORT = ['publishedAt:desc', 'documentId:asc'];

export interface StoryPage {
  stories: SuccessStory[];
  total: number;
}

export function cmsUnavailable(): HubError {
  return new HubError(HubErrorCode.CMS_UNAVAILABLE, 'Treści z CMS są chwilowo niedostępne / CMS content is temporarily unavailable; registry and territory data still answer');
}

/**
 * CMS reads for one GraphQL request. Lookups are batched: one Strapi request per content type
 * and per language needed (the requested one, plus Polish as the fallback), whatever the number
 * of entities or territories asked about. Answers come from the shared cache while fresh; when
 * the CMS is down, stale cached answers are served and the request is marked stale; a lookup
 * with nothing cached fails alone with CMS_UNAVAILABLE.
 */
export class ContentReader {
  /** Oldest cached answer served because the CMS was unreachable; null when all content is fresh. */
  staleSince: number | null = null;
  private readonly loaders = new Map<string, DataLoader<StoryLookup, StrapiStory[], string>>();
  private academyReader?: AcademyContentReader;

  /** Courses, modules, materials and workshops, batched the same way and sharing this request's staleness note. */
  get academy(): AcademyContentReader {
    return (this.academyReader ??= new AcademyContentReader(this.client, (fetchedAt) => this.markStale(fetchedAt), this.log));
  }

  constructor(
    private readonly client: CmsClient,
    private readonly cmsBaseUrl: string,
    private readonly log?: Logger,
  ) {}

  /** Stories answering a lookup in `locale`, falling back to the Polish version per story. */
  async stories(lookup: StoryLookup, locale: Locale): Promise<SuccessStory[]> {
    const wanted = this.loader(locale).load(lookup);
    const fallback = locale === DEFAULT_LOCALE ? undefined : this.loader(DEFAULT_LOCALE).load(lookup);
    const [inLocale, inPolish] = await Promise.all([wanted, fallback?.catch((e: unknown) => (e instanceof HubError ? [] : Promise.reject(e)))]);
    const byDocument = new Map<string, StrapiStory>();
    for (const story of [...(inPolish ?? []), ...inLocale]) byDocument.set(story.documentId, story); // requested locale wins
    return sortNewestFirst([...byDocument.values()]).map((s) => toSuccessStory(s, this.cmsBaseUrl));
  }

  /**
   * A page of the canonical (Polish) list, optionally within a territory; other languages
   * substitute each story's translation where one exists.
   */
  async page(options: { locale: Locale; terytPrefix?: string; limit: number; offset: number }): Promise<StoryPage> {
    const params: Record<string, QueryValue> = {
      locale: DEFAULT_LOCALE,
      fields: STORY_FIELDS,
      populate: STORY_POPULATE,
      sort: STORY_SORT,
      pagination: { start: options.offset, limit: Math.max(options.limit, 1), withCount: true },
      ...(options.terytPrefix ? { filters: { terytCode: { $startsWith: options.terytPrefix } } } : {}),
    };
    const cacheKey = `story-page|${JSON.stringify(params)}`;
    const response = await this.cached(cacheKey, () => this.client.list<StrapiStory>(STORY_COLLECTION, params).then((r) => ({ data: r.data, total: r.meta.pagination?.total ?? r.data.length })));
    const canonical = options.limit === 0 ? [] : response.data;
    if (options.locale === DEFAULT_LOCALE) return { stories: canonical.map((s) => toSuccessStory(s, this.cmsBaseUrl)), total: response.total };
    const translated = await Promise.all(
      canonical.map((s) =>
        this.loader(options.locale)
          .load({ kind: 'document', value: s.documentId })
          .catch((e: unknown) => (e instanceof HubError ? [] : Promise.reject(e))),
      ),
    );
    return { stories: canonical.map((s, i) => toSuccessStory(translated[i][0] ?? s, this.cmsBaseUrl)), total: response.total };
  }

  private loader(locale: Locale): DataLoader<StoryLookup, StrapiStory[], string> {
    let loader = this.loaders.get(locale);
    if (!loader) {
      loader = new DataLoader((lookups) => this.loadBatch(locale, lookups), { cacheKeyFn: (l) => lookupKey(locale, l), maxBatchSize: 200 });
      this.loaders.set(locale, loader);
    }
    return loader;
  }

  private async loadBatch(locale: Locale, lookups: readonly StoryLookup[]): Promise<(StrapiStory[] | Error)[]> {
    const answers = new Map<StoryLookup, StrapiStory[]>();
    const missing: StoryLookup[] = [];
    for (const lookup of lookups) {
      const hit = this.client.cache.get(lookupKey(locale, lookup));
      if (hit?.fresh) answers.set(lookup, hit.value as StrapiStory[]);
      else missing.push(lookup);
    }
    if (missing.length) {
      // Read before fetching: an answer that a webhook invalidated while it was in flight is
      // served to this request but not cached, or the old story would come back for a whole TTL.
      const generation = this.client.cache.generation;
      try {
        const fetched = await this.fetchAll(locale, missing);
        for (const lookup of missing) {
          const matching = fetched.filter((s) => storyMatches(s, lookup));
          this.client.cache.setIfCurrent(lookupKey(locale, lookup), matching, generation);
          answers.set(lookup, matching);
        }
      } catch (error) {
        if (!(error instanceof CmsUnavailableError)) throw error;
        for (const lookup of missing) {
          const stale = this.client.cache.get(lookupKey(locale, lookup));
          if (stale) {
            this.markStale(stale.fetchedAt);
            answers.set(lookup, stale.value as StrapiStory[]);
          }
        }
        this.log?.warn({ err: error.message, served: answers.size, failed: lookups.length - answers.size }, 'CMS unavailable: serving cached content where possible');
      }
    }
    return lookups.map((l) => answers.get(l) ?? cmsUnavailable());
  }

  /** One request (plus further pages, rarely) for every lookup of the batch. */
  private async fetchAll(locale: Locale, lookups: StoryLookup[]): Promise<StrapiStory[]> {
    const filters = batchFilter(lookups);
    const stories: StrapiStory[] = [];
    for (let page = 1; page <= CMS_MAX_PAGES; page++) {
      const response = await this.client.list<StrapiStory>(STORY_COLLECTION, {
        locale,
        fields: STORY_FIELDS,
        populate: STORY_POPULATE,
        sort: STORY_SORT,
        pagination: { page, pageSize: CMS_PAGE_SIZE },
        ...(filters ? { filters } : {}),
      });
      stories.push(...response.data);
      if (page >= (response.meta.pagination?.pageCount ?? 1)) break;
    }
    return stories;
  }

  private async cached<V>(key: string, fetcher: () => Promise<V>): Promise<V> {
    const hit = this.client.cache.get(key);
    if (hit?.fresh) return hit.value as V;
    const generation = this.client.cache.generation;
    try {
      const value = await fetcher();
      this.client.cache.setIfCurrent(key, value, generation);
      return value;
    } catch (error) {
      if (!(error instanceof CmsUnavailableError)) throw error;
      if (hit) {
        this.markStale(hit.fetchedAt);
        return hit.value as V;
      }
      throw cmsUnavailable();
    }
  }

  private markStale(fetchedAt: number): void {
    this.staleSince = this.staleSince === null ? fetchedAt : Math.min(this.staleSince, fetchedAt);
  }
}

function sortNewestFirst(stories: StrapiStory[]): StrapiStory[] {
  return stories.sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || a.documentId.localeCompare(b.documentId));
}

/** The `extensions.cms` note a response carries when some of its content came from a stale cache. */
export function contentStalenessExtension(reader: ContentReader): Record<string, unknown> | undefined {
  if (reader.staleSince === null) return undefined;
  return {
    stale: true,
    cachedAt: new Date(reader.staleSince).toISOString(),
    message: 'CMS nieosiągalny: treści z pamięci podręcznej mogą być nieaktualne / CMS unreachable: cached content may be out of date',
  };
}
