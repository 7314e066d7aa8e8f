import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../context';
import { Locale, DEFAULT_LOCALE } from '../../shared/i18n';
import { badInput, notFound } from '../../shared/errors';
import { canAccess, StaffRole } from '../../access';
import { StatisticalArea, StatisticalAreaLevel, TerritorialUnit } from '../../territory';
import { DataVersion, Indicator, IndicatorBreakdown, IndicatorValue } from './indicator.types';
import { IndicatorService } from './indicator.service';

const MAX_YEARS = 20;

/** Analysts and administrators may see values hidden by statistical confidentiality; nobody else. */
const mayRevealSuppressed = (ctx: HubContext) => canAccess(ctx.user, [StaffRole.ANALYST]);

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Query(() => [Indicator], { description: 'Every indicator the Observatory publishes.' })
  indicators(@Ctx() ctx: HubContext): Promise<Indicator[]> {
    return new IndicatorService(ctx.em).definitions();
  }

  @Query(() => Indicator, { nullable: true, description: 'One indicator by its code; null when there is no such indicator.' })
  async indicator(@Arg('code', { description: 'Indicator code, e.g. SOCIAL_COOPERATIVES_PER_100K.' }) code: string, @Ctx() ctx: HubContext): Promise<Indicator | null> {
    const [found] = await new IndicatorService(ctx.em).definitions([code]);
    return found ?? null;
  }

  @Query(() => [DataVersion], { description: 'Published data versions, newest first. Older versions stay retrievable and never change.' })
  dataVersions(@Ctx() ctx: HubContext): Promise<DataVersion[]> {
    return new IndicatorService(ctx.em).versions();
  }

  @FieldResolver(() => String, { description: 'Name in the requested language.' })
  name(@Root() indicator: Indicator, @Arg('locale', () => Locale, { defaultValue: DEFAULT_LOCALE, description: 'pl (default) or en.' }) locale: Locale): string {
    return locale === Locale.en ? indicator.nameEn : indicator.namePl;
  }

  @FieldResolver(() => String, { description: 'What the indicator measures, in the requested language.' })
  description(@Root() indicator: Indicator, @Arg('locale', () => Locale, { defaultValue: DEFAULT_LOCALE, description: 'pl (default) or en.' }) locale: Locale): string {
    return locale === Locale.en ? indicator.descriptionEn : indicator.descriptionPl;
  }

  @FieldResolver(() => [IndicatorValue], { description: 'Published figures for every area of a level (optionally within a parent area), for the years asked. Served from the rollup of the current (or the named) data version.' })
  async values(
    @Root() indicator: Indicator,
    @Arg('level', () => StatisticalAreaLevel, { description: 'Level of the areas wanted.' }) level: StatisticalAreaLevel,
    @Arg('years', () => [Int], { nullable: true, description: 'Years wanted; all published years when omitted.' }) years: number[] | undefined,
    @Arg('parent', () => String, { nullable: true, description: 'Only areas within this one: a TERYT code, PL, or NUTS:<code>.' }) parent: string | undefined,
    @Arg('breakdown', () => IndicatorBreakdown, { defaultValue: IndicatorBreakdown.TOTAL, description: 'TOTAL, or a breakdown the indicator offers.' }) breakdown: IndicatorBreakdown,
    @Arg('version', () => String, { nullable: true, description: 'Data version label; the current one when omitted.' }) version: string | undefined,
    @Ctx() ctx: HubContext,
  ): Promise<readonly IndicatorValue[]> {
    if (years && years.length > MAX_YEARS) throw badInput('TOO_MANY_YEARS', `ask for at most ${MAX_YEARS} years`, ['years']);
    if (breakdown !== IndicatorBreakdown.TOTAL && !indicator.breakdowns.includes(breakdown)) {
      throw badInput('BREAKDOWN_NOT_AVAILABLE', `${indicator.code} has no ${breakdown} breakdown`, ['breakdown']);
    }
    const service = new IndicatorService(ctx.em);
    if (version && (await service.versionId(version)) === null) throw notFound('DATA_VERSION_NOT_FOUND', `No published data version "${version}"`, ['version']);
    return service.values({ indicatorCodes: [indicator.code], level, years, within: parent, breakdown, version }, { revealSuppressed: mayRevealSuppressed(ctx) });
  }
}

@Resolver(() => IndicatorValue)
export class IndicatorValueResolver {
  @FieldResolver(() => StatisticalArea, { nullable: true, description: 'The area of the figure, with its name, level and parent.' })
  area(@Root() value: IndicatorValue, @Ctx() ctx: HubContext): Promise<StatisticalArea | null> {
    return ctx.loaders.territory.areaByCode.load(value.areaCode);
  }
}

@Resolver(() => TerritorialUnit)
export class TerritorialUnitIndicatorResolver {
  @FieldResolver(() => IndicatorValue, { nullable: true, description: "This unit's figure of an indicator for a year (the latest published year when omitted)." })
  async indicator(
    @Root() unit: TerritorialUnit,
    @Arg('code', { description: 'Indicator code.' }) code: string,
    @Arg('year', () => Int, { nullable: true, description: 'Year; the latest published one when omitted.' }) year: number | undefined,
    @Ctx() ctx: HubContext,
  ): Promise<IndicatorValue | null> {
    const values = await ctx.loaders.indicators.totalsByArea.load({ code, areaCode: unit.terytCode, reveal: mayRevealSuppressed(ctx) });
    const wanted = year === undefined ? values[values.length - 1] : values.find((v) => v.year === year);
    return wanted ?? null;
  }
}
