import { randomUUID } from 'node:crypto';
import { IDENTIFIER_KINDS, IDENTIFIER_LABEL, RowReader, type IdentifierKind, type Identifiers } from './cells';
import { EXCLUDED_KEYS, mapHeader, REPORT_COLUMNS, REPORT_COUNT_COLUMNS, REPORT_MONEY_COLUMNS, requireIdentifierColumn, type ColumnMap, type ReportColumn } from './columns';
import { identifierKey } from './entity-rows';
import { ImportRowErrorCode, rowError, type ImportRowError } from './messages';
import type { ImportTable } from './table';
import { formatScaled, parseScaled } from './values';

/** The earliest reporting year accepted (the registry's statistics start after the 1989 transition). */
export const FIRST_REPORT_YEAR = 1990;

/** Every stored field of an annual report (annual_report columns), as the importer carries them. */
export const REPORT_FIELDS = [
  'employees_headcount',
  'employees_fte',
  ...REPORT_COUNT_COLUMNS.map((c) => c.key).filter((k) => k !== 'employees_headcount'),
  ...REPORT_MONEY_COLUMNS.map((c) => c.key),
  'pkd_code',
] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

/** Values of a report: counts as numbers, FTE as "12.50", money as grosze in a decimal string, null = not reported. */
export type ReportValues = Record<ReportField, number | string | null>;

/** One row of a reports file, read and checked on its own; `given` holds only the columns the file has. */
export interface ReportRow {
  row: number;
  ids: Identifiers;
  labels: Record<ReportColumn, string>;
  year: number | null;
  given: Partial<ReportValues> | null;
}

const SIGNED_MONEY = new Set<string>(['result']);

export function readReportRows(table: ImportTable, today: string): { map: ColumnMap<ReportColumn>; rows: ReportRow[]; errors: ImportRowError[] } {
  const map = mapHeader<ReportColumn>(table.header, REPORT_COLUMNS);
  requireIdentifierColumn(map);
  if (map.errors.length) return { map, rows: [], errors: map.errors };
  const maxYear = Number(today.slice(0, 4));
  const labels = Object.fromEntries(REPORT_COLUMNS.map((c) => [c.key, map.label[c.key] ?? c.names[0]])) as Record<ReportColumn, string>;
  const errors: ImportRowError[] = [];
  const rows = table.rows.map((tableRow): ReportRow => {
    const r = new RowReader(map, tableRow, today);
    const ids = r.identifiers();
    const yearText = r.required('year');
    let year: number | null = null;
    if (yearText !== null) {
      const n = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
      if (n >= FIRST_REPORT_YEAR && n <= maxYear) year = n;
      else r.fail('year', ImportRowErrorCode.INVALID_YEAR, { value: yearText, min: FIRST_REPORT_YEAR, max: maxYear });
    }
    const given: Partial<ReportValues> = {};
    for (const { key } of REPORT_COUNT_COLUMNS) if (r.has(key)) given[key] = r.count(key);
    if (r.has('employees_fte')) given.employees_fte = r.decimal('employees_fte');
    for (const { key } of REPORT_MONEY_COLUMNS) if (r.has(key)) given[key] = r.money(key, SIGNED_MONEY.has(key));
    if (r.has('pkd_code')) given.pkd_code = r.pkd('pkd_code');
    errors.push(...r.errors);
    return { row: tableRow.row, ids, labels, year, given: r.errors.length ? null : given };
  });
  return { map, rows, errors };
}

export interface ReportUpsert {
  row: number;
  id: string;
  entityId: string;
  year: number;
  values: ReportValues;
  created: boolean;
}

export interface ReportPlan {
  upserts: ReportUpsert[];
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportRowError[];
}

export const reportKey = (entityId: string, year: number) => `${entityId}:${year}`;

const hundredths = (fte: number | string) => parseScaled(String(fte), 2);

/**
 * Resolves each report to its entity (by KRS, else REGON, else NIP — over the registry and an
 * entities file imported with it), merges it over the stored report of that year (a column the
 * file lacks keeps its stored value; an empty cell means "not reported"), and checks the merged
 * report: FTE within the headcount, the excluded categories together within the headcount.
 */
export function planReports(
  rows: readonly ReportRow[],
  entities: ReadonlyMap<string, { id: string; name: string }>,
  existing: ReadonlyMap<string, { id: string; values: ReportValues }>,
): ReportPlan {
  const plan: ReportPlan = { upserts: [], created: 0, updated: 0, unchanged: 0, errors: [] };
  const firstRowOf = new Map<string, number>();
  for (const row of rows) {
    const errors: ImportRowError[] = [];
    const fail = (column: string | null, code: ImportRowErrorCode, params: Record<string, string | number> = {}) => errors.push(rowError(row.row, column, code, params));
    const given = IDENTIFIER_KINDS.filter((k) => row.ids[k]);
    const hits = given.map((kind) => ({ kind, entity: entities.get(identifierKey(kind, row.ids[kind]!)) }));
    const match = hits.find((h) => h.entity);
    const rival = hits.find((h) => h.entity && h.entity.id !== match?.entity?.id);
    if (!given.length) {
      // The row's identifier cells were empty or invalid; those errors are already reported.
    } else if (!match) {
      const kind: IdentifierKind = given[0];
      fail(row.labels[kind], ImportRowErrorCode.ENTITY_NOT_FOUND, { label: IDENTIFIER_LABEL[kind], value: row.ids[kind]! });
    } else if (rival) {
      fail(row.labels[rival.kind], ImportRowErrorCode.IDENTIFIERS_CONFLICT, {
        labelA: IDENTIFIER_LABEL[match.kind],
        valueA: row.ids[match.kind]!,
        nameA: match.entity!.name,
        labelB: IDENTIFIER_LABEL[rival.kind],
        valueB: row.ids[rival.kind]!,
        nameB: rival.entity!.name,
      });
    }
    const entityId = match && !rival ? match.entity!.id : null;
    if (entityId && row.year !== null) {
      const key = reportKey(entityId, row.year);
      const other = firstRowOf.get(key);
      if (other !== undefined) fail(row.labels.year, ImportRowErrorCode.DUPLICATE_REPORT, { year: row.year, other });
      else firstRowOf.set(key, row.row);
    }
    const stored = entityId && row.year !== null ? existing.get(reportKey(entityId, row.year)) : undefined;
    if (row.given) {
      const merged = Object.fromEntries(REPORT_FIELDS.map((f) => [f, f in row.given! ? row.given![f]! : (stored?.values[f] ?? null)])) as ReportValues;
      const headcount = merged.employees_headcount as number | null;
      const fte = merged.employees_fte;
      if (headcount !== null && fte !== null) {
        const h = hundredths(fte);
        if (h.ok && h.value > BigInt(headcount) * 100n) {
          fail('employees_fte' in row.given ? row.labels.employees_fte : row.labels.employees_headcount, ImportRowErrorCode.FTE_ABOVE_HEADCOUNT, { fte: String(fte), headcount });
        }
      }
      const excluded = EXCLUDED_KEYS.reduce((sum, k) => sum + ((merged[k] as number | null) ?? 0), 0);
      if (headcount !== null && excluded > headcount) {
        const column = EXCLUDED_KEYS.find((k) => k in row.given! && merged[k]) ?? 'employees_headcount';
        fail(row.labels[column], ImportRowErrorCode.EXCLUDED_ABOVE_HEADCOUNT, { excluded, headcount });
      }
      if (!errors.length && entityId && row.year !== null) {
        const created = !stored;
        const same = !!stored && REPORT_FIELDS.every((f) => normalised(f, stored.values[f]) === normalised(f, merged[f]));
        if (same) plan.unchanged += 1;
        else {
          plan.upserts.push({ row: row.row, id: stored?.id ?? randomUUID(), entityId, year: row.year, values: merged, created });
          if (created) plan.created += 1;
          else plan.updated += 1;
        }
      }
    }
    plan.errors.push(...errors);
  }
  return plan;
}

/** A comparable text of a value: FTE "12.5" and "12.50" are the same, money and counts by their digits. */
function normalised(field: ReportField, value: number | string | null): string | null {
  if (value === null || value === undefined) return null;
  if (field === 'employees_fte') {
    const h = hundredths(value);
    return h.ok ? formatScaled(h.value, 2) : String(value);
  }
  return String(value);
}
