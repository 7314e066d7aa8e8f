import type { HubContext } from '../../context';
import type { HubModule } from '../../shared/module';
import { ReliefCampaign, ReliefCampaignEvent, ReliefCampaignLoan } from './relief-campaign.entity';
import { ReliefCampaignResolver } from './relief.resolver';

/** Relief campaigns across the loan portfolio: payment holidays, temporary rate cuts, later jobs deadlines — previewed, then applied once. */
export const fundReliefModule = {
  name: 'fundRelief',
  entities: [ReliefCampaign, ReliefCampaignLoan, ReliefCampaignEvent],
  resolvers: [ReliefCampaignResolver],
} satisfies HubModule<never, HubContext>;

export { ReliefCampaign, ReliefCampaignEvent, ReliefCampaignLoan } from './relief-campaign.entity';
export { ReliefCampaignService, type ReliefCampaignCreateCommand } from './relief.service';
export { ReliefCampaignError, ReliefCampaignErrorCode, reliefMessages } from './relief-messages';
export { ReliefCampaignKind, ReliefCampaignStatus, type ReliefEffect, type LoanReliefEffect, type ReliefParameters, type ReliefTarget, type ReliefTotals, type SkippedLoan } from './relief-types';
