import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../../shared/relay';
import { DateScalar } from '../../shared/dates';
import { DecimalScalar } from '../../shared/money';
import { StaffUser } from '../../access';
import { SocialEconomyEntity } from '../../observatory';
import { FundClient } from '../clients/fund-client.entity';
import { AdvisoryKind, AdvisoryOutcomeKind, AdvisorySessionMode } from './advisory-enums';

/** Minutes as decimal hours with two places: 105 → "1.75". Sessions are whole quarter-hours, so this is exact. */
export const minutesToHours = (minutes: number): string => `${Math.trunc(minutes / 60)}.${String(Math.round(((minutes % 60) / 60) * 100)).padStart(2, '0')}`;

/**
 * Decimal hours ("1.75", "2", "0.5") to minutes, or null unless a positive whole number of quarter
 * hours up to 24 hours. Exact: parsed as text, never through a float.
 */
export function hoursToMinutes(hours: string): number | null {
  const m = /^(\d{1,2})(?:\.(\d{1,2}))?$/.exec(hours.trim());
  if (!m) return null;
  const hundredths = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (hundredths % 25 !== 0) return null;
  const minutes = (hundredths / 25) * 15;
  return minutes > 0 && minutes <= 24 * 60 ? minutes : null;
}

/** An advisory case: one client advised by one advisor on one kind of matter, over sessions. */
@ObjectType('AdvisoryCase', { implements: Node, description: 'An advisory case (doradztwo): a fund client advised by an advisor on economic, legal, accounting or marketing matters, with its sessions and outcomes.' })
@Entity({ tableName: 'advisory_case' })
@Index({ name: 'advisory_case_advisor_opened_index', properties: ['advisor', 'openedOn'] })
@Check({ name: 'advisory_case_topics_present', expression: 'cardinality(topics) > 0' })
export class AdvisoryCase extends Node {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => FundClient, { deleteRule: 'restrict' })
  @Index()
  client!: FundClient;

  @ManyToOne(() => StaffUser, { deleteRule: 'restrict' })
  advisor!: StaffUser;

  @Field(() => AdvisoryKind, { description: 'Economic, legal, accounting or marketing advice.' })
  @Enum({ items: () => AdvisoryKind })
  kind!: AdvisoryKind;

  @Field(() => [String], { description: 'What the advice covers, e.g. "biznesplan", "statut spółdzielni".' })
  @Property({ type: 'text[]' })
  topics: string[] = [];

  @Field(() => DateScalar, { description: 'The day the case was opened.' })
  @Property({ type: 'date' })
  openedOn!: string;

  @ManyToOne(() => StaffUser, { deleteRule: 'restrict' })
  openedBy!: StaffUser;

  @Field({ description: 'When the case was recorded.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  get localId(): string {
    return this.id;
  }
}

/** One advisory session of a case. Duration in whole minutes, a multiple of 15. */
@ObjectType('AdvisorySession', { description: 'One advisory session: when, how long and how it was held.' })
@Entity({ tableName: 'advisory_session' })
@Check({ name: 'advisory_session_quarter_hours', expression: 'minutes > 0 and minutes <= 1440 and minutes % 15 = 0' })
export class AdvisorySession {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => AdvisoryCase, { deleteRule: 'cascade' })
  @Index()
  advisoryCase!: AdvisoryCase;

  @Field(() => DateScalar, { description: 'The day the session took place.' })
  @Property({ type: 'date' })
  heldOn!: string;

  @Field(() => Int, { description: 'Length in minutes (always a whole number of quarter-hours).' })
  @Property({ type: 'int' })
  minutes!: number;

  @Field(() => AdvisorySessionMode, { description: 'In person, online or by phone.' })
  @Enum({ items: () => AdvisorySessionMode })
  mode!: AdvisorySessionMode;

  @Field(() => String, { nullable: true, description: 'The advisor’s short note on the session (no personal data).' })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @ManyToOne(() => StaffUser, { deleteRule: 'restrict' })
  recordedBy!: StaffUser;

  @Field(() => DecimalScalar, { description: 'Length in hours with two decimals, e.g. "1.75" for an hour and three quarters.' })
  get hours(): string {
    return minutesToHours(this.minutes);
  }
}

/** A result of an advisory case. */
@ObjectType('AdvisoryOutcome', { description: 'A result of an advisory case: an entity founded, jobs created, a business plan, financing obtained or another result.' })
@Entity({ tableName: 'advisory_outcome' })
@Check({ name: 'advisory_outcome_shape', expression: `(((kind <> 'ENTITY_FOUNDED'::text) OR (entity_id IS NOT NULL)) AND ((kind <> 'JOBS_CREATED'::text) OR (jobs_count > 0)) AND ((kind <> 'OTHER'::text) OR (length(btrim(COALESCE(description, ''::text))) > 0)))` })
export class AdvisoryOutcome {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => AdvisoryCase, { deleteRule: 'cascade' })
  @Index()
  advisoryCase!: AdvisoryCase;

  @Field(() => AdvisoryOutcomeKind, { description: 'What was achieved.' })
  @Enum({ items: () => AdvisoryOutcomeKind })
  kind!: AdvisoryOutcomeKind;

  /** Served by a field resolver (the registry's batched loader). */
  @ManyToOne(() => SocialEconomyEntity, { nullable: true, deleteRule: 'restrict' })
  entity: SocialEconomyEntity | null = null;

  @Field(() => Int, { nullable: true, description: 'For JOBS_CREATED: how many jobs.' })
  @Property({ type: 'int', nullable: true })
  jobsCount: number | null = null;

  @Field(() => String, { nullable: true, description: 'What was achieved, in words (required for OTHER).' })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => DateScalar, { description: 'The day the result was achieved.' })
  @Property({ type: 'date' })
  achievedOn!: string;

  @ManyToOne(() => StaffUser, { deleteRule: 'restrict' })
  recordedBy!: StaffUser;
}
