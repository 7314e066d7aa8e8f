import { Field, ID, InputType, Int, Float, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../shared/errors';
import { ConnectionType } from '../shared/relay';
import type { InstrumentDefinition } from './instruments/instrument-model';

export enum SurveyAudience { ENTITIES = 'ENTITIES', INSTITUTIONS = 'INSTITUTIONS', RESIDENTS = 'RESIDENTS' }
registerEnumType(SurveyAudience, { name: 'SurveyAudience', description: 'Who a survey campaign asks.', valuesConfig: {
  ENTITIES: { description: 'Social economy entities from the registry (by legal form and territory).' },
  INSTITUTIONS: { description: 'Local institutions of a territory: social assistance centres (OPS/PCPR), labour offices (PUP), NGOs.' },
  RESIDENTS: { description: 'Residents of a territory.' } } });

@ObjectType({ description: 'A version of a survey instrument (questionnaire). A version used by a launched campaign is frozen.' })
export class InstrumentVersionType {
  @Field(() => ID, { description: 'Identifier of this version.' }) id!: string;
  @Field({ description: 'Stable code of the instrument (XLSForm form_id).' }) code!: string;
  @Field(() => Int, { description: 'Version number; later versions keep variable codes and record renames and merges.' }) version!: number;
  @Field({ description: 'Title in Polish.' }) titlePl!: string;
  @Field({ description: 'Title in English.' }) titleEn!: string;
  @Field({ description: 'Whether the version has been used in a launched campaign and can no longer change.' }) frozen!: boolean;
  @Field(() => Int, { description: 'Number of questions (including notes and calculations).' }) questionCount!: number;
  @Field(() => [String], { description: 'Codes of questions marked as special-category personal data (health, disability…), hidden from analysts.' }) specialCategoryQuestions!: string[];
  @Field({ description: 'The instrument as an XLSForm workbook (base64 XLSX) for ODK, KoboToolbox or Excel.' }) xlsFormBase64!: string;
  /** The definition behind the version; the workbook is built from it only when asked for. */
  definition!: InstrumentDefinition;
}

@ObjectType({ description: 'The result of importing an XLSForm.' })
export class InstrumentImportXlsFormPayload {
  @Field(() => InstrumentVersionType, { nullable: true, description: 'The stored version; empty when the file was refused.' }) instrumentVersion: InstrumentVersionType | null = null;
  @Field(() => [UserError], { description: 'Problems with the file (each with its sheet and row in the message); empty on success.' }) errors: UserError[] = [];
}

@InputType({ description: 'An XLSForm workbook to import as an instrument version.' })
export class InstrumentImportXlsFormInput {
  @Field({ description: 'The XLSX file, base64-encoded.' }) fileBase64!: string;
}

@ObjectType({ description: 'How many invitations of a campaign are in each state.' })
export class InvitationCounts {
  @Field(() => Int, { description: 'Invited, not yet opened.' }) invited!: number;
  @Field(() => Int, { description: 'Opened and partly answered (saved).' }) started!: number;
  @Field(() => Int, { description: 'Answers sent.' }) submitted!: number;
  @Field(() => Int, { description: 'Not answered before the closing date.' }) expired!: number;
}

@ObjectType({ description: 'A mean score of one dimension in a result cell.' })
export class DimensionScore {
  @Field({ description: 'Dimension code (e.g. economic, social).' }) dimension!: string;
  @Field(() => Float, { description: 'Mean score, 0–100.' }) score!: number;
}

@ObjectType({ description: 'The share of respondents who chose one answer.' })
export class ChoiceShare {
  @Field({ description: 'Question code.' }) question!: string;
  @Field({ description: 'Choice code.' }) choice!: string;
  @Field(() => Float, { description: 'Share of the cell’s respondents, 0–1.' }) share!: number;
}

@ObjectType({ description: 'Aggregated survey results for one area and group, under disclosure control (at least 10 respondents).' })
export class SurveyResultCell {
  @Field({ description: 'TERYT code of the area.' }) areaCode!: string;
  @Field({ description: 'Group: a respondent kind or legal form, or ALL.' }) group!: string;
  @Field(() => Int, { nullable: true, description: 'Respondents in the cell; empty when suppressed.' }) respondents!: number | null;
  @Field({ description: 'Whether the figures are hidden to protect respondents.' }) suppressed!: boolean;
  @Field(() => String, { nullable: true, description: 'Why hidden: FEW_UNITS (under 10 respondents) or SECONDARY (to stop a hidden cell being worked out).' }) suppressionReason!: string | null;
  @Field(() => Float, { nullable: true, description: 'Mean index, 0–100.' }) meanIndex!: number | null;
  @Field(() => [DimensionScore], { description: 'Mean score per dimension.' }) meanScores!: DimensionScore[];
  @Field(() => [ChoiceShare], { description: 'Answer shares of choice questions.' }) choiceShares!: ChoiceShare[];
}

@ObjectType({ description: 'A survey round aimed at a group of entities or a territory’s institutions or residents.' })
export class SurveyCampaignType {
  @Field(() => ID, { description: 'Identifier.' }) id!: string;
  @Field({ description: 'Name.' }) name!: string;
  @Field(() => SurveyAudience, { description: 'Who is asked.' }) audience!: SurveyAudience;
  @Field(() => String, { nullable: true, description: 'TERYT code of the territory aimed at.' }) territoryCode!: string | null;
  @Field(() => [String], { description: 'Legal forms aimed at (entity campaigns).' }) legalForms!: string[];
  @Field({ description: 'DRAFT, LAUNCHED or CLOSED.' }) status!: string;
  @Field(() => Int, { description: 'Days after closing before raw answers are deleted.' }) retentionDays!: number;
  @Field({ description: 'When answering closes.' }) closesAt!: Date;
  @Field(() => ID, { description: 'The instrument version asked.' }) instrumentVersionId!: string;
}

@ObjectType({ description: 'The result of a campaign command.' })
export class SurveyCampaignPayload {
  @Field(() => SurveyCampaignType, { nullable: true, description: 'The campaign; empty on failure.' }) campaign: SurveyCampaignType | null = null;
  @Field(() => [UserError], { description: 'Why the command failed; empty on success.' }) errors: UserError[] = [];
}

@InputType({ description: 'A new survey campaign.' })
export class SurveyCampaignCreateInput {
  @Field(() => ID, { description: 'Instrument version to ask.' }) instrumentVersionId!: string;
  @Field({ description: 'Name.' }) name!: string;
  @Field(() => SurveyAudience, { description: 'Who is asked.' }) audience!: SurveyAudience;
  @Field(() => String, { nullable: true, description: 'TERYT code of the territory.' }) territoryCode?: string | null;
  @Field(() => [String], { defaultValue: [], description: 'Legal forms (entity campaigns).' }) legalForms!: string[];
  @Field(() => Int, { description: 'Days after closing before raw answers are deleted (1–3650).' }) retentionDays!: number;
  @Field({ description: 'When answering closes.' }) closesAt!: Date;
}

@InputType({ description: 'Launches a campaign (freezes its instrument version).' })
export class SurveyCampaignLaunchInput {
  @Field(() => ID, { description: 'Campaign.' }) campaignId!: string;
}

@InputType({ description: 'One person or institution to invite.' })
export class SurveyInviteeInput {
  @Field({ description: 'E-mail or other identifier; only its keyed hash (pseudonym) is stored.' }) identifier!: string;
  @Field({ description: 'Respondent kind, e.g. ops, pcpr, pup, ngo, resident.' }) respondentKind!: string;
  @Field(() => String, { nullable: true, description: 'TERYT code of where the respondent lives or works.' }) territoryCode?: string | null;
}

@InputType({ description: 'Invitations for a launched campaign.' })
export class SurveyInvitationsCreateInput {
  @Field(() => ID, { description: 'Campaign.' }) campaignId!: string;
  @Field(() => [SurveyInviteeInput], { defaultValue: [], description: 'People or institutions to invite.' }) invitees!: SurveyInviteeInput[];
  @Field({ defaultValue: false, description: 'Also invite every active registry entity the campaign aims at.' }) targetEntities!: boolean;
}

@ObjectType({ description: 'An issued invitation: the link token is shown only now.' })
export class IssuedInvitationType {
  @Field(() => ID, { description: 'Invitation.' }) invitationId!: string;
  @Field({ description: 'Single-use token; the survey is at /surveys/<token>.' }) token!: string;
  @Field(() => ID, { nullable: true, description: 'The invited registry entity, if any.' }) entityId!: string | null;
}

@ObjectType({ description: 'The result of issuing invitations.' })
export class SurveyInvitationsCreatePayload {
  @Field(() => [IssuedInvitationType], { description: 'Invitations issued.' }) invitations: IssuedInvitationType[] = [];
  @Field(() => [UserError], { description: 'Why none were issued; empty on success.' }) errors: UserError[] = [];
}

@InputType({ description: 'One answer.' })
export class SurveyAnswerInput {
  @Field({ description: 'Question code.' }) question!: string;
  @Field(() => String, { nullable: true, description: 'The answer as text (numbers and dates too, e.g. "12", "2026-05-01"); empty clears it.' }) value?: string | null;
  @Field(() => [String], { nullable: true, description: 'Chosen codes of a multiple-choice question.' }) values?: string[] | null;
}

@InputType({ description: 'Answers sent with an invitation token.' })
export class SurveyResponseInput {
  @Field({ description: 'The invitation token.' }) token!: string;
  @Field(() => [SurveyAnswerInput], { description: 'Answers to store (merged over saved ones).' }) answers!: SurveyAnswerInput[];
}

@ObjectType({ description: 'A stored answer.' })
export class SurveyAnswer {
  @Field({ description: 'Question code.' }) question!: string;
  @Field(() => [String], { description: 'The answer: one value, or the chosen codes.' }) values!: string[];
}

@ObjectType({ description: 'The result of saving or submitting answers.' })
export class SurveyResponsePayload {
  @Field(() => String, { nullable: true, description: 'INVITED, STARTED, SUBMITTED or EXPIRED.' }) status: string | null = null;
  @Field(() => [SurveyAnswer], { description: 'Answers now stored.' }) answers: SurveyAnswer[] = [];
  @Field(() => [DimensionScore], { description: 'Scores, once submitted.' }) scores: DimensionScore[] = [];
  @Field(() => Float, { nullable: true, description: 'Index, once submitted.' }) index: number | null = null;
  @Field(() => [UserError], { description: 'Field-level errors (field = question code), or why the token was refused.' }) errors: UserError[] = [];
}

@ObjectType({ description: 'An entity’s score placed among its peers.' })
export class PeerPercentileType {
  @Field({ description: 'LEGAL_FORM, REGION or NATIONAL.' }) peerGroup!: string;
  @Field({ description: 'Dimension code or index.' }) dimension!: string;
  @Field(() => Float, { nullable: true, description: 'The entity’s score.' }) score!: number | null;
  @Field(() => Float, { nullable: true, description: 'Percentile among peers (0–100); empty when under 10 peers.' }) percentile!: number | null;
  @Field(() => Int, { description: 'Peers compared.' }) peers!: number;
}

@ObjectType({ description: 'A pseudonymised raw response (analysts never see identities or special-category answers).' })
export class RawSurveyResponse {
  @Field({ description: 'Keyed hash standing for the respondent.' }) respondentPseudonym!: string;
  @Field({ description: 'Respondent kind.' }) respondentKind!: string;
  @Field({ description: 'Status.' }) status!: string;
  @Field(() => [SurveyAnswer], { description: 'Answers.' }) answers!: SurveyAnswer[];
  @Field(() => [String], { description: 'Questions withheld from this reader.' }) withheld!: string[];
}

@InputType({ description: 'Erasure of one respondent’s data.' })
export class RespondentEraseInput {
  @Field({ description: 'The identifier they were invited with (e.g. e-mail).' }) identifier!: string;
}

@ObjectType({ description: 'What an erasure removed.' })
export class RespondentErasePayload {
  @Field(() => Int, { description: 'Invitations deleted.' }) invitations = 0;
  @Field(() => Int, { description: 'Responses deleted.' }) responses = 0;
  @Field(() => Int, { description: 'Kept exports deleted.' }) exports = 0;
  @Field(() => [UserError], { description: 'Why it failed; empty on success.' }) errors: UserError[] = [];
}

@ObjectType({ description: 'A local development strategy version.' })
export class LocalStrategyType {
  @Field(() => ID, { description: 'Identifier.' }) id!: string;
  @Field(() => Int, { description: 'Version shown.' }) version!: number;
  @Field({ description: 'Title in Polish.' }) titlePl!: string;
  @Field({ description: 'TERYT code of the gmina or powiat.' }) territoryCode!: string;
  @Field({ description: 'The document as JSON (problems, goals, actions, partners, indicators with baselines and targets).' }) documentJson!: string;
  @Field({ description: 'Path of the PDF: GET /strategies/<id>.pdf (staff token required).' }) pdfPath!: string;
}

@InputType({ description: 'A new strategy for a gmina or powiat.' })
export class LocalStrategyCreateInput {
  @Field({ description: 'TERYT code.' }) territoryCode!: string;
  @Field(() => ID, { nullable: true, description: 'A local needs diagnosis campaign to draw on.' }) needsCampaignId?: string | null;
  @Field({ description: 'Date printed on the document (YYYY-MM-DD).' }) preparedOn!: string;
  @Field(() => Int, { description: 'Year targets refer to.' }) targetYear!: number;
}

@InputType({ description: 'An edit of a strategy, stored as a new version.' })
export class LocalStrategyReviseInput {
  @Field(() => ID, { description: 'Strategy.' }) id!: string;
  @Field(() => [String], { nullable: true, description: 'New goals (Polish); the English text copies them until translated.' }) goals?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'New problems (Polish).' }) problems?: string[] | null;
}

@ObjectType({ description: 'The result of a strategy command.' })
export class LocalStrategyPayload {
  @Field(() => LocalStrategyType, { nullable: true, description: 'The strategy; empty on failure.' }) localStrategy: LocalStrategyType | null = null;
  @Field(() => [UserError], { description: 'Why it failed; empty on success.' }) errors: UserError[] = [];
}

export const InstrumentVersionConnection = ConnectionType(InstrumentVersionType, 'InstrumentVersion', 'A page of survey instrument versions, by instrument code then newest version first.');
export const SurveyCampaignConnection = ConnectionType(SurveyCampaignType, 'SurveyCampaign', 'A page of survey campaigns, newest first.');

@InputType({ description: 'Publishes a campaign’s results as an Observatory indicator (readable like any indicator, in the API and the exports).' })
export class SurveyIndicatorPublishInput {
  @Field(() => ID, { description: 'Campaign id.' }) campaignId!: string;
  @Field({ description: 'Indicator code: capital letters, digits and _, e.g. SURVEY_ENTITY_POTENTIAL. Publishing again under the same code replaces its figures in a new data version.' }) code!: string;
  @Field({ defaultValue: 'index', description: 'Which score: a scoring dimension of the instrument (e.g. economic), or index for the overall index.' }) dimension!: string;
  @Field({ description: 'Indicator name in Polish.' }) namePl!: string;
  @Field({ description: 'Indicator name in English.' }) nameEn!: string;
  @Field({ defaultValue: 'POWIAT', description: 'Area level of the parts: VOIVODESHIP, POWIAT or GMINA (the campaign’s territory is published too).' }) level!: string;
  @Field(() => Int, { nullable: true, description: 'Reference year of the figures; the year the campaign was launched when empty.' }) year?: number | null;
}

@ObjectType({ description: 'A campaign published as an Observatory indicator.' })
export class SurveyIndicatorPublication {
  @Field({ description: 'Indicator code; read it with indicator(code) or /exports/indicators/<code>.csv.' }) code!: string;
  @Field({ description: 'The Observatory data version that first carries these figures.' }) dataVersion!: string;
  @Field(() => Int, { description: 'Published areas (cells).' }) values!: number;
  @Field(() => Int, { description: 'Cells hidden to protect respondents (fewer than 10, or to stop a hidden one being worked out).' }) suppressed!: number;
}

@ObjectType({ description: 'The result of publishing a campaign as an indicator.' })
export class SurveyIndicatorPublishPayload {
  @Field(() => SurveyIndicatorPublication, { nullable: true, description: 'What was published; empty on failure.' }) publication: SurveyIndicatorPublication | null = null;
  @Field(() => [UserError], { description: 'Why publishing failed; empty on success.' }) errors: UserError[] = [];
}
