import { isAreaCode } from '../territory';
import { IndicatorBreakdown } from '../observatory/indicators';
import { Locale } from '../shared/i18n';
import { badParameter, exportNotFound } from './export-error';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'json', 'sdmx.csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_LEVELS = ['COUNTRY', 'NUTS2', 'NUTS3', 'VOIVODESHIP', 'POWIAT', 'GMINA'] as const;
export type ExportLevel = (typeof EXPORT_LEVELS)[number];

export const MAX_YEARS = 20;
const PARAMETERS = ['level', 'years', 'parent', 'breakdown', 'version', 'lang', 'meta'];

/** One export, normalised: two URLs that mean the same slice parse to equal requests. */
export interface ExportRequest {
  code: string;
  format: ExportFormat;
  level: ExportLevel;
  /** Sorted, without repeats; null = every published year. */
  years: number[] | null;
  parent: string | null;
  breakdown: IndicatorBreakdown;
  /** A data version label; null = the current published version. */
  version: string | null;
  lang: Locale;
  /** CSV only: the metadata sidecar instead of the data. */
  meta: boolean;
}

const FILE = /^([A-Z][A-Z0-9_]{2,63})\.(sdmx\.csv|csv|xlsx|json)$/;
const VERSION_LABEL = /^\d{4}-\d{2}-\d{2}\.\d{1,6}$/;

/** Reads `<CODE>.<ext>` and the query string; throws ExportError (400/404) on anything off. */
export function parseExportRequest(file: string, query: Record<string, unknown>): ExportRequest {
  const match = FILE.exec(file);
  if (!match) {
    const dot = file.indexOf('.');
    const known = dot > 0 && EXPORT_FORMATS.includes(file.slice(dot + 1) as ExportFormat);
    if (known) throw exportNotFound('INDICATOR_NOT_FOUND', `No indicator with code "${file.slice(0, dot)}"`, 'code');
    throw exportNotFound('FORMAT_NOT_SUPPORTED', `Ask for <CODE>.csv, <CODE>.xlsx, <CODE>.json (JSON-stat 2.0) or <CODE>.sdmx.csv (SDMX-CSV 2.0)`, 'format');
  }
  const [, code, format] = match as unknown as [string, string, ExportFormat];

  for (const name of Object.keys(query)) {
    if (!PARAMETERS.includes(name)) throw badParameter('UNKNOWN_PARAMETER', `Unknown parameter "${name}"; known: ${PARAMETERS.join(', ')}`, name);
  }
  const single = (name: string): string | undefined => {
    const value = query[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw badParameter('REPEATED_PARAMETER', `Give "${name}" once`, name);
    return value;
  };

  const level = single('level');
  if (level === undefined || level === '') throw badParameter('LEVEL_REQUIRED', `level is required: one of ${EXPORT_LEVELS.join(', ')}`, 'level');
  if (!EXPORT_LEVELS.includes(level as ExportLevel)) throw badParameter('INVALID_LEVEL', `level must be one of ${EXPORT_LEVELS.join(', ')}`, 'level');

  const breakdown = single('breakdown') ?? IndicatorBreakdown.TOTAL;
  if (!Object.values(IndicatorBreakdown).includes(breakdown as IndicatorBreakdown)) {
    throw badParameter('INVALID_BREAKDOWN', `breakdown must be one of ${Object.values(IndicatorBreakdown).join(', ')}`, 'breakdown');
  }

  const lang = single('lang') ?? Locale.pl;
  if (lang !== Locale.pl && lang !== Locale.en) throw badParameter('INVALID_LANG', 'lang must be pl or en', 'lang');

  const parent = single('parent');
  if (parent !== undefined && !isAreaCode(parent)) {
    throw badParameter('INVALID_PARENT', 'parent must be an area code: PL, a TERYT code (2, 4 or 7 digits) or NUTS:<code>, e.g. NUTS:PL21', 'parent');
  }

  const version = single('version');
  if (version !== undefined && !VERSION_LABEL.test(version)) throw badParameter('INVALID_VERSION', 'version must be a data version label such as 2026-11-27.1', 'version');

  const meta = single('meta');
  if (meta !== undefined && meta !== '1' && meta !== '0') throw badParameter('INVALID_META', 'meta must be 1 (or 0)', 'meta');
  if (meta === '1' && format !== 'csv') throw badParameter('META_ONLY_FOR_CSV', 'meta=1 is the metadata sidecar of the CSV export; XLSX and JSON-stat carry their metadata inside', 'meta');

  return { code, format, level: level as ExportLevel, years: parseYears(single('years')), parent: parent ?? null, breakdown: breakdown as IndicatorBreakdown, version: version ?? null, lang: lang as Locale, meta: meta === '1' };
}

function parseYears(raw: string | undefined): number[] | null {
  if (raw === undefined) return null;
  const parts = raw.split(',').map((p) => p.trim());
  if (parts.some((p) => !/^\d{4}$/.test(p))) throw badParameter('INVALID_YEARS', 'years must be a comma-separated list of years, e.g. 2022,2023', 'years');
  const years = [...new Set(parts.map(Number))].sort((a, b) => a - b);
  if (years.some((y) => y < 1990 || y > 2100)) throw badParameter('INVALID_YEARS', 'years must lie between 1990 and 2100', 'years');
  if (years.length > MAX_YEARS) throw badParameter('TOO_MANY_YEARS', `ask for at most ${MAX_YEARS} years`, 'years');
  return years;
}

/**
 * The query string of a request in one fixed order, defaults left out, with the version it was
 * (or will be) served from: the address of exactly these bytes.
 */
export function canonicalQuery(request: ExportRequest, versionLabel: string): string {
  const params: [string, string][] = [['level', request.level]];
  if (request.years) params.push(['years', request.years.join(',')]);
  if (request.parent) params.push(['parent', request.parent]);
  if (request.breakdown !== IndicatorBreakdown.TOTAL) params.push(['breakdown', request.breakdown]);
  params.push(['version', versionLabel]);
  if (request.lang !== Locale.pl) params.push(['lang', request.lang]);
  if (request.meta) params.push(['meta', '1']);
  return params.map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/g, ',').replace(/%3A/g, ':')}`).join('&');
}

export const exportFileName = (request: ExportRequest, versionLabel: string): string =>
  `${request.code}_${request.level}_${versionLabel}${request.meta ? '_meta' : ''}.${request.format}`;
