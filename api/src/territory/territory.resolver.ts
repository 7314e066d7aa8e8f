import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../context';
import { badInput } from '../shared/errors';
import { ConnectionType, ForwardPageArgs, pageWindow, toConnection, type Connection } from '../shared/relay';
import { TerritorialUnit } from './territorial-unit.entity';
import { PopulationFigure } from './population-figure.entity';
import { TerritorialLevel } from './territorial-level';
import { assertTerytCode, listUnits, territoryNotFound } from './territory.service';

export const TerritorialUnitConnection = ConnectionType(TerritorialUnit, 'TerritorialUnit', 'A page of territorial units in TERYT code order.');

@Resolver(() => TerritorialUnit)
export class TerritorialUnitResolver {
  @Query(() => TerritorialUnit, { description: 'One territorial unit by its TERYT code (PL for the country).' })
  async territorialUnit(
    @Arg('terytCode', () => String, { description: 'PL, or a TERYT code of 2 (voivodeship), 4 (powiat) or 7 digits (gmina, with its type digit).' }) terytCode: string,
    @Ctx() ctx: HubContext,
  ): Promise<TerritorialUnit> {
    assertTerytCode(terytCode, ['terytCode']);
    const unit = await ctx.loaders.territory.unitByCode.load(terytCode);
    if (!unit) throw territoryNotFound(terytCode, ['terytCode']);
    return unit;
  }

  @Query(() => TerritorialUnitConnection, { description: 'Territorial units in TERYT code order, optionally only one level and/or only those directly inside one unit.' })
  async territorialUnits(
    @Arg('level', () => TerritorialLevel, { nullable: true, description: 'Only units of this level.' }) level: TerritorialLevel | null | undefined,
    @Arg('parentTerytCode', () => String, { nullable: true, description: 'Only units directly inside the unit with this TERYT code (e.g. "12" for the powiats of małopolskie).' })
    parentTerytCode: string | null | undefined,
    @Args() page: ForwardPageArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Connection<TerritorialUnit>> {
    const window = pageWindow(page);
    if (parentTerytCode != null) {
      assertTerytCode(parentTerytCode, ['parentTerytCode']);
      if (!(await ctx.loaders.territory.unitByCode.load(parentTerytCode))) throw territoryNotFound(parentTerytCode, ['parentTerytCode']);
    }
    const { units, total } = await listUnits(ctx.em, { level, parentTerytCode }, window);
    return toConnection(units, total, window);
  }

  @FieldResolver(() => TerritorialUnit, { nullable: true, description: 'The unit directly containing this one (a gmina’s powiat, a powiat’s voivodeship, a voivodeship’s country); null for the country.' })
  async parent(@Root() unit: TerritorialUnit, @Ctx() ctx: HubContext): Promise<TerritorialUnit | null> {
    return unit.parent ? ctx.loaders.territory.unitByCode.load(unit.parent.terytCode) : null;
  }

  @FieldResolver(() => [TerritorialUnit], { description: 'The units directly inside this one, in TERYT code order (empty for a gmina, and below voivodeships when the hub runs on its built-in territory).' })
  async children(@Root() unit: TerritorialUnit, @Ctx() ctx: HubContext): Promise<TerritorialUnit[]> {
    return ctx.loaders.territory.childrenByCode.load(unit.terytCode);
  }

  @FieldResolver(() => PopulationFigure, { nullable: true, description: 'Population in the given year, or the latest figure the hub holds when no year is given; null when there is none.' })
  async population(
    @Root() unit: TerritorialUnit,
    @Arg('year', () => Int, { nullable: true, description: 'The year wanted (e.g. 2024).' }) year: number | null | undefined,
    @Ctx() ctx: HubContext,
  ): Promise<PopulationFigure | null> {
    if (year != null && (year < 1900 || year > 2100)) throw badInput('INVALID_YEAR', `year must be between 1900 and 2100, got ${year}`, ['year']);
    const figures = await ctx.loaders.territory.populationsByCode.load(unit.terytCode);
    return (year == null ? figures.at(-1) : figures.find((f) => f.year === year)) ?? null;
  }

  @FieldResolver(() => [PopulationFigure], { description: 'Every population figure the hub holds for this unit, oldest year first.' })
  async populations(@Root() unit: TerritorialUnit, @Ctx() ctx: HubContext): Promise<PopulationFigure[]> {
    return ctx.loaders.territory.populationsByCode.load(unit.terytCode);
  }
}
