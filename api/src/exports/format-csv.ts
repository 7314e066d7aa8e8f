import { Locale } from '../shared/i18n';
import { referenceDate, type ExportDataset } from './export-dataset';
import { metadataRows } from './metadata';
import { CATEGORY_LABELS, labelOf, SUPPRESSION_REASON_LABELS } from './labels';

/**
 * CSV for people with a spreadsheet: UTF-8 with a byte-order mark (so Excel reads Polish letters),
 * `;` between fields and CRLF line ends (RFC 4180 apart from the separator). Numbers follow the
 * language: decimal comma for pl (what Polish Excel and GUS tables use; with `;` it is unambiguous),
 * decimal point for en. One row per cell; flags and reasons are columns, so nothing but data and
 * one header row is in the file. Definition, source and citation: the `?meta=1` sidecar.
 */
export const CSV_SEPARATOR = ';';
const BOM = '\uFEFF';
const EOL = '\r\n';

export const CSV_HEADERS: Record<Locale, string[]> = {
  pl: ['Kod wskaźnika', 'Kod obszaru', 'Obszar', 'Poziom', 'Rok', 'Data odniesienia', 'Podział', 'Kod kategorii', 'Kategoria', 'Wartość', 'Jednostka', 'Flaga', 'Powód utajnienia (kod)', 'Powód utajnienia', 'Wersja danych'],
  en: ['Indicator code', 'Area code', 'Area', 'Level', 'Year', 'Reference date', 'Breakdown', 'Category code', 'Category', 'Value', 'Unit', 'Flag', 'Suppression reason (code)', 'Suppression reason', 'Data version'],
};

const META_HEADERS: Record<Locale, string[]> = {
  pl: ['Klucz', 'Pole', 'Wartość (pl)', 'Wartość (en)'],
  en: ['Key', 'Field', 'Value (pl)', 'Value (en)'],
};

export function csvField(text: string): string {
  return /[";\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number as the language writes it; never exponent notation for the magnitudes indicators have. */
export function formatNumber(value: number, lang: Locale): string {
  const text = Number.isInteger(value) ? value.toFixed(0) : String(value);
  return lang === Locale.pl ? text.replace('.', ',') : text;
}

const line = (fields: string[]) => fields.map(csvField).join(CSV_SEPARATOR) + EOL;

export function formatCsv(ds: ExportDataset): Buffer {
  const lang = ds.request.lang;
  const out: string[] = [BOM, line(CSV_HEADERS[lang])];
  for (const { area, year, category, cell } of ds.cells()) {
    out.push(
      line([
        ds.indicator.code,
        area.code,
        area.name[lang],
        area.level,
        String(year),
        referenceDate(year),
        ds.request.breakdown,
        category,
        labelOf(CATEGORY_LABELS, category)[lang],
        cell.value === null ? '' : formatNumber(cell.value, lang),
        ds.indicator.unit[lang],
        cell.flag ?? '',
        cell.suppressionReason ?? '',
        cell.suppressionReason ? labelOf(SUPPRESSION_REASON_LABELS, cell.suppressionReason)[lang] : '',
        ds.version.label,
      ]),
    );
  }
  return Buffer.from(out.join(''), 'utf8');
}

/** The sidecar: the export's metadata in both languages, labels in the asked one. */
export function formatCsvMetadata(ds: ExportDataset): Buffer {
  const lang = ds.request.lang;
  const out: string[] = [BOM, line(META_HEADERS[lang])];
  for (const row of metadataRows(ds)) out.push(line([row.key, row.label[lang], row.value.pl, row.value.en]));
  return Buffer.from(out.join(''), 'utf8');
}
