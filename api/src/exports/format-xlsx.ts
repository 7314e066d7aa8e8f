import { referenceDate, type ExportDataset } from './export-dataset';
import { CSV_HEADERS } from './format-csv';
import { fixZipTimestamps } from './fix-zip-timestamps';
import { metadataRows } from './metadata';
import { CATEGORY_LABELS, labelOf, SUPPRESSION_REASON_LABELS } from './labels';

const SHEET_NAMES = { pl: { data: 'Dane', meta: 'Metadane' }, en: { data: 'Data', meta: 'Metadata' } };
const META_HEADERS = { pl: ['Klucz', 'Pole', 'Wartość (pl)', 'Wartość (en)'], en: ['Key', 'Field', 'Value (pl)', 'Value (en)'] };
// 2000-01-01 for versions without a publication time (never the case for a published one).
const EPOCH = new Date(Date.UTC(2000, 0, 1));

/**
 * XLSX: a data sheet (the CSV's columns, values as numbers, flags beside them, header frozen and
 * filterable) and a metadata sheet (definition pl/en, unit, source, reference date, data version,
 * citation, confidentiality note). Workbook and ZIP timestamps are the data version's publication
 * time, so the file is the same bytes on every request.
 */
export async function formatXlsx(ds: ExportDataset): Promise<Buffer> {
  const { Workbook } = await import('exceljs'); // loaded on the first XLSX request only
  const lang = ds.request.lang;
  const stamp = ds.version.publishedAt ?? EPOCH;
  const workbook = new Workbook();
  workbook.creator = 'Hub Ekonomii Społecznej / Social Economy Hub';
  workbook.lastModifiedBy = workbook.creator;
  workbook.title = ds.indicator.name[lang];
  workbook.subject = `${ds.indicator.code} ${ds.request.level} ${ds.version.label}`;
  workbook.created = stamp;
  workbook.modified = stamp;

  const data = workbook.addWorksheet(SHEET_NAMES[lang].data, { views: [{ state: 'frozen', ySplit: 1 }] });
  data.addRow(CSV_HEADERS[lang]).font = { bold: true };
  for (const { area, year, category, cell } of ds.cells()) {
    data.addRow([
      ds.indicator.code,
      area.code,
      area.name[lang],
      area.level,
      year,
      referenceDate(year),
      ds.request.breakdown,
      category,
      labelOf(CATEGORY_LABELS, category)[lang],
      cell.value,
      ds.indicator.unit[lang],
      cell.flag ?? null,
      cell.suppressionReason,
      cell.suppressionReason ? labelOf(SUPPRESSION_REASON_LABELS, cell.suppressionReason)[lang] : null,
      ds.version.label,
    ]);
  }
  data.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: CSV_HEADERS[lang].length } };
  const widths = [24, 12, 28, 14, 6, 14, 12, 22, 30, 14, 24, 6, 18, 40, 14];
  widths.forEach((width, i) => (data.getColumn(i + 1).width = width));

  const meta = workbook.addWorksheet(SHEET_NAMES[lang].meta);
  meta.addRow(META_HEADERS[lang]).font = { bold: true };
  for (const row of metadataRows(ds)) meta.addRow([row.key, row.label[lang], row.value.pl, row.value.en]);
  [20, 28, 80, 80].forEach((width, i) => {
    const column = meta.getColumn(i + 1);
    column.width = width;
    if (i >= 2) column.alignment = { wrapText: true, vertical: 'top' };
  });

  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return fixZipTimestamps(buffer, stamp);
}
