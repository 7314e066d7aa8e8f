import type { ImportTable, TableRow } from './table';
import { TableReadError } from './table';

/**
 * Reads an import CSV (RFC 4180): fields separated by `;` or `,` — whichever the header line
 * uses more often outside quotes (Polish Excel writes `;`, most other tools `,`) — quoted fields
 * may hold the separator, a doubled quote or a line break; any line ending; UTF-8 with or without
 * a BOM. Rows keep their spreadsheet number (the header is row 1, blank lines count, a
 * quoted line break does not start a row), so a report's "row 7" is row 7 in a spreadsheet.
 *
 * Not the territory module's `parseCsv`: that one drops blank lines (row numbers would shift)
 * and takes a fixed separator.
 */
export function readCsv(bytes: Uint8Array): ImportTable {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new TableReadError('NOT_UTF8');
  }
  if (text.includes('\u0000')) throw new TableReadError('BINARY');
  const separator = detectSeparator(text);
  const records = splitRecords(text, separator);
  if (!records.length || records[0].cells.every((c) => c.trim() === '')) throw new TableReadError('NO_HEADER');
  const [header, ...rest] = records;
  const rows: TableRow[] = rest.filter((r) => r.cells.some((c) => c.trim() !== ''));
  return { header: header.cells.map((h) => h.trim()), rows, separator };
}

/** `;` or `,`: the one the header line (up to its first unquoted line break) uses more; `,` on a tie. */
export function detectSeparator(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ';') semicolons++;
    else if (!quoted && c === ',') commas++;
  }
  return semicolons > commas ? ';' : ',';
}

function splitRecords(text: string, separator: string): TableRow[] {
  const records: TableRow[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = () => {
    cells.push(field);
    records.push({ row: records.length + 1, cells });
    cells = [];
    field = '';
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === separator) {
      cells.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else field += c;
  }
  if (quoted) throw new TableReadError('UNTERMINATED_QUOTE', records.length + 1);
  if (field !== '' || cells.length) endRecord();
  return records;
}
