import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../context';
import { StaffRole, StaffUser } from '../../access';
import { Money } from '../../shared/money';
import { ForwardPageArgs, pageWindow, toConnection, type Connection } from '../../shared/relay';
import { fail } from '../clients/fail';
import { FundClient } from '../clients/fund-client.entity';
import { localIdFor } from '../clients/ids';
import { originationLoaders } from '../clients/origination.loaders';
import { intoPayload } from '../clients/payload';
import { minutesToHours } from '../advisory/advisory-case.entity';
import { LoanProduct } from '../products/loan-product.entity';
import { tallyVotes } from './committee-tally';
import { CommitteeVote, LoanApplication, LoanApplicationScore, LoanContract, ScoringCriterion } from './loan-application.entity';
import {
  CommitteeTally,
  FundOriginationSummary,
  LoanApplicationAssessInput,
  LoanApplicationConnection,
  LoanApplicationDecideInput,
  LoanApplicationFilterInput,
  LoanApplicationPayload,
  LoanApplicationSubmitInput,
  LoanApplicationVoteInput,
  LoanApplicationVotePayload,
  LoanContractSignInput,
  LoanContractSignPayload,
} from './loan-application.graphql';
import { LoanApplicationErrorCode, loanApplicationMessages } from './loan-application-messages';
import { LoanApplicationService } from './loan-application.service';
import { defaultLoanOpener } from './loan-opener';

const { FUND_OFFICER, COMMITTEE_MEMBER, ADVISOR, ANALYST } = StaffRole;
const service = (ctx: HubContext) => new LoanApplicationService(ctx.em, ctx.locale, defaultLoanOpener(ctx.locale));
const appId = (id: string) => localIdFor(id, 'LoanApplication', ['input', 'applicationId']);

function amountOf(text: string, ctx: HubContext): bigint {
  try {
    return Money.parse(text).minor;
  } catch {
    throw fail(loanApplicationMessages, LoanApplicationErrorCode.INVALID_AMOUNT, ctx.locale, ['input', 'amount']);
  }
}

@Resolver(() => LoanApplication)
export class LoanApplicationResolver {
  @Authorized(FUND_OFFICER, COMMITTEE_MEMBER)
  @Query(() => LoanApplicationConnection, { description: 'Loan applications, newest first (fund officers and committee members).' })
  async loanApplications(
    @Arg('filter', () => LoanApplicationFilterInput, { nullable: true, description: 'Conditions the applications must meet.' }) filter: LoanApplicationFilterInput | null | undefined,
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Connection<LoanApplication>> {
    const window = pageWindow(page);
    const clientId = filter?.clientId ? localIdFor(filter.clientId, 'FundClient', ['filter', 'clientId']) : null;
    const { rows, totalCount } = await service(ctx).list({ state: filter?.state ?? null, clientId }, window);
    return toConnection(rows, totalCount, window);
  }

  @Authorized(FUND_OFFICER, COMMITTEE_MEMBER)
  @Query(() => LoanApplication, { nullable: true, description: 'One loan application by id; empty if there is none.' })
  async loanApplication(@Arg('id', () => ID, { description: 'The application’s global id.' }) id: string, @Ctx() ctx: HubContext): Promise<LoanApplication | null> {
    return originationLoaders(ctx).applicationById.load(localIdFor(id, 'LoanApplication', ['id']));
  }

  @Authorized(FUND_OFFICER, COMMITTEE_MEMBER)
  @Query(() => [ScoringCriterion], { description: 'The assessment checklist: active criteria with their weights, in order.' })
  async scoringCriteria(@Ctx() ctx: HubContext): Promise<ScoringCriterion[]> {
    return ctx.em.find(ScoringCriterion, { active: true }, { orderBy: { position: 'asc' } });
  }

  @Authorized(ANALYST, FUND_OFFICER)
  @Query(() => FundOriginationSummary, { description: 'Counts over clients, advisory and loan applications, without any client data (analysts and fund officers).' })
  async fundOriginationSummary(@Ctx() ctx: HubContext): Promise<FundOriginationSummary> {
    const [row] = await ctx.em.execute<Record<string, string>[]>(`
      select
        (select count(*) from fund_client where kind = 'ENTITY') as entity_clients,
        (select count(*) from fund_client where kind = 'FOUNDING_GROUP') as founding_group_clients,
        (select count(*) from advisory_case) as advisory_cases,
        (select coalesce(sum(minutes), 0) from advisory_session) as advisory_minutes,
        (select count(*) from advisory_outcome where kind = 'ENTITY_FOUNDED') as entities_founded,
        (select coalesce(sum(jobs_count), 0) from advisory_outcome where kind = 'JOBS_CREATED') as jobs_created,
        (select count(*) from loan_application) as applications,
        (select count(*) from loan_application where state in ('APPROVED', 'CONTRACTED')) as approved,
        (select count(*) from loan_application where state = 'REJECTED') as rejected,
        (select count(*) from loan_contract) as contracts`);
    return Object.assign(new FundOriginationSummary(), {
      entityClients: Number(row.entity_clients),
      foundingGroupClients: Number(row.founding_group_clients),
      advisoryCases: Number(row.advisory_cases),
      advisoryHours: minutesToHours(Number(row.advisory_minutes)),
      entitiesFounded: Number(row.entities_founded),
      jobsCreated: Number(row.jobs_created),
      applications: Number(row.applications),
      approved: Number(row.approved),
      rejected: Number(row.rejected),
      contracts: Number(row.contracts),
    });
  }

  @Authorized(FUND_OFFICER, ADVISOR)
  @Mutation(() => LoanApplicationPayload, { description: 'Submits a loan application for a client (fund officers and advisors). Amount, instalments and grace are checked against the product.' })
  async loanApplicationSubmit(@Arg('input', () => LoanApplicationSubmitInput) input: LoanApplicationSubmitInput, @Ctx() ctx: HubContext): Promise<LoanApplicationPayload> {
    return intoPayload(new LoanApplicationPayload(), 'application', () =>
      service(ctx).submit(
        {
          ...input,
          clientId: localIdFor(input.clientId, 'FundClient', ['input', 'clientId']),
          productId: localIdFor(input.productId, 'LoanProduct', ['input', 'productId']),
          amountMinor: amountOf(input.amount, ctx),
        },
        ctx.user!,
      ),
    );
  }

  @Authorized(FUND_OFFICER)
  @Mutation(() => LoanApplicationPayload, { description: 'Scores a submitted application against the checklist (fund officers).' })
  async loanApplicationAssess(@Arg('input', () => LoanApplicationAssessInput) input: LoanApplicationAssessInput, @Ctx() ctx: HubContext): Promise<LoanApplicationPayload> {
    return intoPayload(new LoanApplicationPayload(), 'application', () => service(ctx).assess({ ...input, applicationId: appId(input.applicationId) }, ctx.user!));
  }

  @Authorized(COMMITTEE_MEMBER)
  @Mutation(() => LoanApplicationVotePayload, { description: 'Casts your committee vote on an assessed application; each member votes once.' })
  async loanApplicationVote(@Arg('input', () => LoanApplicationVoteInput) input: LoanApplicationVoteInput, @Ctx() ctx: HubContext): Promise<LoanApplicationVotePayload> {
    return intoPayload(new LoanApplicationVotePayload(), 'vote', () => service(ctx).vote({ ...input, applicationId: appId(input.applicationId) }, ctx.user!));
  }

  @Authorized(COMMITTEE_MEMBER, FUND_OFFICER)
  @Mutation(() => LoanApplicationPayload, { description: 'Closes the committee vote: with a quorum, the product’s majority rule makes the application APPROVED or REJECTED (committee members and fund officers).' })
  async loanApplicationDecide(@Arg('input', () => LoanApplicationDecideInput) input: LoanApplicationDecideInput, @Ctx() ctx: HubContext): Promise<LoanApplicationPayload> {
    return intoPayload(new LoanApplicationPayload(), 'application', async () => (await service(ctx).decide(appId(input.applicationId), ctx.user!, input.note)).application);
  }

  @Authorized(FUND_OFFICER)
  @Mutation(() => LoanContractSignPayload, { description: 'Signs the loan contract of an approved application, freezing its terms, and opens the loan (fund officers).' })
  async loanContractSign(@Arg('input', () => LoanContractSignInput) input: LoanContractSignInput, @Ctx() ctx: HubContext): Promise<LoanContractSignPayload> {
    return intoPayload(new LoanContractSignPayload(), 'contract', () =>
      service(ctx).sign({ ...input, applicationId: appId(input.applicationId), amountMinor: input.amount == null ? null : amountOf(input.amount, ctx) }, ctx.user!),
    );
  }

  @FieldResolver(() => FundClient, { description: 'The client applying.' })
  async client(@Root() a: LoanApplication, @Ctx() ctx: HubContext): Promise<FundClient> {
    return (await originationLoaders(ctx).clientById.load(a.client.id))!;
  }

  @FieldResolver(() => LoanProduct, { description: 'The product applied for.' })
  async product(@Root() a: LoanApplication, @Ctx() ctx: HubContext): Promise<LoanProduct> {
    return (await originationLoaders(ctx).productById.load(a.product.id))!;
  }

  @FieldResolver(() => [LoanApplicationScore], { description: 'The assessment’s points per criterion; empty before assessment.' })
  async scores(@Root() a: LoanApplication, @Ctx() ctx: HubContext): Promise<LoanApplicationScore[]> {
    return originationLoaders(ctx).scoresByApplication.load(a.id);
  }

  @Authorized(FUND_OFFICER, COMMITTEE_MEMBER)
  @FieldResolver(() => [CommitteeVote], { description: 'The committee’s recorded votes, in the order cast.' })
  async votes(@Root() a: LoanApplication, @Ctx() ctx: HubContext): Promise<CommitteeVote[]> {
    return originationLoaders(ctx).votesByApplication.load(a.id);
  }

  @FieldResolver(() => CommitteeTally, { description: 'The votes counted under the product’s quorum and majority rule.' })
  async tally(@Root() a: LoanApplication, @Ctx() ctx: HubContext): Promise<CommitteeTally> {
    const loaders = originationLoaders(ctx);
    const [votes, product] = await Promise.all([loaders.votesByApplication.load(a.id), loaders.productById.load(a.product.id)]);
    return Object.assign(new CommitteeTally(), tallyVotes(votes.map((v) => v.choice), product!.committeeQuorum, product!.committeeMajority));
  }

  @FieldResolver(() => LoanContract, { nullable: true, description: 'The signed contract, once there is one.' })
  async contract(@Root() a: LoanApplication, @Ctx() ctx: HubContext): Promise<LoanContract | null> {
    return originationLoaders(ctx).contractByApplication.load(a.id);
  }
}

@Resolver(() => CommitteeVote)
export class CommitteeVoteResolver {
  @FieldResolver(() => StaffUser, { description: 'The committee member who voted.' })
  async member(@Root() v: CommitteeVote, @Ctx() ctx: HubContext): Promise<StaffUser> {
    return (await originationLoaders(ctx).staffById.load(v.member.id))!;
  }
}

@Resolver(() => LoanContract)
export class LoanContractResolver {
  @FieldResolver(() => LoanApplication, { description: 'The approved application the contract was signed on.' })
  async application(@Root() c: LoanContract, @Ctx() ctx: HubContext): Promise<LoanApplication> {
    return (await originationLoaders(ctx).applicationById.load(c.application.id))!;
  }
}
