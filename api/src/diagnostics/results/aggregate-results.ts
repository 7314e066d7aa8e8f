import type { EntityManager } from '@mikro-orm/postgresql';
import { suppressCells, type AdditiveGroup, type DisclosureCell, type DisclosureRule, type SuppressionReason } from '../../shared/disclosure';
import type { AnswerValue } from '../instruments/expression';
import { loadVersion } from '../instruments/instrument.service';
import { loadCampaign } from '../campaigns/campaign.service';
import { cachedResults } from './results-cache';

/**
 * Survey respondents are people, often in hard situations; a published figure needs at least 10
 * respondents behind it (stricter than GUS's 3 for entity statistics). Dominance is not used: the
 * measures are answers on bounded scales, not amounts one unit could dominate.
 */
export const SURVEY_RULE: Readonly<DisclosureRule> = Object.freeze({ minUnits: 10, maxShare: 1 });

export const ALL_GROUPS = 'ALL';

export interface ResultCell {
  areaCode: string;
  group: string;
  respondents: number;
  suppressed: boolean;
  suppressionReason: SuppressionReason | null;
  /** Mean score per dimension and the mean index; empty when suppressed. */
  meanScores: Record<string, number>;
  meanIndex: number | null;
  /** For each select question, the share (0..1) of respondents who chose each choice; empty when suppressed. */
  choiceShares: Record<string, Record<string, number>>;
}

export interface CampaignResults {
  campaignId: string;
  /** The area whose parts the table shows (the campaign's territory, PL when none). */
  areaCode: string;
  level: 'VOIVODESHIP' | 'POWIAT' | 'GMINA';
  groupBy: 'RESPONDENT_KIND' | 'LEGAL_FORM';
  cells: ResultCell[];
}

interface ResponseRow {
  territory_code: string | null;
  respondent_kind: string;
  legal_form: string | null;
  answers: Record<string, AnswerValue>;
  scores: Record<string, number | null> | null;
  score_index: string | null;
}

const LEVEL_LENGTH = { VOIVODESHIP: 2, POWIAT: 4, GMINA: 7 } as const;
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * Submitted responses aggregated per area (the parts of the campaign's territory at `level`, and
 * the territory itself) × group (respondent kind or the entity's legal form, and all groups),
 * under disclosure control with secondary suppression: the library is told every sum a reader
 * knows (area total = Σ groups, territory = Σ areas), so a hidden cell cannot be worked out by
 * subtraction. Once raw responses are purged, the snapshot taken before purging is served.
 */
export async function campaignResults(em: EntityManager, campaignId: string, level: CampaignResults['level'], groupBy: CampaignResults['groupBy']): Promise<CampaignResults> {
  return cachedResults(`${level}|${groupBy}`, campaignId, async () => {
    const campaign = await loadCampaign(em, campaignId);
    const snapshot = campaign.aggregate_snapshot as Record<string, CampaignResults> | null;
    if (campaign.raw_purged_at && snapshot?.[`${level}|${groupBy}`]) return snapshot[`${level}|${groupBy}`];
    const definition = (await loadVersion(em, campaign.instrument_version_id))!.definition;
    const rows = await em.execute<ResponseRow[]>(
      `select i.territory_code, i.respondent_kind, e.legal_form, r.answers, r.scores, r.score_index
         from diagnostics_invitation i join diagnostics_response r on r.invitation_id = i.id
         left join social_economy_entity e on e.id = i.entity_id
        where i.campaign_id = ? and i.status = 'SUBMITTED'`, [campaignId]);
    const root = campaign.territory_code ?? 'PL';
    const len = LEVEL_LENGTH[level];
    const selects = definition.questions.filter((q) => q.type === 'select_one' || q.type === 'select_multiple');

    interface Acc { n: number; scoreSums: Record<string, number>; scoreN: Record<string, number>; indexSum: number; indexN: number; choices: Record<string, Record<string, number>> }
    const accs = new Map<string, Acc>();
    const acc = (key: string) => {
      let a = accs.get(key);
      if (!a) accs.set(key, (a = { n: 0, scoreSums: {}, scoreN: {}, indexSum: 0, indexN: 0, choices: {} }));
      return a;
    };
    const areas = new Set<string>();
    const groups = new Set<string>();
    for (const row of rows) {
      const code = row.territory_code ?? '';
      const area = root !== 'PL' && !code.startsWith(root) ? null : code.length >= len ? code.slice(0, len) : null;
      const group = (groupBy === 'LEGAL_FORM' ? row.legal_form : row.respondent_kind) ?? 'UNKNOWN';
      groups.add(group);
      const keys = [`${root}|${ALL_GROUPS}`, `${root}|${group}`];
      if (area && area !== root) {
        areas.add(area);
        keys.push(`${area}|${ALL_GROUPS}`, `${area}|${group}`);
      }
      for (const key of keys) {
        const a = acc(key);
        a.n += 1;
        for (const [dim, s] of Object.entries(row.scores ?? {})) if (s !== null) { a.scoreSums[dim] = (a.scoreSums[dim] ?? 0) + s; a.scoreN[dim] = (a.scoreN[dim] ?? 0) + 1; }
        if (row.score_index !== null) { a.indexSum += Number(row.score_index); a.indexN += 1; }
        for (const q of selects) {
          const v = row.answers[q.name];
          for (const choice of Array.isArray(v) ? v : v === undefined || v === null ? [] : [String(v)]) {
            const m = (a.choices[q.name] ??= {});
            m[choice] = (m[choice] ?? 0) + 1;
          }
        }
      }
    }
    const cells: DisclosureCell[] = [...accs.entries()].map(([key, a]) => ({ key, contributors: a.n, measures: {} }));
    const groupList = [...groups].sort();
    const areaList = [...areas].sort();
    const additive: AdditiveGroup[] = [];
    for (const area of [root, ...areaList]) additive.push({ total: `${area}|${ALL_GROUPS}`, parts: groupList.map((g) => `${area}|${g}`) });
    // Responses outside any part (coarser codes) make the parts not add up to the root; they go to a residual part.
    for (const g of [ALL_GROUPS, ...groupList]) {
      const partsN = areaList.reduce((s, area) => s + (accs.get(`${area}|${g}`)?.n ?? 0), 0);
      const residual = (accs.get(`${root}|${g}`)?.n ?? 0) - partsN;
      const parts = areaList.map((area) => `${area}|${g}`);
      if (residual > 0) {
        cells.push({ key: `~residual|${g}`, contributors: residual, measures: {} });
        parts.push(`~residual|${g}`);
      }
      if (areaList.length) additive.push({ total: `${root}|${g}`, parts });
    }
    if (areaList.length && groupList.length) {
      const residualKeys = cells.filter((c) => c.key.startsWith('~residual|')).map((c) => c.key);
      if (residualKeys.length > 1) additive.push({ total: `~residual|${ALL_GROUPS}`, parts: residualKeys.filter((k) => k !== `~residual|${ALL_GROUPS}`) });
    }
    const residualKeys = cells.filter((c) => c.key.startsWith('~residual|')).map((c) => c.key);
    const flags = suppressCells({ cells, groups: additive, residualKeys }, { rule: SURVEY_RULE });
    const out: ResultCell[] = [];
    for (const [key, a] of [...accs.entries()].sort(([x], [y]) => x.localeCompare(y))) {
      const [areaCode, group] = key.split('|');
      const flag = flags.get(key)!;
      out.push({
        areaCode, group, respondents: a.n, suppressed: flag.suppressed, suppressionReason: flag.reason,
        meanScores: flag.suppressed ? {} : Object.fromEntries(Object.keys(a.scoreSums).map((d) => [d, round(a.scoreSums[d] / a.scoreN[d])])),
        meanIndex: flag.suppressed || a.indexN === 0 ? null : round(a.indexSum / a.indexN),
        choiceShares: flag.suppressed ? {} : Object.fromEntries(Object.entries(a.choices).map(([q, m]) => [q, Object.fromEntries(Object.entries(m).map(([c, k]) => [c, round(k / a.n, 3)]))])),
      });
    }
    return { campaignId, areaCode: root, level, groupBy, cells: out };
  });
}
