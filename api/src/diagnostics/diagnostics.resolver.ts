import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ForwardPageArgs, pageWindow, toConnection, type Connection } from '../shared/relay';
import type { HubContext } from '../context';
import { DomainError, UserError, badInput } from '../shared/errors';
import { StaffRole } from '../access/staff-role';
import type { AnswerValue } from './instruments/expression';
import { exportXlsForm, importXlsForm, XlsFormError } from './instruments/xlsform';
import { loadVersion, pageVersions, saveInstrumentVersion, type StoredVersion } from './instruments/instrument.service';
import { createCampaign, pageCampaigns, inviteRespondents, inviteTargetEntities, launchCampaign, loadCampaign, invitationCounts, saveResponse, submitResponse, type CampaignRow, type SaveResult } from './campaigns/campaign.service';
import { campaignResults } from './results/aggregate-results';
import { publishCampaignIndicator } from './results/publish-indicator';
import { entityBenchmark } from './results/benchmark';
import { eraseRespondent, readRawResponses, type Reader } from './privacy/privacy.service';
import { createLocalStrategy, loadLocalStrategy, reviseLocalStrategy, type StrategyDocument } from './strategy/local-strategy.service';
import { DiagnosticsError, DiagnosticsErrorCode } from './diagnostics-errors';
import {
  ChoiceShare, DimensionScore, InstrumentImportXlsFormInput, InstrumentImportXlsFormPayload, InstrumentVersionType, InvitationCounts, IssuedInvitationType, LocalStrategyCreateInput,
  LocalStrategyPayload, LocalStrategyReviseInput, LocalStrategyType, PeerPercentileType, RawSurveyResponse, RespondentEraseInput, RespondentErasePayload, SurveyAnswer, SurveyAudience,
  SurveyCampaignCreateInput, SurveyCampaignLaunchInput, SurveyCampaignPayload, SurveyCampaignType, SurveyInvitationsCreateInput, SurveyInvitationsCreatePayload, SurveyResponseInput,
  SurveyResponsePayload, SurveyResultCell, InstrumentVersionConnection, SurveyCampaignConnection, SurveyIndicatorPublishInput, SurveyIndicatorPublishPayload, SurveyIndicatorPublication,
} from './diagnostics.graphql';

const reader = (ctx: HubContext): Reader => ({ staffUserId: ctx.user?.id ?? null, roles: ctx.user?.roles ?? [] });
const errorsOf = (error: unknown, ctx: HubContext): UserError[] => {
  if (error instanceof DiagnosticsError) return [UserError.from(new DiagnosticsError(error.code as DiagnosticsErrorCode, ctx.locale, error.field))];
  if (error instanceof DomainError) return [UserError.from(error)];
  throw error;
};

function versionType(v: StoredVersion): InstrumentVersionType {
  return Object.assign(new InstrumentVersionType(), {
    id: v.id, code: v.definition.code, version: v.version, titlePl: v.definition.title.pl, titleEn: v.definition.title.en, frozen: v.launchedAt !== null,
    questionCount: v.definition.questions.length, specialCategoryQuestions: v.definition.questions.filter((q) => q.specialCategory).map((q) => q.name),
    definition: v.definition,
  });
}

/** The XLSForm workbook is built only when a query asks for it (a list of versions usually does not). */
@Resolver(() => InstrumentVersionType)
export class InstrumentVersionResolver {
  @FieldResolver(() => String, { description: 'The instrument as an XLSForm workbook (base64 XLSX) for ODK, KoboToolbox or Excel.' })
  async xlsFormBase64(@Root() v: InstrumentVersionType): Promise<string> {
    return (await exportXlsForm(v.definition)).toString('base64');
  }
}
const campaignType = (c: CampaignRow) => Object.assign(new SurveyCampaignType(), {
  id: c.id, name: c.name, audience: c.audience as SurveyAudience, territoryCode: c.territory_code, legalForms: c.legal_forms, status: c.status, retentionDays: c.retention_days, closesAt: new Date(c.closes_at), instrumentVersionId: c.instrument_version_id,
});
const answersOut = (answers: Record<string, AnswerValue>) => Object.entries(answers).map(([question, v]) => Object.assign(new SurveyAnswer(), { question, values: Array.isArray(v) ? v : v === null ? [] : [String(v)] }));
const strategyType = (s: { id: string; version: number; document: StrategyDocument }) => Object.assign(new LocalStrategyType(), {
  id: s.id, version: s.version, titlePl: s.document.title.pl, territoryCode: s.document.territory.code, documentJson: JSON.stringify(s.document), pdfPath: `/strategies/${s.id}.pdf`,
});

function responsePayload(r: SaveResult, ctx: HubContext): SurveyResponsePayload {
  return Object.assign(new SurveyResponsePayload(), {
    status: r.status, answers: answersOut(r.answers), index: r.index,
    scores: Object.entries(r.scores ?? {}).filter(([, s]) => s !== null).map(([dimension, score]) => Object.assign(new DimensionScore(), { dimension, score })),
    errors: r.errors.map((e) => Object.assign(new UserError(), { code: e.code, field: [e.field], message: e.message[ctx.locale] })),
  });
}
const answersIn = (input: SurveyResponseInput) => Object.fromEntries(input.answers.map((a) => [a.question, a.values ?? a.value ?? null]));

@Resolver()
export class DiagnosticsResolver {
  @Authorized(StaffRole.ANALYST)
  @Mutation(() => InstrumentImportXlsFormPayload, { description: 'Imports a survey instrument from an XLSForm workbook (ODK/KoboToolbox format) as a new or unfrozen version.' })
  async instrumentImportXlsForm(@Arg('input', () => InstrumentImportXlsFormInput) input: InstrumentImportXlsFormInput, @Ctx() ctx: HubContext): Promise<InstrumentImportXlsFormPayload> {
    try {
      const def = await importXlsForm(Buffer.from(input.fileBase64, 'base64'));
      return Object.assign(new InstrumentImportXlsFormPayload(), { instrumentVersion: versionType(await saveInstrumentVersion(ctx.em, def)) });
    } catch (error) {
      if (error instanceof XlsFormError) return Object.assign(new InstrumentImportXlsFormPayload(), { errors: error.problems.map((p) => Object.assign(new UserError(), { code: DiagnosticsErrorCode.INVALID_XLSFORM, field: [p.where], message: `${p.where}: ${p.message}` })) });
      return Object.assign(new InstrumentImportXlsFormPayload(), { errors: errorsOf(error, ctx) });
    }
  }

  @Authorized(StaffRole.ANALYST)
  @Query(() => InstrumentVersionType, { nullable: true, description: 'One instrument version.' })
  async instrumentVersion(@Arg('id', () => ID, { description: 'Version id.' }) id: string, @Ctx() ctx: HubContext): Promise<InstrumentVersionType | null> {
    const v = await loadVersion(ctx.em, id);
    return v ? versionType(v) : null;
  }

  @Authorized(StaffRole.ANALYST)
  @Query(() => InstrumentVersionConnection, { description: 'Survey instrument versions, by instrument code then newest version first.' })
  async instruments(
    @Arg('code', () => String, { nullable: true, description: 'Only versions of this instrument, e.g. entity_potential.' }) code: string | null | undefined,
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Connection<InstrumentVersionType>> {
    const window = pageWindow(page);
    const { rows, totalCount } = await pageVersions(ctx.em, { code }, window);
    return toConnection(rows.map(versionType), totalCount, window);
  }

  @Authorized(StaffRole.ANALYST)
  @Query(() => SurveyCampaignConnection, { description: 'Survey campaigns, newest first.' })
  async surveyCampaigns(
    @Arg('status', () => String, { nullable: true, description: 'Only campaigns in this state: DRAFT, LAUNCHED or CLOSED.' }) status: string | null | undefined,
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Connection<SurveyCampaignType>> {
    const window = pageWindow(page);
    const known = status && ['DRAFT', 'LAUNCHED', 'CLOSED'].includes(status) ? (status as CampaignRow['status']) : null;
    if (status && !known) throw badInput('INVALID_STATUS', `status must be DRAFT, LAUNCHED or CLOSED, got ${status}`, ['status']);
    const { rows, totalCount } = await pageCampaigns(ctx.em, { status: known }, window);
    return toConnection(rows.map(campaignType), totalCount, window);
  }

  @Authorized(StaffRole.ANALYST)
  @Mutation(() => SurveyIndicatorPublishPayload, { description: 'Publishes a campaign’s results as an Observatory indicator in a new data version: readable with indicator(code), on territorial units and in the exports, with hidden cells under 10 respondents.' })
  async surveyIndicatorPublish(@Arg('input', () => SurveyIndicatorPublishInput) input: SurveyIndicatorPublishInput, @Ctx() ctx: HubContext): Promise<SurveyIndicatorPublishPayload> {
    try {
      if (!['VOIVODESHIP', 'POWIAT', 'GMINA'].includes(input.level)) throw new DiagnosticsError(DiagnosticsErrorCode.INVALID_INPUT, ctx.locale, ['level']);
      const published = await publishCampaignIndicator(ctx.em, { ...input, level: input.level as 'POWIAT', year: input.year ?? undefined, now: new Date() });
      return Object.assign(new SurveyIndicatorPublishPayload(), { publication: Object.assign(new SurveyIndicatorPublication(), published) });
    } catch (error) {
      return Object.assign(new SurveyIndicatorPublishPayload(), { errors: errorsOf(error, ctx) });
    }
  }

  @Authorized(StaffRole.ANALYST)
  @Mutation(() => SurveyCampaignPayload, { description: 'Creates a survey campaign (a draft).' })
  async surveyCampaignCreate(@Arg('input', () => SurveyCampaignCreateInput) input: SurveyCampaignCreateInput, @Ctx() ctx: HubContext): Promise<SurveyCampaignPayload> {
    try {
      return Object.assign(new SurveyCampaignPayload(), { campaign: campaignType(await createCampaign(ctx.em, { ...input, territoryCode: input.territoryCode ?? null })) });
    } catch (error) {
      return Object.assign(new SurveyCampaignPayload(), { errors: errorsOf(error, ctx) });
    }
  }

  @Authorized(StaffRole.ANALYST)
  @Mutation(() => SurveyCampaignPayload, { description: 'Launches a campaign: it accepts answers and its instrument version is frozen.' })
  async surveyCampaignLaunch(@Arg('input', () => SurveyCampaignLaunchInput) input: SurveyCampaignLaunchInput, @Ctx() ctx: HubContext): Promise<SurveyCampaignPayload> {
    try {
      return Object.assign(new SurveyCampaignPayload(), { campaign: campaignType(await launchCampaign(ctx.em, input.campaignId, new Date())) });
    } catch (error) {
      return Object.assign(new SurveyCampaignPayload(), { errors: errorsOf(error, ctx) });
    }
  }

  @Authorized(StaffRole.ANALYST)
  @Mutation(() => SurveyInvitationsCreatePayload, { description: 'Issues single-use invitation tokens (shown once; the hub keeps only their hashes).' })
  async surveyInvitationsCreate(@Arg('input', () => SurveyInvitationsCreateInput) input: SurveyInvitationsCreateInput, @Ctx() ctx: HubContext): Promise<SurveyInvitationsCreatePayload> {
    try {
      const issued = [...(await inviteRespondents(ctx.em, input.campaignId, input.invitees)), ...(input.targetEntities ? await inviteTargetEntities(ctx.em, input.campaignId) : [])];
      return Object.assign(new SurveyInvitationsCreatePayload(), { invitations: issued.map((i) => Object.assign(new IssuedInvitationType(), i)) });
    } catch (error) {
      return Object.assign(new SurveyInvitationsCreatePayload(), { errors: errorsOf(error, ctx) });
    }
  }

  @Mutation(() => SurveyResponsePayload, { description: 'Saves answers with an invitation token, to resume later; invalid answers come back as field errors.' })
  async surveyResponseSave(@Arg('input', () => SurveyResponseInput) input: SurveyResponseInput, @Ctx() ctx: HubContext): Promise<SurveyResponsePayload> {
    try {
      return responsePayload(await saveResponse(ctx.em, input.token, answersIn(input), new Date()), ctx);
    } catch (error) {
      return Object.assign(new SurveyResponsePayload(), { errors: errorsOf(error, ctx) });
    }
  }

  @Mutation(() => SurveyResponsePayload, { description: 'Submits the answers; all rules must pass (required questions too). The token then stops working.' })
  async surveyResponseSubmit(@Arg('input', () => SurveyResponseInput) input: SurveyResponseInput, @Ctx() ctx: HubContext): Promise<SurveyResponsePayload> {
    try {
      return responsePayload(await submitResponse(ctx.em, input.token, answersIn(input), new Date()), ctx);
    } catch (error) {
      return Object.assign(new SurveyResponsePayload(), { errors: errorsOf(error, ctx) });
    }
  }

  @Authorized(StaffRole.ANALYST)
  @Query(() => SurveyCampaignType, { nullable: true, description: 'One campaign.' })
  async surveyCampaign(@Arg('id', () => ID, { description: 'Campaign id.' }) id: string, @Ctx() ctx: HubContext): Promise<SurveyCampaignType | null> {
    return loadCampaign(ctx.em, id).then(campaignType, () => null);
  }

  @Authorized(StaffRole.ANALYST)
  @Query(() => InvitationCounts, { description: 'Invitations of a campaign per state.' })
  async surveyInvitationCounts(@Arg('campaignId', () => ID, { description: 'Campaign id.' }) campaignId: string, @Ctx() ctx: HubContext): Promise<InvitationCounts> {
    const c = await invitationCounts(ctx.em, campaignId, new Date());
    return Object.assign(new InvitationCounts(), { invited: c.INVITED, started: c.STARTED, submitted: c.SUBMITTED, expired: c.EXPIRED });
  }

  @Query(() => [SurveyResultCell], { description: 'Aggregated results of a campaign per area and group; hidden cells have no figures (at least 10 respondents per published cell).' })
  async surveyResults(
    @Arg('campaignId', () => ID, { description: 'Campaign id.' }) campaignId: string,
    @Arg('level', () => String, { defaultValue: 'POWIAT', description: 'Area level of the parts: VOIVODESHIP, POWIAT or GMINA.' }) level: string,
    @Arg('groupBy', () => String, { defaultValue: 'RESPONDENT_KIND', description: 'RESPONDENT_KIND or LEGAL_FORM.' }) groupBy: string,
    @Ctx() ctx: HubContext,
  ): Promise<SurveyResultCell[]> {
    const lvl = (['VOIVODESHIP', 'POWIAT', 'GMINA'].includes(level) ? level : 'POWIAT') as 'POWIAT';
    const results = await campaignResults(ctx.em, campaignId, lvl, groupBy === 'LEGAL_FORM' ? 'LEGAL_FORM' : 'RESPONDENT_KIND');
    return results.cells.map((c) => Object.assign(new SurveyResultCell(), {
      areaCode: c.areaCode, group: c.group, respondents: c.suppressed ? null : c.respondents, suppressed: c.suppressed, suppressionReason: c.suppressionReason, meanIndex: c.meanIndex,
      meanScores: Object.entries(c.meanScores).map(([dimension, score]) => Object.assign(new DimensionScore(), { dimension, score })),
      choiceShares: Object.entries(c.choiceShares).flatMap(([question, m]) => Object.entries(m).map(([choice, share]) => Object.assign(new ChoiceShare(), { question, choice, share }))),
    }));
  }

  @Authorized(StaffRole.ANALYST)
  @Query(() => [PeerPercentileType], { description: 'An entity’s latest diagnosis scores as percentiles among peers (same legal form, region, country).' })
  async entityBenchmark(
    @Arg('instrumentCode', { description: 'Instrument code, e.g. entity_potential.' }) instrumentCode: string,
    @Arg('entityId', () => ID, { description: 'Registry entity id.' }) entityId: string,
    @Ctx() ctx: HubContext,
  ): Promise<PeerPercentileType[]> {
    return (await entityBenchmark(ctx.em, instrumentCode, entityId)).map((p) => Object.assign(new PeerPercentileType(), p));
  }

  @Authorized(StaffRole.ANALYST)
  @Query(() => [RawSurveyResponse], { description: 'Pseudonymised raw responses of a campaign. Every read is recorded in an audit log.' })
  async surveyRawResponses(@Arg('campaignId', () => ID, { description: 'Campaign id.' }) campaignId: string, @Ctx() ctx: HubContext): Promise<RawSurveyResponse[]> {
    return (await readRawResponses(ctx.em, campaignId, reader(ctx))).map((r) => Object.assign(new RawSurveyResponse(), { ...r, answers: answersOut(r.answers) }));
  }

  @Authorized(StaffRole.ADMIN)
  @Mutation(() => RespondentErasePayload, { description: 'Erases every trace of one respondent (answers, invitations, exports, cached results); the audit keeps only counts.' })
  async respondentErase(@Arg('input', () => RespondentEraseInput) input: RespondentEraseInput, @Ctx() ctx: HubContext): Promise<RespondentErasePayload> {
    try {
      return Object.assign(new RespondentErasePayload(), await eraseRespondent(ctx.em, input.identifier, reader(ctx)));
    } catch (error) {
      return Object.assign(new RespondentErasePayload(), { errors: errorsOf(error, ctx) });
    }
  }

  @Authorized(StaffRole.ANALYST)
  @Mutation(() => LocalStrategyPayload, { description: 'Drafts a local development strategy for a gmina or powiat from a needs diagnosis and Observatory indicators.' })
  async localStrategyCreate(@Arg('input', () => LocalStrategyCreateInput) input: LocalStrategyCreateInput, @Ctx() ctx: HubContext): Promise<LocalStrategyPayload> {
    try {
      return Object.assign(new LocalStrategyPayload(), { localStrategy: strategyType(await createLocalStrategy(ctx.em, { ...input, createdBy: ctx.user?.id ?? null })) });
    } catch (error) {
      return Object.assign(new LocalStrategyPayload(), { errors: errorsOf(error, ctx) });
    }
  }

  @Authorized(StaffRole.ANALYST)
  @Mutation(() => LocalStrategyPayload, { description: 'Stores an edited strategy as a new version (baselines stay fixed).' })
  async localStrategyRevise(@Arg('input', () => LocalStrategyReviseInput) input: LocalStrategyReviseInput, @Ctx() ctx: HubContext): Promise<LocalStrategyPayload> {
    try {
      const both = (xs?: string[] | null) => xs?.map((pl) => ({ pl, en: pl }));
      return Object.assign(new LocalStrategyPayload(), { localStrategy: strategyType(await reviseLocalStrategy(ctx.em, input.id, { goals: both(input.goals), problems: both(input.problems) }, ctx.user?.id ?? null)) });
    } catch (error) {
      return Object.assign(new LocalStrategyPayload(), { errors: errorsOf(error, ctx) });
    }
  }

  @Authorized(StaffRole.ANALYST)
  @Query(() => LocalStrategyType, { nullable: true, description: 'A local development strategy (its current version unless one is asked for).' })
  async localStrategy(@Arg('id', () => ID, { description: 'Strategy id.' }) id: string, @Arg('version', () => Number, { nullable: true, description: 'Version number.' }) version: number | null, @Ctx() ctx: HubContext): Promise<LocalStrategyType | null> {
    return loadLocalStrategy(ctx.em, id, version ?? undefined).then(strategyType, () => null);
  }
}
