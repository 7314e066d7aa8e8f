import type { Logger } from 'pino';
import type { HubModule } from '../shared/module';
import type { HubContext } from '../context';
import { CmsClient } from './cms/cms-client';
import { ContentReader } from './stories/content-reader';
import { SuccessStoryResolver, EntityStoriesResolver, TerritoryStoriesResolver } from './stories/success-story.resolver';
import { CourseResolver, CourseModuleResolver, MaterialResolver, WorkshopContentResolver } from './academy/academy-content.resolver';
import { StoryFlagResolver } from './flags/story-flag.resolver';
import { DEFAULT_LOCALE } from '../shared/i18n';

export { CmsClient, CmsUnavailableError } from './cms/cms-client';
export { ContentReader, contentStalenessExtension } from './stories/content-reader';
export { SuccessStory } from './stories/success-story.type';
export { Course, CourseModule, Material, Workshop, toCourse, toCourseModule, toMaterial, toWorkshop, absoluteUrl } from './academy/academy-content.types';
export { AcademyContentReader, type AcademyLookup } from './academy/academy-content-reader';
export { rememberLocale, localeOf } from './academy/academy-content.resolver';
export { StoryFlag, StoryFlagReason, flagsForEntities } from './flags/story-flag';
export { StoryFlagWriter, type StoryFlagWriterOptions } from './flags/story-flag-sweep';
export { CACHE_PREFIXES_BY_MODEL, createCmsWebhookRouter, type CmsWebhookEvent } from './webhooks/cms-webhook.router';

/** A fresh reader per GraphQL request over the process-wide client and cache. */
export function createContentReader(client: CmsClient, log?: Logger): ContentReader {
  return new ContentReader(client, client.baseUrl, log);
}

export const contentModule = {
  name: 'content',
  entities: [],
  resolvers: [SuccessStoryResolver, EntityStoriesResolver, TerritoryStoriesResolver, CourseResolver, CourseModuleResolver, MaterialResolver, WorkshopContentResolver, StoryFlagResolver],
  nodeFetchers: {
    SuccessStory: async (documentIds, ctx) =>
      Promise.all(documentIds.map(async (value) => (await ctx.content.stories({ kind: 'document', value }, DEFAULT_LOCALE))[0] ?? null)),
  },
} satisfies HubModule<never, HubContext>;
