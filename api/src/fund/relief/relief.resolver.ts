import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../context';
import { StaffRole } from '../../access';
import { DomainError, UserError } from '../../shared/errors';
import { ReliefCampaign, ReliefCampaignEvent } from './relief-campaign.entity';
import { ReliefCampaignCreateInput, ReliefCampaignPayload, ReliefEffectObject, ReliefParametersObject, ReliefTargetObject } from './relief.graphql';
import { ReliefCampaignService } from './relief.service';

const serviceFor = (ctx: HubContext) => new ReliefCampaignService(ctx.em, { locale: ctx.locale, actorId: ctx.user?.id ?? null });

async function asPayload(work: () => Promise<ReliefCampaign>): Promise<ReliefCampaignPayload> {
  const payload = new ReliefCampaignPayload();
  try {
    payload.campaign = await work();
  } catch (error) {
    if (error instanceof DomainError) payload.errors = [UserError.from(error)];
    else throw error;
  }
  return payload;
}

@Resolver(() => ReliefCampaign)
export class ReliefCampaignResolver {
  @Authorized(StaffRole.FUND_OFFICER)
  @Query(() => [ReliefCampaign], { description: 'Relief campaigns, newest first (fund officers).' })
  async reliefCampaigns(@Ctx() ctx: HubContext): Promise<ReliefCampaign[]> {
    return serviceFor(ctx).list();
  }

  @Authorized(StaffRole.FUND_OFFICER)
  @Query(() => ReliefCampaign, { nullable: true, description: 'One relief campaign with its preview, application and audit trail (fund officers).' })
  async reliefCampaign(@Arg('id', () => ID, { description: 'The campaign’s id.' }) id: string, @Ctx() ctx: HubContext): Promise<ReliefCampaign | null> {
    return /^[0-9a-f-]{36}$/i.test(id) ? serviceFor(ctx).findById(id) : null;
  }

  @Authorized(StaffRole.FUND_OFFICER)
  @Mutation(() => ReliefCampaignPayload, { description: 'Create a relief campaign: a payment holiday, a temporary rate cut or a later jobs deadline for the loans it targets. Nothing changes until it is previewed and applied.' })
  async reliefCampaignCreate(@Arg('input', () => ReliefCampaignCreateInput, { description: 'The campaign.' }) input: ReliefCampaignCreateInput, @Ctx() ctx: HubContext): Promise<ReliefCampaignPayload> {
    return asPayload(() =>
      serviceFor(ctx).create({
        name: input.name,
        kind: input.kind,
        businessDate: input.businessDate,
        parameters: {
          periods: input.parameters.periods ?? null,
          holidayKind: input.parameters.holidayKind ?? null,
          capitaliseUnpaidInterest: input.parameters.capitaliseUnpaidInterest ?? false,
          annualRateBp: input.parameters.annualRateBp ?? null,
          extendMonths: input.parameters.extendMonths ?? null,
        },
        target: {
          territoryCodes: input.target.territoryCodes ?? [],
          legalForms: input.target.legalForms ?? [],
          productIds: input.target.productIds ?? [],
          loanStatuses: input.target.loanStatuses ?? [],
          maxDaysPastDue: input.target.maxDaysPastDue ?? null,
        },
      }),
    );
  }

  @Authorized(StaffRole.FUND_OFFICER)
  @Mutation(() => ReliefCampaignPayload, { description: 'Work out what the campaign would do, loan by loan and in total, without changing any loan. Preview again whenever the loans have changed.' })
  async reliefCampaignPreview(@Arg('id', () => ID, { description: 'The campaign’s id.' }) id: string, @Ctx() ctx: HubContext): Promise<ReliefCampaignPayload> {
    return asPayload(() => serviceFor(ctx).preview(id));
  }

  @Authorized(StaffRole.FUND_OFFICER)
  @Mutation(() => ReliefCampaignPayload, { description: 'Apply a previewed campaign, once: every loan gets the previewed new schedule (the old one stays in its history) and journal entries. Refused if any targeted loan changed since the preview.' })
  async reliefCampaignApply(@Arg('id', () => ID, { description: 'The campaign’s id.' }) id: string, @Ctx() ctx: HubContext): Promise<ReliefCampaignPayload> {
    return asPayload(() => serviceFor(ctx).apply(id));
  }

  @FieldResolver(() => ReliefParametersObject, { description: 'What the relief is.' })
  parameters(@Root() c: ReliefCampaign): ReliefParametersObject {
    return ReliefParametersObject.of(c.parameters);
  }

  @FieldResolver(() => ReliefTargetObject, { description: 'Which loans it targets.' })
  target(@Root() c: ReliefCampaign): ReliefTargetObject {
    return ReliefTargetObject.of(c.target);
  }

  @FieldResolver(() => ReliefEffectObject, { nullable: true, description: 'The latest preview of the effect; empty before the first preview.' })
  preview(@Root() c: ReliefCampaign): ReliefEffectObject | null {
    return c.preview ? new ReliefEffectObject(c.preview) : null;
  }

  @FieldResolver(() => ReliefEffectObject, { nullable: true, description: 'The effect as applied (equal to the preview it was applied from); empty until applied.' })
  applied(@Root() c: ReliefCampaign): ReliefEffectObject | null {
    return c.applied ? new ReliefEffectObject(c.applied) : null;
  }

  @FieldResolver(() => [ReliefCampaignEvent], { description: 'The audit trail: created, each preview, applied — who and when.' })
  async audit(@Root() c: ReliefCampaign, @Ctx() ctx: HubContext): Promise<ReliefCampaignEvent[]> {
    return serviceFor(ctx).events(c.id);
  }
}
