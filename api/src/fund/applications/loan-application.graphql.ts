import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../shared/dates';
import { UserError } from '../../shared/errors';
import { DecimalScalar } from '../../shared/money';
import { ConnectionType } from '../../shared/relay';
import { CommitteeVote, LoanApplication, LoanContract } from './loan-application.entity';
import { CommitteeVoteChoice, LoanApplicationState } from './loan-application-enums';

@InputType({ description: 'Which loan applications to list.' })
export class LoanApplicationFilterInput {
  @Field(() => LoanApplicationState, { nullable: true, description: 'Only applications in this state.' })
  state?: LoanApplicationState | null;

  @Field(() => ID, { nullable: true, description: 'Only this client’s applications.' })
  clientId?: string | null;
}

@InputType({ description: 'Submits a loan application for a fund client.' })
export class LoanApplicationSubmitInput {
  @Field(() => ID, { description: 'The fund client applying.' })
  clientId!: string;

  @Field(() => ID, { description: 'The loan product applied for.' })
  productId!: string;

  @Field(() => DecimalScalar, { description: 'Principal asked for, in złoty, e.g. "60000.00".' })
  amount!: string;

  @Field(() => Int, { description: 'Repayment instalments asked for.' })
  instalments!: number;

  @Field(() => Int, { nullable: true, description: 'Grace periods asked for (default 0).' })
  gracePeriods?: number | null;

  @Field({ description: 'What the loan is for.' })
  purpose!: string;

  @Field(() => Int, { description: 'Jobs the client promises to create.' })
  jobsPromised!: number;
}

@InputType({ description: 'Points for one checklist criterion.' })
export class CriterionScoreInput {
  @Field({ description: 'The criterion’s code (see scoringCriteria).' })
  criterionCode!: string;

  @Field(() => Int, { description: 'Points, from 0 to the criterion’s maximum.' })
  points!: number;
}

@InputType({ description: 'Assesses a submitted application against the checklist.' })
export class LoanApplicationAssessInput {
  @Field(() => ID, { description: 'The application.' })
  applicationId!: string;

  @Field(() => [CriterionScoreInput], { description: 'Points for every active criterion, each once.' })
  scores!: CriterionScoreInput[];

  @Field(() => String, { nullable: true, description: 'The assessor’s summary.' })
  note?: string | null;
}

@InputType({ description: 'A committee member’s vote on an assessed application.' })
export class LoanApplicationVoteInput {
  @Field(() => ID, { description: 'The application.' })
  applicationId!: string;

  @Field(() => CommitteeVoteChoice, { description: 'For, against or abstain.' })
  choice!: CommitteeVoteChoice;

  @Field(() => String, { nullable: true, description: 'A comment recorded with the vote.' })
  comment?: string | null;
}

@InputType({ description: 'Closes the committee vote and records the decision the votes make.' })
export class LoanApplicationDecideInput {
  @Field(() => ID, { description: 'The application.' })
  applicationId!: string;

  @Field(() => String, { nullable: true, description: 'A note recorded with the decision.' })
  note?: string | null;
}

@InputType({ description: 'Signs the loan contract of an approved application.' })
export class LoanContractSignInput {
  @Field(() => ID, { description: 'The approved application.' })
  applicationId!: string;

  @Field(() => DateScalar, { description: 'The day of signing.' })
  signedOn!: string;

  @Field(() => DateScalar, { description: 'The day the principal is paid out.' })
  firstDisbursementDate!: string;

  @Field(() => DateScalar, { nullable: true, description: 'End of the first period; default one period after disbursement.' })
  firstDueDate?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Principal in złoty; default the amount applied for (never more).' })
  amount?: string | null;

  @Field(() => Int, { nullable: true, description: 'Instalments; default those applied for.' })
  instalments?: number | null;

  @Field(() => Int, { nullable: true, description: 'Grace periods; default those applied for.' })
  gracePeriods?: number | null;
}

@ObjectType({ description: 'The result of a step of a loan application.' })
export class LoanApplicationPayload {
  @Field(() => LoanApplication, { nullable: true, description: 'The application after the step; empty on error.' })
  application: LoanApplication | null = null;

  @Field(() => [UserError], { description: 'Why the step was refused (codes: LoanApplicationErrorCode).' })
  errors: UserError[] = [];
}

@ObjectType({ description: 'The result of casting a committee vote.' })
export class LoanApplicationVotePayload {
  @Field(() => CommitteeVote, { nullable: true, description: 'The recorded vote; empty on error.' })
  vote: CommitteeVote | null = null;

  @Field(() => [UserError], { description: 'Why the vote was refused (codes: LoanApplicationErrorCode).' })
  errors: UserError[] = [];
}

@ObjectType({ description: 'The result of signing a loan contract.' })
export class LoanContractSignPayload {
  @Field(() => LoanContract, { nullable: true, description: 'The signed contract; empty on error.' })
  contract: LoanContract | null = null;

  @Field(() => [UserError], { description: 'Why the contract could not be signed (codes: LoanApplicationErrorCode).' })
  errors: UserError[] = [];
}

@ObjectType({ description: 'How the committee voted on an application.' })
export class CommitteeTally {
  @Field(() => Int, { description: 'Votes for.' })
  for!: number;

  @Field(() => Int, { description: 'Votes against.' })
  against!: number;

  @Field(() => Int, { description: 'Abstentions.' })
  abstain!: number;

  @Field({ description: 'Whether enough votes were cast for a decision.' })
  quorate!: boolean;

  @Field({ description: 'Whether the votes approve the application under the product’s majority rule.' })
  approved!: boolean;
}

@ObjectType({ description: 'Counts over the fund’s origination work, without any client data (for analysts).' })
export class FundOriginationSummary {
  @Field(() => Int, { description: 'Clients that are registry entities.' })
  entityClients!: number;

  @Field(() => Int, { description: 'Clients that are founding groups.' })
  foundingGroupClients!: number;

  @Field(() => Int, { description: 'Advisory cases.' })
  advisoryCases!: number;

  @Field(() => DecimalScalar, { description: 'Hours of advice given.' })
  advisoryHours!: string;

  @Field(() => Int, { description: 'Entities founded, as recorded in advisory outcomes.' })
  entitiesFounded!: number;

  @Field(() => Int, { description: 'Jobs created, as recorded in advisory outcomes.' })
  jobsCreated!: number;

  @Field(() => Int, { description: 'Loan applications submitted.' })
  applications!: number;

  @Field(() => Int, { description: 'Applications approved (including those since contracted).' })
  approved!: number;

  @Field(() => Int, { description: 'Applications rejected.' })
  rejected!: number;

  @Field(() => Int, { description: 'Loan contracts signed.' })
  contracts!: number;
}

export const LoanApplicationConnection = ConnectionType(LoanApplication, 'LoanApplication', 'A page of loan applications, newest first.');
