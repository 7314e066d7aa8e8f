import type { EntityManager } from '@mikro-orm/postgresql';
import { dateInPoland } from '../../shared/dates';
import { refreshIndicators } from '../indicators';
import { HistoryRefused, planAndApply, type ApplyOutcome, type ReadFiles } from './apply-import';
import { readEntityRows } from './entity-rows';
import { ImportKind } from './import-run.entity';
import type { ImportProblem, RegistryImportFile, RegistryImportOptions, RegistryImportResult } from './import-types';
import { fileMessage, RegistryImportErrorCode } from './messages';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import { readReportRows } from './report-rows';
import { ImportFormat, TableReadError, type ImportTable } from './table';

export type { ImportPhase, ImportProblem, ImportProgress, ImportReport, RegistryImportFile, RegistryImportOptions, RegistryImportResult } from './import-types';
export { MAX_REPORTED_ERRORS } from './apply-import';

async function readTable(file: RegistryImportFile): Promise<ImportTable | ImportProblem> {
  const problem = (code: RegistryImportErrorCode, key: Parameters<typeof fileMessage>[0], params: Record<string, string | number> = {}): ImportProblem => ({
    code,
    fileName: file.fileName,
    message: fileMessage(key, { file: file.fileName, ...params }),
  });
  const unreadable = RegistryImportErrorCode.FILE_UNREADABLE;
  try {
    const table = file.format === ImportFormat.XLSX ? await readXlsx(file.content) : readCsv(file.content);
    return table.rows.length ? table : problem(RegistryImportErrorCode.EMPTY_FILE, 'EMPTY_FILE');
  } catch (error) {
    if (!(error instanceof TableReadError)) throw error;
    if (error.problem === 'NOT_UTF8') return problem(unreadable, 'NOT_UTF8');
    if (error.problem === 'NOT_XLSX' || error.problem === 'NO_WORKSHEET') return problem(unreadable, 'NOT_XLSX');
    if (error.problem === 'UNTERMINATED_QUOTE') return problem(unreadable, 'UNTERMINATED_QUOTE', { row: error.row ?? 0 });
    if (error.problem === 'NO_HEADER') return problem(RegistryImportErrorCode.EMPTY_FILE, 'EMPTY_FILE');
    return problem(unreadable, 'FILE_UNREADABLE');
  }
}

/**
 * Imports registry files — at most one of entities and one of annual reports; reports may refer
 * to entities of the entities file — all or nothing, in ONE transaction: every row of every file
 * is validated first, and if any has an error the report lists them all and nothing is written.
 * Otherwise entities are upserted (matched by KRS, else REGON, else NIP), their history recorded,
 * reports upserted by (entity, year), each file audited in `import_run`; a second run of the same
 * files changes nothing. After a write that changed something the indicators are refreshed.
 */
export async function importRegistryFiles(em: EntityManager, files: readonly RegistryImportFile[], options: RegistryImportOptions): Promise<RegistryImportResult> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const today = dateInPoland(now);
  const progress = options.onProgress ?? (() => undefined);
  const entitiesFile = files.find((f) => f.kind === ImportKind.ENTITIES);
  const reportsFile = files.find((f) => f.kind === ImportKind.ANNUAL_REPORTS);
  if (files.length !== [entitiesFile, reportsFile].filter(Boolean).length) throw new Error('importRegistryFiles takes at most one entities file and one annual reports file');
  const result: RegistryImportResult = { reports: [], problems: [], applied: false, dataVersion: null, durationMs: 0 };
  const finish = () => ({ ...result, durationMs: Date.now() - started });

  // READ: a file that cannot be read stops everything before the database.
  const tables = new Map<RegistryImportFile, ImportTable>();
  for (const file of files) {
    progress({ phase: 'READ', rowsDone: 0, rowsTotal: 0 });
    const table = await readTable(file);
    if ('code' in table) result.problems.push(table);
    else tables.set(file, table);
  }
  if (result.problems.length) return finish();
  const rowsTotal = [...tables.values()].reduce((n, t) => n + t.rows.length, 0);

  // VALIDATE, row by row, before the transaction: no lock is held meanwhile.
  progress({ phase: 'VALIDATE', rowsDone: 0, rowsTotal });
  const entityRows = entitiesFile && readEntityRows(tables.get(entitiesFile)!, today);
  const reportRows = reportsFile && readReportRows(tables.get(reportsFile)!, today);
  progress({ phase: 'VALIDATE', rowsDone: Math.floor(rowsTotal / 2), rowsTotal });
  const read: ReadFiles = {
    entities: entityRows ? { file: entitiesFile!, rowsRead: tables.get(entitiesFile!)!.rows.length, rows: entityRows.rows, errors: entityRows.errors, headerBroken: entityRows.map.errors.length > 0 } : null,
    reports: reportRows ? { file: reportsFile!, rowsRead: tables.get(reportsFile!)!.rows.length, rows: reportRows.rows, errors: reportRows.errors, headerBroken: reportRows.map.errors.length > 0 } : null,
    order: [...files],
  };

  let outcome: ApplyOutcome;
  try {
    outcome = await planAndApply(em, read, { ...options, today, now, progress, rowsTotal });
  } catch (error) {
    if (!(error instanceof HistoryRefused)) throw error;
    result.problems.push({ code: RegistryImportErrorCode.HISTORY_REFUSED, fileName: entitiesFile!.fileName, message: fileMessage('HISTORY_REFUSED', { file: entitiesFile!.fileName, detail: error.refusal.message }) });
    return finish();
  }

  result.reports = outcome.reports;
  for (const report of result.reports.filter((r) => r.errorCount > 0)) {
    result.problems.push({ code: RegistryImportErrorCode.ROWS_INVALID, fileName: report.fileName, message: fileMessage('ROWS_INVALID', { file: report.fileName, count: report.errorCount }) });
  }
  result.applied = outcome.written;
  options.log?.info(
    { registryImport: { files: result.reports.map(({ errors: _errors, ...r }) => r), applied: outcome.written, dryRun: !!options.dryRun, durationMs: Date.now() - started } },
    outcome.written ? 'registry import applied' : 'registry import not applied',
  );

  if (outcome.written && outcome.changed && options.refresh !== false) {
    progress({ phase: 'REFRESH', rowsDone: rowsTotal, rowsTotal });
    const cause = `import ${result.reports.map((r) => `${r.kind} ${r.fileName} (${r.importRunId})`).join(', ')}`;
    // Reports alone change only their years (and the next year's change-on-previous-year): refresh
    // those incrementally. Entity files can move history anywhere in time: refresh everything.
    const changedYears = entitiesFile ? undefined : [...new Set(read.reports?.rows.map((r) => r.year).filter((y): y is number => y !== null) ?? [])];
    result.dataVersion = (await refreshIndicators(em, { cause, log: options.log, now, changedYears })).version;
  }
  progress({ phase: 'DONE', rowsDone: rowsTotal, rowsTotal });
  return finish();
}
