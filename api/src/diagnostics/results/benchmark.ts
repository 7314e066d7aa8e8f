import type { EntityManager } from '@mikro-orm/postgresql';
import { SURVEY_RULE } from './aggregate-results';

export type PeerGroup = 'LEGAL_FORM' | 'REGION' | 'NATIONAL';

export interface PeerPercentile {
  peerGroup: PeerGroup;
  dimension: string;
  score: number | null;
  /** Share of peers scoring lower (ties count half), 0..100; null when the peer group is too small. */
  percentile: number | null;
  peers: number;
}

/** Mid-rank percentile: (below + ½·equal) / n × 100. */
export function percentileOf(value: number, peers: readonly number[]): number {
  const below = peers.filter((p) => p < value).length;
  const equal = peers.filter((p) => p === value).length;
  return Math.round(((below + equal / 2) / peers.length) * 1000) / 10;
}

/**
 * An entity's latest submitted scores in campaigns of one instrument (any version: dimension
 * names are stable) placed among its peers' latest scores: same legal form, same voivodeship,
 * and the whole country. A peer group with fewer than 10 entities gives no percentile, as a
 * rank among a handful would tell the entity about named competitors.
 */
export async function entityBenchmark(em: EntityManager, instrumentCode: string, entityId: string): Promise<PeerPercentile[]> {
  const rows = await em.execute<{ entity_id: string; legal_form: string; region: string; scores: Record<string, number | null>; score_index: string | null }[]>(
    `select distinct on (i.entity_id) i.entity_id, e.legal_form, left(e.seat_teryt_code, 2) as region, r.scores, r.score_index
       from diagnostics_invitation i
       join diagnostics_response r on r.invitation_id = i.id and r.submitted_at is not null
       join diagnostics_campaign c on c.id = i.campaign_id
       join diagnostics_instrument_version v on v.id = c.instrument_version_id
       join diagnostics_instrument ins on ins.id = v.instrument_id and ins.code = ?
       join social_economy_entity e on e.id = i.entity_id
      order by i.entity_id, r.submitted_at desc`, [instrumentCode]);
  const own = rows.find((r) => r.entity_id === entityId);
  if (!own) return [];
  const withIndex = (r: (typeof rows)[number]): Record<string, number | null> => ({ ...r.scores, index: r.score_index === null ? null : Number(r.score_index) });
  const ownScores = withIndex(own);
  const out: PeerPercentile[] = [];
  const groups: [PeerGroup, (r: (typeof rows)[number]) => boolean][] = [
    ['LEGAL_FORM', (r) => r.legal_form === own.legal_form],
    ['REGION', (r) => r.region === own.region],
    ['NATIONAL', () => true],
  ];
  for (const [peerGroup, admits] of groups) {
    const peers = rows.filter(admits).map(withIndex);
    for (const [dimension, score] of Object.entries(ownScores)) {
      const values = peers.map((p) => p[dimension]).filter((v): v is number => typeof v === 'number');
      out.push({ peerGroup, dimension, score, peers: values.length, percentile: score === null || values.length < SURVEY_RULE.minUnits ? null : percentileOf(score, values) });
    }
  }
  return out;
}
