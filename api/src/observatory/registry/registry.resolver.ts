import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../context';
import { ConnectionType, ForwardPageArgs, pageWindow, toConnection, type Connection } from '../../shared/relay';
import { TerritorialUnit, territoryNotFound } from '../../territory';
import { SocialEconomyEntity } from './social-economy-entity.entity';
import { normaliseFilter, SocialEconomyEntityFilter } from './entity-filter.input';
import { findEntity } from './registry.service';

export const SocialEconomyEntityConnection = ConnectionType(
  SocialEconomyEntity,
  'SocialEconomyEntity',
  'A page of social economy entities, ordered by name (then id, so the order never changes between pages).',
);

@Resolver(() => SocialEconomyEntity)
export class SocialEconomyEntityResolver {
  @Query(() => SocialEconomyEntity, { description: 'One social economy entity, found by exactly one of: id, KRS number, REGON or NIP.' })
  async entity(
    @Arg('id', () => ID, { nullable: true, description: 'Its global id (or the UUID that CMS entries use as entityKey).' }) id: string | null | undefined,
    @Arg('krs', () => String, { nullable: true, description: 'KRS number, 10 digits with its leading zeros (e.g. "0000566214").' }) krs: string | null | undefined,
    @Arg('regon', () => String, { nullable: true, description: 'REGON, 9 or 14 digits; spaces and dashes are ignored.' }) regon: string | null | undefined,
    @Arg('nip', () => String, { nullable: true, description: 'NIP, 10 digits; spaces, dashes and a PL prefix are ignored.' }) nip: string | null | undefined,
    @Ctx() ctx: HubContext,
  ): Promise<SocialEconomyEntity> {
    return findEntity(ctx.em, { id, krs, regon, nip });
  }

  @Query(() => SocialEconomyEntityConnection, { description: 'Social economy entities in the registry, ordered by name, optionally filtered by form, status, territory and name.' })
  async entities(
    @Arg('filter', () => SocialEconomyEntityFilter, { nullable: true, description: 'Conditions the entities must meet.' }) filter: SocialEconomyEntityFilter | null | undefined,
    @Args() page: ForwardPageArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Connection<SocialEconomyEntity>> {
    const window = pageWindow(page);
    const canonical = normaliseFilter(filter);
    const within = canonical.terytCode ?? 'PL';
    if (canonical.terytCode && !(await ctx.loaders.territory.unitByCode.load(canonical.terytCode))) {
      throw territoryNotFound(canonical.terytCode, ['filter', 'terytCode']);
    }
    const { entities, total } = await ctx.loaders.observatory.entitiesWithin.load({ terytCode: within, filter: { ...canonical, terytCode: null }, window });
    return toConnection(entities, total, window);
  }

  @FieldResolver(() => TerritorialUnit, { description: 'The territorial unit of the registered seat: a gmina when the hub holds the full TERYT register, otherwise the voivodeship.' })
  async seat(@Root() entity: SocialEconomyEntity, @Ctx() ctx: HubContext): Promise<TerritorialUnit> {
    const unit = await ctx.loaders.territory.unitByCode.load(entity.seat.terytCode);
    if (!unit) throw new Error(`Seat ${entity.seat.terytCode} of entity ${entity.id} is missing`);
    return unit;
  }
}

/** `TerritorialUnit.entities` lives here: the territory module must not depend on the registry. */
@Resolver(() => TerritorialUnit)
export class TerritorialUnitEntitiesResolver {
  @FieldResolver(() => SocialEconomyEntityConnection, { description: 'Social economy entities seated in this unit or any unit inside it, ordered by name.' })
  async entities(
    @Root() unit: TerritorialUnit,
    @Arg('filter', () => SocialEconomyEntityFilter, { nullable: true, description: 'Further conditions the entities must meet.' }) filter: SocialEconomyEntityFilter | null | undefined,
    @Args() page: ForwardPageArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Connection<SocialEconomyEntity>> {
    const window = pageWindow(page);
    const { entities, total } = await ctx.loaders.observatory.entitiesWithin.load({ terytCode: unit.terytCode, filter: normaliseFilter(filter), window });
    return toConnection(entities, total, window);
  }
}
