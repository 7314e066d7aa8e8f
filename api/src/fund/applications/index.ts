import type { HubContext } from '../../context';
import { StaffRole, canAccess } from '../../access';
import type { HubModule, NodeFetcher } from '../../shared/module';
import { CLIENT_READERS, FundClient, FundClientMember, FundClientResolver, originationLoaders } from '../clients';
import { AdvisoryCase, AdvisoryCaseResolver, AdvisoryOutcome, AdvisoryOutcomeResolver, AdvisorySession } from '../advisory';
import { LoanProduct, LoanProductResolver } from '../products';
import { CommitteeVote, LoanApplication, LoanApplicationScore, LoanContract, ScoringCriterion } from './loan-application.entity';
import { CommitteeVoteResolver, LoanApplicationResolver, LoanContractResolver } from './loan-application.resolver';

export { CommitteeVote, LoanApplication, LoanApplicationScore, LoanContract, ScoringCriterion, type FrozenTerms } from './loan-application.entity';
export { LoanApplicationState, CommitteeVoteChoice } from './loan-application-enums';
export { LoanApplicationErrorCode, loanApplicationMessages } from './loan-application-messages';
export {
  LoanApplicationService,
  type LoanApplicationSubmission,
  type LoanAssessment,
  type CommitteeVoteCasting,
  type LoanContractSigning,
  type ContractForLoan,
  type LoanOpener,
  type LoanApplicationFilter,
} from './loan-application.service';
export { tallyVotes, weightedScoreBp, addMonths, type Tally } from './committee-tally';
export { defaultLoanOpener } from './loan-opener';
export { originate, type OriginationScript, type OriginationResult } from './originate';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const { FUND_OFFICER, ADVISOR, COMMITTEE_MEMBER, ANALYST } = StaffRole;

/** A node fetcher that answers only callers holding one of `roles` (null for everyone else, as for a missing node). */
function guarded(roles: readonly StaffRole[], load: (id: string, ctx: HubContext) => Promise<object | null>): NodeFetcher<HubContext> {
  return (ids, ctx) => Promise.all(ids.map((id) => (canAccess(ctx.user, roles) ? load(id, ctx) : Promise.resolve(null))));
}

/**
 * Fund origination: clients (registry entities and founding groups), advisory cases, loan products
 * and loan applications up to the signed contract. Not visible to the public.
 */
export const fundOriginationModule = {
  name: 'fundOrigination',
  entities: [FundClient, FundClientMember, AdvisoryCase, AdvisorySession, AdvisoryOutcome, LoanProduct, ScoringCriterion, LoanApplication, LoanApplicationScore, CommitteeVote, LoanContract],
  resolvers: [FundClientResolver, AdvisoryCaseResolver, AdvisoryOutcomeResolver, LoanProductResolver, LoanApplicationResolver, CommitteeVoteResolver, LoanContractResolver],
  nodeFetchers: {
    FundClient: guarded(CLIENT_READERS, (id, ctx) => originationLoaders(ctx).clientById.load(id)),
    AdvisoryCase: guarded([FUND_OFFICER, ADVISOR], (id, ctx) => (UUID.test(id) ? ctx.em.findOne(AdvisoryCase, { id }) : Promise.resolve(null))),
    LoanProduct: guarded([FUND_OFFICER, ADVISOR, COMMITTEE_MEMBER, ANALYST], (id, ctx) => originationLoaders(ctx).productById.load(id)),
    LoanApplication: guarded([FUND_OFFICER, COMMITTEE_MEMBER], (id, ctx) => originationLoaders(ctx).applicationById.load(id)),
    LoanContract: guarded([FUND_OFFICER, COMMITTEE_MEMBER], (id, ctx) => (UUID.test(id) ? ctx.em.findOne(LoanContract, { id }) : Promise.resolve(null))),
  },
} satisfies HubModule<never, HubContext>;
