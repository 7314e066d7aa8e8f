import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../shared/dates';
import { Money, MoneyObject, toMoneyObject } from '../../shared/money';
import { Node } from '../../shared/relay';
import { RepaymentComponent } from '../products/loan-product-enums';
import type { AllocationComponent } from './allocate-repayment';
import { ArrearsBucket, bucketOf } from './loan-math';
import type { StoredTerms } from './loan-terms';

export enum LoanStatus {
  CONTRACTED = 'CONTRACTED',
  ACTIVE = 'ACTIVE',
  WRITTEN_OFF = 'WRITTEN_OFF',
  CLOSED = 'CLOSED',
}
registerEnumType(LoanStatus, {
  name: 'LoanStatus',
  description: 'Where a loan is in its life.',
  valuesConfig: {
    CONTRACTED: { description: 'The contract is signed; nothing has been paid out yet.' },
    ACTIVE: { description: 'Paid out (at least one tranche) and being repaid.' },
    WRITTEN_OFF: { description: 'Judged uncollectable and removed from the fund’s assets.' },
    CLOSED: { description: 'Settled in full (or written off) and closed; it takes no more transactions.' },
  },
});
registerEnumType(ArrearsBucket, {
  name: 'ArrearsBucket',
  description: 'How late a loan is, in the buckets the fund reports portfolio at risk (PAR) and sets provisions by.',
  valuesConfig: {
    CURRENT: { description: 'Nothing overdue.' },
    DPD_1_30: { description: '1–30 days past due.' },
    DPD_31_90: { description: '31–90 days past due (counts in PAR30).' },
    DPD_91_180: { description: '91–180 days past due (counts in PAR30 and PAR90).' },
    DPD_OVER_180: { description: 'More than 180 days past due (counts in PAR30 and PAR90).' },
  },
});

const money = (minor: bigint): MoneyObject => toMoneyObject(Money.ofMinor(minor));
const bigint = () => new BigIntType('bigint');

/**
 * A loan the fund made, opened from a signed contract (fund/applications). Balances are cached on
 * the row — the journal (fund/books) is the record, and a test holds both equal — and so is the
 * instalment currently accruing, which lets the daily close work over all loans in a few statements.
 */
@ObjectType('Loan', { implements: Node, description: 'A loan from the fund to a social economy entity: its terms, what was paid out and repaid, what is owed and how late.' })
@Entity({ tableName: 'loan' })
export class Loan extends Node {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: bigint(), persist: false, nullable: true })
  seq?: bigint;

  @Field(() => ID, { description: 'The signed contract this loan was opened from.' })
  @Property({ type: 'uuid', unique: true })
  contractId!: string;

  @Field(() => ID, { description: 'The fund client (borrower) the loan was made to.' })
  @Property({ type: 'uuid' })
  borrowerClientId!: string;

  @Field(() => ID, { description: 'The loan product the contract was made under.' })
  @Property({ type: 'uuid' })
  productId!: string;

  @Field(() => LoanStatus, { description: 'Where the loan is in its life.' })
  @Enum({ items: () => LoanStatus, default: LoanStatus.CONTRACTED })
  status: LoanStatus = LoanStatus.CONTRACTED;

  /** LoanTerms as stored (bigints as strings). */
  @Property({ type: 'json' })
  terms!: StoredTerms;

  @Property({ type: bigint() }) approvedPrincipalMinor!: bigint;
  @Property({ type: bigint() }) disbursedPrincipalMinor: bigint = 0n;

  @Field(() => Int, { description: 'Penalty interest on overdue principal, yearly, in basis points (100 = 1 %).' })
  @Property({ type: 'int' })
  penaltyRateBp: number = 0;

  /** Arrangement fee: fixed (first tranche) and/or a share of each tranche. */
  @Property({ type: 'json' })
  feeSchedule: { arrangementFeeBp?: number | null; arrangementFeeFixedMinor?: string | null } = {};

  @Field(() => [RepaymentComponent], { description: 'The order in which a payment settles what is due.' })
  @Property({ type: 'text[]' })
  allocationOrder: AllocationComponent[] = ['PENALTY', 'FEE', 'INTEREST', 'PRINCIPAL'];

  @Field(() => Int, { nullable: true, description: 'Most of the principal that may be forgiven, in basis points (4000 = 40 %); empty if the contract promises no remission.' })
  @Property({ type: 'int', nullable: true })
  remissionMaxShareBp: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Jobs the borrower promised to create and keep for the remission.' })
  @Property({ type: 'int', nullable: true })
  remissionJobsPromised: number | null = null;

  @Field(() => DateScalar, { nullable: true, description: 'The jobs must be kept until this date.' })
  @Property({ type: 'date', nullable: true })
  remissionDeadline: string | null = null;

  @Property({ type: bigint() }) remittedMinor: bigint = 0n;
  @Field(() => DateScalar, { nullable: true, description: 'When principal was forgiven, if it was.' })
  @Property({ type: 'date', nullable: true })
  remittedOn: string | null = null;

  @Property({ type: bigint() }) principalOutstandingMinor: bigint = 0n;
  @Property({ type: bigint() }) principalDueMinor: bigint = 0n;
  @Property({ type: bigint() }) interestAccruedTotalMinor: bigint = 0n;
  @Property({ type: bigint() }) interestUnbilledMinor: bigint = 0n;
  @Property({ type: bigint() }) interestDueMinor: bigint = 0n;
  @Property({ type: bigint() }) feeDueMinor: bigint = 0n;
  @Property({ type: bigint() }) penaltyDueMinor: bigint = 0n;
  @Property({ type: bigint() }) provisionMinor: bigint = 0n;
  @Property({ type: bigint() }) writtenOffMinor: bigint = 0n;
  /** Principal + interest billed at due dates so far, and how much of it was settled: first unpaid due date = oldest instalment past the settled total. */
  @Property({ type: bigint() }) billedCumulativeMinor: bigint = 0n;
  @Property({ type: bigint() }) settledCumulativeMinor: bigint = 0n;

  @Field(() => DateScalar, { nullable: true, description: 'Due date of the oldest instalment not fully paid; empty when nothing is overdue.' })
  @Property({ type: 'date', nullable: true })
  oldestUnpaidDueDate: string | null = null;

  /**
   * Of the principal due, what was billed for an instalment not overdue yet (billed the day before
   * its due date, and on time on the due date itself) and that due date: penalty interest leaves it out.
   */
  @Property({ type: bigint() }) principalNotYetOverdueMinor: bigint = 0n;
  @Property({ type: 'date', nullable: true }) notYetOverdueThrough: string | null = null;

  @Field(() => Int, { description: 'Days past due as of the last close of business.' })
  @Property({ type: 'int' })
  daysPastDue: number = 0;

  @Property({ type: 'uuid', nullable: true }) scheduleId: string | null = null;
  @Field(() => Int, { description: 'Version of the current repayment schedule (0 before the first payout; restructuring adds one).' })
  @Property({ type: 'int' })
  scheduleVersion: number = 0;

  @Property({ type: 'int', nullable: true }) curInstalmentNumber: number | null = null;
  @Property({ type: 'date', nullable: true }) curPeriodStart: string | null = null;
  @Property({ type: 'date', nullable: true }) curPeriodEnd: string | null = null;
  @Property({ type: 'date', nullable: true }) curDueDate: string | null = null;
  @Property({ type: bigint(), nullable: true }) curPrincipalMinor: bigint | null = null;
  @Property({ type: bigint(), nullable: true }) curInterestMinor: bigint | null = null;
  @Property({ type: bigint() }) cumInterestBeforeCurMinor: bigint = 0n;

  @Field(() => DateScalar, { nullable: true, description: 'The last business date the daily close has processed for this loan.' })
  @Property({ type: 'date', nullable: true })
  accruedThrough: string | null = null;

  /** What the last close of business did to this loan (its journal lines are read back from these). */
  @Property({ type: bigint() }) lastCloseAccrualMinor: bigint = 0n;
  @Property({ type: bigint() }) lastClosePenaltyMinor: bigint = 0n;
  @Property({ type: bigint() }) lastCloseProvisionDeltaMinor: bigint = 0n;

  @Field(() => DateScalar, { description: 'When the loan was opened from its contract.' })
  @Property({ type: 'date' })
  openedOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'When the first tranche was paid out.' })
  @Property({ type: 'date', nullable: true })
  firstDisbursedOn: string | null = null;

  @Field(() => DateScalar, { nullable: true, description: 'When the loan was written off.' })
  @Property({ type: 'date', nullable: true })
  writtenOffOn: string | null = null;

  @Field(() => DateScalar, { nullable: true, description: 'When the loan was closed.' })
  @Property({ type: 'date', nullable: true })
  closedOn: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  get localId(): string {
    return this.id;
  }

  @Field(() => MoneyObject, { description: 'Principal the contract approved.' })
  get approvedPrincipal(): MoneyObject { return money(this.approvedPrincipalMinor); }
  @Field(() => MoneyObject, { description: 'Principal paid out so far (all tranches).' })
  get disbursedPrincipal(): MoneyObject { return money(this.disbursedPrincipalMinor); }
  @Field(() => MoneyObject, { description: 'Principal not yet repaid (due or not).' })
  get principalOutstanding(): MoneyObject { return money(this.principalOutstandingMinor); }
  @Field(() => MoneyObject, { description: 'Principal that fell due and is unpaid.' })
  get principalDue(): MoneyObject { return money(this.principalDueMinor); }
  @Field(() => MoneyObject, { description: 'Interest that fell due and is unpaid.' })
  get interestDue(): MoneyObject { return money(this.interestDueMinor); }
  @Field(() => MoneyObject, { description: 'Interest accrued since the last due date, payable at the next one (or now, when repaying early).' })
  get interestAccrued(): MoneyObject { return money(this.interestUnbilledMinor); }
  @Field(() => MoneyObject, { description: 'Fees charged and unpaid.' })
  get feesDue(): MoneyObject { return money(this.feeDueMinor); }
  @Field(() => MoneyObject, { description: 'Penalty interest for late payment, unpaid.' })
  get penaltiesDue(): MoneyObject { return money(this.penaltyDueMinor); }
  @Field(() => MoneyObject, { description: 'Everything it would take to repay the loan in full today.' })
  get payoffAmount(): MoneyObject { return money(this.totalOwedMinor()); }
  @Field(() => MoneyObject, { description: 'Loan-loss provision the fund holds against this loan.' })
  get provision(): MoneyObject { return money(this.provisionMinor); }
  @Field(() => MoneyObject, { description: 'Principal forgiven under the conditional remission.' })
  get remitted(): MoneyObject { return money(this.remittedMinor); }
  @Field(() => MoneyObject, { description: 'Amount written off as uncollectable.' })
  get writtenOff(): MoneyObject { return money(this.writtenOffMinor); }
  @Field(() => ArrearsBucket, { description: 'Arrears bucket by days past due.' })
  get arrearsBucket(): ArrearsBucket { return bucketOf(this.daysPastDue); }

  totalOwedMinor(): bigint {
    return this.principalOutstandingMinor + this.interestUnbilledMinor + this.interestDueMinor + this.feeDueMinor + this.penaltyDueMinor;
  }
}
