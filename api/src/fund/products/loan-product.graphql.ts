import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../shared/errors';
import { DecimalScalar } from '../../shared/money';
import { LoanProduct } from './loan-product.entity';
import {
  AmortisationKind,
  BusinessDayRuleKind,
  CommitteeMajority,
  DayCountKind,
  GraceKindValue,
  InterestKind,
  RepaymentComponent,
  RepaymentFrequencyKind,
} from './loan-product-enums';

@InputType({ description: 'Configures a new loan product. Rates are in basis points (100 = 1 %).' })
export class LoanProductCreateInput {
  @Field({ description: 'Short stable code, e.g. "PES-PREF".' })
  code!: string;

  @Field({ description: 'Name shown to staff and applicants.' })
  name!: string;

  @Field(() => DecimalScalar, { description: 'Smallest principal, in złoty, e.g. "5000.00".' })
  minAmount!: string;

  @Field(() => DecimalScalar, { description: 'Largest principal, in złoty, e.g. "100000.00".' })
  maxAmount!: string;

  @Field(() => Int, { description: 'Fewest repayment instalments.' })
  minInstalments!: number;

  @Field(() => Int, { description: 'Most repayment instalments.' })
  maxInstalments!: number;

  @Field(() => InterestKind, { description: 'Fixed, or reference rate plus margin.' })
  interestKind!: InterestKind;

  @Field(() => Int, { nullable: true, description: 'For FIXED: the annual rate (25 = 0.25 %).' })
  annualRateBp?: number | null;

  @Field(() => Int, { nullable: true, description: 'For REFERENCE_MARGIN: the reference rate.' })
  referenceRateBp?: number | null;

  @Field(() => Int, { nullable: true, description: 'For REFERENCE_MARGIN: the margin.' })
  marginBp?: number | null;

  @Field(() => Int, { nullable: true, description: 'For REFERENCE_MARGIN: the floor.' })
  floorBp?: number | null;

  @Field(() => RepaymentFrequencyKind, { description: 'Monthly or quarterly instalments.' })
  frequency!: RepaymentFrequencyKind;

  @Field(() => AmortisationKind, { description: 'Equal instalments or equal principal parts.' })
  amortisation!: AmortisationKind;

  @Field(() => GraceKindValue, { description: 'What is paid during grace; NONE for no grace.' })
  graceKind!: GraceKindValue;

  @Field(() => Int, { description: 'Longest grace period, in periods (0 with NONE).' })
  maxGracePeriods!: number;

  @Field(() => DayCountKind, { description: 'How interest days are counted.' })
  dayCount!: DayCountKind;

  @Field(() => BusinessDayRuleKind, { description: 'Where a due date on a holiday moves.' })
  businessDayRule!: BusinessDayRuleKind;

  @Field(() => Int, { nullable: true, description: 'Arrangement fee as a share of the principal (100 = 1 %).' })
  arrangementFeeBp?: number | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Arrangement fee as a fixed amount in złoty (instead of a share).' })
  arrangementFeeFixed?: string | null;

  @Field(() => Int, { description: 'Penalty interest, annual (must respect the statutory maximum interest for delay).' })
  penaltyRateBp!: number;

  @Field(() => [RepaymentComponent], { nullable: true, description: 'Allocation order of payments; default PENALTY, FEE, INTEREST, PRINCIPAL.' })
  allocationOrder?: RepaymentComponent[] | null;

  @Field(() => Int, { nullable: true, description: 'Largest remittable share of the principal (4000 = 40 %); default 0.' })
  remissionMaxShareBp?: number | null;

  @Field(() => Int, { nullable: true, description: 'Months after signing the promised jobs must be kept for a remission.' })
  remissionDeadlineMonths?: number | null;

  @Field(() => Int, { nullable: true, description: 'Loan committee quorum (default 3).' })
  committeeQuorum?: number | null;

  @Field(() => CommitteeMajority, { nullable: true, description: 'Majority rule (default SIMPLE).' })
  committeeMajority?: CommitteeMajority | null;
}

@ObjectType({ description: 'The result of configuring a loan product.' })
export class LoanProductCreatePayload {
  @Field(() => LoanProduct, { nullable: true, description: 'The new product; empty on error.' })
  product: LoanProduct | null = null;

  @Field(() => [UserError], { description: 'Why the product could not be configured (codes: LoanProductErrorCode).' })
  errors: UserError[] = [];
}
