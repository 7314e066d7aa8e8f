import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows } from '../../shared/sql';
import { DataVersion, Indicator, IndicatorBreakdown, IndicatorValue, Provenance, SuppressionReason } from './indicator.types';
import { indicatorValuesCache } from './values-cache';

interface ValueRow {
  indicator_code: string;
  area_code: string;
  area_level: string;
  area_name: string;
  year: number;
  breakdown: string;
  category: string;
  numerator: string | null;
  denominator: string | null;
  value: string | null;
  contributors: number;
  suppressed: boolean;
  suppression_reason: string | null;
  parent_value: string | null;
  national_value: string | null;
  sibling_rank: number | null;
  sibling_count: number | null;
  previous_value: string | null;
  change: string | null;
  population_year: number | null;
}

export interface ValueQuery {
  indicatorCodes: string[];
  level?: string;
  /** Areas within this one (any depth), or this one itself when `level` is its own level. */
  within?: string;
  areaCodes?: string[];
  years?: number[];
  breakdown: IndicatorBreakdown;
  /** A data version label; the current published version when absent. */
  version?: string;
}

const num = (v: string | null): number | null => (v === null ? null : Number(v));

/**
 * Reads published statistics from the rollup (never computes them). `revealSuppressed` is for
 * analysts and administrators only: the public, API keys and widgets always get hidden values as null.
 */
export class IndicatorService {
  constructor(private readonly em: EntityManager) {}

  async definitions(codes?: string[]): Promise<Indicator[]> {
    const rows = await this.em.execute<Record<string, unknown>[]>(
      `select * from indicator_definition ${codes ? 'where code in (select jsonb_array_elements_text(?::jsonb))' : ''} order by position, code`,
      codes ? [JSON.stringify(codes)] : [],
    );
    return rows.map((r) =>
      Object.assign(new Indicator(), {
        code: r.code,
        namePl: r.name_pl,
        nameEn: r.name_en,
        descriptionPl: r.description_pl,
        descriptionEn: r.description_en,
        unit: r.unit,
        scale: r.scale,
        breakdowns: r.breakdowns,
        source: r.source,
        citation: r.citation,
        numeratorDefinition: JSON.stringify(r.numerator),
        denominatorDefinition: r.denominator === null ? null : JSON.stringify(r.denominator),
      }),
    );
  }

  async versions(): Promise<DataVersion[]> {
    const rows = await this.em.execute<{ label: string; status: string; cause: string; citation: string; published_at: Date | string | null }[]>(
      `select label, status, cause, citation, published_at from data_version where status <> 'BUILDING' order by id desc`,
    );
    return rows.map((r) => Object.assign(new DataVersion(), { label: r.label, status: r.status, cause: r.cause, citation: r.citation, publishedAt: r.published_at === null ? null : new Date(r.published_at) }));
  }

  /** The id of a version by label, or of the current published one; null when there is none. */
  async versionId(label?: string): Promise<number | null> {
    const rows = await this.em.execute<{ id: number }[]>(
      label ? `select id from data_version where label = ? and status <> 'BUILDING'` : `select id from data_version where status = 'PUBLISHED' order by id desc limit 1`,
      label ? [label] : [],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * One slice of published values. Served from the process's cache of immutable versions when it
   * was read before (see values-cache.ts); the returned array and its objects are frozen.
   */
  async values(query: ValueQuery, options: { revealSuppressed: boolean }): Promise<readonly IndicatorValue[]> {
    const versionId = await this.versionId(query.version);
    if (versionId === null) return [];
    const { version: _label, ...slice } = query;
    const key = JSON.stringify([this.em.config.get('clientUrl') ?? '', this.em.config.get('dbName'), versionId, options.revealSuppressed, slice]);
    return indicatorValuesCache.read(key, () => this.readValues(query, versionId, options));
  }

  /** The slice straight from the rollup, without the cache. */
  async readValues(query: ValueQuery, versionId: number, options: { revealSuppressed: boolean }): Promise<IndicatorValue[]> {
    // Lists travel as JSON: the driver would spread a JS array into a comma list.
    const where: string[] = ['v.indicator_code = any(array(select jsonb_array_elements_text(?::jsonb)))', 'v.valid_from_version <= ?', '(v.valid_to_version is null or v.valid_to_version > ?)', 'v.breakdown = ?'];
    const params: unknown[] = [JSON.stringify(query.indicatorCodes), versionId, versionId, query.breakdown === IndicatorBreakdown.TOTAL ? 'TOTAL' : query.breakdown];
    if (query.breakdown === IndicatorBreakdown.TOTAL) where.push(`v.category = 'TOTAL'`);
    if (query.level) {
      where.push('v.area_level = ?');
      params.push(query.level);
    }
    if (query.years?.length) {
      where.push('v.year = any(array(select jsonb_array_elements_text(?::jsonb)::smallint))');
      params.push(JSON.stringify(query.years));
    }
    if (query.areaCodes) {
      where.push('v.area_code = any(array(select jsonb_array_elements_text(?::jsonb)))');
      params.push(JSON.stringify(query.areaCodes));
    }
    if (query.within) {
      where.push(`(v.area_code = ? or a.parent_code = ? or v.area_code in (select m.unit_code from statistical_area_member m where m.area_code = ?)
                   or a.parent_code in (select s.code from statistical_area s where s.parent_code = ?))`);
      params.push(query.within, query.within, query.within, query.within);
    }
    // The parent's and the national figure come from their own rows of the same version, and only when published.
    // The parent's and the national figure come from their own rows of the same version, and only
    // when published: fetched once for the whole slice and hash-joined (a per-row lookup cost
    // ~7 µs × rows; a plain join let the planner scan the whole rollup).
    const inVersion = (alias: string) => `${alias}.valid_from_version <= ${versionId} and (${alias}.valid_to_version is null or ${alias}.valid_to_version > ${versionId})`;
    const rows = await queryRows<ValueRow>(
      this.em,
      `with sel as materialized (
         select v.*, a.name as area_name, a.parent_code
           from indicator_value v
           join statistical_area a on a.code = v.area_code
          where ${where.join(' and ')}),
       refs as materialized (
         select r.indicator_code, r.area_code, r.year, r.breakdown, r.category, r.value
           from indicator_value r
          where r.indicator_code = any(array(select distinct indicator_code from sel))
            and r.area_code = any(array(select distinct parent_code from sel where parent_code is not null union select 'PL'))
            and r.year = any(array(select distinct year from sel))
            and r.breakdown = ? and not r.suppressed and ${inVersion('r')})
       select s.indicator_code, s.area_code, s.area_level, s.area_name, s.year, s.breakdown, s.category, s.numerator, s.denominator,
              s.value, s.contributors, s.suppressed, s.suppression_reason, s.sibling_rank, s.sibling_count, s.previous_value, s.change,
              s.population_year, pr.value as parent_value, nr.value as national_value
         from sel s
         left join refs pr on pr.indicator_code = s.indicator_code and pr.area_code = s.parent_code and pr.year = s.year and pr.breakdown = s.breakdown and pr.category = s.category
         left join refs nr on nr.indicator_code = s.indicator_code and nr.area_code = 'PL' and nr.year = s.year and nr.breakdown = s.breakdown and nr.category = s.category
        order by s.indicator_code, s.area_level, s.area_code, s.year, s.breakdown, s.category`,
      [...params, query.breakdown === IndicatorBreakdown.TOTAL ? 'TOTAL' : query.breakdown],
    );
    // Unit, source and citation are the same for every row of an indicator: read once, not per row.
    const [definitions, [version]] = await Promise.all([
      queryRows<{ code: string; unit: string; source: string }>(this.em, 'select code, unit, source from indicator_definition where code = any(array(select jsonb_array_elements_text(?::jsonb)))', [JSON.stringify(query.indicatorCodes)]),
      queryRows<{ label: string; citation: string }>(this.em, 'select label, citation from data_version where id = ?', [versionId]),
    ]);
    const context = new Map(definitions.map((d) => [d.code, { ...d, versionLabel: version.label, versionCitation: version.citation }]));
    return rows.map((r) => toValue(r, context.get(r.indicator_code)!, options.revealSuppressed));
  }
}

function toValue(r: ValueRow, meta: { unit: string; source: string; versionLabel: string; versionCitation: string }, revealSuppressed: boolean): IndicatorValue {
  const hide = r.suppressed && !revealSuppressed;
  return Object.assign(new IndicatorValue(), {
    indicatorCode: r.indicator_code,
    areaCode: r.area_code,
    areaLevel: r.area_level,
    areaName: r.area_name,
    year: r.year,
    breakdown: r.breakdown as IndicatorBreakdown,
    category: r.category,
    suppressed: r.suppressed,
    suppressionReason: (r.suppression_reason as SuppressionReason | null) ?? null,
    value: hide ? null : num(r.value),
    numerator: hide ? null : num(r.numerator),
    denominator: hide ? null : num(r.denominator),
    contributors: hide ? null : r.contributors,
    parentValue: num(r.parent_value),
    nationalValue: num(r.national_value),
    siblingRank: r.sibling_rank,
    siblingCount: r.sibling_count,
    previousValue: num(r.previous_value),
    change: num(r.change),
    populationYear: r.population_year,
    provenance: Object.assign(new Provenance(), {
      indicatorCode: r.indicator_code,
      unit: meta.unit,
      source: meta.source,
      referenceDate: `${r.year}-12-31`,
      dataVersion: meta.versionLabel,
      citation: meta.versionCitation,
    }),
  });
}
