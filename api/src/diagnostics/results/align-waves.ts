import type { EntityManager } from '@mikro-orm/postgresql';
import type { AnswerValue } from '../instruments/expression';
import { alignAnswers, canonicalNames, listVersions } from '../instruments/instrument.service';

export interface AlignedRow {
  wave: number;
  campaignId: string;
  respondentPseudonym: string;
  /** Answers keyed by the newest version's codes; dropped variables keep their old code. */
  values: Record<string, AnswerValue>;
}

/** Every submitted response to any version of an instrument, re-keyed so waves line up. */
export async function alignWaves(em: EntityManager, instrumentCode: string): Promise<{ variables: string[]; rows: AlignedRow[] }> {
  const versions = await listVersions(em, instrumentCode);
  if (!versions.length) return { variables: [], rows: [] };
  const canonical = canonicalNames(versions.map((v) => v.definition));
  const newest = versions[versions.length - 1].definition;
  const raw = await em.execute<{ version: number; campaign_id: string; respondent_pseudonym: string; answers: Record<string, AnswerValue> }[]>(
    `select v.version, i.campaign_id, i.respondent_pseudonym, r.answers
       from diagnostics_response r join diagnostics_invitation i on i.id = r.invitation_id
       join diagnostics_campaign c on c.id = i.campaign_id join diagnostics_instrument_version v on v.id = c.instrument_version_id
       join diagnostics_instrument ins on ins.id = v.instrument_id
      where ins.code = ? and r.submitted_at is not null order by v.version, i.campaign_id, i.respondent_pseudonym`, [instrumentCode]);
  const rows = raw.map((r) => ({ wave: r.version, campaignId: r.campaign_id, respondentPseudonym: r.respondent_pseudonym, values: alignAnswers(r.answers, canonical.get(r.version)!, newest) }));
  const variables = [...new Set([...canonical.values()].flatMap((m) => [...m.values()]))].sort();
  return { variables, rows };
}
