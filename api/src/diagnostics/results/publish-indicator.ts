import type { EntityManager } from '@mikro-orm/postgresql';
import { openDataVersion, publishDataVersion, SURVEY_MEASURE_KIND, type SurveyMeasure } from '../../observatory/indicators';
import { loadCampaign } from '../campaigns/campaign.service';
import { DiagnosticsError, DiagnosticsErrorCode } from '../diagnostics-errors';
import { campaignResults, SURVEY_RULE, type CampaignResults } from './aggregate-results';

export interface PublishCampaignIndicatorCommand {
  campaignId: string;
  /** Observatory indicator code (`^[A-Z][A-Z0-9_]{2,63}$`); must not be a registry indicator's. */
  code: string;
  /** A scoring dimension of the instrument, or 'index' for the weighted index. */
  dimension: string | 'index';
  namePl: string;
  nameEn: string;
  level: CampaignResults['level'];
  /** Reference year of the values; defaults to the year the campaign was launched. */
  year?: number;
  now: Date;
}

export interface PublishedSurveyIndicator {
  code: string;
  /** Label of the new Observatory data version that carries the values. */
  dataVersion: string;
  values: number;
  suppressed: number;
}

/**
 * Publishes a campaign's disclosure-controlled aggregate (mean index or one dimension's mean score
 * per area, all respondent groups) as an Observatory indicator, readable through the same
 * `indicator(code)` / `Indicator.values` / `TerritorialUnit.indicator` API and exports as the
 * registry indicators:
 * - the definition goes into `indicator_definition` with numerator `{ kind: 'survey', … }`, which
 *   the recomputing refresh skips, so its rows carry forward into every later version;
 * - the cells go into `indicator_value` in a new data version opened and published by the same
 *   helpers as the refresh (`openDataVersion`/`publishDataVersion`): this indicator's open rows are
 *   closed at the new version and the new cells are valid from it; other indicators' rows are not
 *   touched, so every earlier version stays exactly as it was published.
 * Disclosure is the survey's (SURVEY_RULE: ≥ 10 respondents per published cell, with secondary
 * suppression) and hidden cells carry no figure at all, not even for analysts: value null and
 * numerator 0 (the column is not null), contributors = respondents. `diagnostics_survey_indicator`
 * keeps which campaign is behind the code.
 */
export async function publishCampaignIndicator(em: EntityManager, cmd: PublishCampaignIndicatorCommand): Promise<PublishedSurveyIndicator> {
  if (!/^[A-Z][A-Z0-9_]{2,63}$/.test(cmd.code)) throw new DiagnosticsError(DiagnosticsErrorCode.INVALID_INPUT, 'pl', ['code'], 'Kod wskaźnika: wielkie litery, cyfry i _, 3–64 znaki / indicator code: capitals, digits and _, 3–64 characters.');
  const campaign = await loadCampaign(em, cmd.campaignId);
  const results = await campaignResults(em, cmd.campaignId, cmd.level, 'RESPONDENT_KIND');
  const cells = results.cells.filter((c) => c.group === 'ALL');
  const year = cmd.year ?? new Date(campaign.launched_at ?? cmd.now).getUTCFullYear();
  const numerator: SurveyMeasure = { kind: SURVEY_MEASURE_KIND, campaignId: cmd.campaignId, dimension: cmd.dimension };
  const rows = cells.map((c) => {
    const value = c.suppressed ? null : cmd.dimension === 'index' ? c.meanIndex : c.meanScores[cmd.dimension] ?? null;
    return { area_code: c.areaCode, value, numerator: value ?? 0, contributors: c.respondents, suppressed: c.suppressed, suppression_reason: c.suppressionReason };
  });

  return em.transactional(async (tx) => {
    const version = await openDataVersion(tx, `diagnostics campaign ${cmd.campaignId} published as ${cmd.code}`, cmd.now);
    const [existing] = await tx.execute<{ kind: string | null }[]>(`select numerator->>'kind' as kind from indicator_definition where code = ?`, [cmd.code]);
    if (existing && existing.kind !== SURVEY_MEASURE_KIND) {
      throw new DiagnosticsError(DiagnosticsErrorCode.INVALID_INPUT, 'pl', ['code'], `Kod ${cmd.code} należy do wskaźnika z rejestru / code ${cmd.code} belongs to a registry indicator.`);
    }
    const source = `Diagnoza: ${campaign.name} (badanie ankietowe, ${year}) / Survey: ${campaign.name} (${year})`;
    await tx.execute(
      `insert into indicator_definition (code, name_pl, name_en, description_pl, description_en, unit, numerator, denominator, scale, breakdowns, source, citation, position)
       values (?, ?, ?, ?, ?, ?, ?::jsonb, null, 1, '{}', ?, ?, 1000)
       on conflict (code) do update set name_pl = excluded.name_pl, name_en = excluded.name_en, description_pl = excluded.description_pl,
         description_en = excluded.description_en, unit = excluded.unit, numerator = excluded.numerator, source = excluded.source, citation = excluded.citation`,
      [
        cmd.code, cmd.namePl, cmd.nameEn,
        `Średnia ocena respondentów ankiety „${campaign.name}” (${cmd.dimension === 'index' ? 'indeks' : `wymiar ${cmd.dimension}`}, 0–100). Wartości opublikowane tylko tam, gdzie odpowiedziało co najmniej ${SURVEY_RULE.minUnits} respondentów.`,
        `Mean respondent score in the survey "${campaign.name}" (${cmd.dimension === 'index' ? 'index' : `dimension ${cmd.dimension}`}, 0–100). Published only where at least ${SURVEY_RULE.minUnits} people responded.`,
        'punkty 0–100 / points 0–100', JSON.stringify(numerator), source, version.citation,
      ],
    );
    await tx.execute(`update indicator_value set valid_to_version = ? where indicator_code = ? and valid_to_version is null`, [version.id, cmd.code]);
    // Areas the territory tables do not know cannot be read by area; they are left out.
    const written = await tx.execute<{ n: number }[]>(
      `with added as (
         insert into indicator_value (indicator_code, area_code, area_level, year, breakdown, category, valid_from_version, numerator, denominator, value, contributors,
                max_contribution, suppressed, suppression_reason)
         select ?, r.area_code, a.level, ?, 'TOTAL', 'TOTAL', ?, r.numerator, null, r.value, r.contributors, 0, r.suppressed, r.suppression_reason
           from jsonb_to_recordset(?::jsonb) as r(area_code text, value numeric, numerator numeric, contributors int, suppressed boolean, suppression_reason text)
           join statistical_area a on a.code = r.area_code
         returning suppressed)
       select count(*)::int as n, count(*) filter (where suppressed)::int as hidden from added`,
      [cmd.code, year, version.id, JSON.stringify(rows)],
    ) as unknown as { n: number; hidden: number }[];
    await tx.execute(
      `insert into diagnostics_survey_indicator (code, campaign_id, definition, published_at) values (?, ?, ?::jsonb, ?)
       on conflict (code) do update set campaign_id = excluded.campaign_id, definition = excluded.definition, published_at = excluded.published_at`,
      [cmd.code, cmd.campaignId, JSON.stringify({ namePl: cmd.namePl, nameEn: cmd.nameEn, dimension: cmd.dimension, level: cmd.level, year, minRespondents: SURVEY_RULE.minUnits, dataVersion: version.label }), cmd.now],
    );
    await publishDataVersion(tx, version.id);
    return { code: cmd.code, dataVersion: version.label, values: written[0].n, suppressed: written[0].hidden };
  });
}
