import { randomUUID } from 'node:crypto';
import { BigIntType, Check, Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../../shared/relay';
import { Money, MoneyObject, toMoneyObject } from '../../shared/money';
import type { InterestTerms } from '../schedule';
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

/**
 * A loan product: the configuration every loan application and contract of that kind is checked
 * against (bounds, pricing, schedule shape, fees, penalty, allocation, remission, committee rule).
 * Products are configuration only; a contract freezes the terms it took from one.
 */
@ObjectType('LoanProduct', { implements: Node, description: 'A kind of loan the fund offers: amount and term bounds, interest, repayment shape, fees, penalty interest and conditional remission.' })
@Entity({ tableName: 'loan_product' })
@Check({ name: 'loan_product_amount_bounds', expression: 'min_amount_minor > 0 and min_amount_minor <= max_amount_minor' })
@Check({ name: 'loan_product_instalment_bounds', expression: 'min_instalments >= 1 and min_instalments <= max_instalments' })
@Check({
  name: 'loan_product_interest_shape',
  expression: `(interest_kind = 'FIXED' and annual_rate_bp >= 0 and reference_rate_bp is null and margin_bp is null and floor_bp is null)
    or (interest_kind = 'REFERENCE_MARGIN' and annual_rate_bp is null and reference_rate_bp is not null and margin_bp is not null and floor_bp >= 0)`,
})
@Check({ name: 'loan_product_grace', expression: `max_grace_periods >= 0 and (grace_kind <> 'NONE' or max_grace_periods = 0)` })
@Check({ name: 'loan_product_fee', expression: 'not (arrangement_fee_bp is not null and arrangement_fee_fixed_minor is not null) and coalesce(arrangement_fee_bp, 0) >= 0 and coalesce(arrangement_fee_fixed_minor, 0) >= 0' })
@Check({ name: 'loan_product_penalty', expression: 'penalty_rate_bp >= 0' })
@Check({ name: 'loan_product_allocation', expression: `cardinality(allocation_order) = 4 and allocation_order @> array['PENALTY', 'FEE', 'INTEREST', 'PRINCIPAL']::text[]` })
@Check({ name: 'loan_product_remission', expression: `(((remission_max_share_bp >= 0) AND (remission_max_share_bp <= 10000)) AND ((remission_max_share_bp = 0) OR (remission_deadline_months > 0)))` })
@Check({ name: 'loan_product_committee', expression: 'committee_quorum >= 1' })
export class LoanProduct extends Node {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field({ description: 'Short stable code, e.g. "PES-PREF".' })
  @Property({ type: 'text', unique: true })
  code!: string;

  @Field({ description: 'Name shown to staff and applicants.' })
  @Property({ type: 'text' })
  name!: string;

  @Property({ type: new BigIntType('bigint') })
  minAmountMinor!: bigint;

  @Property({ type: new BigIntType('bigint') })
  maxAmountMinor!: bigint;

  @Field(() => Int, { description: 'Fewest repayment instalments (after any grace period).' })
  @Property({ type: 'int' })
  minInstalments!: number;

  @Field(() => Int, { description: 'Most repayment instalments (after any grace period).' })
  @Property({ type: 'int' })
  maxInstalments!: number;

  @Field(() => InterestKind, { description: 'Fixed rate, or a reference rate plus a margin.' })
  @Enum({ items: () => InterestKind })
  interestKind!: InterestKind;

  @Field(() => Int, { nullable: true, description: 'Fixed annual rate in basis points (25 = 0.25 %); empty for a reference-rate product.' })
  @Property({ type: 'int', nullable: true })
  annualRateBp: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Reference rate in basis points as configured (e.g. the NBP reference rate); empty for a fixed-rate product.' })
  @Property({ type: 'int', nullable: true })
  referenceRateBp: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Margin over the reference rate in basis points; may be negative.' })
  @Property({ type: 'int', nullable: true })
  marginBp: number | null = null;

  @Field(() => Int, { nullable: true, description: 'The rate never goes below this, in basis points.' })
  @Property({ type: 'int', nullable: true })
  floorBp: number | null = null;

  @Field(() => RepaymentFrequencyKind, { description: 'How often instalments fall due.' })
  @Enum({ items: () => RepaymentFrequencyKind })
  frequency!: RepaymentFrequencyKind;

  @Field(() => AmortisationKind, { description: 'Equal instalments or equal principal parts.' })
  @Enum({ items: () => AmortisationKind })
  amortisation!: AmortisationKind;

  @Field(() => GraceKindValue, { description: 'What is paid during a grace period; NONE when the product has none.' })
  @Enum({ items: () => GraceKindValue })
  graceKind!: GraceKindValue;

  @Field(() => Int, { description: 'Longest grace period, in repayment periods.' })
  @Property({ type: 'int' })
  maxGracePeriods!: number;

  @Field(() => DayCountKind, { description: 'How interest days are counted.' })
  @Enum({ items: () => DayCountKind })
  dayCount!: DayCountKind;

  @Field(() => BusinessDayRuleKind, { description: 'Where a due date on a weekend or public holiday moves.' })
  @Enum({ items: () => BusinessDayRuleKind })
  businessDayRule!: BusinessDayRuleKind;

  @Field(() => Int, { nullable: true, description: 'Arrangement fee as basis points of the principal (100 = 1 %); empty if the fee is fixed or there is none.' })
  @Property({ type: 'int', nullable: true })
  arrangementFeeBp: number | null = null;

  @Property({ type: new BigIntType('bigint'), nullable: true })
  arrangementFeeFixedMinor: bigint | null = null;

  /**
   * Annual penalty interest in basis points. Configurable, because the legal cap moves with the NBP
   * reference rate: maximum statutory interest for delay is twice (reference rate + 5.5 pp) —
   * Civil Code art. 481 § 2¹ — and the statutory rate itself is reference rate + 5.5 pp.
   */
  @Field(() => Int, { description: 'Penalty interest on overdue amounts, annual, in basis points. Must not exceed the statutory maximum interest for delay (Civil Code art. 481 § 2¹), which follows the NBP reference rate; staff update it when that rate changes.' })
  @Property({ type: 'int' })
  penaltyRateBp!: number;

  @Field(() => [RepaymentComponent], { description: 'The order in which a payment settles what is owed; always all four parts.' })
  @Enum({ items: () => RepaymentComponent, array: true })
  allocationOrder: RepaymentComponent[] = [];

  @Field(() => Int, { description: 'Largest share of the principal that may be remitted (umorzenie), in basis points (4000 = 40 %); 0 = no remission.' })
  @Property({ type: 'int', default: 0 })
  remissionMaxShareBp: number = 0;

  @Field(() => Int, { nullable: true, description: 'Remission condition: the jobs promised in the application must still exist this many months after the contract is signed.' })
  @Property({ type: 'int', nullable: true })
  remissionDeadlineMonths: number | null = null;

  @Field(() => Int, { description: 'Loan committee quorum: the fewest votes (abstentions included) for a decision.' })
  @Property({ type: 'int', default: 3 })
  committeeQuorum: number = 3;

  @Field(() => CommitteeMajority, { description: 'The majority an application needs from the committee.' })
  @Enum({ items: () => CommitteeMajority, default: CommitteeMajority.SIMPLE })
  committeeMajority: CommitteeMajority = CommitteeMajority.SIMPLE;

  @Field({ description: 'Whether new applications may be submitted for this product.' })
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Field({ description: 'When the product was configured.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  get localId(): string {
    return this.id;
  }

  @Field(() => MoneyObject, { name: 'minAmount', description: 'Smallest principal that may be lent.' })
  get minAmount(): MoneyObject {
    return toMoneyObject(Money.ofMinor(this.minAmountMinor));
  }

  @Field(() => MoneyObject, { name: 'maxAmount', description: 'Largest principal that may be lent.' })
  get maxAmount(): MoneyObject {
    return toMoneyObject(Money.ofMinor(this.maxAmountMinor));
  }

  @Field(() => MoneyObject, { nullable: true, name: 'arrangementFeeFixed', description: 'Fixed arrangement fee; empty if the fee is a share of the principal or there is none.' })
  get arrangementFeeFixed(): MoneyObject | null {
    return this.arrangementFeeFixedMinor === null ? null : toMoneyObject(Money.ofMinor(this.arrangementFeeFixedMinor));
  }

  /** The interest terms a contract on this product freezes. */
  interestTerms(): InterestTerms {
    return this.interestKind === InterestKind.FIXED
      ? { kind: 'FIXED', annualRateBp: this.annualRateBp! }
      : { kind: 'REFERENCE_MARGIN', referenceRateBp: this.referenceRateBp!, marginBp: this.marginBp!, floorBp: this.floorBp! };
  }

  /** Arrangement fee for a principal: basis points rounded half-up to the grosz, or the fixed fee. */
  arrangementFeeFor(principalMinor: bigint): bigint {
    if (this.arrangementFeeFixedMinor !== null) return this.arrangementFeeFixedMinor;
    if (this.arrangementFeeBp === null) return 0n;
    return (principalMinor * BigInt(this.arrangementFeeBp) + 5000n) / 10000n;
  }
}
