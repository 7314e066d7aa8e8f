import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ObjectType } from 'type-graphql';
import { DateScalar, type CalendarDate } from '../../shared/dates';
import { Node } from '../../shared/relay';
import { WorkshopEdition } from './workshop-edition.entity';

@ObjectType({ implements: Node, description: 'One meeting of a workshop edition: a date and a time span (Polish local time).' })
@Entity({ tableName: 'workshop_session' })
@Unique({ name: 'workshop_session_edition_start_unique', properties: ['edition', 'date', 'startsAt'] })
export class WorkshopSession extends Node {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => WorkshopEdition, { deleteRule: 'cascade' })
  edition!: WorkshopEdition;

  @Field(() => DateScalar, { description: 'Day of the session.' })
  @Property({ type: 'date', fieldName: 'session_date' })
  date!: CalendarDate;

  @Field({ description: 'Start time, HH:MM, Polish local time.' })
  @Property({ type: 'string', length: 5 })
  startsAt!: string;

  @Field({ description: 'End time, HH:MM, Polish local time.' })
  @Property({ type: 'string', length: 5 })
  endsAt!: string;

  get localId(): string {
    return this.id;
  }
}
