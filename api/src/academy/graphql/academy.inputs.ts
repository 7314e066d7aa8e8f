import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, type CalendarDate } from '../../shared/dates';

@InputType({ description: 'One session of a new edition.' })
export class WorkshopSessionInput {
  @Field(() => DateScalar, { description: 'Day of the session.' })
  date!: CalendarDate;

  @Field({ description: 'Start time, HH:MM (Polish local time).' })
  startsAt!: string;

  @Field({ description: 'End time, HH:MM (Polish local time).' })
  endsAt!: string;
}

@InputType({ description: 'A new edition of a workshop described in the CMS.' })
export class WorkshopEditionCreateInput {
  @Field({ description: 'documentId of the published workshop in the CMS.' })
  workshopDocumentId!: string;

  @Field({ description: 'TERYT code of the gmina, powiat or voivodeship where it takes place.' })
  territory!: string;

  @Field({ description: 'Venue: building and address.' })
  venue!: string;

  @Field(() => Int, { description: 'Number of seats (1–10,000).' })
  capacity!: number;

  @Field(() => Int, { nullable: true, description: 'Share of sessions (per cent) needed to complete; default 80.' })
  completionThresholdPercent?: number;

  @Field(() => [WorkshopSessionInput], { description: 'Sessions (at least one).' })
  sessions!: WorkshopSessionInput[];

  @Field(() => [ID], { description: 'Local ids of staff with the TRAINER role who teach it.' })
  trainerIds!: string[];

  @Field(() => ID, { nullable: true, description: 'Local id of the coordinator (ACADEMY_COORDINATOR); default: you.' })
  coordinatorId?: string;
}

@InputType({ description: 'Enrolment of one person in an edition. Name and email are used only to run the workshop and issue the certificate.' })
export class WorkshopEnrolInput {
  @Field(() => ID, { description: 'Global id of the workshop edition.' })
  editionId!: string;

  @Field({ description: 'Full name, as it should appear on the certificate.' })
  name!: string;

  @Field({ description: 'Email address for confirmations.' })
  email!: string;
}

@InputType({ description: 'Cancel an enrolment: either with the cancel token from enrolment, or (the coordinator) by the enrolment id.' })
export class WorkshopEnrolmentCancelInput {
  @Field(() => String, { nullable: true, description: 'The token returned when enrolling.' })
  cancelToken?: string;

  @Field(() => ID, { nullable: true, description: 'Global id of the enrolment (coordinator of the edition only).' })
  enrolmentId?: string;
}

@InputType({ description: 'Presence of one participant at the session.' })
export class AttendanceEntryInput {
  @Field(() => ID, { description: 'Global id of the enrolment.' })
  enrolmentId!: string;

  @Field({ description: 'True if present.' })
  present!: boolean;
}

@InputType({ description: 'Attendance at one session, recorded by a trainer (or the coordinator) of the edition.' })
export class WorkshopAttendanceRecordInput {
  @Field(() => ID, { description: 'Global id of the session.' })
  sessionId!: string;

  @Field(() => [AttendanceEntryInput], { description: 'One entry per participant; entries recorded before are overwritten.' })
  attendance!: AttendanceEntryInput[];
}

@InputType({ description: 'Issue a certificate to a participant who has completed the edition.' })
export class CertificateIssueInput {
  @Field(() => ID, { description: 'Global id of the enrolment.' })
  enrolmentId!: string;
}
