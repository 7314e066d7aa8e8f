import type { Logger } from 'pino';
import type { HubModule } from '../shared/module';
import type { HubContext } from '../context';
import { CmsClient } from './cms/cms-client';
import { ContentReader } from './stories/content-reader';
import { SuccessStoryResolver, EntityStoriesResolver, TerritoryStoriesResolver } from './stories/success-story.resolver';
import { DEFAULT_LOCALE } from '../shared/i18n';

export { CmsClient, CmsUnavailableError } from './cms/cms-client';
export { ContentReader, contentStalenessExtension } from './stories/content-reader';
export { SuccessStory } from './stories/success-story.type';

/** A fresh reader per GraphQL request over the process-wide client and cache. */
export function createContentReader(client: CmsClient, log?: Logger): ContentReader {
  return new ContentReader(client, client.baseUrl, log);
}

export const contentModule = {
  name: 'content',
  entities: [],
  resolvers: [SuccessStoryResolver, EntityStoriesResolver, TerritoryStoriesResolver],
  nodeFetchers: {
    SuccessStory: async (documentIds, ctx) =>
      Promise.all(documentIds.map(async (value) => (await ctx.content.stories({ kind: 'document', value }, DEFAULT_LOCALE))[0] ?? null)),
  },
} satisfies HubModule<never, HubContext>;
