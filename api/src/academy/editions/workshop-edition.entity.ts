import { Entity, Index, ManyToOne, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';
import { DateScalar, type CalendarDate } from '../../shared/dates';
import { Node } from '../../shared/relay';
import { TerritorialUnit } from '../../territory';
import { StaffUser } from '../../access';

/**
 * A dated run of a workshop: the workshop itself (title, programme, description) is written by
 * editors in the CMS; the hub owns the edition's place, dates, seats, trainers and enrolments.
 */
@ObjectType({ implements: Node, description: 'A dated run of a workshop in one place: its sessions, seats, trainers and enrolment state. The workshop itself (title, programme) comes from the CMS.' })
@Entity({ tableName: 'workshop_edition' })
@Index({ name: 'workshop_edition_territory_starts_on_index', properties: ['territory', 'startsOn'] })
export class WorkshopEdition extends Node {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Strapi documentId of the workshop; resolved into `workshop`. */
  @Property({ type: 'string', length: 64 })
  @Index({ name: 'workshop_edition_workshop_document_id_index' })
  workshopDocumentId!: string;

  @Field({ description: 'Slug of the workshop in the CMS (its address on the website).' })
  @Property({ type: 'string', length: 200 })
  workshopSlug!: string;

  /** Where it takes place; resolved by a batched field resolver. */
  @ManyToOne(() => TerritorialUnit, { deleteRule: 'restrict' })
  territory!: TerritorialUnit;

  @Field({ description: 'Venue: building and address, as participants should find it.' })
  @Property({ type: 'text' })
  venue!: string;

  @Field(() => Int, { description: 'Number of seats; enrolments beyond it go to the waitlist.' })
  @Property({ type: 'integer' })
  capacity!: number;

  @Field(() => Int, { description: 'Seats taken by confirmed participants.' })
  @Property({ type: 'integer', default: 0 })
  confirmedCount: number = 0;

  @Field(() => Int, { description: 'Share of sessions (in per cent) a participant must attend to complete the workshop and receive a certificate.' })
  @Property({ type: 'smallint', default: 80 })
  completionThresholdPercent: number = 80;

  /** The academy coordinator responsible; not public (a staff account). */
  @ManyToOne(() => StaffUser, { deleteRule: 'restrict' })
  coordinator!: StaffUser;

  @Field(() => DateScalar, { description: 'Date of the first session.' })
  @Property({ type: 'date' })
  @Index({ name: 'workshop_edition_starts_on_index' })
  startsOn!: CalendarDate;

  @Field(() => DateScalar, { description: 'Date of the last session.' })
  @Property({ type: 'date' })
  endsOn!: CalendarDate;

  @Field(() => GraphQLISODateTime, { description: 'When the edition was announced in the hub.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  get localId(): string {
    return this.id;
  }

  @Field(() => Int, { description: 'Seats still free (0 when full; new enrolments then join the waitlist).' })
  get seatsLeft(): number {
    return Math.max(0, this.capacity - this.confirmedCount);
  }
}

/** A trainer (staff with the TRAINER role) teaching an edition. */
@Entity({ tableName: 'workshop_edition_trainer' })
export class WorkshopEditionTrainer {
  [PrimaryKeyProp]?: ['edition', 'trainer'];

  @ManyToOne(() => WorkshopEdition, { primary: true, deleteRule: 'cascade' })
  edition!: WorkshopEdition;

  @ManyToOne(() => StaffUser, { primary: true, deleteRule: 'restrict' })
  @Index({ name: 'workshop_edition_trainer_trainer_id_index' })
  trainer!: StaffUser;
}
