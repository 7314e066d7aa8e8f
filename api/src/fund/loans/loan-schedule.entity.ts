import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../shared/dates';
import { Money, MoneyObject, toMoneyObject } from '../../shared/money';
import type { StoredTerms } from './loan-terms';

export enum ScheduleReason {
  DISBURSEMENT = 'DISBURSEMENT',
  TRANCHE = 'TRANCHE',
  PREPAYMENT = 'PREPAYMENT',
  RESTRUCTURE = 'RESTRUCTURE',
  REMISSION = 'REMISSION',
  REVERSAL = 'REVERSAL',
}
registerEnumType(ScheduleReason, {
  name: 'ScheduleReason',
  description: 'Why a new version of a repayment schedule was made.',
  valuesConfig: {
    DISBURSEMENT: { description: 'The first payout.' },
    TRANCHE: { description: 'A further tranche was paid out.' },
    PREPAYMENT: { description: 'Principal was repaid early; the rest is spread over the remaining instalments.' },
    RESTRUCTURE: { description: 'The loan was restructured (new term, rate or payment holiday).' },
    REMISSION: { description: 'Part of the principal was forgiven.' },
    REVERSAL: { description: 'An early repayment was reversed, so its principal is scheduled again.' },
  },
});

const money = (minor: bigint): MoneyObject => toMoneyObject(Money.ofMinor(minor));
const bigint = () => new BigIntType('bigint');

/** One version of a loan's repayment schedule; older versions are kept as history. */
@ObjectType('LoanSchedule', { description: 'One version of a loan’s repayment schedule. A restructuring or early repayment makes a new version; old versions stay as history.' })
@Entity({ tableName: 'loan_schedule' })
export class LoanSchedule {
  @Field(() => ID, { description: 'Identifier of this schedule version.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  loanId!: string;

  @Field(() => Int, { description: 'Version number, 1 for the first payout.' })
  @Property({ type: 'int' })
  version!: number;

  @Field(() => ScheduleReason, { description: 'Why this version was made.' })
  @Enum({ items: () => ScheduleReason })
  reason!: ScheduleReason;

  @Field(() => DateScalar, { description: 'From when this version applies.' })
  @Property({ type: 'date' })
  effectiveDate!: string;

  @Property({ type: 'json' })
  terms!: StoredTerms;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

/** One instalment (rata) of a schedule version, with what was billed at its due date. */
@ObjectType('LoanInstalment', { description: 'One instalment of a repayment schedule: when it falls due, how much principal and interest, and what was billed.' })
@Entity({ tableName: 'loan_instalment' })
export class LoanInstalment {
  @PrimaryKey({ type: 'uuid' })
  scheduleId!: string;

  @Field(() => Int, { description: 'Instalment number, counted from the first instalment of the loan.' })
  @PrimaryKey({ type: 'int' })
  number!: number;

  @Field(() => DateScalar, { description: 'When the instalment falls due (moved off weekends and Polish public holidays).' })
  @Property({ type: 'date' }) dueDate!: string;
  @Field(() => DateScalar, { description: 'First day of the interest period.' })
  @Property({ type: 'date' }) periodStart!: string;
  @Field(() => DateScalar, { description: 'Day after the last day of the interest period.' })
  @Property({ type: 'date' }) periodEnd!: string;

  @Property({ type: bigint() }) principalMinor!: bigint;
  @Property({ type: bigint() }) interestMinor!: bigint;
  @Property({ type: bigint() }) totalMinor!: bigint;
  @Property({ type: bigint() }) openingPrincipalMinor!: bigint;
  @Property({ type: bigint() }) closingPrincipalMinor!: bigint;
  @Property({ type: bigint() }) capitalisedInterestMinor: bigint = 0n;

  @Field(() => DateScalar, { nullable: true, description: 'When the close of business billed this instalment; empty until its due date.' })
  @Property({ type: 'date', nullable: true }) billedOn: string | null = null;
  @Property({ type: bigint(), nullable: true }) billedPrincipalMinor: bigint | null = null;
  @Property({ type: bigint(), nullable: true }) billedInterestMinor: bigint | null = null;
  @Property({ type: bigint(), nullable: true }) billedCumulativeThroughMinor: bigint | null = null;

  @Field(() => MoneyObject, { description: 'Principal part.' })
  get principal(): MoneyObject { return money(this.principalMinor); }
  @Field(() => MoneyObject, { description: 'Interest part.' })
  get interest(): MoneyObject { return money(this.interestMinor); }
  @Field(() => MoneyObject, { description: 'Principal plus interest.' })
  get total(): MoneyObject { return money(this.totalMinor); }
  @Field(() => MoneyObject, { description: 'Principal outstanding after this instalment.' })
  get closingPrincipal(): MoneyObject { return money(this.closingPrincipalMinor); }
}
