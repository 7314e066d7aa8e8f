/**
 * How an indicator's numerator or denominator is computed, written as data (stored as jsonb in
 * `indicator_definition`). Registry measures are evaluated on each entity's state at the end of
 * the year (valid time, current knowledge) joined with its annual report for that year.
 */
export const REPORT_FIELDS = [
  'employees_headcount',
  'employees_fte',
  'excluded_long_term_unemployed',
  'excluded_disabled',
  'excluded_homeless',
  'excluded_after_addiction',
  'excluded_after_prison',
  'excluded_refugees',
  'excluded_other',
  'members',
  'volunteers',
  'revenue_market',
  'revenue_public_grants',
  'result',
  'surplus_reinvested',
] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

/** Report fields kept in grosze; values are divided by 100 so indicators speak PLN. */
export const MONEY_FIELDS: readonly ReportField[] = ['revenue_market', 'revenue_public_grants', 'result', 'surplus_reinvested'];

export interface EntityCondition {
  legalForms?: string[];
  statuses?: string[];
  socialEnterprise?: boolean;
}

export type Measure =
  /** Entities matching the condition: each contributes 1. */
  | { kind: 'count'; where?: EntityCondition }
  /** Entities matching the condition that filed a report for the year. */
  | { kind: 'reporting'; where?: EntityCondition }
  /** Sum of report fields (added per entity) over entities matching the condition that reported them. */
  | { kind: 'sum'; fields: ReportField[]; where?: EntityCondition }
  /** Inhabitants of the area (GUS), from the latest population year not after the indicator year. */
  | { kind: 'population' }
  /** Number of powiats in the area. */
  | { kind: 'powiats' };

/**
 * An indicator whose values are published from outside the registry, by a diagnostics survey
 * campaign (`diagnostics/results/publish-indicator.ts`): stored in `indicator_definition` as the
 * numerator `{ kind: 'survey', campaignId, dimension }` with a null denominator. The refresh skips
 * these definitions (it cannot recompute them), so their published rows carry forward unchanged.
 * Deliberately not part of `Measure`: nothing compiles it to SQL.
 */
export const SURVEY_MEASURE_KIND = 'survey';
export interface SurveyMeasure {
  kind: typeof SURVEY_MEASURE_KIND;
  campaignId: string;
  /** A scoring dimension of the instrument, or 'index' for the weighted index. */
  dimension: string;
}

export const isRegistryMeasure = (m: Measure): boolean => m.kind === 'count' || m.kind === 'reporting' || m.kind === 'sum';

export const BREAKDOWNS = ['LEGAL_FORM', 'STATUS'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/** Checks a measure read from the database or an API; throws with a precise message. */
export function assertMeasure(value: unknown, where: string): asserts value is Measure {
  const m = value as Measure;
  const fail = (why: string): never => {
    throw new Error(`${where}: ${why}`);
  };
  if (!m || typeof m !== 'object') fail('not an object');
  if (!['count', 'reporting', 'sum', 'population', 'powiats'].includes(m.kind)) fail(`unknown kind "${(m as { kind: string }).kind}"`);
  if (m.kind === 'sum') {
    if (!Array.isArray(m.fields) || m.fields.length === 0) fail('sum needs fields');
    for (const f of m.fields) if (!REPORT_FIELDS.includes(f)) fail(`unknown report field "${f}"`);
    if (m.fields.some((f) => MONEY_FIELDS.includes(f)) && !m.fields.every((f) => MONEY_FIELDS.includes(f))) fail('cannot add money and counts');
  }
  if ((m.kind === 'count' || m.kind === 'reporting' || m.kind === 'sum') && m.where) {
    const { legalForms, statuses } = m.where;
    for (const list of [legalForms, statuses]) if (list && (!Array.isArray(list) || list.some((v) => !/^[A-Z_]+$/.test(v)))) fail('bad condition list');
  }
}
