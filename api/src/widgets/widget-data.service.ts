import type { EntityManager } from '@mikro-orm/postgresql';
import { IndicatorBreakdown, IndicatorService } from '../observatory/indicators';
import { isAreaCode } from '../territory';
import type { IndicatorSlice, SeriesData } from '../../../widgets/src/render/model';
import { asLang, type Lang } from '../../../widgets/src/render/text';
import { isGeoLevel, type GeoLevel } from './geometry/build-topology';
import { GeometryService } from './geometry/geometry.service';

/** A widget parameter that is missing or wrong; the router answers 400 with its code. */
export class WidgetRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const CODE = /^[A-Z][A-Z0-9_]{2,63}$/;
const LEVEL_OF_CHILDREN: Record<string, GeoLevel | undefined> = { VOIVODESHIP: 'POWIAT', POWIAT: 'GMINA' };
export const childLevel = (level: string): GeoLevel | undefined => LEVEL_OF_CHILDREN[level];

export interface SliceQuery {
  indicator: string;
  level: string;
  year?: number;
  parent?: string;
  lang: Lang;
}

/** Reads the parameters every widget shares; throws WidgetRequestError on anything off. */
export function parseSliceQuery(query: Record<string, unknown>): SliceQuery {
  const indicator = String(query.indicator ?? '');
  if (!CODE.test(indicator)) throw new WidgetRequestError('INVALID_INDICATOR', 'indicator must be an indicator code, e.g. SOCIAL_COOPERATIVES_PER_100K');
  const level = String(query.level ?? 'VOIVODESHIP').toUpperCase();
  if (!isGeoLevel(level)) throw new WidgetRequestError('INVALID_LEVEL', 'level must be VOIVODESHIP, POWIAT, GMINA, NUTS2 or NUTS3');
  const year = query.year === undefined || query.year === '' ? undefined : Number(query.year);
  if (year !== undefined && (!Number.isInteger(year) || year < 1990 || year > 2100)) throw new WidgetRequestError('INVALID_YEAR', 'year must be a year such as 2025');
  const parent = query.parent === undefined || query.parent === '' ? undefined : String(query.parent);
  if (parent !== undefined && !isAreaCode(parent)) throw new WidgetRequestError('INVALID_PARENT', 'parent must be an area code (a TERYT code, PL or NUTS:<code>)');
  return { indicator, level, year, parent, lang: asLang(query.lang) };
}

/**
 * What the widgets show, read from the published statistics only: hidden figures stay hidden
 * (`revealSuppressed: false` whoever asks), so a widget never leaks a confidential value.
 */
export class WidgetDataService {
  private readonly indicators: IndicatorService;
  constructor(private readonly em: EntityManager) {
    this.indicators = new IndicatorService(em);
  }

  async indicatorList(lang: Lang): Promise<{ code: string; name: string; unit: string }[]> {
    return (await this.indicators.definitions()).map((d) => ({ code: d.code, name: lang === 'en' ? d.nameEn : d.namePl, unit: d.unit }));
  }

  private async definition(code: string) {
    const [definition] = await this.indicators.definitions([code]);
    if (!definition) throw new WidgetRequestError('INDICATOR_NOT_FOUND', `No indicator with code ${code}`, 404);
    return definition;
  }

  private async version(): Promise<{ id: number; label: string; citation: string }> {
    const [row] = await this.em.execute<{ id: number; label: string; citation: string }[]>(`select id, label, citation from data_version where status = 'PUBLISHED' order by id desc limit 1`);
    if (!row) throw new WidgetRequestError('NO_PUBLISHED_DATA', 'No statistics have been published yet', 404);
    return row;
  }

  private async years(code: string, versionId: number): Promise<number[]> {
    const rows = await this.em.execute<{ year: number }[]>(
      `select distinct year from indicator_value where indicator_code = ? and area_level = 'COUNTRY' and breakdown = 'TOTAL'
          and valid_from_version <= ? and (valid_to_version is null or valid_to_version > ?) order by year`,
      [code, versionId, versionId],
    );
    return rows.map((r) => r.year);
  }

  private async synthetic(): Promise<boolean> {
    const [row] = await this.em.execute<{ synthetic: boolean }[]>(`select exists (select 1 from social_economy_entity where synthetic) as synthetic`);
    return row.synthetic;
  }

  async slice(query: SliceQuery, urls: { geo: (level: GeoLevel, version: string) => string; csv: (q: SliceQuery & { year: number }) => string }): Promise<IndicatorSlice> {
    const definition = await this.definition(query.indicator);
    const version = await this.version();
    const years = await this.years(query.indicator, version.id);
    const year = query.year ?? years[years.length - 1];
    if (year === undefined || !years.includes(year)) throw new WidgetRequestError('YEAR_NOT_PUBLISHED', `No published figures for ${year ?? 'any year'}; published years: ${years.join(', ')}`, 404);
    const [values, geometry, synthetic] = await Promise.all([
      this.indicators.values(
        { indicatorCodes: [query.indicator], level: query.level, years: [year], within: query.parent, breakdown: IndicatorBreakdown.TOTAL, version: version.label },
        { revealSuppressed: false },
      ),
      new GeometryService(this.em).current(query.level as GeoLevel),
      this.synthetic(),
    ]);
    return {
      lang: query.lang,
      indicator: { code: definition.code, name: query.lang === 'en' ? definition.nameEn : definition.namePl, unit: definition.unit, source: definition.source },
      level: query.level,
      parent: query.parent ?? null,
      year,
      years,
      referenceDate: `${year}-12-31`,
      version: { label: version.label, citation: version.citation },
      synthetic,
      values: values
        .filter((v) => v.areaCode !== query.parent)
        .map((v) => ({ code: v.areaCode, name: v.areaName, value: v.value, suppressed: v.suppressed, suppressionReason: v.suppressionReason })),
      geo: geometry ? { url: urls.geo(query.level as GeoLevel, geometry.version), attribution: geometry.attribution[query.lang] } : null,
      csv: urls.csv({ ...query, year }),
    };
  }

  async series(indicator: string, area: string, lang: Lang, csv: (level: string) => string): Promise<SeriesData> {
    if (!CODE.test(indicator)) throw new WidgetRequestError('INVALID_INDICATOR', 'indicator must be an indicator code');
    if (!isAreaCode(area)) throw new WidgetRequestError('INVALID_AREA', 'area must be an area code (a TERYT code, PL or NUTS:<code>)');
    const definition = await this.definition(indicator);
    const version = await this.version();
    const [values, synthetic] = await Promise.all([
      this.indicators.values({ indicatorCodes: [indicator], areaCodes: [area], breakdown: IndicatorBreakdown.TOTAL, version: version.label }, { revealSuppressed: false }),
      this.synthetic(),
    ]);
    if (!values.length) throw new WidgetRequestError('AREA_NOT_FOUND', `No figures for area ${area}`, 404);
    const last = values[values.length - 1];
    return {
      lang,
      indicator: { code: definition.code, name: lang === 'en' ? definition.nameEn : definition.namePl, unit: definition.unit, source: definition.source },
      area: { code: area, name: last.areaName, level: last.areaLevel },
      points: values.map((v) => ({ year: v.year, value: v.value, suppressed: v.suppressed, national: v.nationalValue })),
      referenceDate: `${last.year}-12-31`,
      version: { label: version.label, citation: version.citation },
      synthetic,
      csv: csv(last.areaLevel),
    };
  }
}
