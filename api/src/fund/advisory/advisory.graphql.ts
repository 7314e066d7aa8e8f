import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { StaffUser } from '../../access';
import { DateScalar } from '../../shared/dates';
import { UserError } from '../../shared/errors';
import { DecimalScalar } from '../../shared/money';
import { ConnectionType } from '../../shared/relay';
import { AdvisoryCase, AdvisoryOutcome, AdvisorySession } from './advisory-case.entity';
import { AdvisoryKind, AdvisoryOutcomeKind, AdvisorySessionMode } from './advisory-enums';

@InputType({ description: 'Which advisory cases to list.' })
export class AdvisoryCaseFilterInput {
  @Field(() => ID, { nullable: true, description: 'Only this advisor’s cases (a StaffUser id).' })
  advisorId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only clients in this voivodeship, powiat or gmina (TERYT code), or anywhere inside it.' })
  territory?: string | null;

  @Field(() => AdvisoryKind, { nullable: true, description: 'Only cases of this kind.' })
  kind?: AdvisoryKind | null;
}

@InputType({ description: 'Opens an advisory case for a fund client.' })
export class AdvisoryCaseOpenInput {
  @Field(() => ID, { description: 'The fund client.' })
  clientId!: string;

  @Field(() => AdvisoryKind, { description: 'Economic, legal, accounting or marketing.' })
  kind!: AdvisoryKind;

  @Field(() => [String], { description: 'What the advice will cover.' })
  topics!: string[];

  @Field(() => DateScalar, { description: 'The day the case opens.' })
  openedOn!: string;

  @Field(() => ID, { nullable: true, description: 'The advisor (a StaffUser with the ADVISOR role); default: you.' })
  advisorId?: string | null;
}

@InputType({ description: 'Records one advisory session.' })
export class AdvisorySessionRecordInput {
  @Field(() => ID, { description: 'The advisory case.' })
  caseId!: string;

  @Field(() => DateScalar, { description: 'The day of the session.' })
  heldOn!: string;

  @Field(() => DecimalScalar, { description: 'Length in hours, in quarter-hours: "0.25" to "24", e.g. "1.75".' })
  hours!: string;

  @Field(() => AdvisorySessionMode, { description: 'In person, online or by phone.' })
  mode!: AdvisorySessionMode;

  @Field(() => String, { nullable: true, description: 'A short note (no personal data).' })
  note?: string | null;
}

@InputType({ description: 'Records a result of an advisory case.' })
export class AdvisoryOutcomeRecordInput {
  @Field(() => ID, { description: 'The advisory case.' })
  caseId!: string;

  @Field(() => AdvisoryOutcomeKind, { description: 'What was achieved.' })
  kind!: AdvisoryOutcomeKind;

  @Field(() => DateScalar, { description: 'The day it was achieved.' })
  achievedOn!: string;

  @Field(() => ID, { nullable: true, description: 'For ENTITY_FOUNDED: the registry entity founded.' })
  entityId?: string | null;

  @Field(() => Int, { nullable: true, description: 'For JOBS_CREATED: how many jobs.' })
  jobsCount?: number | null;

  @Field(() => String, { nullable: true, description: 'What was achieved, in words (required for OTHER).' })
  description?: string | null;
}

@ObjectType({ description: 'The result of opening an advisory case.' })
export class AdvisoryCaseOpenPayload {
  @Field(() => AdvisoryCase, { nullable: true, description: 'The new case; empty on error.' })
  advisoryCase: AdvisoryCase | null = null;

  @Field(() => [UserError], { description: 'Why the case could not be opened (codes: AdvisoryErrorCode).' })
  errors: UserError[] = [];
}

@ObjectType({ description: 'The result of recording an advisory session.' })
export class AdvisorySessionRecordPayload {
  @Field(() => AdvisorySession, { nullable: true, description: 'The recorded session; empty on error.' })
  session: AdvisorySession | null = null;

  @Field(() => [UserError], { description: 'Why the session could not be recorded (codes: AdvisoryErrorCode).' })
  errors: UserError[] = [];
}

@ObjectType({ description: 'The result of recording an advisory outcome.' })
export class AdvisoryOutcomeRecordPayload {
  @Field(() => AdvisoryOutcome, { nullable: true, description: 'The recorded outcome; empty on error.' })
  outcome: AdvisoryOutcome | null = null;

  @Field(() => [UserError], { description: 'Why the outcome could not be recorded (codes: AdvisoryErrorCode).' })
  errors: UserError[] = [];
}

@ObjectType({ description: 'One advisor’s advisory work: cases and hours.' })
export class AdvisorTotals {
  @Field(() => StaffUser, { description: 'The advisor.' })
  advisor!: StaffUser;

  @Field(() => Int, { description: 'Cases the advisor leads.' })
  caseCount!: number;

  @Field(() => Int, { description: 'Sessions held in those cases.' })
  sessionCount!: number;

  @Field(() => DecimalScalar, { description: 'Hours of advice given, e.g. "12.75".' })
  hours!: string;
}

export const AdvisoryCaseConnection = ConnectionType(AdvisoryCase, 'AdvisoryCase', 'A page of advisory cases, newest opened first.');
