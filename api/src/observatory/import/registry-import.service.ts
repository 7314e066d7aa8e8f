import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { dateInPoland } from '../../shared/dates';
import { refreshIndicators, type RefreshReport } from '../indicators';
import { planEntities, readEntityRows, type EntityPlan, type EntityRow } from './entity-rows';
import { planHistory } from './history-plan';
import { ImportChannel, ImportKind } from './import-run.entity';
import {
  insertEntities,
  insertImportRun,
  loadEntitiesByIdentifiers,
  loadKnownUnits,
  loadReports,
  loadTimelines,
  lockImports,
  updateEntities,
  upsertReports,
} from './import-store';
import { RegistryHistoryService } from '../registry/history/registry-history.service';
import { fileMessage, RegistryImportErrorCode, type ImportRowError } from './messages';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import { planReports, readReportRows, reportKey, type ReportPlan, type ReportRow } from './report-rows';
import { ImportFormat, TableReadError, type ImportTable } from './table';
import type { Bilingual } from '../../shared/i18n';

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

/** Rows listed in a report; beyond that only the count grows (a broken 100,000-row file would otherwise be a huge answer). */
export const MAX_REPORTED_ERRORS = 1000;

async function readTable(file: RegistryImportFile): Promise<ImportTable | ImportProblem> {
  const problem = (key: Parameters<typeof fileMessage>[0], params: Record<string, string | number> = {}): ImportProblem => ({
    code: RegistryImportErrorCode.FILE_UNREADABLE,
    fileName: file.fileName,
    message: fileMessage(key, { file: file.fileName, ...params }),
  });
  try {
    return file.format === ImportFormat.XLSX ? await readXlsx(file.content) : readCsv(file.content);
  } catch (error) {
    if (!(error instanceof TableReadError)) throw error;
    if (error.problem === 'NOT_UTF8') return problem('NOT_UTF8');
    if (error.problem === 'NOT_XLSX' || error.problem === 'NO_WORKSHEET') return problem('NOT_XLSX');
    if (error.problem === 'UNTERMINATED_QUOTE') return problem('UNTERMINATED_QUOTE', { row: error.row ?? 0 });
    if (error.problem === 'NO_HEADER') return { code: RegistryImportErrorCode.EMPTY_FILE, fileName: file.fileName, message: fileMessage('EMPTY_FILE', { file: file.fileName }) };
    return problem('FILE_UNREADABLE');
  }
}

const sortErrors = (errors: ImportRowError[]) => [...errors].sort((a, b) => a.row - b.row);

function reportOf(file: RegistryImportFile, rowsRead: number, errors: ImportRowError[], counts = { created: 0, updated: 0, unchanged: 0 }): ImportReport {
  const sorted = sortErrors(errors);
  const rowsWithErrors = new Set(sorted.filter((e) => e.row > 1).map((e) => e.row)).size;
  const headerBroken = sorted.some((e) => e.row === 1);
  return {
    kind: file.kind,
    fileName: file.fileName,
    rowsRead,
    rowsValid: headerBroken ? 0 : rowsRead - rowsWithErrors,
    ...counts,
    errors: sorted.slice(0, MAX_REPORTED_ERRORS),
    errorCount: sorted.length,
    importRunId: null,
  };
}

/**
 * Imports registry files — at most one of entities and one of annual reports; reports may refer
 * to entities of the entities file — all or nothing, in ONE transaction: every row of every file
 * is validated first, and if any has an error the report lists them all and nothing is written.
 * Otherwise entities are upserted (matched by KRS, else REGON, else NIP), their history recorded,
 * reports upserted by (entity, year), each file's import audited in `import_run`; a second run of
 * the same files changes nothing. After a write that changed something the indicators are
 * refreshed (a new data version).
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

  // READ: files into tables; a file that cannot be read stops everything before the database.
  const tables = new Map<RegistryImportFile, ImportTable>();
  for (const file of files) {
    progress({ phase: 'READ', rowsDone: 0, rowsTotal: 0 });
    const table = await readTable(file);
    if ('code' in table) result.problems.push(table);
    else if (!table.rows.length) result.problems.push({ code: RegistryImportErrorCode.EMPTY_FILE, fileName: file.fileName, message: fileMessage('EMPTY_FILE', { file: file.fileName }) });
    else tables.set(file, table);
  }
  if (result.problems.length) return finish();
  const rowsTotal = [...tables.values()].reduce((n, t) => n + t.rows.length, 0);

  // Rows are read and checked on their own before the transaction: no lock is held meanwhile.
  progress({ phase: 'VALIDATE', rowsDone: 0, rowsTotal });
  const entityRead = entitiesFile ? readEntityRows(tables.get(entitiesFile)!, today) : null;
  const reportRead = reportsFile ? readReportRows(tables.get(reportsFile)!, today) : null;
  progress({ phase: 'VALIDATE', rowsDone: Math.floor(rowsTotal / 2), rowsTotal });

  const outcome = await em.transactional(async (tx) => {
    await lockImports(tx);
    let entityPlan: EntityPlan | null = null;
    let entityErrors: ImportRowError[] = [];
    if (entitiesFile && entityRead) {
      entityErrors = [...entityRead.errors];
      if (!entityRead.map.errors.length) {
        const rows: EntityRow[] = entityRead.rows;
        const existing = await loadEntitiesByIdentifiers(tx, rows.map((r) => r.ids));
        const known = await loadKnownUnits(tx, rows.flatMap((r) => (r.seatCode ? [r.seatCode] : [])));
        entityPlan = planEntities(rows, existing, known, today);
        entityErrors.push(...entityPlan.errors);
      }
    }
    let reportPlan: ReportPlan | null = null;
    let reportErrors: ImportRowError[] = [];
    if (reportsFile && reportRead) {
      reportErrors = [...reportRead.errors];
      if (!reportRead.map.errors.length) {
        const rows: ReportRow[] = reportRead.rows;
        const index = new Map(entityPlan?.index ?? []);
        const unresolved = rows.filter((r) => !['krs', 'regon', 'nip'].some((k) => r.ids[k as 'krs'] && index.has(`${k}:${r.ids[k as 'krs']}`)));
        for (const entity of await loadEntitiesByIdentifiers(tx, unresolved.map((r) => r.ids))) {
          for (const kind of ['krs', 'regon', 'nip'] as const) {
            const value = entity[kind];
            if (value && !index.has(`${kind}:${value}`)) index.set(`${kind}:${value}`, { id: entity.id, name: entity.name });
          }
        }
        const keys = new Map<string, { entityId: string; year: number }>();
        for (const r of rows) {
          if (r.year === null) continue;
          for (const kind of ['krs', 'regon', 'nip'] as const) {
            const hit = r.ids[kind] ? index.get(`${kind}:${r.ids[kind]}`) : undefined;
            if (hit) keys.set(reportKey(hit.id, r.year), { entityId: hit.id, year: r.year });
          }
        }
        reportPlan = planReports(rows, index, await loadReports(tx, [...keys.values()]));
        reportErrors.push(...reportPlan.errors);
      }
    }

    // History: computed with the registry's timeline rules; its conflicts are row errors too.
    const runIds = new Map(files.map((f) => [f, randomUUID()]));
    let history = null;
    if (entityPlan && !entityErrors.length) {
      const changed = entityPlan.updates.filter((u) => u.changes.length || u.entity.foundedOn !== u.before.foundedOn).map((u) => u.entity.id);
      const timelines = await loadTimelines(tx, changed);
      history = planHistory(entityPlan.creates, entityPlan.updates, timelines, today, { source: 'import', importRunId: runIds.get(entitiesFile!)! });
      entityErrors.push(...history.errors);
    }
    progress({ phase: 'VALIDATE', rowsDone: rowsTotal, rowsTotal });

    const entityReport = entitiesFile
      ? reportOf(entitiesFile, tables.get(entitiesFile)!.rows.length, entityErrors, entityErrors.length || !entityPlan ? undefined : { created: entityPlan.creates.length, updated: entityPlan.updates.length, unchanged: entityPlan.unchanged })
      : null;
    const reportReport = reportsFile
      ? reportOf(reportsFile, tables.get(reportsFile)!.rows.length, reportErrors, reportErrors.length || !reportPlan ? undefined : { created: reportPlan.created, updated: reportPlan.updated, unchanged: reportPlan.unchanged })
      : null;
    const reports = files.map((f) => (f === entitiesFile ? entityReport! : reportReport!));
    const failed = reports.filter((r) => r.errorCount > 0);
    if (failed.length || options.dryRun) return { reports, failed, written: false, changed: false };

    // WRITE: a handful of set-based statements per batch of rows.
    let written = 0;
    const writeTotal = (entityPlan ? entityPlan.creates.length + entityPlan.updates.length : 0) + (reportPlan?.upserts.length ?? 0);
    const step = (base: number) => (done: number) => progress({ phase: 'WRITE', rowsDone: base + done, rowsTotal: writeTotal });
    progress({ phase: 'WRITE', rowsDone: 0, rowsTotal: writeTotal });
    for (const file of files) {
      const report = file === entitiesFile ? entityReport! : reportReport!;
      await insertImportRun(tx, {
        id: runIds.get(file)!,
        kind: file.kind,
        format: file.format,
        fileName: file.fileName,
        fileSha256: createHash('sha256').update(file.content).digest('hex'),
        rowsRead: report.rowsRead,
        created: report.created,
        updated: report.updated,
        unchanged: report.unchanged,
        channel: options.channel,
        importedById: options.importedById ?? null,
        startedAt: now,
      });
      report.importRunId = runIds.get(file)!;
    }
    if (entityPlan) {
      await insertEntities(tx, entityPlan.creates, step(written));
      written += entityPlan.creates.length;
      await updateEntities(tx, entityPlan.updates, step(written));
      written += entityPlan.updates.length;
      // History through the registry's own service: one set-based write for all events of the file.
      if (history?.events.length) await new RegistryHistoryService(tx).recordEvents(history.events);
    }
    if (reportPlan) await upsertReports(tx, reportPlan.upserts, step(written));
    const changed = reports.some((r) => r.created + r.updated > 0);
    return { reports, failed, written: true, changed };
  });

  result.reports = outcome.reports;
  for (const report of outcome.failed) {
    result.problems.push({ code: RegistryImportErrorCode.ROWS_INVALID, fileName: report.fileName, message: fileMessage('ROWS_INVALID', { file: report.fileName, count: report.errorCount }) });
  }
  result.applied = outcome.written;
  options.log?.info(
    { registryImport: { files: outcome.reports.map(({ errors: _errors, ...r }) => r), applied: outcome.written, dryRun: !!options.dryRun, durationMs: Date.now() - started } },
    outcome.written ? 'registry import applied' : 'registry import not applied',
  );

  if (outcome.written && outcome.changed && options.refresh !== false) {
    progress({ phase: 'REFRESH', rowsDone: rowsTotal, rowsTotal });
    const cause = `import ${files.map((f) => `${f.kind} ${f.fileName} (${outcome.reports.find((r) => r.fileName === f.fileName && r.kind === f.kind)?.importRunId})`).join(', ')}`;
    const refresh = await refreshIndicators(em, { cause, log: options.log, now });
    result.dataVersion = refresh.version;
  }
  progress({ phase: 'DONE', rowsDone: rowsTotal, rowsTotal });
  return finish();
}
