import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../context';
import { Locale, DEFAULT_LOCALE } from '../../shared/i18n';
import { ForwardPageArgs, pageWindow, toConnection, type Connection } from '../../shared/relay';
import { badInput, notFound } from '../../shared/errors';
import { SocialEconomyEntity } from '../../observatory';
import { TerritorialUnit } from '../../territory';
import { SuccessStory, SuccessStoryConnection } from './success-story.type';
import { COUNTRY_CODE } from './story-lookup';

const TERYT_OR_COUNTRY = /^(PL|\d{2}|\d{4}|\d{7})$/;

/** Stories per territory served by `TerritorialUnit.stories`: the newest ones. */
export const STORIES_PER_UNIT = 50;

async function unitOrAncestor(ctx: HubContext, code: string): Promise<TerritorialUnit | null> {
  // A story may name a gmina the hub does not hold (built-in territory has voivodeships only): use the finest known ancestor.
  for (const candidate of [code, code.slice(0, 4), code.slice(0, 2)].filter((c, i, all) => c.length >= 2 && all.indexOf(c) === i)) {
    const unit = await ctx.loaders.territory.unitByCode.load(candidate);
    if (unit) return unit;
  }
  return null;
}

@Resolver(() => SuccessStory)
export class SuccessStoryResolver {
  @Query(() => SuccessStoryConnection, { nullable: true, description: 'Published success stories, newest first, optionally only those from a territory (including all units inside it).' })
  async successStories(
    @Arg('locale', () => Locale, { defaultValue: DEFAULT_LOCALE, description: 'Language wanted; stories without a translation are served in Polish.' }) locale: Locale,
    @Arg('territory', () => String, { nullable: true, description: 'TERYT code (2, 4 or 7 digits, or PL for the whole country).' }) territory: string | undefined,
    @Args() page: ForwardPageArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Connection<SuccessStory> | null> {
    const window = pageWindow(page);
    if (territory !== undefined && territory !== null) {
      if (!TERYT_OR_COUNTRY.test(territory)) throw badInput('INVALID_TERYT_CODE', `"${territory}" is not a TERYT code (2, 4 or 7 digits) or PL`, ['territory']);
      if (!(await ctx.loaders.territory.unitByCode.load(territory))) throw notFound('TERRITORY_NOT_FOUND', `No territorial unit has the TERYT code ${territory}`, ['territory']);
    }
    const { stories, total } = await ctx.content.page({ locale, terytPrefix: territory === COUNTRY_CODE ? undefined : territory, ...window });
    return toConnection(stories, total, window);
  }

  @Query(() => SuccessStory, { nullable: true, description: 'One published success story by its slug; null when no story has it.' })
  async successStory(
    @Arg('slug', { description: 'The story slug, in the language asked for or in Polish.' }) slug: string,
    @Arg('locale', () => Locale, { defaultValue: DEFAULT_LOCALE, description: 'Language wanted; falls back to Polish.' }) locale: Locale,
    @Ctx() ctx: HubContext,
  ): Promise<SuccessStory | null> {
    if (!slug.trim() || slug.length > 200) throw badInput('INVALID_SLUG', 'slug must be 1–200 characters', ['slug']);
    const [story] = await ctx.content.stories({ kind: 'slug', value: slug }, locale);
    return story ?? null;
  }

  @FieldResolver(() => SocialEconomyEntity, { nullable: true, description: 'The registry entity the story is about, if it names one the registry holds.' })
  async entity(@Root() story: SuccessStory, @Ctx() ctx: HubContext): Promise<SocialEconomyEntity | null> {
    if (!story.entityKey) return null;
    return ctx.loaders.observatory.entityById.load(story.entityKey);
  }

  @FieldResolver(() => TerritorialUnit, { nullable: true, description: "The territorial unit of the story's place (the finest one the hub knows)." })
  async territory(@Root() story: SuccessStory, @Ctx() ctx: HubContext): Promise<TerritorialUnit | null> {
    return story.terytCode && TERYT_OR_COUNTRY.test(story.terytCode) ? unitOrAncestor(ctx, story.terytCode) : null;
  }
}

@Resolver(() => SocialEconomyEntity)
export class EntityStoriesResolver {
  @FieldResolver(() => [SuccessStory], { nullable: true, description: 'Published success stories about this entity, newest first. Null (with a CMS_UNAVAILABLE error) only when the CMS cannot be reached and nothing is cached.' })
  async stories(
    @Root() entity: SocialEconomyEntity,
    @Arg('locale', () => Locale, { defaultValue: DEFAULT_LOCALE, description: 'Language wanted; falls back to Polish.' }) locale: Locale,
    @Ctx() ctx: HubContext,
  ): Promise<SuccessStory[]> {
    return ctx.content.stories({ kind: 'entity', value: entity.id }, locale);
  }
}

@Resolver(() => TerritorialUnit)
export class TerritoryStoriesResolver {
  @FieldResolver(() => [SuccessStory], { nullable: true, description: `Published success stories from this unit or any unit inside it, newest first (at most ${STORIES_PER_UNIT}). Null (with a CMS_UNAVAILABLE error) only when the CMS cannot be reached and nothing is cached.` })
  async stories(
    @Root() unit: TerritorialUnit,
    @Arg('locale', () => Locale, { defaultValue: DEFAULT_LOCALE, description: 'Language wanted; falls back to Polish.' }) locale: Locale,
    @Ctx() ctx: HubContext,
  ): Promise<SuccessStory[]> {
    const stories = await ctx.content.stories({ kind: 'territory', value: unit.terytCode }, locale);
    return stories.slice(0, STORIES_PER_UNIT);
  }
}
