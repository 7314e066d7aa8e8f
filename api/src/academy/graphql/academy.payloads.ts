import { Field, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../shared/errors';
import { ConnectionType } from '../../shared/relay';
import { DateScalar, type CalendarDate } from '../../shared/dates';
import { WorkshopEdition } from '../editions/workshop-edition.entity';
import { WorkshopEnrolment } from '../enrolments/workshop-enrolment.entity';
import { WorkshopCertificate } from '../certificates/workshop-certificate.entity';

@ObjectType({ description: 'The result of announcing a workshop edition.' })
export class WorkshopEditionCreatePayload {
  @Field(() => WorkshopEdition, { nullable: true, description: 'The new edition; empty on errors.' })
  workshopEdition: WorkshopEdition | null = null;

  @Field(() => [UserError], { description: 'Why it could not be created; empty on success.' })
  errors: UserError[] = [];
}

@ObjectType({ description: 'The result of enrolling: a seat or a place on the waitlist, and a token to cancel later.' })
export class WorkshopEnrolPayload {
  @Field(() => WorkshopEnrolment, { nullable: true, description: 'The enrolment; empty on errors.' })
  enrolment: WorkshopEnrolment | null = null;

  @Field(() => String, { nullable: true, description: 'Keep it: the only way to cancel without the coordinator. Shown once, never stored in readable form.' })
  cancelToken: string | null = null;

  @Field(() => Int, { nullable: true, description: 'Place on the waitlist (1 = next to get a seat); null when a seat was given.' })
  waitlistPosition: number | null = null;

  @Field(() => [UserError], { description: 'Why enrolment failed (e.g. ALREADY_ENROLLED, ENROLMENT_CLOSED); empty on success.' })
  errors: UserError[] = [];
}

@ObjectType({ description: 'The result of cancelling an enrolment.' })
export class WorkshopEnrolmentCancelPayload {
  @Field(() => WorkshopEnrolment, { nullable: true, description: 'The cancelled enrolment.' })
  enrolment: WorkshopEnrolment | null = null;

  @Field(() => WorkshopEnrolment, { nullable: true, description: 'The enrolment promoted from the waitlist to the freed seat, if any.' })
  promoted: WorkshopEnrolment | null = null;

  @Field(() => [UserError], { description: 'Why it could not be cancelled; empty on success.' })
  errors: UserError[] = [];
}

@ObjectType({ description: "A participant's standing after attendance was recorded." })
export class CompletionStatus {
  @Field(() => WorkshopEnrolment, { description: 'The enrolment.' })
  enrolment!: WorkshopEnrolment;

  @Field(() => Int, { description: 'Sessions attended so far.' })
  attended!: number;

  @Field(() => Int, { description: 'Sessions of the edition.' })
  total!: number;

  @Field({ description: 'Whether the completion threshold is reached.' })
  completed!: boolean;

  @Field({ description: 'What happened to the certificate: ISSUED, REVOKED, RESTORED or UNCHANGED.' })
  certificate!: string;
}

@ObjectType({ description: 'The result of recording attendance.' })
export class WorkshopAttendanceRecordPayload {
  @Field(() => Int, { description: 'Entries recorded.' })
  recorded = 0;

  @Field(() => [CompletionStatus], { description: 'Standing of each participant concerned; certificates are issued automatically on completion.' })
  completion: CompletionStatus[] = [];

  @Field(() => [UserError], { description: 'Why it could not be recorded; empty on success.' })
  errors: UserError[] = [];
}

@ObjectType({ description: 'The result of issuing a certificate.' })
export class CertificateIssuePayload {
  @Field(() => WorkshopCertificate, { nullable: true, description: 'The certificate (the existing one if it was already issued).' })
  certificate: WorkshopCertificate | null = null;

  @Field(() => [UserError], { description: 'Why not (e.g. NOT_COMPLETED); empty on success.' })
  errors: UserError[] = [];
}

@ObjectType({ description: 'What anyone may learn by checking a certificate code: the holder’s name as printed, the workshop and the dates; no contact data.' })
export class CertificateVerification {
  @Field({ description: 'The code, in canonical form.' })
  code!: string;

  @Field({ description: 'False if the certificate was revoked.' })
  valid!: boolean;

  @Field({ description: 'Name of the holder, as printed on the certificate.' })
  holderName!: string;

  @Field(() => DateScalar, { description: 'First day of the edition.' })
  startsOn!: CalendarDate;

  @Field(() => DateScalar, { description: 'Last day of the edition.' })
  endsOn!: CalendarDate;

  @Field(() => GraphQLISODateTime, { description: 'When it was issued.' })
  issuedAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was revoked, if it was.' })
  revokedAt!: Date | null;

  editionId!: string;
  workshopDocumentId!: string;
  territoryCode!: string;
}

export const WorkshopEditionConnection = ConnectionType(WorkshopEdition, 'WorkshopEdition', 'A page of workshop editions, soonest first.');
