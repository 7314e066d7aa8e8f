import { BigIntType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ObjectType } from 'type-graphql';
import { DateScalar, type CalendarDate } from '../../../shared/dates';
import { SocialEconomyEntity } from '../social-economy-entity.entity';
import { RegistryEventKind } from './registry-event-kind';
import type { RegistryEventDetails } from './timeline';

/** A dated event in an entity's life, kept as the registry recorded it (the versions are derived from events). */
@ObjectType('RegistryEvent', { description: 'A dated event in the life of a social economy entity: founding, change of seat or form, grant or loss of social enterprise status, liquidation.' })
@Entity({ tableName: 'registry_event' })
@Index({ name: 'registry_event_entity_id_occurred_on_index', properties: ['entity', 'occurredOn'] })
export class RegistryEvent {
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  @ManyToOne(() => SocialEconomyEntity, { deleteRule: 'cascade' })
  entity!: SocialEconomyEntity;

  @Field(() => RegistryEventKind, { description: 'What happened.' })
  @Enum({ items: () => RegistryEventKind })
  kind!: RegistryEventKind;

  @Field(() => DateScalar, { description: 'When it happened (or took legal effect).' })
  @Property({ type: 'date' })
  occurredOn!: CalendarDate;

  @Field(() => GraphQLISODateTime, { description: 'When the registry learned of it; later than the event when it was reported late.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt: Date = new Date();

  /** Kind-specific facts: the new legal form, seat or status, and a note. */
  @Property({ type: 'json', defaultRaw: `'{}'` })
  details: RegistryEventDetails = {};
}
