import { BigIntType, Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ObjectType } from 'type-graphql';
import { DateScalar, type CalendarDate } from '../../../shared/dates';
import { TerritorialUnit } from '../../../territory';
import { LegalForm, SocialEconomyEntityStatus } from '../legal-form';
import { SocialEconomyEntity } from '../social-economy-entity.entity';

/**
 * One bitemporal version of an entity's registry facts. Valid time (`validFrom`..`validTo`) says
 * when the facts held in the world; record time (`recordedFrom`..`recordedTo`) says when the
 * registry believed it. Corrections never overwrite: the old row gets `recordedTo` and the
 * corrected one is inserted, so "what did we believe on date X" stays answerable.
 */
@ObjectType('EntityStateVersion', {
  description:
    'What the registry says about an entity for a stretch of time: legal form, seat, status and social enterprise status, valid from one date to another, as the registry knew it from one moment to another.',
})
@Entity({ tableName: 'entity_state' })
@Index({ name: 'entity_state_entity_id_valid_from_index', properties: ['entity', 'validFrom'] })
@Index({
  name: 'entity_state_current_index',
  expression: 'create unique index "entity_state_current_index" on "entity_state" ("entity_id", "valid_from") where "recorded_to" is null',
})
@Check({ name: 'entity_state_valid_range', expression: 'valid_to is null or valid_to > valid_from' })
@Check({ name: 'entity_state_recorded_range', expression: 'recorded_to is null or recorded_to > recorded_from' })
export class EntityState {
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  @ManyToOne(() => SocialEconomyEntity, { deleteRule: 'cascade' })
  entity!: SocialEconomyEntity;

  @Field(() => LegalForm, { description: 'Legal or organisational form during this version.' })
  @Enum({ items: () => LegalForm })
  legalForm!: LegalForm;

  /** Registered seat during this version; served by a batched field resolver. */
  @ManyToOne(() => TerritorialUnit, { deleteRule: 'restrict' })
  @Index()
  seat!: TerritorialUnit;

  @Field(() => SocialEconomyEntityStatus, { description: 'Status during this version.' })
  @Enum({ items: () => SocialEconomyEntityStatus })
  status!: SocialEconomyEntityStatus;

  @Field({ description: 'Whether the entity held social enterprise status (Act of 5 August 2022 on the social economy) during this version.' })
  @Property({ type: 'boolean' })
  socialEnterprise!: boolean;

  @Field(() => DateScalar, { description: 'First day these facts held.' })
  @Property({ type: 'date' })
  validFrom!: CalendarDate;

  @Field(() => DateScalar, { nullable: true, description: 'The day they stopped holding (exclusive: the first day of the next version); null while they still hold.' })
  @Property({ type: 'date', nullable: true })
  validTo: CalendarDate | null = null;

  @Field(() => GraphQLISODateTime, { description: 'When the registry recorded this version.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedFrom: Date = new Date();

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the registry replaced this version with a correction (exclusive); null while it is current knowledge.' })
  @Property({ type: 'datetime', nullable: true })
  recordedTo: Date | null = null;
}
