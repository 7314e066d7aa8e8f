import { Entity, OneToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';
import { WorkshopEnrolment } from '../enrolments/workshop-enrolment.entity';

/**
 * A certificate of completion (zaświadczenie). Its code is printed on the PDF; anyone holding it
 * can check it with `certificateVerify`.
 */
@ObjectType({ description: 'A certificate of completing a workshop edition (zaświadczenie).' })
@Entity({ tableName: 'workshop_certificate' })
export class WorkshopCertificate {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field({ description: 'Verification code printed on the certificate (12 characters, Crockford base32, the last one a check character).' })
  @Property({ type: 'string', length: 12, unique: 'workshop_certificate_code_unique' })
  code!: string;

  @OneToOne(() => WorkshopEnrolment, { owner: true, deleteRule: 'restrict', unique: 'workshop_certificate_enrolment_id_unique' })
  enrolment!: WorkshopEnrolment;

  @Field({ description: 'Name of the person the certificate was issued to, as given at enrolment.' })
  @Property({ type: 'text' })
  holderName!: string;

  @Field(() => Int, { description: 'Sessions the holder attended.' })
  @Property({ type: 'integer' })
  attendedSessions!: number;

  @Field(() => Int, { description: 'Sessions the edition had.' })
  @Property({ type: 'integer' })
  totalSessions!: number;

  @Field(() => GraphQLISODateTime, { description: 'When the certificate was issued.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  issuedAt: Date = new Date();

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was revoked (attendance corrected below the completion threshold); null while valid.' })
  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;
}

