import type { Bilingual } from '../../shared/i18n';
import type { ImportChannel, ImportKind } from './import-run.entity';
import type { ImportRowError, RegistryImportErrorCode } from './messages';
import type { ImportFormat } from './table';
import type { Logger } from 'pino';
import type { RefreshReport } from '../indicators';

/** A file to import: what it holds, its format, its name (for messages and the audit) and its bytes. */
export interface RegistryImportFile {
  kind: ImportKind;
  format: ImportFormat;
  fileName: string;
  content: Uint8Array;
}

export type ImportPhase = 'READ' | 'VALIDATE' | 'WRITE' | 'REFRESH' | 'DONE';

/** Where a long import is: the phase and how many of its rows it has been through. */
export interface ImportProgress {
  phase: ImportPhase;
  rowsDone: number;
  rowsTotal: number;
}

export interface RegistryImportOptions {
  channel: ImportChannel;
  /** The staff member importing (GraphQL); null or absent from the command line. */
  importedById?: string | null;
  /** Validate and count only; write nothing. */
  dryRun?: boolean;
  onProgress?: (progress: ImportProgress) => void;
  /** Recompute the indicators after a write that changed something (default true). */
  refresh?: boolean;
  log?: Logger;
  /** The import's instant; its date in Poland is "today" for dates and the default date of changes. */
  now?: Date;
}

/** What an import did to one file. */
export interface ImportReport {
  kind: ImportKind;
  fileName: string;
  rowsRead: number;
  /** Rows without any error. */
  rowsValid: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Every problem found, by row and column (the first MAX_REPORTED_ERRORS of them). */
  errors: ImportRowError[];
  /** All problems found, also those beyond the list. */
  errorCount: number;
  /** The audit record of a write; null when nothing was written. */
  importRunId: string | null;
}

/** A problem with a file as a whole. */
export interface ImportProblem {
  code: RegistryImportErrorCode;
  fileName: string;
  message: Bilingual;
}

export interface RegistryImportResult {
  /** One report per file, in the order given. */
  reports: ImportReport[];
  problems: ImportProblem[];
  /** True when the files were written (false on any error, and for a dry run). */
  applied: boolean;
  /** The data version the indicator refresh published, when one ran. */
  dataVersion: RefreshReport['version'] | null;
  durationMs: number;
}

