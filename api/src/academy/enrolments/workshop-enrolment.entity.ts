import { BigIntType, Entity, Enum, Index, ManyToOne, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, GraphQLISODateTime, ObjectType } from 'type-graphql';
import { Node } from '../../shared/relay';
import { StaffUser } from '../../access';
import { WorkshopEdition } from '../editions/workshop-edition.entity';
import { WorkshopSession } from '../editions/workshop-session.entity';
import { CancelledBy, EnrolmentStatus } from './enrolment-status';

/**
 * A person's enrolment in an edition. The participant's name and email are personal data: the
 * GraphQL fields for them are served only to the edition's coordinator and trainers and to ADMIN.
 * `cancelTokenHash` is a SHA-256 of the token handed to the participant once.
 */
@ObjectType({ implements: Node, description: "A person's enrolment in a workshop edition: confirmed, on the waitlist, or cancelled." })
@Entity({ tableName: 'workshop_enrolment' })
@Index({ name: 'workshop_enrolment_edition_status_queue_index', properties: ['edition', 'status', 'queueNumber'] })
export class WorkshopEnrolment extends Node {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => WorkshopEdition, { deleteRule: 'cascade' })
  edition!: WorkshopEdition;

  /** Personal data; exposed through an authorised field resolver. */
  @Property({ type: 'text' })
  participantName!: string;

  /** Personal data, lower case; exposed through an authorised field resolver. */
  @Property({ type: 'text' })
  participantEmail!: string;

  @Field(() => EnrolmentStatus, { description: 'Confirmed, waitlisted or cancelled.' })
  @Enum({ items: () => EnrolmentStatus })
  status!: EnrolmentStatus;

  /** Global FIFO order (a sequence): the waitlist is served in this order. */
  @Property({ type: new BigIntType('string'), defaultRaw: `nextval('workshop_enrolment_queue_seq')` })
  queueNumber!: string;

  @Property({ type: 'string', length: 64, hidden: true, unique: 'workshop_enrolment_cancel_token_hash_unique' })
  cancelTokenHash!: string;

  @Field(() => GraphQLISODateTime, { description: 'When the person enrolled.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  enrolledAt: Date = new Date();

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the enrolment got a seat (at once, or when promoted from the waitlist).' })
  @Property({ type: 'datetime', nullable: true })
  confirmedAt: Date | null = null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was cancelled, if it was.' })
  @Property({ type: 'datetime', nullable: true })
  cancelledAt: Date | null = null;

  @Field(() => CancelledBy, { nullable: true, description: 'Who cancelled it, if anyone.' })
  @Enum({ items: () => CancelledBy, nullable: true })
  cancelledBy: CancelledBy | null = null;

  get localId(): string {
    return this.id;
  }
}

/** Whether an enrolled participant was present at one session. */
@ObjectType({ description: 'Attendance of one participant at one session, as recorded by a trainer.' })
@Entity({ tableName: 'workshop_attendance' })
export class WorkshopAttendance {
  [PrimaryKeyProp]?: ['session', 'enrolment'];

  @ManyToOne(() => WorkshopSession, { primary: true, deleteRule: 'cascade' })
  session!: WorkshopSession;

  @ManyToOne(() => WorkshopEnrolment, { primary: true, deleteRule: 'cascade' })
  @Index({ name: 'workshop_attendance_enrolment_id_index' })
  enrolment!: WorkshopEnrolment;

  @Field({ description: 'True if the participant was present.' })
  @Property({ type: 'boolean' })
  present!: boolean;

  @ManyToOne(() => StaffUser, { deleteRule: 'restrict' })
  recordedBy!: StaffUser;

  @Field(() => GraphQLISODateTime, { description: 'When attendance was last recorded.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt: Date = new Date();
}
