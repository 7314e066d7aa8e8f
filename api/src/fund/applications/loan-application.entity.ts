import { randomUUID } from 'node:crypto';
import { BigIntType, Check, Entity, Enum, Index, JsonType, ManyToOne, OneToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../../shared/relay';
import { DateScalar } from '../../shared/dates';
import { Money, MoneyObject, toMoneyObject } from '../../shared/money';
import { StaffUser } from '../../access';
import type { LoanTerms } from '../schedule';
import { FundClient } from '../clients/fund-client.entity';
import { LoanProduct } from '../products/loan-product.entity';
import { RepaymentComponent } from '../products/loan-product-enums';
import { CommitteeVoteChoice, LoanApplicationState } from './loan-application-enums';

const money = (minor: bigint): MoneyObject => toMoneyObject(Money.ofMinor(minor));

/** A criterion of the assessment checklist. Criteria are data: weights change without a release. */
@ObjectType('ScoringCriterion', { description: 'A criterion of the loan assessment checklist, with its weight.' })
@Entity({ tableName: 'loan_scoring_criterion' })
@Check({ name: 'loan_scoring_criterion_weights', expression: 'weight > 0 and max_points > 0' })
export class ScoringCriterion {
  @Field({ description: 'Stable code, e.g. REPAYMENT_CAPACITY.' })
  @PrimaryKey({ type: 'text' })
  code!: string;

  @Field({ description: 'Name in Polish.' })
  @Property({ type: 'text' })
  namePl!: string;

  @Field({ description: 'Name in English.' })
  @Property({ type: 'text' })
  nameEn!: string;

  @Field(() => Int, { description: 'Weight in the total score.' })
  @Property({ type: 'int' })
  weight!: number;

  @Field(() => Int, { description: 'Highest number of points an assessor may give.' })
  @Property({ type: 'int', default: 5 })
  maxPoints: number = 5;

  @Field(() => Int, { description: 'Order on the checklist.' })
  @Property({ type: 'int' })
  position!: number;

  @Field({ description: 'Whether new assessments use it.' })
  @Property({ type: 'boolean', default: true })
  active: boolean = true;
}

/** A loan application and, as it moves on, its assessment and the committee's decision. */
@ObjectType('LoanApplication', { implements: Node, description: 'A loan application (wniosek pożyczkowy): what a client asks for, its assessment, the committee vote and decision.' })
@Entity({ tableName: 'loan_application' })
@Index({ name: 'loan_application_state_submitted_index', properties: ['state', 'submittedAt'] })
@Check({ name: 'loan_application_terms_positive', expression: 'amount_minor > 0 and instalments > 0 and grace_periods >= 0 and jobs_promised >= 0' })
@Check({ name: 'loan_application_score_range', expression: `((score_bp IS NULL) OR ((score_bp >= 0) AND (score_bp <= 10000)))` })
@Check({ name: 'loan_application_state_shape', expression: `(((state = 'SUBMITTED'::text) OR ((assessed_by_id IS NOT NULL) AND (score_bp IS NOT NULL))) AND ((state <> ALL (ARRAY['APPROVED'::text, 'REJECTED'::text, 'CONTRACTED'::text])) OR (decided_at IS NOT NULL)))` })
export class LoanApplication extends Node {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => FundClient, { deleteRule: 'restrict' })
  @Index()
  client!: FundClient;

  @ManyToOne(() => LoanProduct, { deleteRule: 'restrict' })
  product!: LoanProduct;

  @Property({ type: new BigIntType('bigint') })
  amountMinor!: bigint;

  @Field(() => Int, { description: 'Repayment instalments asked for (after any grace period).' })
  @Property({ type: 'int' })
  instalments!: number;

  @Field(() => Int, { description: 'Grace periods asked for (0 = none).' })
  @Property({ type: 'int', default: 0 })
  gracePeriods: number = 0;

  @Field({ description: 'What the loan is for.' })
  @Property({ type: 'text' })
  purpose!: string;

  @Field(() => Int, { description: 'Jobs the client promises to create; they condition any remission.' })
  @Property({ type: 'int' })
  jobsPromised!: number;

  @Field(() => LoanApplicationState, { description: 'Where the application stands.' })
  @Enum({ items: () => LoanApplicationState })
  state: LoanApplicationState = LoanApplicationState.SUBMITTED;

  @Field({ description: 'When it was submitted.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  submittedAt: Date = new Date();

  @ManyToOne(() => StaffUser, { deleteRule: 'restrict' })
  submittedBy!: StaffUser;

  @ManyToOne(() => StaffUser, { nullable: true, deleteRule: 'restrict' })
  assessedBy: StaffUser | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was assessed.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  assessedAt: Date | null = null;

  @Field(() => Int, { nullable: true, description: 'Assessment score in basis points of the maximum (7250 = 72.5 %).' })
  @Property({ type: 'int', nullable: true })
  scoreBp: number | null = null;

  @Field(() => String, { nullable: true, description: 'The assessor’s summary.' })
  @Property({ type: 'text', nullable: true })
  assessmentNote: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When the committee’s decision was recorded.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  decidedAt: Date | null = null;

  @ManyToOne(() => StaffUser, { nullable: true, deleteRule: 'restrict' })
  decidedBy: StaffUser | null = null;

  @Field(() => String, { nullable: true, description: 'Note recorded with the decision.' })
  @Property({ type: 'text', nullable: true })
  decisionNote: string | null = null;

  get localId(): string {
    return this.id;
  }

  @Field(() => MoneyObject, { name: 'amount', description: 'The principal asked for.' })
  get amount(): MoneyObject {
    return money(this.amountMinor);
  }
}

/** The points an assessor gave an application on one criterion (weight copied at assessment time). */
@ObjectType('LoanApplicationScore', { description: 'Points given to an application on one checklist criterion.' })
@Entity({ tableName: 'loan_application_score' })
@Unique({ name: 'loan_application_score_unique', properties: ['application', 'criterion'] })
@Check({ name: 'loan_application_score_points', expression: `(((points >= 0) AND (points <= max_points)) AND (weight > 0))` })
export class LoanApplicationScore {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => LoanApplication, { deleteRule: 'cascade' })
  application!: LoanApplication;

  @Field(() => ScoringCriterion, { description: 'The criterion.' })
  @ManyToOne(() => ScoringCriterion, { deleteRule: 'restrict', eager: false })
  criterion!: ScoringCriterion;

  @Field(() => Int, { description: 'Points given.' })
  @Property({ type: 'int' })
  points!: number;

  @Field(() => Int, { description: 'The criterion’s weight when the assessment was made.' })
  @Property({ type: 'int' })
  weight!: number;

  @Field(() => Int, { description: 'The most points possible when the assessment was made.' })
  @Property({ type: 'int' })
  maxPoints!: number;
}

/** One committee member's vote on one application; a member votes once. */
@ObjectType('CommitteeVote', { description: 'A loan committee member’s recorded vote on an application.' })
@Entity({ tableName: 'loan_application_vote' })
@Unique({ name: 'loan_application_vote_once', properties: ['application', 'member'] })
export class CommitteeVote {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => LoanApplication, { deleteRule: 'cascade' })
  @Index()
  application!: LoanApplication;

  @ManyToOne(() => StaffUser, { deleteRule: 'restrict' })
  member!: StaffUser;

  @Field(() => CommitteeVoteChoice, { description: 'For, against or abstain.' })
  @Enum({ items: () => CommitteeVoteChoice })
  choice!: CommitteeVoteChoice;

  @Field(() => String, { nullable: true, description: 'The member’s comment.' })
  @Property({ type: 'text', nullable: true })
  comment: string | null = null;

  @Field({ description: 'When the vote was cast.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  castAt: Date = new Date();
}

/** LoanTerms with the principal as a decimal string, for a jsonb column. */
export type FrozenTerms = Omit<LoanTerms, 'principalMinor'> & { principalMinor: string };

/**
 * A signed loan contract: the terms frozen from the approved application and its product. The
 * loan module opens the loan from it (`loanId`, no foreign key: the loan table is that module's).
 */
@ObjectType('LoanContract', { implements: Node, description: 'A signed loan contract (umowa pożyczki): the terms frozen when a fund officer signed it.' })
@Entity({ tableName: 'loan_contract' })
@Check({ name: 'loan_contract_amounts', expression: 'principal_minor > 0 and arrangement_fee_minor >= 0 and penalty_rate_bp >= 0' })
@Check({ name: 'loan_contract_remission', expression: `(((remission_max_share_bp = 0) AND (remission_deadline IS NULL)) OR (((remission_max_share_bp >= 1) AND (remission_max_share_bp <= 10000)) AND (remission_jobs_promised > 0) AND (remission_deadline IS NOT NULL)))` })
export class LoanContract extends Node {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field({ description: 'Contract number, e.g. "UP/2026/1a2b3c4d".' })
  @Property({ type: 'text', unique: true })
  number!: string;

  @OneToOne(() => LoanApplication, { owner: true, deleteRule: 'restrict', unique: 'loan_contract_application_id_unique' })
  application!: LoanApplication;

  @Property({ type: new BigIntType('bigint') })
  principalMinor!: bigint;

  @Property({ type: JsonType })
  terms!: FrozenTerms;

  @Field(() => Int, { description: 'Penalty interest, annual, in basis points.' })
  @Property({ type: 'int' })
  penaltyRateBp!: number;

  @Property({ type: new BigIntType('bigint') })
  arrangementFeeMinor!: bigint;

  @Field(() => [RepaymentComponent], { description: 'The order a payment settles penalty, fees, interest and principal.' })
  @Enum({ items: () => RepaymentComponent, array: true })
  allocationOrder: RepaymentComponent[] = [];

  @Field(() => Int, { description: 'Largest remittable share of the principal, basis points (0 = none).' })
  @Property({ type: 'int', default: 0 })
  remissionMaxShareBp: number = 0;

  @Field(() => Int, { description: 'Jobs that must be created and kept for a remission.' })
  @Property({ type: 'int', default: 0 })
  remissionJobsPromised: number = 0;

  @Field(() => DateScalar, { nullable: true, description: 'The jobs must still exist on this day for a remission.' })
  @Property({ type: 'date', nullable: true })
  remissionDeadline: string | null = null;

  @Field(() => DateScalar, { description: 'The day the contract was signed.' })
  @Property({ type: 'date' })
  signedOn!: string;

  @ManyToOne(() => StaffUser, { deleteRule: 'restrict' })
  signedBy!: StaffUser;

  /** The loan the loan module opened from this contract; null until it has. */
  @Property({ type: 'uuid', nullable: true, unique: 'loan_contract_loan_id_unique' })
  loanId: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  get localId(): string {
    return this.id;
  }

  loanTerms(): LoanTerms {
    return { ...this.terms, principalMinor: BigInt(this.terms.principalMinor) };
  }

  @Field(() => MoneyObject, { name: 'principal', description: 'The principal lent.' })
  get principal(): MoneyObject {
    return money(this.principalMinor);
  }

  @Field(() => MoneyObject, { name: 'arrangementFee', description: 'Arrangement fee charged.' })
  get arrangementFee(): MoneyObject {
    return money(this.arrangementFeeMinor);
  }

  @Field(() => DateScalar, { description: 'The day the principal is (to be) paid out.' })
  get firstDisbursementDate(): string {
    return this.terms.firstDisbursementDate;
  }

  @Field(() => Int, { description: 'Repayment instalments (after grace).' })
  get instalments(): number {
    return this.terms.instalments;
  }

  @Field(() => Int, { description: 'Grace periods at the start.' })
  get gracePeriods(): number {
    return this.terms.grace.periods;
  }
}
