import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../shared/errors';
import { RegistryHistoryService } from '../registry/history/registry-history.service';
import { IDENTIFIER_KINDS } from './cells';
import { identifierKey, planEntities, type EntityPlan, type EntityRow } from './entity-rows';
import { planHistory, type HistoryPlan } from './history-plan';
import type { ImportReport, ImportProgress, RegistryImportFile, RegistryImportOptions } from './import-types';
import {
  insertEntities,
  insertImportRun,
  loadEntitiesByIdentifiers,
  loadKnownUnits,
  loadReports,
  loadRecordedEvents,
  lockImports,
  updateEntities,
  upsertReports,
} from './import-store';
import type { ImportRowError } from './messages';
import { planReports, reportKey, type ReportPlan, type ReportRow } from './report-rows';

/** Rows listed in a report; beyond that only the count grows (a broken 100,000-row file would otherwise be a huge answer). */
export const MAX_REPORTED_ERRORS = 1000;

/** One file's rows, read and checked one by one (outside the transaction); none when its header is broken. */
interface ReadFile<Row> {
  file: RegistryImportFile;
  rowsRead: number;
  rows: Row[];
  errors: ImportRowError[];
  headerBroken: boolean;
}

export interface ReadFiles {
  entities: ReadFile<EntityRow> | null;
  reports: ReadFile<ReportRow> | null;
  /** Files in the order given. */
  order: RegistryImportFile[];
}

export interface ApplyOutcome {
  /** One per file, in the order given. */
  reports: ImportReport[];
  /** True when the files were written. */
  written: boolean;
  /** True when the write created or updated anything. */
  changed: boolean;
}

/** The registry's history service refused events the plan expected it to accept; the transaction is rolled back. */
export class HistoryRefused extends Error {
  constructor(readonly refusal: DomainError) {
    super(refusal.message);
  }
}

function reportOf(file: RegistryImportFile, rowsRead: number, errors: ImportRowError[], counts = { created: 0, updated: 0, unchanged: 0 }): ImportReport {
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  const rowsWithErrors = new Set(sorted.filter((e) => e.row > 1).map((e) => e.row)).size;
  return {
    kind: file.kind,
    fileName: file.fileName,
    rowsRead,
    rowsValid: sorted.some((e) => e.row === 1) ? 0 : rowsRead - rowsWithErrors,
    ...counts,
    errors: sorted.slice(0, MAX_REPORTED_ERRORS),
    errorCount: sorted.length,
    importRunId: null,
  };
}

/** Plans the entities: one lookup of every identifier and every TERYT code of the file. */
async function entitiesPlan(tx: EntityManager, rows: EntityRow[], today: string): Promise<EntityPlan> {
  const existing = await loadEntitiesByIdentifiers(tx, rows.map((r) => r.ids));
  const known = await loadKnownUnits(tx, rows.flatMap((r) => (r.seatCode ? [r.seatCode] : [])));
  return planEntities(rows, existing, known, today);
}

/** Plans the reports: entities from the entities file first, the rest with one lookup; then one lookup of the stored reports. */
async function reportsPlan(tx: EntityManager, rows: ReportRow[], entityPlan: EntityPlan | null): Promise<ReportPlan> {
  const index = new Map(entityPlan?.index ?? []);
  const known = (r: ReportRow) => IDENTIFIER_KINDS.some((k) => r.ids[k] && index.has(identifierKey(k, r.ids[k]!)));
  for (const entity of await loadEntitiesByIdentifiers(tx, rows.filter((r) => !known(r)).map((r) => r.ids))) {
    for (const kind of IDENTIFIER_KINDS) {
      const value = entity[kind];
      if (value && !index.has(identifierKey(kind, value))) index.set(identifierKey(kind, value), { id: entity.id, name: entity.name });
    }
  }
  const keys = new Map<string, { entityId: string; year: number }>();
  for (const r of rows) {
    if (r.year === null) continue;
    for (const kind of IDENTIFIER_KINDS) {
      const hit = r.ids[kind] ? index.get(identifierKey(kind, r.ids[kind]!)) : undefined;
      if (hit) keys.set(reportKey(hit.id, r.year), { entityId: hit.id, year: r.year });
    }
  }
  return planReports(rows, index, await loadReports(tx, [...keys.values()]));
}

/**
 * Inside ONE transaction, under the import lock: plans the files against the registry and, when
 * no row of any file has an error (and this is no dry run), writes them set-based — the audit
 * records, new and changed entities, their history through RegistryHistoryService (one call), the
 * reports. Throws HistoryRefused (rolling everything back) if the history service refuses.
 */
export function planAndApply(em: EntityManager, read: ReadFiles, options: RegistryImportOptions & { today: string; now: Date; progress: (p: ImportProgress) => void; rowsTotal: number }): Promise<ApplyOutcome> {
  const { progress, rowsTotal, today } = options;
  return em.transactional(async (tx) => {
    await lockImports(tx);
    const runIds = new Map(read.order.map((f) => [f, randomUUID()]));
    let entityPlan: EntityPlan | null = null;
    let history: HistoryPlan | null = null;
    const entityErrors = [...(read.entities?.errors ?? [])];
    if (read.entities && !read.entities.headerBroken) {
      entityPlan = await entitiesPlan(tx, read.entities.rows, today);
      entityErrors.push(...entityPlan.errors);
      if (!entityErrors.length) {
        // History is checked as the registry's service will replay it; what it refuses is a row error too.
        const touched = entityPlan.updates.filter((u) => u.changes.length || u.entity.foundedOn !== u.before.foundedOn).map((u) => u.entity.id);
        const stamp = { source: 'import', importRunId: runIds.get(read.entities.file)! };
        history = planHistory(entityPlan.creates, entityPlan.updates, await loadRecordedEvents(tx, touched), today, stamp, new Date());
        entityErrors.push(...history.errors);
      }
    }
    let reportPlan: ReportPlan | null = null;
    const reportErrors = [...(read.reports?.errors ?? [])];
    if (read.reports && !read.reports.headerBroken) {
      reportPlan = await reportsPlan(tx, read.reports.rows, entityPlan);
      reportErrors.push(...reportPlan.errors);
    }
    progress({ phase: 'VALIDATE', rowsDone: rowsTotal, rowsTotal });

    const entityReport =
      read.entities &&
      reportOf(read.entities.file, read.entities.rowsRead, entityErrors, entityErrors.length || !entityPlan ? undefined : { created: entityPlan.creates.length, updated: entityPlan.updates.length, unchanged: entityPlan.unchanged });
    const reportReport =
      read.reports && reportOf(read.reports.file, read.reports.rowsRead, reportErrors, reportErrors.length || !reportPlan ? undefined : { created: reportPlan.created, updated: reportPlan.updated, unchanged: reportPlan.unchanged });
    const reports = read.order.map((f) => (f === read.entities?.file ? entityReport! : reportReport!));
    if (reports.some((r) => r.errorCount > 0) || options.dryRun) return { reports, written: false, changed: false };

    // WRITE: a few set-based statements per batch of rows.
    const writeTotal = (entityPlan ? entityPlan.creates.length + entityPlan.updates.length : 0) + (reportPlan?.upserts.length ?? 0);
    let written = 0;
    const step = (base: number) => (done: number) => progress({ phase: 'WRITE', rowsDone: base + done, rowsTotal: writeTotal });
    progress({ phase: 'WRITE', rowsDone: 0, rowsTotal: writeTotal });
    read.order.forEach((file, i) => (reports[i].importRunId = runIds.get(file)!));
    for (const [i, file] of read.order.entries()) {
      const report = reports[i];
      await insertImportRun(tx, {
        id: report.importRunId!,
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
        startedAt: options.now,
      });
    }
    if (entityPlan) {
      await insertEntities(tx, entityPlan.creates, step(written));
      written += entityPlan.creates.length;
      await updateEntities(tx, entityPlan.updates, step(written));
      written += entityPlan.updates.length;
      if (history?.events.length) {
        try {
          await new RegistryHistoryService(tx).recordEvents(history.events);
        } catch (error) {
          // A safety net: every event was checked against the timelines above.
          if (error instanceof DomainError) throw new HistoryRefused(error);
          throw error;
        }
      }
    }
    if (reportPlan) await upsertReports(tx, reportPlan.upserts, step(written));
    return { reports, written: true, changed: reports.some((r) => r.created + r.updated > 0) };
  });
}
