import { Locale } from '../../shared/i18n';
import { ContentImage, SuccessStory } from './success-story.type';

/** The Strapi collection and the fields the hub reads: listed explicitly, never `populate=*`. */
export const STORY_COLLECTION = 'success-stories';
export const STORY_FIELDS = ['documentId', 'title', 'slug', 'lead', 'body', 'tags', 'locale', 'publishedAt', 'entityKey', 'terytCode'];
export const STORY_POPULATE = { cover: { fields: ['url', 'alternativeText', 'width', 'height'] } };

/** One story as Strapi 5's REST API returns it (flat attributes). */
export interface StrapiStory {
  documentId: string;
  title: string;
  slug: string;
  lead?: string | null;
  body?: string | null;
  tags?: unknown;
  locale: string;
  publishedAt?: string | null;
  entityKey?: string | null;
  terytCode?: string | null;
  cover?: { url: string; alternativeText?: string | null; width?: number | null; height?: number | null } | null;
}

function absolute(url: string, cmsBaseUrl: string): string {
  return /^https?:\/\//.test(url) ? url : `${cmsBaseUrl}${url.startsWith('/') ? '' : '/'}${url}`;
}

export function toSuccessStory(raw: StrapiStory, cmsBaseUrl: string): SuccessStory {
  const story = new SuccessStory();
  story.documentId = raw.documentId;
  story.title = raw.title;
  story.slug = raw.slug;
  story.lead = raw.lead ?? null;
  story.body = raw.body ?? null;
  story.tags = Array.isArray(raw.tags) ? raw.tags.filter((t): t is string => typeof t === 'string') : [];
  story.locale = raw.locale === Locale.en ? Locale.en : Locale.pl;
  story.publishedAt = raw.publishedAt ? new Date(raw.publishedAt) : null;
  story.entityKey = raw.entityKey || null;
  story.terytCode = raw.terytCode || null;
  story.cover = raw.cover?.url
    ? Object.assign(new ContentImage(), {
        url: absolute(raw.cover.url, cmsBaseUrl),
        alternativeText: raw.cover.alternativeText ?? null,
        width: raw.cover.width ?? null,
        height: raw.cover.height ?? null,
      })
    : null;
  return story;
}
