import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AnswerValue } from '../instruments/expression';
import { loadVersion } from '../instruments/instrument.service';
import { loadCampaign, expireInvitations } from '../campaigns/campaign.service';
import { campaignResults, type CampaignResults } from '../results/aggregate-results';
import { invalidateResults } from '../results/results-cache';
import { pseudonymOf } from './pseudonym';

/** Who is reading: staff id and roles (from the token); ADMIN alone sees special-category answers. */
export interface Reader {
  staffUserId: string | null;
  roles: string[];
}
const isAdmin = (r: Reader) => r.roles.includes('ADMIN');

export interface RawResponse {
  respondentPseudonym: string;
  respondentKind: string;
  status: string;
  answers: Record<string, AnswerValue>;
  /** Questions whose answers were withheld from this reader (special category). */
  withheld: string[];
  scores: Record<string, number | null> | null;
}

async function audit(em: EntityManager, reader: Reader | null, action: string, campaignId: string | null, rows: number, note?: string) {
  // Only staff ids, roles, counts and the campaign: never a pseudonym, identifier or answer.
  await em.execute(`insert into diagnostics_raw_access (staff_user_id, staff_roles, campaign_id, action, rows, note) values (?, array(select jsonb_array_elements_text(?::jsonb)), ?, ?, ?, ?)`,
    [reader?.staffUserId ?? null, JSON.stringify(reader?.roles ?? ['SYSTEM']), campaignId, action, rows, note ?? null]);
}

/** Raw (pseudonymised) responses of a campaign; every read is audited. Special-category answers go to ADMIN only. */
export async function readRawResponses(em: EntityManager, campaignId: string, reader: Reader): Promise<RawResponse[]> {
  const campaign = await loadCampaign(em, campaignId);
  const definition = (await loadVersion(em, campaign.instrument_version_id))!.definition;
  const special = new Set(definition.questions.filter((q) => q.specialCategory).map((q) => q.name));
  const rows = await em.execute<{ respondent_pseudonym: string; respondent_kind: string; status: string; answers: Record<string, AnswerValue>; scores: Record<string, number | null> | null }[]>(
    `select i.respondent_pseudonym, i.respondent_kind, i.status, r.answers, r.scores from diagnostics_invitation i join diagnostics_response r on r.invitation_id = i.id
      where i.campaign_id = ? order by i.respondent_pseudonym`, [campaignId]);
  await audit(em, reader, 'READ_RAW', campaignId, rows.length);
  return rows.map((r) => {
    const withheld = isAdmin(reader) ? [] : Object.keys(r.answers).filter((k) => special.has(k)).sort();
    const answers = Object.fromEntries(Object.entries(r.answers).filter(([k]) => !withheld.includes(k)));
    return { respondentPseudonym: r.respondent_pseudonym, respondentKind: r.respondent_kind, status: r.status, answers, withheld, scores: r.scores };
  });
}

/** A CSV of raw responses, kept in `diagnostics_export` (with the pseudonyms it holds, so erasure can find it). */
export async function exportRawResponses(em: EntityManager, campaignId: string, reader: Reader, now: Date): Promise<{ exportId: string; fileName: string; csv: string }> {
  const rows = await readRawResponses(em, campaignId, reader);
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r.answers)))].sort();
  const esc = (v: unknown) => { const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join(' ') : String(v); return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s; };
  const csv = [['respondent_pseudonym', 'respondent_kind', 'status', ...keys].join(','), ...rows.map((r) => [r.respondentPseudonym, r.respondentKind, r.status, ...keys.map((k) => esc(r.answers[k]))].join(','))].join('\n') + '\n';
  const exportId = randomUUID();
  const fileName = `responses-${campaignId}-${now.toISOString().slice(0, 10)}.csv`;
  await em.execute(`insert into diagnostics_export (id, campaign_id, created_at, created_by, file_name, content, pseudonyms) values (?, ?, ?, ?, ?, ?, array(select jsonb_array_elements_text(?::jsonb)))`,
    [exportId, campaignId, now, reader.staffUserId, fileName, Buffer.from(csv, 'utf8'), JSON.stringify(rows.map((r) => r.respondentPseudonym))]);
  await audit(em, reader, 'EXPORT_RAW', campaignId, rows.length);
  return { exportId, fileName, csv };
}

/** Everything held about one respondent (GDPR art. 15), found by their identifier through the keyed hash. */
export async function exportRespondentData(em: EntityManager, identifier: string, reader: Reader): Promise<{ campaigns: { campaignId: string; campaignName: string; status: string; answers: Record<string, AnswerValue>; scores: unknown; submittedAt: Date | null }[] }> {
  const rows = await em.execute<{ campaign_id: string; name: string; status: string; answers: Record<string, AnswerValue> | null; scores: unknown; submitted_at: Date | null }[]>(
    `select i.campaign_id, c.name, i.status, r.answers, r.scores, i.submitted_at from diagnostics_invitation i join diagnostics_campaign c on c.id = i.campaign_id
       left join diagnostics_response r on r.invitation_id = i.id where i.respondent_pseudonym = ? order by c.created_at`, [pseudonymOf(identifier)]);
  await audit(em, reader, 'EXPORT_RESPONDENT', null, rows.length);
  return { campaigns: rows.map((r) => ({ campaignId: r.campaign_id, campaignName: r.name, status: r.status, answers: r.answers ?? {}, scores: r.scores, submittedAt: r.submitted_at })) };
}

export interface ErasureReport {
  invitations: number;
  responses: number;
  exports: number;
  campaigns: number;
}

/**
 * Erases one respondent (GDPR art. 17): their invitations and responses, every kept export that
 * contains them, and the cached results of the campaigns concerned. The audit record holds counts
 * and the staff member, never the identifier or the pseudonym.
 */
export async function eraseRespondent(em: EntityManager, identifier: string, reader: Reader): Promise<ErasureReport> {
  const pseudonym = pseudonymOf(identifier);
  return em.transactional(async (tx) => {
    const campaigns = await tx.execute<{ campaign_id: string }[]>(`select distinct campaign_id from diagnostics_invitation where respondent_pseudonym = ?`, [pseudonym]);
    const [{ n: responses }] = await tx.execute<{ n: number }[]>(
      `select count(*)::int as n from diagnostics_response r join diagnostics_invitation i on i.id = r.invitation_id where i.respondent_pseudonym = ?`, [pseudonym]);
    const exports = await tx.execute<{ id: string }[]>(`delete from diagnostics_export where pseudonyms @> array[?]::text[] returning id`, [pseudonym]);
    const invitations = await tx.execute<{ id: string }[]>(`delete from diagnostics_invitation where respondent_pseudonym = ? returning id`, [pseudonym]);
    for (const c of campaigns) invalidateResults(c.campaign_id);
    const report = { invitations: invitations.length, responses, exports: exports.length, campaigns: campaigns.length };
    await audit(tx, reader, 'ERASE_RESPONDENT', null, report.invitations, `responses=${responses} exports=${report.exports} campaigns=${report.campaigns}`);
    return report;
  });
}

/**
 * The retention job: for every campaign whose retention period has run out (closing date +
 * retention days ≤ now), keeps a snapshot of the disclosure-controlled aggregates, then deletes
 * its invitations, raw responses and kept exports. Also marks lapsed invitations EXPIRED.
 */
export async function purgeExpiredResponses(em: EntityManager, now: Date): Promise<{ campaigns: string[]; responsesDeleted: number; invitationsExpired: number }> {
  const invitationsExpired = await expireInvitations(em, now);
  const due = await em.execute<{ id: string }[]>(
    `select id from diagnostics_campaign where raw_purged_at is null and closes_at + make_interval(days => retention_days) <= ? order by id`, [now]);
  let responsesDeleted = 0;
  for (const { id } of due) {
    await em.transactional(async (tx) => {
      invalidateResults(id);
      const snapshot: Record<string, CampaignResults> = {};
      for (const level of ['VOIVODESHIP', 'POWIAT', 'GMINA'] as const) for (const groupBy of ['RESPONDENT_KIND', 'LEGAL_FORM'] as const) snapshot[`${level}|${groupBy}`] = await campaignResults(tx, id, level, groupBy);
      const [{ n }] = await tx.execute<{ n: number }[]>(`select count(*)::int as n from diagnostics_response r join diagnostics_invitation i on i.id = r.invitation_id where i.campaign_id = ?`, [id]);
      await tx.execute(`delete from diagnostics_export where campaign_id = ?`, [id]);
      await tx.execute(`delete from diagnostics_invitation where campaign_id = ?`, [id]);
      await tx.execute(`update diagnostics_campaign set raw_purged_at = ?, status = 'CLOSED', aggregate_snapshot = ?::jsonb where id = ?`, [now, JSON.stringify(snapshot), id]);
      await audit(tx, null, 'RETENTION_PURGE', id, n);
      responsesDeleted += n;
      invalidateResults(id);
    });
  }
  return { campaigns: due.map((d) => d.id), responsesDeleted, invitationsExpired };
}
