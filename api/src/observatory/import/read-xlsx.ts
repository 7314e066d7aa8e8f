import type { CellValue, Worksheet } from 'exceljs';
import type { ImportTable, TableRow } from './table';
import { TableReadError } from './table';

/**
 * Reads the first worksheet of an XLSX workbook (exceljs, loaded only when an XLSX file comes).
 * Row 1 is the header; row numbers are the sheet's own. Cells become text: numbers in their
 * shortest exact decimal form (15 significant digits, so 1234.5600000000002 reads as 1234.56),
 * dates as YYYY-MM-DD, formulas by their cached result, rich text and hyperlinks by their text.
 */
export async function readXlsx(bytes: Uint8Array): Promise<ImportTable> {
  // A ZIP archive starts with "PK\x03\x04"; anything else (a CSV saved as .xlsx, an old .xls) is refused early.
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) throw new TableReadError('NOT_XLSX');
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (error) {
    throw new TableReadError('NOT_XLSX', undefined, error instanceof Error ? error.message : String(error));
  }
  const sheet = workbook.worksheets.find((w) => w.state !== 'hidden' && w.state !== 'veryHidden') ?? workbook.worksheets[0];
  if (!sheet) throw new TableReadError('NO_WORKSHEET');
  return readSheet(sheet);
}

function readSheet(sheet: Worksheet): ImportTable {
  const width = sheet.columnCount;
  const read = (rowNumber: number): TableRow => {
    const row = sheet.getRow(rowNumber);
    const cells: string[] = [];
    const numeric: boolean[] = [];
    for (let c = 1; c <= width; c++) {
      const value = row.getCell(c).value;
      cells.push(cellText(value));
      numeric.push(typeof resultOf(value) === 'number');
    }
    return { row: rowNumber, cells, numeric };
  };
  if (sheet.rowCount < 1) throw new TableReadError('NO_HEADER');
  const header = read(1).cells.map((h) => h.trim());
  if (header.every((h) => h === '')) throw new TableReadError('NO_HEADER');
  const rows: TableRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = read(r);
    if (row.cells.some((c) => c.trim() !== '')) rows.push(row);
  }
  return { header, rows, sheet: sheet.name };
}

/** A formula's cached result, or the value itself. */
function resultOf(value: CellValue): CellValue {
  if (value && typeof value === 'object' && !(value instanceof Date) && 'result' in value) return value.result as CellValue;
  return value;
}

/** The text a person sees for a cell's value. */
export function cellText(raw: CellValue): string {
  const value = resultOf(raw);
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as CellValue);
    if ('error' in value) return String(value.error);
  }
  return '';
}

/** Shortest decimal text of a spreadsheet number, without float noise and never in exponent form. */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const clean = Number(value.toPrecision(15));
  if (Number.isInteger(clean)) return BigInt(clean).toString();
  const text = String(clean);
  if (!/e/i.test(text)) return text;
  return clean.toFixed(Math.min(20, Math.max(0, -Math.floor(Math.log10(Math.abs(clean))) + 14))).replace(/\.?0+$/, '');
}
