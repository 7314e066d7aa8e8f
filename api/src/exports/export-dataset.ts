import type { Indicator, IndicatorValue } from '../observatory/indicators';
import type { Bilingual } from '../shared/i18n';
import type { ExportRequest } from './export-request';
import { areaName, CellFlag, compareCategories, splitBilingual } from './labels';

export interface ExportVersion {
  label: string;
  status: string;
  citation: string;
  publishedAt: Date | null;
}

export interface ExportArea {
  code: string;
  level: string;
  name: Bilingual;
}

/** One cell of the cube as every format writes it: a value, or a flag saying why there is none. */
export interface ExportCell {
  value: number | null;
  flag: CellFlag | null;
  suppressionReason: string | null;
}

/**
 * A slice of one indicator, shaped as a cube (area × year × category) with everything the formats
 * need to describe it. Built only from public values: a suppressed cell arrives without its value
 * and leaves without it.
 */
export interface ExportDataset {
  request: ExportRequest;
  indicator: {
    code: string;
    name: Bilingual;
    description: Bilingual;
    unit: Bilingual;
    source: Bilingual;
    citation: string;
  };
  version: ExportVersion & { citationText: Bilingual };
  /** Path and canonical query of exactly this export (with its version). */
  canonicalUrl: string;
  areas: ExportArea[];
  years: number[];
  categories: string[];
  cell(area: number, year: number, category: number): ExportCell;
  /** Every cell in cube order: area, then year, then category. */
  cells(): Generator<{ area: ExportArea; year: number; category: string; cell: ExportCell; index: number }>;
}

const MISSING: ExportCell = { value: null, flag: CellFlag.NOT_AVAILABLE, suppressionReason: null };

function toCell(v: IndicatorValue): ExportCell {
  // Public exports never see a hidden value, but the flag decides, not the value's absence.
  if (v.suppressed) return { value: null, flag: CellFlag.CONFIDENTIAL, suppressionReason: v.suppressionReason ?? null };
  if (v.value === null || !Number.isFinite(v.value)) return MISSING;
  return { value: v.value, flag: null, suppressionReason: null };
}

export interface BuildDatasetInput {
  request: ExportRequest;
  indicator: Indicator;
  version: ExportVersion;
  canonicalUrl: string;
  values: IndicatorValue[];
}

export function buildExportDataset({ request, indicator, version, canonicalUrl, values }: BuildDatasetInput): ExportDataset {
  const areas = new Map<string, ExportArea>();
  const categories = new Set<string>();
  const presentYears = new Set<number>();
  const byKey = new Map<string, ExportCell>();
  for (const v of values) {
    if (!areas.has(v.areaCode)) areas.set(v.areaCode, { code: v.areaCode, level: v.areaLevel, name: areaName(v.areaCode, v.areaName) });
    categories.add(v.category);
    presentYears.add(v.year);
    byKey.set(`${v.areaCode}|${v.year}|${v.category}`, toCell(v));
  }
  const areaList = [...areas.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const years = request.years ?? [...presentYears].sort((a, b) => a - b);
  const categoryList = [...categories].sort(compareCategories);
  if (categoryList.length === 0) categoryList.push('TOTAL');

  const cell = (a: number, y: number, c: number): ExportCell => byKey.get(`${areaList[a].code}|${years[y]}|${categoryList[c]}`) ?? MISSING;
  return {
    request,
    indicator: {
      code: indicator.code,
      name: { pl: indicator.namePl, en: indicator.nameEn },
      description: { pl: indicator.descriptionPl, en: indicator.descriptionEn },
      unit: splitBilingual(indicator.unit),
      source: splitBilingual(indicator.source),
      citation: indicator.citation,
    },
    version: { ...version, citationText: splitBilingual(version.citation) },
    canonicalUrl,
    areas: areaList,
    years,
    categories: categoryList,
    cell,
    *cells() {
      let index = 0;
      for (let a = 0; a < areaList.length; a += 1) {
        for (let y = 0; y < years.length; y += 1) {
          for (let c = 0; c < categoryList.length; c += 1) {
            yield { area: areaList[a], year: years[y], category: categoryList[c], cell: cell(a, y, c), index };
            index += 1;
          }
        }
      }
    },
  };
}

/** Reference date of a year's figures: the state at 31 December. */
export const referenceDate = (year: number): string => `${year}-12-31`;
