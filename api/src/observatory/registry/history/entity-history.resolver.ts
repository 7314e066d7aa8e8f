import { Arg, Ctx, FieldResolver, GraphQLISODateTime, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../context';
import { badInput } from '../../../shared/errors';
import { DateScalar, type CalendarDate } from '../../../shared/dates';
import { TerritorialUnit } from '../../../territory';
import { LegalForm, SocialEconomyEntityStatus } from '../legal-form';
import { SocialEconomyEntity } from '../social-economy-entity.entity';
import { EntityState } from './entity-state.entity';
import { RegistryEvent } from './registry-event.entity';

async function unit(ctx: HubContext, code: string): Promise<TerritorialUnit> {
  const found = await ctx.loaders.territory.unitByCode.load(code);
  if (!found) throw new Error(`Territorial unit ${code} is missing`);
  return found;
}

/** `SocialEconomyEntity.statusHistory` and `.events`, batched across every entity of a list. */
@Resolver(() => SocialEconomyEntity)
export class EntityHistoryResolver {
  @FieldResolver(() => [EntityState], {
    description:
      'How the entity’s legal form, seat, status and social enterprise status changed over time, oldest first — as the registry knew it at `recordedAt` (default: now). With `validAt`, only the version that held on that day.',
  })
  async statusHistory(
    @Root() entity: SocialEconomyEntity,
    @Arg('validAt', () => DateScalar, { nullable: true, description: 'Only the version valid on this day.' }) validAt: CalendarDate | null | undefined,
    @Arg('recordedAt', () => GraphQLISODateTime, { nullable: true, description: 'What the registry believed at this moment (default: now), before any later correction.' }) recordedAt: Date | null | undefined,
    @Ctx() ctx: HubContext,
  ): Promise<EntityState[]> {
    if (recordedAt && Number.isNaN(recordedAt.getTime())) throw badInput('INVALID_DATE', 'recordedAt is not a valid instant', ['recordedAt']);
    return ctx.loaders.observatory.statusHistory.load({ entityId: entity.id, validAt: validAt ?? null, recordedAt: recordedAt?.toISOString() ?? null });
  }

  @FieldResolver(() => [RegistryEvent], { description: 'Dated events in the entity’s life (founding, moves, social enterprise status, liquidation), in the order they happened.' })
  async events(@Root() entity: SocialEconomyEntity, @Ctx() ctx: HubContext): Promise<RegistryEvent[]> {
    return ctx.loaders.observatory.eventsByEntity.load(entity.id);
  }
}


@Resolver(() => EntityState)
export class EntityStateResolver {
  @FieldResolver(() => TerritorialUnit, { description: 'The territorial unit of the registered seat during this version.' })
  async seat(@Root() state: EntityState, @Ctx() ctx: HubContext): Promise<TerritorialUnit> {
    return unit(ctx, state.seat.terytCode);
  }
}

@Resolver(() => RegistryEvent)
export class RegistryEventResolver {
  @FieldResolver(() => LegalForm, { nullable: true, description: 'The legal form the entity took (FOUNDED, LEGAL_FORM_CHANGED); null for other events.' })
  legalForm(@Root() event: RegistryEvent): LegalForm | null {
    return (event.details.legalForm as LegalForm | undefined) ?? null;
  }

  @FieldResolver(() => TerritorialUnit, { nullable: true, description: 'The seat the entity moved to (FOUNDED, SEAT_CHANGED); null for other events.' })
  async seat(@Root() event: RegistryEvent, @Ctx() ctx: HubContext): Promise<TerritorialUnit | null> {
    const code = event.details.seatCode;
    return typeof code === 'string' ? ctx.loaders.territory.unitByCode.load(code) : null;
  }

  @FieldResolver(() => SocialEconomyEntityStatus, { nullable: true, description: 'The status the entity entered (STATUS_CHANGED); null for other events.' })
  status(@Root() event: RegistryEvent): SocialEconomyEntityStatus | null {
    return (event.details.status as SocialEconomyEntityStatus | undefined) ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'A note from the registry: a decision number, a court, a reason.' })
  note(@Root() event: RegistryEvent): string | null {
    return typeof event.details.note === 'string' ? event.details.note : null;
  }
}
