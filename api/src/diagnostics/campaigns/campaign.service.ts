import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AnswerValue } from '../instruments/expression';
import type { InstrumentDefinition } from '../instruments/instrument-model';
import { loadVersion } from '../instruments/instrument.service';
import { scoreAnswers, validateAnswers, type AnswerError } from '../instruments/validate-answers';
import { DiagnosticsError, DiagnosticsErrorCode } from '../diagnostics-errors';
import { newInvitationToken, pseudonymKeyConfigured, pseudonymOf, tokenSha256 } from '../privacy/pseudonym';
import { invalidateResults } from '../results/results-cache';

export type Audience = 'ENTITIES' | 'INSTITUTIONS' | 'RESIDENTS';
export type InvitationStatus = 'INVITED' | 'STARTED' | 'SUBMITTED' | 'EXPIRED';

export interface CampaignCreateCommand {
  instrumentVersionId: string;
  name: string;
  audience: Audience;
  /** TERYT code of the area (entities seated in it or below; institutions and residents of it). */
  territoryCode: string | null;
  legalForms: string[];
  retentionDays: number;
  closesAt: Date;
}

export interface CampaignRow {
  id: string;
  instrument_version_id: string;
  name: string;
  audience: Audience;
  territory_code: string | null;
  legal_forms: string[];
  status: 'DRAFT' | 'LAUNCHED' | 'CLOSED';
  retention_days: number;
  closes_at: Date;
  launched_at: Date | null;
  raw_purged_at: Date | null;
  aggregate_snapshot: unknown;
  created_at: Date;
}

export interface Invitee {
  /** Who is invited: an e-mail address, or for an entity its registry id. Only its keyed hash is stored. */
  identifier: string;
  respondentKind: string;
  entityId?: string | null;
  territoryCode?: string | null;
}

export interface IssuedInvitation {
  invitationId: string;
  /** The single-use token, shown once: the hub keeps only its SHA-256. */
  token: string;
  entityId: string | null;
}

export async function loadCampaign(em: EntityManager, id: string): Promise<CampaignRow> {
  const [row] = await em.execute<CampaignRow[]>(`select * from diagnostics_campaign where id = ?`, [id]);
  if (!row) throw new DiagnosticsError(DiagnosticsErrorCode.NOT_FOUND, 'pl', ['campaignId']);
  return row;
}

export async function createCampaign(em: EntityManager, cmd: CampaignCreateCommand): Promise<CampaignRow> {
  if (!(await loadVersion(em, cmd.instrumentVersionId))) throw new DiagnosticsError(DiagnosticsErrorCode.NOT_FOUND, 'pl', ['instrumentVersionId']);
  if (!cmd.name.trim()) throw new DiagnosticsError(DiagnosticsErrorCode.INVALID_INPUT, 'pl', ['name']);
  if (!(cmd.retentionDays >= 1 && cmd.retentionDays <= 3650)) throw new DiagnosticsError(DiagnosticsErrorCode.INVALID_INPUT, 'pl', ['retentionDays']);
  const id = randomUUID();
  await em.execute(
    `insert into diagnostics_campaign (id, instrument_version_id, name, audience, territory_code, legal_forms, retention_days, closes_at)
     values (?, ?, ?, ?, ?, array(select jsonb_array_elements_text(?::jsonb)), ?, ?)`,
    [id, cmd.instrumentVersionId, cmd.name.trim(), cmd.audience, cmd.territoryCode, JSON.stringify(cmd.legalForms), cmd.retentionDays, cmd.closesAt],
  );
  return loadCampaign(em, id);
}

/** Opens a campaign for answers and freezes its instrument version for good. */
export async function launchCampaign(em: EntityManager, id: string, now: Date): Promise<CampaignRow> {
  const campaign = await loadCampaign(em, id);
  if (campaign.status !== 'DRAFT') throw new DiagnosticsError(DiagnosticsErrorCode.CAMPAIGN_NOT_DRAFT, 'pl', ['campaignId']);
  await em.execute(`update diagnostics_instrument_version set launched_at = coalesce(launched_at, ?) where id = ?`, [now, campaign.instrument_version_id]);
  await em.execute(`update diagnostics_campaign set status = 'LAUNCHED', launched_at = ? where id = ?`, [now, id]);
  return loadCampaign(em, id);
}

/** Issues single-use invitations; each token is returned once and stored only as its hash. */
export async function inviteRespondents(em: EntityManager, campaignId: string, invitees: readonly Invitee[]): Promise<IssuedInvitation[]> {
  if (!pseudonymKeyConfigured()) throw new DiagnosticsError(DiagnosticsErrorCode.PSEUDONYM_KEY_MISSING);
  const campaign = await loadCampaign(em, campaignId);
  if (campaign.status !== 'LAUNCHED') throw new DiagnosticsError(DiagnosticsErrorCode.CAMPAIGN_NOT_LAUNCHED, 'pl', ['campaignId']);
  const issued: IssuedInvitation[] = [];
  const rows = invitees.map((inv) => {
    const { token, sha256 } = newInvitationToken();
    const id = randomUUID();
    issued.push({ invitationId: id, token, entityId: inv.entityId ?? null });
    return { id, campaign_id: campaignId, token_sha256: sha256, respondent_pseudonym: pseudonymOf(inv.identifier), entity_id: inv.entityId ?? null,
      territory_code: inv.territoryCode ?? campaign.territory_code, respondent_kind: inv.respondentKind, expires_at: campaign.closes_at };
  });
  if (rows.length) {
    await em.execute(
      `insert into diagnostics_invitation (id, campaign_id, token_sha256, respondent_pseudonym, entity_id, territory_code, respondent_kind, expires_at)
       select id, campaign_id, token_sha256, respondent_pseudonym, entity_id, territory_code, respondent_kind, expires_at
         from jsonb_to_recordset(?::jsonb) as r(id uuid, campaign_id uuid, token_sha256 text, respondent_pseudonym text, entity_id uuid, territory_code text, respondent_kind text, expires_at timestamptz)`,
      [JSON.stringify(rows)],
    );
  }
  return issued;
}

/**
 * Invites the registry's entities a campaign aims at: active entities of the campaign's legal
 * forms seated in its territory (any depth). The entity's id is its identifier.
 */
export async function inviteTargetEntities(em: EntityManager, campaignId: string): Promise<IssuedInvitation[]> {
  const campaign = await loadCampaign(em, campaignId);
  const entities = await em.execute<{ id: string; seat: string }[]>(
    `select id, seat_teryt_code as seat from social_economy_entity
      where status = 'ACTIVE' and (? ::text is null or starts_with(seat_teryt_code, ?))
        and (cardinality(?::text[]) = 0 or legal_form = any(?::text[]))
      order by id`,
    [campaign.territory_code, campaign.territory_code ?? '', `{${campaign.legal_forms.join(',')}}`, `{${campaign.legal_forms.join(',')}}`],
  );
  return inviteRespondents(em, campaignId, entities.map((e) => ({ identifier: `entity:${e.id}`, respondentKind: 'entity', entityId: e.id, territoryCode: e.seat })));
}

export interface OpenInvitation {
  invitationId: string;
  campaign: CampaignRow;
  definition: InstrumentDefinition;
  status: InvitationStatus;
  answers: Record<string, AnswerValue>;
}

/** Finds the invitation a token opens; refuses unknown, expired and already submitted ones. */
export async function openInvitation(em: EntityManager, token: string, now: Date): Promise<OpenInvitation> {
  const [inv] = await em.execute<{ id: string; campaign_id: string; status: InvitationStatus; expires_at: Date; answers: Record<string, AnswerValue> | null }[]>(
    `select i.id, i.campaign_id, i.status, i.expires_at, r.answers from diagnostics_invitation i left join diagnostics_response r on r.invitation_id = i.id where i.token_sha256 = ?`,
    [tokenSha256(token)],
  );
  if (!inv) throw new DiagnosticsError(DiagnosticsErrorCode.TOKEN_INVALID, 'pl', ['token']);
  if (inv.status === 'SUBMITTED') throw new DiagnosticsError(DiagnosticsErrorCode.ALREADY_SUBMITTED, 'pl', ['token']);
  const campaign = await loadCampaign(em, inv.campaign_id);
  if (inv.status === 'EXPIRED' || new Date(inv.expires_at) <= now || campaign.status === 'CLOSED') {
    if (inv.status !== 'EXPIRED') await em.execute(`update diagnostics_invitation set status = 'EXPIRED' where id = ?`, [inv.id]);
    throw new DiagnosticsError(DiagnosticsErrorCode.INVITATION_EXPIRED, 'pl', ['token']);
  }
  if (campaign.status !== 'LAUNCHED') throw new DiagnosticsError(DiagnosticsErrorCode.CAMPAIGN_NOT_LAUNCHED, 'pl', ['token']);
  const version = (await loadVersion(em, campaign.instrument_version_id))!;
  return { invitationId: inv.id, campaign, definition: version.definition, status: inv.status, answers: inv.answers ?? {} };
}

export interface SaveResult {
  status: InvitationStatus;
  answers: Record<string, AnswerValue>;
  errors: AnswerError[];
  scores: Record<string, number | null> | null;
  index: number | null;
}

/**
 * Save and resume: answers given now are merged over those saved before (a null clears one),
 * validated by the instrument's rules; valid answers are kept, invalid ones reported per field.
 */
export async function saveResponse(em: EntityManager, token: string, given: Readonly<Record<string, unknown>>, now: Date): Promise<SaveResult> {
  const open = await openInvitation(em, token, now);
  const merged = { ...open.answers, ...given };
  const checked = validateAnswers(open.definition, merged, { final: false });
  await storeAnswers(em, open.invitationId, checked.answers, checked.calculated, now);
  await em.execute(`update diagnostics_invitation set status = 'STARTED', started_at = coalesce(started_at, ?) where id = ?`, [now, open.invitationId]);
  return { status: 'STARTED', answers: checked.answers, errors: checked.errors, scores: null, index: null };
}

/** Submits: every rule including required questions must pass; then the response is scored and the token is spent. */
export async function submitResponse(em: EntityManager, token: string, given: Readonly<Record<string, unknown>>, now: Date): Promise<SaveResult> {
  const open = await openInvitation(em, token, now);
  const merged = { ...open.answers, ...given };
  const checked = validateAnswers(open.definition, merged, { final: true });
  if (checked.errors.length) {
    // Keep what is valid, so the respondent resumes where they were.
    await storeAnswers(em, open.invitationId, validateAnswers(open.definition, merged, { final: false }).answers, checked.calculated, now);
    await em.execute(`update diagnostics_invitation set status = 'STARTED', started_at = coalesce(started_at, ?) where id = ?`, [now, open.invitationId]);
    return { status: 'STARTED', answers: checked.answers, errors: checked.errors, scores: null, index: null };
  }
  const score = scoreAnswers(open.definition, checked.answers, checked.calculated);
  await storeAnswers(em, open.invitationId, checked.answers, checked.calculated, now);
  await em.execute(`update diagnostics_response set scores = ?::jsonb, score_index = ?, submitted_at = ? where invitation_id = ?`, [JSON.stringify(score.dimensions), score.index, now, open.invitationId]);
  await em.execute(`update diagnostics_invitation set status = 'SUBMITTED', started_at = coalesce(started_at, ?), submitted_at = ? where id = ?`, [now, now, open.invitationId]);
  invalidateResults(open.campaign.id);
  return { status: 'SUBMITTED', answers: checked.answers, errors: [], scores: score.dimensions, index: score.index };
}

async function storeAnswers(em: EntityManager, invitationId: string, answers: Record<string, AnswerValue>, calculated: Record<string, unknown>, now: Date) {
  await em.execute(
    `insert into diagnostics_response (invitation_id, answers, calculated, saved_at) values (?, ?::jsonb, ?::jsonb, ?)
     on conflict (invitation_id) do update set answers = excluded.answers, calculated = excluded.calculated, saved_at = excluded.saved_at`,
    [invitationId, JSON.stringify(answers), JSON.stringify(calculated), now],
  );
}

/** Invitations per status (EXPIRED counted from the clock, not only from the stored status). */
export async function invitationCounts(em: EntityManager, campaignId: string, now: Date): Promise<Record<InvitationStatus, number>> {
  const rows = await em.execute<{ status: InvitationStatus; n: number }[]>(
    `select case when status in ('INVITED', 'STARTED') and expires_at <= ? then 'EXPIRED' else status end as status, count(*)::int as n
       from diagnostics_invitation where campaign_id = ? group by 1`, [now, campaignId]);
  const out: Record<InvitationStatus, number> = { INVITED: 0, STARTED: 0, SUBMITTED: 0, EXPIRED: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}

/** Marks unanswered invitations past their date EXPIRED (run by the retention job). */
export async function expireInvitations(em: EntityManager, now: Date): Promise<number> {
  const rows = await em.execute<{ id: string }[]>(`update diagnostics_invitation set status = 'EXPIRED' where status in ('INVITED', 'STARTED') and expires_at <= ? returning id`, [now]);
  return rows.length;
}

/** One page of campaigns (optionally in one status), newest first, with the total. */
export async function pageCampaigns(em: EntityManager, filter: { status?: CampaignRow['status'] | null }, window: { limit: number; offset: number }): Promise<{ rows: CampaignRow[]; totalCount: number }> {
  const where = filter.status ? 'where status = ?' : '';
  const params = filter.status ? [filter.status] : [];
  const rows = await em.execute<(CampaignRow & { total: string })[]>(
    `select *, count(*) over () as total from diagnostics_campaign ${where} order by created_at desc, id limit ? offset ?`, [...params, window.limit, window.offset]);
  if (rows.length) return { rows, totalCount: Number(rows[0].total) };
  const [{ n }] = await em.execute<{ n: number }[]>(`select count(*)::int as n from diagnostics_campaign ${where}`, params);
  return { rows: [], totalCount: n };
}
