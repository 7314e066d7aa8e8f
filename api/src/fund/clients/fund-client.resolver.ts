import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../context';
import { StaffRole } from '../../access';
import { SocialEconomyEntity } from '../../observatory';
import { ForwardPageArgs, pageWindow, toConnection, type Connection } from '../../shared/relay';
import { TerritorialUnit } from '../../territory';
import { CLIENT_READERS, FundClient, FundClientMember } from './fund-client.entity';
import { FundClientKind } from './fund-client-kind';
import { FundClientConnection, FundClientRegisterEntityInput, FundClientRegisterFoundingGroupInput, FundClientRegisterPayload } from './fund-client.graphql';
import { FundClientService } from './fund-client.service';
import { localIdFor } from './ids';
import { originationLoaders } from './origination.loaders';
import { intoPayload } from './payload';

const service = (ctx: HubContext) => new FundClientService(ctx.em, ctx.locale);

@Resolver(() => FundClient)
export class FundClientResolver {
  @Authorized(...CLIENT_READERS)
  @Query(() => FundClientConnection, { description: 'The fund’s clients, ordered by name (fund staff only).' })
  async fundClients(
    @Arg('kind', () => FundClientKind, { nullable: true, description: 'Only registry entities, or only founding groups.' }) kind: FundClientKind | null | undefined,
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Connection<FundClient>> {
    const window = pageWindow(page);
    const { rows, totalCount } = await service(ctx).list({ kind }, window);
    return toConnection(rows, totalCount, window);
  }

  @Authorized(...CLIENT_READERS)
  @Query(() => FundClient, { nullable: true, description: 'One fund client by id; empty if there is none (fund staff only).' })
  async fundClient(@Arg('id', () => ID, { description: 'The client’s global id.' }) id: string, @Ctx() ctx: HubContext): Promise<FundClient | null> {
    return originationLoaders(ctx).clientById.load(localIdFor(id, 'FundClient', ['id']));
  }

  @Authorized(StaffRole.FUND_OFFICER, StaffRole.ADVISOR)
  @Mutation(() => FundClientRegisterPayload, { description: 'Makes a social economy entity from the registry a client of the fund (fund officers and advisors).' })
  async fundClientRegisterEntity(@Arg('input', () => FundClientRegisterEntityInput) input: FundClientRegisterEntityInput, @Ctx() ctx: HubContext): Promise<FundClientRegisterPayload> {
    return intoPayload(new FundClientRegisterPayload(), 'client', () => service(ctx).registerEntity(localIdFor(input.entityId, 'SocialEconomyEntity', ['input', 'entityId']), ctx.user!));
  }

  @Authorized(StaffRole.FUND_OFFICER, StaffRole.ADVISOR)
  @Mutation(() => FundClientRegisterPayload, { description: 'Registers a founding group, with its members, as a client of the fund (fund officers and advisors).' })
  async fundClientRegisterFoundingGroup(@Arg('input', () => FundClientRegisterFoundingGroupInput) input: FundClientRegisterFoundingGroupInput, @Ctx() ctx: HubContext): Promise<FundClientRegisterPayload> {
    return intoPayload(new FundClientRegisterPayload(), 'client', () => service(ctx).registerFoundingGroup(input, ctx.user!));
  }

  @FieldResolver(() => SocialEconomyEntity, { nullable: true, description: 'For an entity client: its registry entry.' })
  async entity(@Root() client: FundClient, @Ctx() ctx: HubContext): Promise<SocialEconomyEntity | null> {
    return client.entity ? ctx.loaders.observatory.entityById.load(client.entity.id) : null;
  }

  @FieldResolver(() => TerritorialUnit, { description: 'Where the client operates: the entity’s seat, or the area a founding group named.' })
  async territory(@Root() client: FundClient, @Ctx() ctx: HubContext): Promise<TerritorialUnit> {
    const unit = await ctx.loaders.territory.unitByCode.load(client.territory.terytCode);
    if (!unit) throw new Error(`Territory ${client.territory.terytCode} of fund client ${client.id} is missing`);
    return unit;
  }

  @Authorized(...CLIENT_READERS)
  @FieldResolver(() => [FundClientMember], { description: 'For a founding group: its members (personal data, fund staff only); empty for an entity.' })
  async members(@Root() client: FundClient, @Ctx() ctx: HubContext): Promise<FundClientMember[]> {
    return originationLoaders(ctx).membersByClient.load(client.id);
  }
}
