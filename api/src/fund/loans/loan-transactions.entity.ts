import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../shared/dates';
import { Money, MoneyObject, toMoneyObject } from '../../shared/money';

const money = (minor: bigint): MoneyObject => toMoneyObject(Money.ofMinor(minor));
const bigint = () => new BigIntType('bigint');

/** One tranche paid out. */
@Entity({ tableName: 'loan_disbursement' })
export class LoanDisbursement {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) loanId!: string;
  @Property({ type: 'int' }) tranche!: number;
  @Property({ type: 'date' }) businessDate!: string;
  @Property({ type: bigint() }) amountMinor!: bigint;
  @Property({ type: bigint() }) feeMinor: bigint = 0n;
  @Property({ type: 'uuid', nullable: true }) journalEntryId: string | null = null;
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' }) createdAt: Date = new Date();
}

export enum RepaymentStatus {
  POSTED = 'POSTED',
  REVERSED = 'REVERSED',
}
registerEnumType(RepaymentStatus, {
  name: 'RepaymentStatus',
  description: 'Whether a repayment stands or was reversed.',
  valuesConfig: { POSTED: { description: 'Booked and standing.' }, REVERSED: { description: 'Reversed (e.g. the transfer bounced); its postings were reversed.' } },
});

/** A payment from the borrower, split over what was owed. */
@ObjectType('LoanRepayment', { description: 'A payment from the borrower and how it was split over penalties, fees, interest and principal.' })
@Entity({ tableName: 'loan_repayment' })
export class LoanRepayment {
  @Field(() => ID, { description: 'Identifier of the repayment.' })
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) loanId!: string;
  @Field({ description: 'The caller’s key for this payment: sending the same payment again with it returns this repayment instead of booking it twice.' })
  @Property({ type: 'text' }) idempotencyKey!: string;
  @Field(() => DateScalar, { description: 'Business date of the payment.' })
  @Property({ type: 'date' }) businessDate!: string;
  @Property({ type: bigint() }) amountMinor!: bigint;
  @Property({ type: bigint() }) penaltyMinor: bigint = 0n;
  @Property({ type: bigint() }) feeMinor: bigint = 0n;
  @Property({ type: bigint() }) interestDueMinor: bigint = 0n;
  @Property({ type: bigint() }) interestUnbilledMinor: bigint = 0n;
  @Property({ type: bigint() }) principalDueMinor: bigint = 0n;
  @Property({ type: bigint() }) principalPrepaidMinor: bigint = 0n;
  @Property({ type: 'int', nullable: true }) curInstalmentNumber: number | null = null;
  @Property({ type: 'int' }) scheduleVersion!: number;
  @Field(() => RepaymentStatus, { description: 'Whether the repayment stands or was reversed.' })
  @Enum({ items: () => RepaymentStatus, default: RepaymentStatus.POSTED }) status: RepaymentStatus = RepaymentStatus.POSTED;
  @Property({ type: 'uuid', nullable: true }) journalEntryId: string | null = null;
  @Property({ type: 'uuid', nullable: true }) reversalEntryId: string | null = null;
  @Field(() => DateScalar, { nullable: true, description: 'When it was reversed.' })
  @Property({ type: 'date', nullable: true }) reversedOn: string | null = null;
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' }) createdAt: Date = new Date();

  @Field(() => MoneyObject, { description: 'Amount paid.' })
  get amount(): MoneyObject { return money(this.amountMinor); }
  @Field(() => MoneyObject, { description: 'Part that paid penalty interest.' })
  get toPenalties(): MoneyObject { return money(this.penaltyMinor); }
  @Field(() => MoneyObject, { description: 'Part that paid fees.' })
  get toFees(): MoneyObject { return money(this.feeMinor); }
  @Field(() => MoneyObject, { description: 'Part that paid interest (due, and accrued when repaying early).' })
  get toInterest(): MoneyObject { return money(this.interestDueMinor + this.interestUnbilledMinor); }
  @Field(() => MoneyObject, { description: 'Part that repaid principal (due, and early).' })
  get toPrincipal(): MoneyObject { return money(this.principalDueMinor + this.principalPrepaidMinor); }
  @Field(() => MoneyObject, { description: 'Of the principal, the part repaid before it was due (early repayment).' })
  get earlyPrincipal(): MoneyObject { return money(this.principalPrepaidMinor); }
}

export enum LoanEventKind {
  OPENED = 'OPENED',
  DISBURSED = 'DISBURSED',
  REPAID = 'REPAID',
  REPAYMENT_REVERSED = 'REPAYMENT_REVERSED',
  RESTRUCTURED = 'RESTRUCTURED',
  REMITTED = 'REMITTED',
  WRITTEN_OFF = 'WRITTEN_OFF',
  CLOSED = 'CLOSED',
}

/** The loan's audit trail of transitions (the daily close is in the journal, not here). */
@Entity({ tableName: 'loan_event' })
export class LoanEvent {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) loanId!: string;
  @Property({ type: bigint(), persist: false, nullable: true }) seq?: bigint;
  @Enum({ items: () => LoanEventKind }) kind!: LoanEventKind;
  @Property({ type: 'date' }) businessDate!: string;
  @Property({ type: bigint() }) amountMinor: bigint = 0n;
  @Property({ type: 'uuid', nullable: true }) journalEntryId: string | null = null;
  @Property({ type: 'json' }) details: Record<string, unknown> = {};
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' }) createdAt: Date = new Date();
}

/** Arrears of one loan as of its last close of business. */
@ObjectType('LoanArrears', { description: 'How far behind a loan is, as of the last close of business.' })
export class LoanArrears {
  @Field(() => Int, { description: 'Days since the oldest unpaid due date.' })
  daysPastDue!: number;
  @Field(() => DateScalar, { nullable: true, description: 'Oldest due date not fully paid.' })
  oldestUnpaidDueDate!: string | null;
  @Field(() => MoneyObject, { description: 'Overdue principal.' })
  principalOverdue!: MoneyObject;
  @Field(() => MoneyObject, { description: 'Overdue interest.' })
  interestOverdue!: MoneyObject;
  @Field(() => MoneyObject, { description: 'Unpaid penalty interest.' })
  penalties!: MoneyObject;
  @Field(() => MoneyObject, { description: 'Everything overdue: principal, interest, fees and penalties.' })
  totalOverdue!: MoneyObject;
  @Field({ description: 'Whether the loan counts in portfolio at risk over 30 days (PAR30).' })
  par30!: boolean;
  @Field({ description: 'Whether the loan counts in portfolio at risk over 90 days (PAR90).' })
  par90!: boolean;
}
