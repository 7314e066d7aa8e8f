import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../context';
import { canAccess, StaffRole } from '../../access';
import { TerritorialUnit } from '../../territory';
import { SocialEconomyEntity } from '../../observatory';
import { badInput } from '../../shared/errors';
import { FundPortfolio } from './fund-portfolio.type';
import { EntityFundingSummary } from './entity-funding';
import { portfolioOf } from './fund-portfolio.service';

/** Fund staff, analysts and administrators see withheld figures (still flagged); the public never does. */
export const mayRevealFundFigures = (ctx: HubContext) => canAccess(ctx.user, [StaffRole.FUND_OFFICER, StaffRole.COMMITTEE_MEMBER, StaffRole.ANALYST]);

const FIRST_YEAR = 2000;

@Resolver(() => TerritorialUnit)
export class TerritorialUnitFundPortfolioResolver {
  @FieldResolver(() => FundPortfolio, { description: 'The social economy Fund’s public portfolio statistics for borrowers in this unit (and the units inside it) in a year, under statistical confidentiality.' })
  async fundPortfolio(
    @Root() unit: TerritorialUnit,
    @Arg('year', () => Int, { description: 'Calendar year, e.g. 2025.' }) year: number,
    @Ctx() ctx: HubContext,
  ): Promise<FundPortfolio> {
    if (!Number.isInteger(year) || year < FIRST_YEAR || year > 2100) {
      throw badInput('INVALID_YEAR', ctx.locale === 'en' ? `year must be between ${FIRST_YEAR} and 2100` : `rok musi być z przedziału ${FIRST_YEAR}–2100`, ['year']);
    }
    return portfolioOf(await ctx.loaders.fundPortfolio.portfolioYear.load(year), unit.terytCode, mayRevealFundFigures(ctx));
  }
}

@Resolver(() => SocialEconomyEntity)
export class EntityFundingResolver {
  @FieldResolver(() => EntityFundingSummary, { description: 'What the social economy Fund has done for this entity: loans, guarantees, advisory and jobs created (amounts and repayment only for Fund staff).' })
  fundingSummary(@Root() entity: SocialEconomyEntity, @Ctx() ctx: HubContext): Promise<EntityFundingSummary> {
    return ctx.loaders.fundPortfolio.entityFunding.load({ entityId: entity.id, reveal: mayRevealFundFigures(ctx) });
  }
}
