import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../context';
import { StaffRole, StaffUser } from '../../access';
import { SocialEconomyEntity } from '../../observatory';
import { DecimalScalar } from '../../shared/money';
import { ForwardPageArgs, pageWindow, toConnection, type Connection } from '../../shared/relay';
import { COUNTRY_CODE, assertTerytCode, territoryNotFound } from '../../territory';
import { FundClient } from '../clients/fund-client.entity';
import { localIdFor } from '../clients/ids';
import { originationLoaders } from '../clients/origination.loaders';
import { intoPayload } from '../clients/payload';
import { AdvisoryCase, AdvisoryOutcome, AdvisorySession, minutesToHours } from './advisory-case.entity';
import {
  AdvisorTotals,
  AdvisoryCaseConnection,
  AdvisoryCaseFilterInput,
  AdvisoryCaseOpenInput,
  AdvisoryCaseOpenPayload,
  AdvisoryOutcomeRecordInput,
  AdvisoryOutcomeRecordPayload,
  AdvisorySessionRecordInput,
  AdvisorySessionRecordPayload,
} from './advisory.graphql';
import { AdvisoryService, type AdvisoryCaseFilter } from './advisory.service';

const service = (ctx: HubContext) => new AdvisoryService(ctx.em, ctx.locale);

/** Turns the GraphQL filter into the service's, refusing malformed or unknown territory codes. */
async function caseFilter(input: AdvisoryCaseFilterInput | null | undefined, ctx: HubContext): Promise<AdvisoryCaseFilter> {
  const terytCode = input?.territory?.trim() || null;
  if (terytCode) {
    assertTerytCode(terytCode, ['filter', 'territory']);
    if (terytCode !== COUNTRY_CODE && !(await ctx.loaders.territory.unitByCode.load(terytCode))) throw territoryNotFound(terytCode, ['filter', 'territory']);
  }
  return { advisorId: input?.advisorId ? localIdFor(input.advisorId, 'StaffUser', ['filter', 'advisorId']) : null, terytCode, kind: input?.kind ?? null };
}

@Resolver(() => AdvisoryCase)
export class AdvisoryCaseResolver {
  @Authorized(StaffRole.FUND_OFFICER, StaffRole.ADVISOR)
  @Query(() => AdvisoryCaseConnection, { description: 'Advisory cases, newest first, by advisor, territory (with everything inside it) and kind (fund officers and advisors).' })
  async advisoryCases(
    @Arg('filter', () => AdvisoryCaseFilterInput, { nullable: true, description: 'Conditions the cases must meet.' }) filter: AdvisoryCaseFilterInput | null | undefined,
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Connection<AdvisoryCase>> {
    const window = pageWindow(page);
    const { rows, totalCount } = await service(ctx).list(await caseFilter(filter, ctx), window);
    return toConnection(rows, totalCount, window);
  }

  @Authorized(StaffRole.FUND_OFFICER, StaffRole.ADVISOR, StaffRole.ANALYST)
  @Query(() => [AdvisorTotals], { description: 'Cases, sessions and hours per advisor, most hours first; optionally within a territory or of one kind. Aggregates only, no client data.' })
  async advisorTotals(
    @Arg('filter', () => AdvisoryCaseFilterInput, { nullable: true, description: 'Territory and kind to count within (advisorId is ignored).' }) filter: AdvisoryCaseFilterInput | null | undefined,
    @Ctx() ctx: HubContext,
  ): Promise<AdvisorTotals[]> {
    const { terytCode, kind } = await caseFilter(filter, ctx);
    const totals = await service(ctx).totalsByAdvisor({ terytCode, kind });
    const advisors = await originationLoaders(ctx).staffById.loadMany(totals.map((t) => t.advisorId));
    return totals.map((t, i) => Object.assign(new AdvisorTotals(), { advisor: advisors[i] as StaffUser, caseCount: t.caseCount, sessionCount: t.sessionCount, hours: minutesToHours(t.minutes) }));
  }

  @Authorized(StaffRole.ADVISOR, StaffRole.FUND_OFFICER)
  @Mutation(() => AdvisoryCaseOpenPayload, { description: 'Opens an advisory case for a fund client (advisors for themselves; fund officers for any advisor).' })
  async advisoryCaseOpen(@Arg('input', () => AdvisoryCaseOpenInput) input: AdvisoryCaseOpenInput, @Ctx() ctx: HubContext): Promise<AdvisoryCaseOpenPayload> {
    return intoPayload(new AdvisoryCaseOpenPayload(), 'advisoryCase', () =>
      service(ctx).openCase(
        {
          ...input,
          clientId: localIdFor(input.clientId, 'FundClient', ['input', 'clientId']),
          advisorId: input.advisorId ? localIdFor(input.advisorId, 'StaffUser', ['input', 'advisorId']) : null,
        },
        ctx.user!,
      ),
    );
  }

  @Authorized(StaffRole.ADVISOR, StaffRole.FUND_OFFICER)
  @Mutation(() => AdvisorySessionRecordPayload, { description: 'Records an advisory session (the case’s advisor or a fund officer).' })
  async advisorySessionRecord(@Arg('input', () => AdvisorySessionRecordInput) input: AdvisorySessionRecordInput, @Ctx() ctx: HubContext): Promise<AdvisorySessionRecordPayload> {
    return intoPayload(new AdvisorySessionRecordPayload(), 'session', () => service(ctx).recordSession({ ...input, caseId: localIdFor(input.caseId, 'AdvisoryCase', ['input', 'caseId']) }, ctx.user!));
  }

  @Authorized(StaffRole.ADVISOR, StaffRole.FUND_OFFICER)
  @Mutation(() => AdvisoryOutcomeRecordPayload, { description: 'Records a result of an advisory case (the case’s advisor or a fund officer).' })
  async advisoryOutcomeRecord(@Arg('input', () => AdvisoryOutcomeRecordInput) input: AdvisoryOutcomeRecordInput, @Ctx() ctx: HubContext): Promise<AdvisoryOutcomeRecordPayload> {
    return intoPayload(new AdvisoryOutcomeRecordPayload(), 'outcome', () =>
      service(ctx).recordOutcome(
        {
          ...input,
          caseId: localIdFor(input.caseId, 'AdvisoryCase', ['input', 'caseId']),
          entityId: input.entityId ? localIdFor(input.entityId, 'SocialEconomyEntity', ['input', 'entityId']) || input.entityId : null,
        },
        ctx.user!,
      ),
    );
  }

  @FieldResolver(() => FundClient, { description: 'The client advised.' })
  async client(@Root() c: AdvisoryCase, @Ctx() ctx: HubContext): Promise<FundClient> {
    return (await originationLoaders(ctx).clientById.load(c.client.id))!;
  }

  @FieldResolver(() => StaffUser, { description: 'The advisor leading the case.' })
  async advisor(@Root() c: AdvisoryCase, @Ctx() ctx: HubContext): Promise<StaffUser> {
    return (await originationLoaders(ctx).staffById.load(c.advisor.id))!;
  }

  @FieldResolver(() => [AdvisorySession], { description: 'Sessions held, oldest first.' })
  async sessions(@Root() c: AdvisoryCase, @Ctx() ctx: HubContext): Promise<AdvisorySession[]> {
    return originationLoaders(ctx).sessionsByCase.load(c.id);
  }

  @FieldResolver(() => [AdvisoryOutcome], { description: 'Results achieved, oldest first.' })
  async outcomes(@Root() c: AdvisoryCase, @Ctx() ctx: HubContext): Promise<AdvisoryOutcome[]> {
    return originationLoaders(ctx).outcomesByCase.load(c.id);
  }

  @FieldResolver(() => Int, { description: 'How many sessions were held.' })
  async sessionCount(@Root() c: AdvisoryCase, @Ctx() ctx: HubContext): Promise<number> {
    return (await originationLoaders(ctx).sessionsByCase.load(c.id)).length;
  }

  @FieldResolver(() => DecimalScalar, { description: 'Hours of advice in the case, e.g. "3.25".' })
  async totalHours(@Root() c: AdvisoryCase, @Ctx() ctx: HubContext): Promise<string> {
    const sessions = await originationLoaders(ctx).sessionsByCase.load(c.id);
    return minutesToHours(sessions.reduce((sum, s) => sum + s.minutes, 0));
  }
}

@Resolver(() => AdvisoryOutcome)
export class AdvisoryOutcomeResolver {
  @FieldResolver(() => SocialEconomyEntity, { nullable: true, description: 'For ENTITY_FOUNDED: the registry entry of the entity founded.' })
  async entity(@Root() o: AdvisoryOutcome, @Ctx() ctx: HubContext): Promise<SocialEconomyEntity | null> {
    return o.entity ? ctx.loaders.observatory.entityById.load(o.entity.id) : null;
  }
}
