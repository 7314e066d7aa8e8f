import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../context';
import { TerritorialUnit } from '../territorial-unit.entity';
import { StatisticalArea } from './statistical-area.entity';
import { StatisticalAreaLevel } from './statistical-area-level';
import { areaNotFound, assertAreaCode, listNutsAreas } from './statistical-area.service';

const isNuts = (area: StatisticalArea) => area.level === StatisticalAreaLevel.NUTS2 || area.level === StatisticalAreaLevel.NUTS3;

@Resolver(() => StatisticalArea)
export class StatisticalAreaResolver {
  @Query(() => StatisticalArea, { description: 'One area statistics are published for, by code: PL, a TERYT code, or "NUTS:" and a NUTS code (e.g. "NUTS:PL213").' })
  async statisticalArea(
    @Arg('code', () => String, { description: 'PL, a TERYT code (2, 4 or 7 digits), or "NUTS:" followed by a Polish NUTS 2 or NUTS 3 code.' }) code: string,
    @Ctx() ctx: HubContext,
  ): Promise<StatisticalArea> {
    assertAreaCode(code, ['code']);
    const area = await ctx.loaders.territory.areaByCode.load(code);
    if (!area) throw areaNotFound(code, ['code']);
    return area;
  }

  @Query(() => [StatisticalArea], {
    description:
      'The Polish NUTS regions, in code order. NUTS is the EU’s classification of statistical regions: NUTS 2 regions are voivodeships (Mazowieckie split in two), NUTS 3 subregions group whole powiats. Source: Eurostat GISCO, NUTS 2021 (© EuroGeographics for the administrative boundaries); the hub places each powiat in its NUTS 3 subregion from the boundary geometry. Empty when the hub runs without NUTS geometry.',
  })
  async nutsRegions(
    @Arg('level', () => StatisticalAreaLevel, { nullable: true, description: 'NUTS2 or NUTS3; both when omitted.' }) level: StatisticalAreaLevel | null | undefined,
    @Ctx() ctx: HubContext,
  ): Promise<StatisticalArea[]> {
    return listNutsAreas(ctx.em, level, ['level']);
  }

  @FieldResolver(() => StatisticalArea, {
    nullable: true,
    description: 'The area this one adds up into in its own hierarchy: gmina → powiat → voivodeship → Poland, NUTS 3 → NUTS 2 → Poland. Null for Poland.',
  })
  async parent(@Root() area: StatisticalArea, @Ctx() ctx: HubContext): Promise<StatisticalArea | null> {
    return area.parent ? ctx.loaders.territory.areaByCode.load(area.parent.code) : null;
  }

  @FieldResolver(() => TerritorialUnit, { nullable: true, description: 'The territorial unit this area is (same code); null for a NUTS region, which is no administrative unit.' })
  async territorialUnit(@Root() area: StatisticalArea, @Ctx() ctx: HubContext): Promise<TerritorialUnit | null> {
    return isNuts(area) ? null : ctx.loaders.territory.unitByCode.load(area.code);
  }
}

@Resolver(() => TerritorialUnit)
export class TerritorialUnitNutsResolver {
  @FieldResolver(() => StatisticalArea, {
    nullable: true,
    description: 'The NUTS 3 subregion (EU statistical region grouping whole powiats) this powiat or gmina lies in. Null for voivodeships and Poland, and when the hub has no NUTS geometry.',
  })
  async nuts3(@Root() unit: TerritorialUnit, @Ctx() ctx: HubContext): Promise<StatisticalArea | null> {
    return (await ctx.loaders.territory.nutsByUnitCode.load(unit.terytCode)).nuts3;
  }

  @FieldResolver(() => StatisticalArea, {
    nullable: true,
    description: 'The NUTS 2 region (EU statistical region; a voivodeship, or one of the two halves of Mazowieckie) this powiat or gmina lies in. Null for voivodeships and Poland, and when the hub has no NUTS geometry.',
  })
  async nuts2(@Root() unit: TerritorialUnit, @Ctx() ctx: HubContext): Promise<StatisticalArea | null> {
    return (await ctx.loaders.territory.nutsByUnitCode.load(unit.terytCode)).nuts2;
  }
}
