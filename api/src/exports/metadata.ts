import type { Bilingual } from '../shared/i18n';
import { referenceDate, type ExportDataset } from './export-dataset';
import { BREAKDOWN_LABELS, CellFlag, CONFIDENTIALITY_NOTE, FLAG_LABELS, labelOf, LEVEL_LABELS, SUPPRESSION_REASON_LABELS } from './labels';

/** How to cite an export: the data version and the indicator, in one sentence per language. */
export function citationOf(ds: ExportDataset): Bilingual {
  return {
    pl: `${ds.version.citationText.pl}, wskaźnik „${ds.indicator.name.pl}” (${ds.indicator.code})`,
    en: `${ds.version.citationText.en}, indicator "${ds.indicator.name.en}" (${ds.indicator.code})`,
  };
}

export interface MetadataRow {
  key: string;
  label: Bilingual;
  value: Bilingual;
}

const both = (text: string): Bilingual => ({ pl: text, en: text });

/**
 * What an export says about itself, as key/label/value rows (XLSX second sheet, CSV sidecar).
 * Only facts fixed with the data version appear: nothing here changes when a later version is
 * published (not even the version's status), so a versioned export stays byte-for-byte the same.
 */
export function metadataRows(ds: ExportDataset): MetadataRow[] {
  const { request, indicator, version } = ds;
  const dates = ds.years.map(referenceDate).join(', ');
  const rows: MetadataRow[] = [
    { key: 'indicator_code', label: { pl: 'Kod wskaźnika', en: 'Indicator code' }, value: both(indicator.code) },
    { key: 'indicator_name', label: { pl: 'Nazwa wskaźnika', en: 'Indicator name' }, value: indicator.name },
    { key: 'definition', label: { pl: 'Definicja', en: 'Definition' }, value: indicator.description },
    { key: 'unit', label: { pl: 'Jednostka', en: 'Unit' }, value: indicator.unit },
    { key: 'source', label: { pl: 'Źródło', en: 'Source' }, value: indicator.source },
    {
      key: 'reference_date',
      label: { pl: 'Data odniesienia', en: 'Reference date' },
      value: { pl: `stan na 31 grudnia roku: ${dates || '—'}`, en: `state at 31 December of the year: ${dates || '—'}` },
    },
    { key: 'level', label: { pl: 'Poziom obszarów', en: 'Area level' }, value: { pl: `${request.level} – ${labelOf(LEVEL_LABELS, request.level).pl}`, en: `${request.level} – ${labelOf(LEVEL_LABELS, request.level).en}` } },
    { key: 'parent', label: { pl: 'W obrębie obszaru', en: 'Within area' }, value: both(request.parent ?? '—') },
    { key: 'breakdown', label: { pl: 'Podział', en: 'Breakdown' }, value: { pl: `${request.breakdown} – ${labelOf(BREAKDOWN_LABELS, request.breakdown).pl}`, en: `${request.breakdown} – ${labelOf(BREAKDOWN_LABELS, request.breakdown).en}` } },
    { key: 'years', label: { pl: 'Lata', en: 'Years' }, value: both(ds.years.join(', ') || '—') },
    { key: 'data_version', label: { pl: 'Wersja danych', en: 'Data version' }, value: both(version.label) },
    { key: 'published_at', label: { pl: 'Opublikowano', en: 'Published' }, value: both(version.publishedAt ? version.publishedAt.toISOString() : '—') },
    { key: 'citation', label: { pl: 'Jak cytować', en: 'How to cite' }, value: citationOf(ds) },
    { key: 'indicator_citation', label: { pl: 'Cytowanie wskaźnika', en: 'Indicator citation' }, value: both(indicator.citation) },
    { key: 'confidentiality', label: { pl: 'Tajemnica statystyczna', en: 'Statistical confidentiality' }, value: CONFIDENTIALITY_NOTE },
    ...Object.values(CellFlag).map((flag) => ({ key: `flag_${flag}`, label: { pl: `Flaga „${flag}”`, en: `Flag "${flag}"` }, value: FLAG_LABELS[flag] })),
    ...Object.entries(SUPPRESSION_REASON_LABELS).map(([code, label]) => ({ key: `reason_${code}`, label: { pl: `Powód ${code}`, en: `Reason ${code}` }, value: label })),
    { key: 'url', label: { pl: 'Adres tej wersji', en: 'Address of this version' }, value: both(ds.canonicalUrl) },
  ];
  return rows;
}
