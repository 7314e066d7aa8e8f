import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../context';
import { badInput } from '../../shared/errors';
import { SocialEconomyEntity } from '../registry/social-economy-entity.entity';
import { AnnualReport } from './annual-report.entity';

const MAX_YEARS = 50;

/** `SocialEconomyEntity.reports` (batched across a list) and `AnnualReport.entity`. */
@Resolver(() => SocialEconomyEntity)
export class EntityReportsResolver {
  @FieldResolver(() => [AnnualReport], { description: 'The entity’s annual reports, oldest year first; a year with no report is simply absent.' })
  async reports(
    @Root() entity: SocialEconomyEntity,
    @Arg('years', () => [Int], { nullable: true, description: `Only these years (at most ${MAX_YEARS}); omit for all.` }) years: number[] | null | undefined,
    @Ctx() ctx: HubContext,
  ): Promise<AnnualReport[]> {
    const wanted = years == null ? null : [...new Set(years)].sort((a, b) => a - b);
    if (wanted && wanted.length > MAX_YEARS) throw badInput('INVALID_YEAR', `years may list at most ${MAX_YEARS} years`, ['years']);
    const bad = wanted?.find((y) => y < 1989 || y > 2100);
    if (bad !== undefined) throw badInput('INVALID_YEAR', `${bad} is not a reporting year (1989–2100)`, ['years']);
    return ctx.loaders.observatory.reportsByEntity.load({ entityId: entity.id, years: wanted });
  }
}

@Resolver(() => AnnualReport)
export class AnnualReportResolver {
  @FieldResolver(() => SocialEconomyEntity, { description: 'The entity that filed the report.' })
  async entity(@Root() report: AnnualReport, @Ctx() ctx: HubContext): Promise<SocialEconomyEntity> {
    const entity = await ctx.loaders.observatory.entityById.load(report.entity.id);
    if (!entity) throw new Error(`Entity ${report.entity.id} of report ${report.id} is missing`);
    return entity;
  }
}
