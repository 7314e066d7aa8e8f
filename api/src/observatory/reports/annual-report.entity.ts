import { BigIntType, Check, DecimalType, Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Float, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';
import { Node } from '../../shared/relay';
import { Money, MoneyObject, toMoneyObject } from '../../shared/money';
import { SocialEconomyEntity } from '../registry/social-economy-entity.entity';

const COUNT_COLUMNS = [
  'employees_headcount', 'excluded_long_term_unemployed', 'excluded_disabled', 'excluded_homeless', 'excluded_after_addiction',
  'excluded_after_prison', 'excluded_refugees', 'excluded_other', 'members', 'volunteers',
] as const;

/** Employees (or, in reintegration units, participants) from groups at risk of social exclusion, by group. */
@ObjectType('ExcludedEmployment', {
  description:
    'People at risk of social exclusion an entity employed in the year, by group (a person counts in one group). In reintegration units (CIS, KIS, WTZ) the participants in reintegration or occupational therapy count here. Null where the entity did not report a group.',
})
export class ExcludedEmployment {
  @Field(() => Int, { nullable: true, description: 'Long-term unemployed (out of work for over 12 of the last 24 months).' })
  longTermUnemployed!: number | null;

  @Field(() => Int, { nullable: true, description: 'Persons with disabilities.' })
  disabled!: number | null;

  @Field(() => Int, { nullable: true, description: 'Homeless persons.' })
  homeless!: number | null;

  @Field(() => Int, { nullable: true, description: 'Persons after addiction therapy (alcohol, drugs).' })
  afterAddictionTherapy!: number | null;

  @Field(() => Int, { nullable: true, description: 'Persons released from prison.' })
  afterImprisonment!: number | null;

  @Field(() => Int, { nullable: true, description: 'Refugees and others under international protection.' })
  refugees!: number | null;

  @Field(() => Int, { nullable: true, description: 'Other groups at risk of social exclusion named by the law on social employment.' })
  other!: number | null;

  @Field(() => Int, { nullable: true, description: 'All groups together; null when no group was reported.' })
  total!: number | null;
}

const money = (minor: bigint | null): MoneyObject | null => (minor === null ? null : toMoneyObject(Money.ofMinor(minor)));

/**
 * What an entity reported for one calendar year: staff, people at risk of exclusion it employed,
 * members, volunteers and money (in grosze). Null means "not reported", never zero.
 */
@ObjectType('AnnualReport', {
  implements: Node,
  description: 'An entity’s report for one calendar year (sprawozdanie roczne): employment, people at risk of social exclusion employed, members, volunteers, revenue and result. A missing value was not reported.',
})
@Entity({ tableName: 'annual_report' })
@Unique({ name: 'annual_report_entity_id_year_unique', properties: ['entity', 'year'] })
@Check({ name: 'annual_report_counts_non_negative', expression: COUNT_COLUMNS.map((c) => `${c} >= 0`).join(' and ') })
@Check({ name: 'annual_report_fte_non_negative', expression: 'employees_fte >= 0' })
@Check({ name: 'annual_report_amounts_non_negative', expression: 'revenue_market >= 0 and revenue_public_grants >= 0 and surplus_reinvested >= 0' })
@Check({ name: 'annual_report_year_range', expression: 'year >= 1989 and year <= 2100' })
@Check({ name: 'annual_report_pkd_code_format', expression: "pkd_code ~ '^[0-9]{2}\\.[0-9]{2}\\.[A-Z]$'" })
export class AnnualReport extends Node {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  /** The reporting entity; served by a batched field resolver. */
  @ManyToOne(() => SocialEconomyEntity, { deleteRule: 'cascade' })
  entity!: SocialEconomyEntity;

  @Field(() => Int, { description: 'The calendar year reported on.' })
  @Property({ type: 'smallint' })
  year!: number;

  @Field(() => Int, { nullable: true, description: 'People employed (on an employment contract) at the end of the year; in CIS, KIS and WTZ staff plus participants.' })
  @Property({ type: 'integer', nullable: true })
  employeesHeadcount: number | null = null;

  @Field(() => Float, { nullable: true, description: 'Paid employment in full-time equivalents (average over the year).' })
  @Property({ type: new DecimalType('number'), precision: 10, scale: 2, nullable: true })
  employeesFte: number | null = null;

  @Property({ type: 'integer', nullable: true })
  excludedLongTermUnemployed: number | null = null;

  @Property({ type: 'integer', nullable: true })
  excludedDisabled: number | null = null;

  @Property({ type: 'integer', nullable: true })
  excludedHomeless: number | null = null;

  @Property({ type: 'integer', nullable: true })
  excludedAfterAddiction: number | null = null;

  @Property({ type: 'integer', nullable: true })
  excludedAfterPrison: number | null = null;

  @Property({ type: 'integer', nullable: true })
  excludedRefugees: number | null = null;

  @Property({ type: 'integer', nullable: true })
  excludedOther: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Members at the end of the year (cooperatives, associations, KGWs; foundations have none).' })
  @Property({ type: 'integer', nullable: true })
  members: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Volunteers who worked for the entity during the year.' })
  @Property({ type: 'integer', nullable: true })
  volunteers: number | null = null;

  /** Revenue from sales of goods and services, in grosze. */
  @Property({ type: new BigIntType('bigint'), nullable: true })
  revenueMarket: bigint | null = null;

  /** Revenue from public grants and subsidies (EU funds, labour office, local government), in grosze. */
  @Property({ type: new BigIntType('bigint'), nullable: true })
  revenuePublicGrants: bigint | null = null;

  /** Net result (surplus, or a loss when negative), in grosze. */
  @Property({ type: new BigIntType('bigint'), nullable: true })
  result: bigint | null = null;

  /** Part of the surplus spent on social and vocational reintegration or other social aims, in grosze. */
  @Property({ type: new BigIntType('bigint'), nullable: true })
  surplusReinvested: bigint | null = null;

  @Field(() => String, { nullable: true, description: 'Main activity in the year as a PKD 2007 class (e.g. "56.29.Z").' })
  @Property({ type: 'string', length: 8, nullable: true })
  pkdCode: string | null = null;

  @Field({ description: 'True for generated demonstration reports, which describe no real organisation.' })
  @Property({ type: 'boolean', default: false })
  synthetic: boolean = false;

  @Field(() => GraphQLISODateTime, { description: 'When the registry received the report.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt: Date = new Date();

  @Field(() => GraphQLISODateTime, { description: 'When the report was last corrected (equal to recordedAt if never).' })
  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  get localId(): string {
    return this.id;
  }

  @Field(() => ExcludedEmployment, { description: 'People at risk of social exclusion employed, by group.' })
  get excludedEmployees(): ExcludedEmployment {
    const groups = {
      longTermUnemployed: this.excludedLongTermUnemployed,
      disabled: this.excludedDisabled,
      homeless: this.excludedHomeless,
      afterAddictionTherapy: this.excludedAfterAddiction,
      afterImprisonment: this.excludedAfterPrison,
      refugees: this.excludedRefugees,
      other: this.excludedOther,
    };
    const reported = Object.values(groups).filter((n): n is number => n !== null);
    return Object.assign(new ExcludedEmployment(), groups, { total: reported.length ? reported.reduce((s, n) => s + n, 0) : null });
  }

  @Field(() => MoneyObject, { name: 'revenueMarket', nullable: true, description: 'Revenue from selling goods and services.' })
  get revenueMarketMoney(): MoneyObject | null {
    return money(this.revenueMarket);
  }

  @Field(() => MoneyObject, { name: 'revenuePublicGrants', nullable: true, description: 'Revenue from public grants and subsidies (EU funds, labour offices, local and central government).' })
  get revenuePublicGrantsMoney(): MoneyObject | null {
    return money(this.revenuePublicGrants);
  }

  @Field(() => MoneyObject, { name: 'revenueTotal', nullable: true, description: 'Market revenue plus public grants; null unless both were reported.' })
  get revenueTotalMoney(): MoneyObject | null {
    return this.revenueMarket === null || this.revenuePublicGrants === null ? null : money(this.revenueMarket + this.revenuePublicGrants);
  }

  @Field(() => MoneyObject, { name: 'result', nullable: true, description: 'Net result for the year: a surplus, or a loss when negative.' })
  get resultMoney(): MoneyObject | null {
    return money(this.result);
  }

  @Field(() => MoneyObject, { name: 'surplusReinvested', nullable: true, description: 'The part of the surplus spent on social aims: reintegration of employees, the local community, the entity’s social mission.' })
  get surplusReinvestedMoney(): MoneyObject | null {
    return money(this.surplusReinvested);
  }
}
