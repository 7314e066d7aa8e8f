import type { Bilingual } from '../shared/i18n';
import type { ExportDataset } from './export-dataset';
import { citationOf } from './metadata';
import {
  AREA_DIMENSION_LABEL,
  BREAKDOWN_LABELS,
  CATEGORY_DIMENSION_LABEL,
  CATEGORY_LABELS,
  CellFlag,
  CONFIDENTIALITY_NOTE,
  FLAG_LABELS,
  INDICATOR_DIMENSION_LABEL,
  labelOf,
  LEVEL_LABELS,
  SUPPRESSION_REASON_LABELS,
  YEAR_DIMENSION_LABEL,
} from './labels';

type Labels = Record<string, string>;

const labelsIn = (entries: [string, Bilingual][], lang: 'pl' | 'en'): Labels => Object.fromEntries(entries.map(([k, v]) => [k, v[lang]]));

/**
 * A JSON-stat 2.0 dataset (https://json-stat.org/format/): dimensions indicator (metric, one
 * category carrying the unit) × area (geo) × year (time) × category (the breakdown), `value`
 * dense in that order with null where nothing is published, and `status` marking those cells
 * ("c" confidential, "m" not available). Labels are in the asked language; JSON-stat has one label
 * per item, so every dimension's `extension.labels` carries both languages, and the dataset's
 * `extension` carries the reasons, provenance, citation and data version.
 */
export function formatJsonStat(ds: ExportDataset): Buffer {
  const lang = ds.request.lang;
  const values: (number | null)[] = [];
  const status: Record<string, string> = {};
  const reasons: Record<string, string> = {};
  for (const { cell, index } of ds.cells()) {
    values.push(cell.value);
    if (cell.flag) status[String(index)] = cell.flag;
    if (cell.suppressionReason) reasons[String(index)] = cell.suppressionReason;
  }

  const areaLabels: [string, Bilingual][] = ds.areas.map((a) => [a.code, a.name]);
  const categoryLabels: [string, Bilingual][] = ds.categories.map((c) => [c, labelOf(CATEGORY_LABELS, c)]);
  const yearLabels: [string, Bilingual][] = ds.years.map((y) => [String(y), { pl: String(y), en: String(y) }]);
  const indicatorLabels: [string, Bilingual][] = [[ds.indicator.code, ds.indicator.name]];
  const breakdown = ds.request.breakdown === 'TOTAL' ? CATEGORY_DIMENSION_LABEL : labelOf(BREAKDOWN_LABELS, ds.request.breakdown);
  const citation = citationOf(ds);

  const dataset = {
    version: '2.0',
    class: 'dataset',
    label: `${ds.indicator.name[lang]} – ${labelOf(LEVEL_LABELS, ds.request.level)[lang]}`,
    source: ds.indicator.source[lang],
    ...(ds.version.publishedAt ? { updated: ds.version.publishedAt.toISOString() } : {}),
    note: [ds.indicator.description[lang], CONFIDENTIALITY_NOTE[lang], citation[lang]],
    id: ['indicator', 'area', 'year', 'category'],
    size: [1, ds.areas.length, ds.years.length, ds.categories.length],
    role: { metric: ['indicator'], geo: ['area'], time: ['year'] },
    dimension: {
      indicator: {
        label: INDICATOR_DIMENSION_LABEL[lang],
        category: {
          index: [ds.indicator.code],
          label: labelsIn(indicatorLabels, lang),
          unit: { [ds.indicator.code]: { label: ds.indicator.unit[lang] } },
        },
        extension: { labels: { pl: labelsIn(indicatorLabels, 'pl'), en: labelsIn(indicatorLabels, 'en') }, unit: ds.indicator.unit, definition: ds.indicator.description },
      },
      area: {
        label: AREA_DIMENSION_LABEL[lang],
        category: { index: ds.areas.map((a) => a.code), label: labelsIn(areaLabels, lang) },
        extension: { level: ds.request.level, levelLabel: labelOf(LEVEL_LABELS, ds.request.level), parent: ds.request.parent, labels: { pl: labelsIn(areaLabels, 'pl'), en: labelsIn(areaLabels, 'en') } },
      },
      year: {
        label: YEAR_DIMENSION_LABEL[lang],
        category: { index: ds.years.map(String), label: labelsIn(yearLabels, lang) },
        extension: { referenceDates: Object.fromEntries(ds.years.map((y) => [String(y), `${y}-12-31`])) },
      },
      category: {
        label: breakdown[lang],
        category: { index: ds.categories, label: labelsIn(categoryLabels, lang) },
        extension: { breakdown: ds.request.breakdown, breakdownLabel: breakdown, labels: { pl: labelsIn(categoryLabels, 'pl'), en: labelsIn(categoryLabels, 'en') } },
      },
    },
    value: values,
    status,
    extension: {
      dataVersion: ds.version.label,
      publishedAt: ds.version.publishedAt ? ds.version.publishedAt.toISOString() : null,
      citation,
      indicator: {
        code: ds.indicator.code,
        name: ds.indicator.name,
        definition: ds.indicator.description,
        unit: ds.indicator.unit,
        source: ds.indicator.source,
        citation: ds.indicator.citation,
      },
      query: { level: ds.request.level, years: ds.request.years, parent: ds.request.parent, breakdown: ds.request.breakdown, lang },
      url: ds.canonicalUrl,
      confidentiality: CONFIDENTIALITY_NOTE,
      statusLabels: Object.fromEntries(Object.values(CellFlag).map((f) => [f, FLAG_LABELS[f]])),
      suppressionReason: reasons,
      suppressionReasonLabels: SUPPRESSION_REASON_LABELS,
    },
  };
  return Buffer.from(JSON.stringify(dataset), 'utf8');
}
