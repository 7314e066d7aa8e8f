import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../context';
import { SuccessStory } from '../stories/success-story.type';
import { StoryFlag, flagsForEntities } from './story-flag';

const loaders = new WeakMap<EntityManager, DataLoader<string, StoryFlag | null>>();
const flagLoader = (em: EntityManager) => {
  let loader = loaders.get(em);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly string[]) => {
      const flags = await flagsForEntities(em, ids);
      return ids.map((id) => flags.get(id.toLowerCase()) ?? null);
    });
    loaders.set(em, loader);
  }
  return loader;
};

@Resolver(() => SuccessStory)
export class StoryFlagResolver {
  @FieldResolver(() => StoryFlag, { nullable: true, description: 'Set when the entity the story is about has lost its social enterprise status or been struck off the register; the story may be out of date. Null otherwise.' })
  flag(@Root() story: SuccessStory, @Ctx() ctx: HubContext): Promise<StoryFlag | null> | null {
    return story.entityKey ? flagLoader(ctx.em).load(story.entityKey) : null;
  }
}
