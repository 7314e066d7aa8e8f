import type { EntityManager } from '@mikro-orm/postgresql';
import type { LegalForm, SocialEconomyEntityStatus } from '../registry/legal-form';
import type { RecordedTimelineEvent, RegistryEventDetails } from '../registry/history/timeline';
import type { RegistryEventKind } from '../registry/history/registry-event-kind';
import { foldForSearch } from '../registry/search-name';
import type { Identifiers } from './cells';
import type { EntityCreate, EntitySnapshot, EntityUpdate, ExistingEntity } from './entity-rows';
import { REPORT_FIELDS, reportKey, type ReportUpsert, type ReportValues } from './report-rows';

/*
 * The importer's SQL. Every statement takes a whole batch as one JSON parameter
 * (jsonb_to_recordset), so the number of round trips grows with the number of batches, never
 * with the number of rows.
 */

/** Rows per statement: small enough for steady progress, large enough that round trips do not matter. */
export const BATCH_SIZE = 2000;

const json = (value: unknown) => JSON.stringify(value);
const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))];

/** Serialises imports: two at once could both create the same KRS, or both decide a row is new. */
export async function lockImports(tx: EntityManager): Promise<void> {
  await tx.execute(`select pg_advisory_xact_lock(hashtext('hub_registry_import'))`);
}

interface EntityRowSql {
  id: string;
  name: string;
  legal_form: LegalForm;
  krs: string | null;
  regon: string | null;
  nip: string | null;
  seat_teryt_code: string;
  founded_on: string | null;
  status: SocialEconomyEntityStatus;
  social_enterprise: boolean;
  pkd_code: string | null;
  synthetic: boolean;
}

/** The registry's entities that any of the given identifiers points to. */
export async function loadEntitiesByIdentifiers(tx: EntityManager, ids: readonly Identifiers[]): Promise<ExistingEntity[]> {
  const krs = distinct(ids.map((i) => i.krs));
  const regon = distinct(ids.map((i) => i.regon));
  const nip = distinct(ids.map((i) => i.nip));
  if (!krs.length && !regon.length && !nip.length) return [];
  const rows = await tx.execute<EntityRowSql[]>(
    `select e.id, e.name, e.legal_form, e.krs, e.regon, e.nip, e.seat_teryt_code, e.founded_on::text as founded_on,
            e.status, e.social_enterprise, e.pkd_code, e.synthetic
     from social_economy_entity e
     where e.id in (
       select id from social_economy_entity where krs in (select jsonb_array_elements_text(?::jsonb))
       union select id from social_economy_entity where regon in (select jsonb_array_elements_text(?::jsonb))
       union select id from social_economy_entity where nip in (select jsonb_array_elements_text(?::jsonb)))`,
    [json(krs), json(regon), json(nip)],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    legalForm: r.legal_form,
    krs: r.krs,
    regon: r.regon,
    nip: r.nip,
    seatCode: r.seat_teryt_code,
    foundedOn: r.founded_on,
    status: r.status,
    socialEnterprise: r.social_enterprise,
    pkdCode: r.pkd_code,
    synthetic: r.synthetic,
  }));
}

/** Which of the codes the territory holds (any level; "PL" is never a seat). */
export async function loadKnownUnits(tx: EntityManager, codes: readonly string[]): Promise<Set<string>> {
  const wanted = distinct([...codes]).filter((c) => c !== 'PL');
  if (!wanted.length) return new Set();
  const rows = await tx.execute<{ teryt_code: string }[]>(
    `select teryt_code from territorial_unit where teryt_code in (select jsonb_array_elements_text(?::jsonb))`,
    [json(wanted)],
  );
  return new Set(rows.map((r) => r.teryt_code));
}

/** The recorded events of the given entities, in the order recorded (what the registry's history replays). */
export async function loadRecordedEvents(tx: EntityManager, entityIds: readonly string[]): Promise<Map<string, RecordedTimelineEvent[]>> {
  const events = new Map<string, RecordedTimelineEvent[]>();
  if (!entityIds.length) return events;
  const rows = await tx.execute<{ entity_id: string; kind: RegistryEventKind; occurred_on: string; recorded_at: string | Date; details: RegistryEventDetails }[]>(
    `select entity_id, kind, occurred_on::text as occurred_on, recorded_at, details from registry_event
     where entity_id in (select value::uuid from jsonb_array_elements_text(?::jsonb)) order by recorded_at, id`,
    [json(entityIds)],
  );
  for (const r of rows) {
    const event: RecordedTimelineEvent = { kind: r.kind, occurredOn: r.occurred_on, details: r.details, recordedAt: new Date(r.recorded_at) };
    events.set(r.entity_id, [...(events.get(r.entity_id) ?? []), event]);
  }
  return events;
}

/** Stored annual reports for the given (entity, year) pairs, keyed by `reportKey`. */
export async function loadReports(tx: EntityManager, keys: readonly { entityId: string; year: number }[]): Promise<Map<string, { id: string; values: ReportValues }>> {
  const reports = new Map<string, { id: string; values: ReportValues }>();
  if (!keys.length) return reports;
  const rows = await tx.execute<Record<string, string | number | null>[]>(
    `select r.id, r.entity_id, r.year, ${REPORT_FIELDS.map((f) => (f === 'employees_fte' ? 'r.employees_fte::text as employees_fte' : `r.${f}`)).join(', ')}
     from annual_report r
     join jsonb_to_recordset(?::jsonb) as k(entity_id uuid, year int) on r.entity_id = k.entity_id and r.year = k.year`,
    [json(keys.map((k) => ({ entity_id: k.entityId, year: k.year })))],
  );
  for (const r of rows) {
    const values = Object.fromEntries(REPORT_FIELDS.map((f) => [f, r[f] === null ? null : typeof r[f] === 'number' ? r[f] : String(r[f])])) as ReportValues;
    reports.set(reportKey(String(r.entity_id), Number(r.year)), { id: String(r.id), values });
  }
  return reports;
}

async function inBatches<T>(items: readonly T[], write: (batch: T[]) => Promise<void>, progress: (done: number) => void): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH_SIZE) {
    await write(items.slice(i, i + BATCH_SIZE));
    progress(Math.min(items.length, i + BATCH_SIZE));
  }
}

const entityJson = (e: EntitySnapshot) => ({
  id: e.id,
  name: e.name,
  search_name: foldForSearch(e.name),
  legal_form: e.legalForm,
  krs: e.krs,
  regon: e.regon,
  nip: e.nip,
  seat_teryt_code: e.seatCode,
  founded_on: e.foundedOn,
  status: e.status,
  social_enterprise: e.socialEnterprise,
  pkd_code: e.pkdCode,
});

const ENTITY_RECORD = `r(id uuid, name text, search_name text, legal_form text, krs text, regon text, nip text, seat_teryt_code text, founded_on date, status text, social_enterprise boolean, pkd_code text)`;

export async function insertEntities(tx: EntityManager, creates: readonly EntityCreate[], progress: (done: number) => void): Promise<void> {
  await inBatches(
    creates,
    async (batch) => {
      await tx.execute(
        `insert into social_economy_entity (id, name, search_name, legal_form, krs, regon, nip, seat_teryt_code, founded_on, status, social_enterprise, pkd_code, synthetic, created_at, updated_at)
         select r.id, r.name, r.search_name, r.legal_form, r.krs, r.regon, r.nip, r.seat_teryt_code, r.founded_on, r.status, r.social_enterprise, r.pkd_code, false, now(), now()
         from jsonb_to_recordset(?::jsonb) as ${ENTITY_RECORD}`,
        [json(batch.map((c) => entityJson(c.entity)))],
      );
    },
    progress,
  );
}

export async function updateEntities(tx: EntityManager, updates: readonly EntityUpdate[], progress: (done: number) => void): Promise<void> {
  await inBatches(
    updates,
    async (batch) => {
      await tx.execute(
        `update social_economy_entity e set
           name = r.name, search_name = r.search_name, legal_form = r.legal_form, krs = r.krs, regon = r.regon, nip = r.nip,
           seat_teryt_code = r.seat_teryt_code, founded_on = r.founded_on, status = r.status, social_enterprise = r.social_enterprise,
           pkd_code = r.pkd_code, synthetic = false, updated_at = now()
         from jsonb_to_recordset(?::jsonb) as ${ENTITY_RECORD}
         where e.id = r.id`,
        [json(batch.map((u) => entityJson(u.entity)))],
      );
    },
    progress,
  );
}

const REPORT_RECORD = `r(id uuid, entity_id uuid, year smallint, ${REPORT_FIELDS.map((f) => `${f} ${f === 'employees_fte' ? 'numeric' : f === 'pkd_code' ? 'text' : ['revenue_market', 'revenue_public_grants', 'result', 'surplus_reinvested'].includes(f) ? 'bigint' : 'int'}`).join(', ')})`;

/** Inserts new reports and overwrites changed ones (only those: the plan has left unchanged ones out). */
export async function upsertReports(tx: EntityManager, upserts: readonly ReportUpsert[], progress: (done: number) => void): Promise<void> {
  await inBatches(
    upserts,
    async (batch) => {
      await tx.execute(
        `insert into annual_report (id, entity_id, year, ${REPORT_FIELDS.join(', ')}, synthetic, recorded_at, updated_at)
         select r.id, r.entity_id, r.year, ${REPORT_FIELDS.map((f) => `r.${f}`).join(', ')}, false, now(), now()
         from jsonb_to_recordset(?::jsonb) as ${REPORT_RECORD}
         on conflict (entity_id, year) do update set
           ${REPORT_FIELDS.map((f) => `${f} = excluded.${f}`).join(', ')}, synthetic = false, updated_at = now()`,
        [json(batch.map((u) => ({ id: u.id, entity_id: u.entityId, year: u.year, ...u.values })))],
      );
    },
    progress,
  );
}

export interface ImportRunRecord {
  id: string;
  kind: string;
  format: string;
  fileName: string;
  fileSha256: string;
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  channel: string;
  importedById: string | null;
  startedAt: Date;
}

export async function insertImportRun(tx: EntityManager, run: ImportRunRecord): Promise<void> {
  await tx.execute(
    `insert into import_run (id, kind, format, file_name, file_sha256, rows_read, created, updated, unchanged, channel, imported_by_id, started_at, finished_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())`,
    [run.id, run.kind, run.format, run.fileName, run.fileSha256, run.rowsRead, run.created, run.updated, run.unchanged, run.channel, run.importedById, run.startedAt],
  );
}
