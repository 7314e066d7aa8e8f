import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../context';
import { StaffRole } from '../../access/staff-role';
import { DomainError, UserError, badInput } from '../../shared/errors';
import { DateScalar, isCalendarDate, type CalendarDate } from '../../shared/dates';
import { Locale, DEFAULT_LOCALE } from '../../shared/i18n';
import { ForwardPageArgs, localIdOf, pageWindow, toConnection, type Connection } from '../../shared/relay';
import { TerritorialUnit, isTerytCode } from '../../territory';
import { Workshop, toWorkshop, rememberLocale } from '../../content';
import { WorkshopEdition } from '../editions/workshop-edition.entity';
import { WorkshopSession } from '../editions/workshop-session.entity';
import { WorkshopEnrolment } from '../enrolments/workshop-enrolment.entity';
import { WorkshopCertificate } from '../certificates/workshop-certificate.entity';
import { WorkshopEditionService, type WorkshopCatalogue } from '../editions/workshop-edition.service';
import { EnrolmentService } from '../enrolments/enrolment.service';
import { CertificateService } from '../certificates/certificate.service';
import { isEditionStaff } from '../academy-errors';
import { academyLoaders } from './academy.loaders';
import {
  AttendanceEntryInput,
  CertificateIssueInput,
  WorkshopAttendanceRecordInput,
  WorkshopEditionCreateInput,
  WorkshopEnrolInput,
  WorkshopEnrolmentCancelInput,
} from './academy.inputs';
import {
  CertificateIssuePayload,
  CertificateVerification,
  CompletionStatus,
  WorkshopAttendanceRecordPayload,
  WorkshopEditionConnection,
  WorkshopEditionCreatePayload,
  WorkshopEnrolmentCancelPayload,
  WorkshopEnrolPayload,
} from './academy.payloads';

/** The CMS as the edition service sees it: a published workshop by documentId, through this request's reader. */
const catalogueFor = (ctx: HubContext): WorkshopCatalogue => async (documentId) => {
  const found = await ctx.content.academy.one('workshop', { by: 'document', value: documentId }, DEFAULT_LOCALE);
  return found ? { documentId: found.documentId, slug: found.slug } : null;
};

async function payloadOf<P extends { errors: UserError[] }>(payload: P, work: () => Promise<Partial<P>>): Promise<P> {
  try {
    return Object.assign(payload, await work());
  } catch (error) {
    if (error instanceof DomainError) return Object.assign(payload, { errors: [UserError.from(error)] });
    throw error;
  }
}

function dateArg(value: string | undefined | null, field: string): CalendarDate | null {
  if (value === undefined || value === null) return null;
  if (!isCalendarDate(value)) throw badInput('INVALID_DATE', `${field} must be a date YYYY-MM-DD`, [field]);
  return value;
}

async function canSeeParticipants(ctx: HubContext, editionId: string): Promise<boolean> {
  if (!ctx.user) return false;
  return isEditionStaff(ctx.user, await academyLoaders(ctx).staffByEdition.load(editionId));
}

@Resolver(() => WorkshopEdition)
export class WorkshopEditionResolver {
  @Query(() => WorkshopEditionConnection, { description: 'Workshop editions in a territory (including every unit inside it) that overlap a period, soonest first.' })
  async workshops(
    @Arg('territory', () => String, { nullable: true, description: 'TERYT code (2, 4 or 7 digits) or PL; default: the whole country.' }) territory: string | undefined,
    @Arg('from', () => DateScalar, { nullable: true, description: 'Only editions ending on or after this date.' }) from: CalendarDate | undefined,
    @Arg('to', () => DateScalar, { nullable: true, description: 'Only editions starting on or before this date.' }) to: CalendarDate | undefined,
    @Args() page: ForwardPageArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Connection<WorkshopEdition>> {
    if (territory && !isTerytCode(territory)) throw badInput('INVALID_TERYT_CODE', `"${territory}" is not a TERYT code (2, 4 or 7 digits) or PL`, ['territory']);
    const window = pageWindow(page);
    const { rows, totalCount } = await new WorkshopEditionService(ctx.em).search({ territory: territory ?? undefined, from: dateArg(from, 'from') ?? undefined, to: dateArg(to, 'to') ?? undefined, ...window });
    return toConnection(rows, totalCount, window);
  }

  @FieldResolver(() => Workshop, { nullable: true, description: 'The workshop this is an edition of, from the CMS; null if it was unpublished.' })
  async workshop(
    @Root() edition: WorkshopEdition,
    @Arg('locale', () => Locale, { defaultValue: DEFAULT_LOCALE, description: 'Language wanted; falls back to Polish.' }) locale: Locale,
    @Ctx() ctx: HubContext,
  ): Promise<Workshop | null> {
    const record = await ctx.content.academy.one('workshop', { by: 'document', value: edition.workshopDocumentId }, locale);
    return record ? rememberLocale(toWorkshop(record, ctx.content.academy.cmsBaseUrl), locale) : null;
  }

  @FieldResolver(() => TerritorialUnit, { nullable: true, description: 'Territorial unit where it takes place.' })
  async territory(@Root() edition: WorkshopEdition, @Ctx() ctx: HubContext): Promise<TerritorialUnit | null> {
    return ctx.loaders.territory.unitByCode.load(edition.territory.terytCode);
  }

  @FieldResolver(() => [WorkshopSession], { description: 'Sessions, in order.' })
  sessions(@Root() edition: WorkshopEdition, @Ctx() ctx: HubContext): Promise<WorkshopSession[]> {
    return academyLoaders(ctx).sessionsByEdition.load(edition.id);
  }

  @FieldResolver(() => [String], { description: 'Names of the trainers teaching it.' })
  trainerNames(@Root() edition: WorkshopEdition, @Ctx() ctx: HubContext): Promise<string[]> {
    return academyLoaders(ctx).trainerNamesByEdition.load(edition.id);
  }

  @FieldResolver(() => Int, { description: 'People waiting for a seat.' })
  waitlistLength(@Root() edition: WorkshopEdition, @Ctx() ctx: HubContext): Promise<number> {
    return academyLoaders(ctx).waitlistLengthByEdition.load(edition.id);
  }

  @Authorized(StaffRole.ACADEMY_COORDINATOR, StaffRole.TRAINER)
  @FieldResolver(() => [WorkshopEnrolment], { nullable: true, description: "Enrolments in queue order (personal data: only the edition's coordinator and trainers, and administrators). Null for other staff." })
  async enrolments(@Root() edition: WorkshopEdition, @Ctx() ctx: HubContext): Promise<WorkshopEnrolment[] | null> {
    if (!(await canSeeParticipants(ctx, edition.id))) return null;
    return academyLoaders(ctx).enrolmentsByEdition.load(edition.id);
  }

  @Authorized(StaffRole.ACADEMY_COORDINATOR)
  @Mutation(() => WorkshopEditionCreatePayload, { description: 'Announces a dated edition of a CMS workshop (academy coordinators).' })
  async workshopEditionCreate(@Arg('input', () => WorkshopEditionCreateInput) input: WorkshopEditionCreateInput, @Ctx() ctx: HubContext): Promise<WorkshopEditionCreatePayload> {
    return payloadOf(new WorkshopEditionCreatePayload(), async () => ({
      workshopEdition: await new WorkshopEditionService(ctx.em, { locale: ctx.locale, workshops: catalogueFor(ctx) }).create(ctx.user!, {
        ...input,
        trainerIds: input.trainerIds.map((id, i) => localIdOf(id, 'StaffUser', ['input', 'trainerIds', String(i)])),
        coordinatorId: input.coordinatorId ? localIdOf(input.coordinatorId, 'StaffUser', ['input', 'coordinatorId']) : null,
      }),
    }));
  }

  @Mutation(() => WorkshopEnrolPayload, { description: 'Enrols a person (anyone may): a seat while there are seats, the waitlist after. Returns a cancel token to keep.' })
  async workshopEnrol(@Arg('input', () => WorkshopEnrolInput) input: WorkshopEnrolInput, @Ctx() ctx: HubContext): Promise<WorkshopEnrolPayload> {
    const editionId = localIdOf(input.editionId, 'WorkshopEdition', ['input', 'editionId']);
    return payloadOf(new WorkshopEnrolPayload(), async () => {
      const result = await new EnrolmentService(ctx.em, { locale: ctx.locale }).enrol({ editionId, name: input.name, email: input.email });
      return { enrolment: result.enrolment, cancelToken: result.cancelToken, waitlistPosition: result.waitlistPosition };
    });
  }

  @Mutation(() => WorkshopEnrolmentCancelPayload, { description: 'Cancels an enrolment, with the cancel token or (the edition’s coordinator) by id; the first person on the waitlist takes the seat.' })
  async workshopEnrolmentCancel(@Arg('input', () => WorkshopEnrolmentCancelInput) input: WorkshopEnrolmentCancelInput, @Ctx() ctx: HubContext): Promise<WorkshopEnrolmentCancelPayload> {
    const service = new EnrolmentService(ctx.em, { locale: ctx.locale });
    return payloadOf(new WorkshopEnrolmentCancelPayload(), async () => {
      if (input.cancelToken) return service.cancelByToken(input.cancelToken);
      if (!input.enrolmentId) throw badInput('CANCEL_TOKEN_OR_ID', 'Give cancelToken, or enrolmentId (coordinator)', ['input']);
      if (!ctx.user) throw badInput('CANCEL_TOKEN_REQUIRED', 'Without a staff token, cancel with cancelToken', ['input', 'cancelToken']);
      return service.cancelByCoordinator(ctx.user, localIdOf(input.enrolmentId, 'WorkshopEnrolment', ['input', 'enrolmentId']));
    });
  }

  @Authorized(StaffRole.TRAINER, StaffRole.ACADEMY_COORDINATOR)
  @Mutation(() => WorkshopAttendanceRecordPayload, { description: 'Records who was present at a session (trainers and the coordinator of the edition); certificates follow automatically.' })
  async workshopAttendanceRecord(@Arg('input', () => WorkshopAttendanceRecordInput) input: WorkshopAttendanceRecordInput, @Ctx() ctx: HubContext): Promise<WorkshopAttendanceRecordPayload> {
    const sessionId = localIdOf(input.sessionId, 'WorkshopSession', ['input', 'sessionId']);
    const entries = input.attendance.map((a: AttendanceEntryInput, i) => ({ enrolmentId: localIdOf(a.enrolmentId, 'WorkshopEnrolment', ['input', 'attendance', String(i), 'enrolmentId']), present: a.present }));
    return payloadOf(new WorkshopAttendanceRecordPayload(), async () => {
      const result = await new EnrolmentService(ctx.em, { locale: ctx.locale }).recordAttendance(ctx.user!, sessionId, entries);
      const enrolments = await ctx.em.find(WorkshopEnrolment, { id: { $in: result.completion.map((c) => c.enrolmentId) } });
      return {
        recorded: result.recorded,
        completion: result.completion.map((c) => Object.assign(new CompletionStatus(), { ...c, enrolment: enrolments.find((e) => e.id === c.enrolmentId)! })),
      };
    });
  }

  @Authorized(StaffRole.ACADEMY_COORDINATOR)
  @Mutation(() => CertificateIssuePayload, { description: 'Issues the certificate of a participant who reached the completion threshold (normally automatic).' })
  async certificateIssue(@Arg('input', () => CertificateIssueInput) input: CertificateIssueInput, @Ctx() ctx: HubContext): Promise<CertificateIssuePayload> {
    const enrolmentId = localIdOf(input.enrolmentId, 'WorkshopEnrolment', ['input', 'enrolmentId']);
    return payloadOf(new CertificateIssuePayload(), async () => ({ certificate: await new CertificateService(ctx.em, { locale: ctx.locale }).issue(ctx.user!, enrolmentId) }));
  }

  @Query(() => CertificateVerification, { nullable: true, description: 'Checks a certificate code as printed (case, spaces and hyphens do not matter). Null when no certificate has it.' })
  async certificateVerify(@Arg('code', { description: 'The code from the certificate, e.g. 7K3M-QX2P-9ZRD.' }) code: string, @Ctx() ctx: HubContext): Promise<CertificateVerification | null> {
    if (code.length > 40) throw badInput('INVALID_CODE', 'A certificate code has 12 characters', ['code']);
    const found = await new CertificateService(ctx.em).verify(code);
    return found ? Object.assign(new CertificateVerification(), found) : null;
  }
}

@Resolver(() => WorkshopEnrolment)
export class WorkshopEnrolmentResolver {
  @FieldResolver(() => WorkshopEdition, { description: 'The edition.' })
  async edition(@Root() enrolment: WorkshopEnrolment, @Ctx() ctx: HubContext): Promise<WorkshopEdition> {
    return (await academyLoaders(ctx).editionById.load(enrolment.edition.id))!;
  }

  @FieldResolver(() => String, { nullable: true, description: "Participant's name (coordinator and trainers of the edition, administrators); null for anyone else." })
  async participantName(@Root() enrolment: WorkshopEnrolment, @Ctx() ctx: HubContext): Promise<string | null> {
    return (await canSeeParticipants(ctx, enrolment.edition.id)) ? enrolment.participantName : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "Participant's email (coordinator and trainers of the edition, administrators); null for anyone else." })
  async participantEmail(@Root() enrolment: WorkshopEnrolment, @Ctx() ctx: HubContext): Promise<string | null> {
    return (await canSeeParticipants(ctx, enrolment.edition.id)) ? enrolment.participantEmail : null;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Place on the waitlist (1 = next); null unless waitlisted.' })
  waitlistPosition(@Root() enrolment: WorkshopEnrolment, @Ctx() ctx: HubContext): Promise<number | null> {
    return academyLoaders(ctx).waitlistPosition.load(enrolment.id);
  }

  @FieldResolver(() => WorkshopCertificate, { nullable: true, description: 'The certificate, once issued (coordinator and trainers of the edition, administrators).' })
  async certificate(@Root() enrolment: WorkshopEnrolment, @Ctx() ctx: HubContext): Promise<WorkshopCertificate | null> {
    if (!(await canSeeParticipants(ctx, enrolment.edition.id))) return null;
    return academyLoaders(ctx).certificateByEnrolment.load(enrolment.id);
  }
}

@Resolver(() => Workshop)
export class WorkshopEditionsResolver {
  @FieldResolver(() => [WorkshopEdition], { description: 'Dated editions of this workshop, soonest first.' })
  editions(@Root() workshop: Workshop, @Ctx() ctx: HubContext): Promise<WorkshopEdition[]> {
    return academyLoaders(ctx).editionsByWorkshop.load(workshop.documentId);
  }
}

@Resolver(() => TerritorialUnit)
export class TerritoryWorkshopEditionsResolver {
  @FieldResolver(() => [WorkshopEdition], { description: 'Workshop editions in this unit or any unit inside it, overlapping the period, soonest first.' })
  workshopEditions(
    @Root() unit: TerritorialUnit,
    @Arg('from', () => DateScalar, { nullable: true, description: 'Only editions ending on or after this date.' }) from: CalendarDate | undefined,
    @Arg('to', () => DateScalar, { nullable: true, description: 'Only editions starting on or before this date.' }) to: CalendarDate | undefined,
    @Ctx() ctx: HubContext,
  ): Promise<WorkshopEdition[]> {
    return academyLoaders(ctx).editionsWithinUnit.load({ terytCode: unit.terytCode, from: from ?? null, to: to ?? null });
  }
}
