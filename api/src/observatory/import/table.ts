/** A file format the importers read. */
export enum ImportFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
}

/** One data row of a file: its spreadsheet row number (header = 1) and its cells as text. */
export interface TableRow {
  row: number;
  cells: string[];
  /**
   * Per cell: true when an XLSX cell held a number rather than text. A spreadsheet drops the
   * leading zeros of a number, so identifier columns pad such cells back (KRS 566214 → 0000566214).
   */
  numeric?: boolean[];
}

/** A file read into a header and rows, before any column is interpreted. */
export interface ImportTable {
  header: string[];
  rows: TableRow[];
  /** The CSV separator found in the header line; absent for XLSX. */
  separator?: ';' | ',';
  /** The worksheet read, for XLSX. */
  sheet?: string;
}

/** Why a whole file could not be read (as opposed to a row being wrong). */
export type TableReadProblem = 'NOT_UTF8' | 'BINARY' | 'NO_HEADER' | 'UNTERMINATED_QUOTE' | 'NOT_XLSX' | 'NO_WORKSHEET';

export class TableReadError extends Error {
  constructor(
    readonly problem: TableReadProblem,
    readonly row?: number,
    detail?: string,
  ) {
    super(detail ? `${problem}: ${detail}` : problem);
    this.name = 'TableReadError';
  }
}
