import type { EntityManager } from '@mikro-orm/postgresql';
import { campaignResults, type CampaignResults } from './aggregate-results';

/**
 * Publishes a campaign's disclosure-controlled aggregate (mean index or one dimension's mean score
 * per area) as a survey indicator: a definition plus values in `diagnostics_survey_indicator*`.
 * Not in the Observatory's `indicator_definition`: its refresh recomputes every definition there
 * from the registry and refuses measure kinds other than count/reporting/sum/population/powiats,
 * so a survey-based row would break the next refresh. Merging needs a "survey" measure kind there.
 */
export async function publishCampaignIndicator(em: EntityManager, cmd: { campaignId: string; code: string; dimension: string | 'index'; namePl: string; nameEn: string; level: CampaignResults['level']; now: Date }): Promise<{ code: string; values: number; suppressed: number }> {
  const results = await campaignResults(em, cmd.campaignId, cmd.level, 'RESPONDENT_KIND');
  const cells = results.cells.filter((c) => c.group === 'ALL');
  const definition = { namePl: cmd.namePl, nameEn: cmd.nameEn, unit: 'punkty 0–100 / points 0–100', source: `diagnostics campaign ${cmd.campaignId}`, dimension: cmd.dimension, level: cmd.level, minRespondents: 10 };
  await em.execute(`insert into diagnostics_survey_indicator (code, campaign_id, definition, published_at) values (?, ?, ?::jsonb, ?)
    on conflict (code) do update set campaign_id = excluded.campaign_id, definition = excluded.definition, published_at = excluded.published_at`, [cmd.code, cmd.campaignId, JSON.stringify(definition), cmd.now]);
  await em.execute(`delete from diagnostics_survey_indicator_value where indicator_code = ?`, [cmd.code]);
  const rows = cells.map((c) => ({
    indicator_code: cmd.code, area_code: c.areaCode, category: 'TOTAL', contributors: c.respondents, suppressed: c.suppressed, suppression_reason: c.suppressionReason,
    value: c.suppressed ? null : cmd.dimension === 'index' ? c.meanIndex : c.meanScores[cmd.dimension] ?? null,
  }));
  if (rows.length) await em.execute(`insert into diagnostics_survey_indicator_value (indicator_code, area_code, category, value, contributors, suppressed, suppression_reason)
    select indicator_code, area_code, category, value, contributors, suppressed, suppression_reason from jsonb_to_recordset(?::jsonb)
      as r(indicator_code text, area_code text, category text, value numeric, contributors int, suppressed boolean, suppression_reason text)`, [JSON.stringify(rows)]);
  return { code: cmd.code, values: rows.length, suppressed: rows.filter((r) => r.suppressed).length };
}
