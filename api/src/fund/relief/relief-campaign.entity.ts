import { randomUUID } from 'node:crypto';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../../shared/dates';
import { ReliefCampaignKind, ReliefCampaignStatus, type ReliefEffect, type ReliefParameters, type ReliefTarget } from './relief-types';

/** A relief campaign: one kind of relief for a targeted part of the portfolio, previewed, then applied once. */
@ObjectType('ReliefCampaign', { description: 'A relief campaign across the fund’s loans — a payment holiday, a temporary rate cut or a later jobs deadline for the loans it targets (a region, legal forms, products). Its effect is previewed first and then applied once, with an audit trail.' })
@Entity({ tableName: 'relief_campaign' })
export class ReliefCampaign {
  @Field(() => ID, { description: 'Identifier of the campaign.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field({ description: 'Name of the campaign, e.g. “Flood relief, Kłodzko county, 2026”.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => ReliefCampaignKind, { description: 'What the campaign does to each loan.' })
  @Enum({ items: () => ReliefCampaignKind })
  kind!: ReliefCampaignKind;

  @Property({ type: 'json' })
  parameters!: ReliefParameters;

  @Property({ type: 'json' })
  target!: ReliefTarget;

  @Field(() => DateScalar, { description: 'The business date the relief takes effect on (the date of the restructuring in each loan’s history).' })
  @Property({ type: 'date' })
  businessDate!: string;

  @Field(() => ReliefCampaignStatus, { description: 'Draft, previewed or applied.' })
  @Enum({ items: () => ReliefCampaignStatus })
  status: ReliefCampaignStatus = ReliefCampaignStatus.DRAFT;

  @Field(() => ID, { nullable: true, description: 'Staff member who created the campaign.' })
  @Property({ type: 'uuid', nullable: true })
  createdById: string | null = null;

  @Field(() => Date, { description: 'When the campaign was created.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'json', nullable: true })
  preview: ReliefEffect | null = null;

  @Property({ type: 'text', nullable: true })
  fingerprint: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When the current preview was made.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  previewedAt: Date | null = null;

  @Field(() => ID, { nullable: true, description: 'Staff member who made the current preview.' })
  @Property({ type: 'uuid', nullable: true })
  previewedById: string | null = null;

  @Property({ type: 'json', nullable: true })
  applied: ReliefEffect | null = null;

  @Field(() => Date, { nullable: true, description: 'When the campaign was applied; empty until then.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  appliedAt: Date | null = null;

  @Field(() => ID, { nullable: true, description: 'Staff member who applied the campaign.' })
  @Property({ type: 'uuid', nullable: true })
  appliedById: string | null = null;
}

/** One loan a campaign changed: the fingerprint it was applied against and the schedule version it made. */
@Entity({ tableName: 'relief_campaign_loan' })
export class ReliefCampaignLoan {
  @PrimaryKey({ type: 'uuid' }) campaignId!: string;
  @PrimaryKey({ type: 'uuid' }) loanId!: string;
  @Property({ type: 'text' }) fingerprint!: string;
  @Property({ type: 'int' }) scheduleVersionBefore!: number;
  @Property({ type: 'int' }) scheduleVersionAfter!: number;
  @Property({ type: 'uuid', nullable: true }) scheduleIdAfter: string | null = null;
  @Property({ type: 'uuid[]' }) journalEntryIds: string[] = [];
  @Property({ type: 'json' }) figures!: Record<string, unknown>;
}

/** One step in a campaign's audit trail. */
@ObjectType('ReliefCampaignEvent', { description: 'One step in a relief campaign’s audit trail: who did what, when, with the figures at that moment.' })
@Entity({ tableName: 'relief_campaign_event' })
export class ReliefCampaignEvent {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) campaignId!: string;
  @Property({ type: 'bigint', persist: false, nullable: true }) seq?: string;

  @Field(() => String, { description: 'What happened: CREATED, PREVIEWED or APPLIED.' })
  @Property({ type: 'text' })
  kind!: 'CREATED' | 'PREVIEWED' | 'APPLIED';

  @Field(() => ID, { nullable: true, description: 'Staff member who did it.' })
  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  @Field(() => Date, { description: 'When it happened.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  at: Date = new Date();

  /** Totals and fingerprint at that moment. */
  @Property({ type: 'json' })
  details: Record<string, unknown> = {};
}
