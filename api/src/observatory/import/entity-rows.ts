import { randomUUID } from 'node:crypto';
import { LegalForm, SocialEconomyEntityStatus } from '../registry/legal-form';
import { IDENTIFIER_KINDS, IDENTIFIER_LABEL, RowReader, type IdentifierKind, type Identifiers } from './cells';
import { ENTITY_COLUMNS, mapHeader, requireIdentifierColumn, type ColumnMap, type EntityColumn } from './columns';
import { ImportRowErrorCode, rowError, type ImportRowError } from './messages';
import type { ImportTable } from './table';
import { LEGAL_FORM_EXAMPLES, parseBoolean, parseLegalForm, parseStatus, parseTerytCode, STATUS_EXAMPLES } from './values';

export const MAX_NAME_LENGTH = 500;

/** One row of an entities file, read and checked on its own. Optional attributes are null when the cell is empty ("keep"). */
export interface EntityRow {
  row: number;
  ids: Identifiers;
  /** The columns as the file names them, for errors found later (TERYT lookup, matching). */
  labels: Record<'teryt' | 'social_enterprise' | IdentifierKind, string>;
  /** The seat's TERYT code when it reads as one (checked against the territory even if other cells are wrong). */
  seatCode: string | null;
  /** Null when a cell of the row is invalid (its errors are reported); identifiers are kept for duplicate checks. */
  values: EntityValues | null;
}

export interface EntityValues {
  name: string;
  legalForm: LegalForm;
  seatCode: string;
  foundedOn: string | null;
  status: SocialEconomyEntityStatus | null;
  socialEnterprise: boolean | null;
  pkdCode: string | null;
  changedOn: string | null;
}

/** Reads the rows of an entities file; `today` (YYYY-MM-DD, Polish time) bounds dates. */
export function readEntityRows(table: ImportTable, today: string): { map: ColumnMap<EntityColumn>; rows: EntityRow[]; errors: ImportRowError[] } {
  const map = mapHeader<EntityColumn>(table.header, ENTITY_COLUMNS);
  requireIdentifierColumn(map);
  if (map.errors.length) return { map, rows: [], errors: map.errors };
  const errors: ImportRowError[] = [];
  const rows = table.rows.map((tableRow): EntityRow => {
    const r = new RowReader(map, tableRow, today);
    const name = r.required('name')?.replace(/\s+/g, ' ') ?? null;
    if (name && name.length > MAX_NAME_LENGTH) r.fail('name', ImportRowErrorCode.TEXT_TOO_LONG, { length: name.length, max: MAX_NAME_LENGTH });
    const formText = r.required('legal_form');
    const legalForm = formText === null ? null : r.parse('legal_form', parseLegalForm, ImportRowErrorCode.UNKNOWN_LEGAL_FORM, (value) => ({ value, allowed: LEGAL_FORM_EXAMPLES }));
    const ids = r.identifiers();
    const seatText = r.required('teryt');
    const seatCode = seatText === null ? null : r.parse('teryt', parseTerytCode, ImportRowErrorCode.INVALID_TERYT);
    const foundedOn = r.date('founded_on');
    const status = r.parse('status', parseStatus, ImportRowErrorCode.UNKNOWN_STATUS, (value) => ({ value, allowed: STATUS_EXAMPLES }));
    const socialEnterprise = r.parse('social_enterprise', parseBoolean, ImportRowErrorCode.INVALID_BOOLEAN);
    const pkdCode = r.pkd('pkd');
    const changedOn = r.date('changed_on');
    errors.push(...r.errors);
    const labels = { teryt: r.label('teryt'), social_enterprise: r.label('social_enterprise'), krs: r.label('krs'), regon: r.label('regon'), nip: r.label('nip') };
    const values =
      r.errors.length || name === null || legalForm === null || seatCode === null
        ? null
        : { name, legalForm, seatCode, foundedOn, status, socialEnterprise, pkdCode, changedOn };
    return { row: tableRow.row, ids, labels, seatCode, values };
  });
  return { map, rows, errors };
}

/** An entity of the registry as the importer compares it (the current snapshot). */
export interface ExistingEntity {
  id: string;
  name: string;
  legalForm: LegalForm;
  krs: string | null;
  regon: string | null;
  nip: string | null;
  seatCode: string;
  foundedOn: string | null;
  status: SocialEconomyEntityStatus;
  socialEnterprise: boolean;
  pkdCode: string | null;
  synthetic: boolean;
}

/** The registry's kinds of history events the importer records. */
export type ChangeKind =
  | 'FOUNDED'
  | 'LEGAL_FORM_CHANGED'
  | 'SEAT_CHANGED'
  | 'STATUS_CHANGED'
  | 'SOCIAL_ENTERPRISE_GRANTED'
  | 'SOCIAL_ENTERPRISE_WITHDRAWN'
  | 'LIQUIDATION_STARTED'
  | 'DISSOLVED';

export interface Change {
  kind: ChangeKind;
  details: Record<string, string | boolean | null>;
}

/** The snapshot an entity will have after the import. */
export type EntitySnapshot = Omit<ExistingEntity, 'synthetic'>;

export interface EntityCreate {
  row: number;
  entity: EntitySnapshot;
  /** Founding date if known, else the change date or the import date: the FOUNDED event and first state start then. */
  occurredOn: string;
  /** `data_zmiany`, dating a non-active status or a social enterprise grant given for a new entity. */
  changedOn: string | null;
}

export interface EntityUpdate {
  row: number;
  before: ExistingEntity;
  entity: EntitySnapshot;
  /** Events for changes of seat, legal form, status or social enterprise status (none for a name or identifier fill-in). */
  changes: Change[];
  /** The changes take effect on `data_zmiany` if given, else on the import date. */
  effectiveOn: string;
}

export interface EntityPlan {
  creates: EntityCreate[];
  updates: EntityUpdate[];
  unchanged: number;
  errors: ImportRowError[];
  /** Identifier (e.g. "krs:0000566214") → entity id and name, over the registry and this file, for a reports file imported with it. */
  index: Map<string, { id: string; name: string }>;
}

export const identifierKey = (kind: IdentifierKind, value: string) => `${kind}:${value}`;

/** The event kinds that a change of status records. */
function statusChange(from: SocialEconomyEntityStatus, to: SocialEconomyEntityStatus): Change {
  const kind: ChangeKind = to === SocialEconomyEntityStatus.IN_LIQUIDATION ? 'LIQUIDATION_STARTED' : to === SocialEconomyEntityStatus.DISSOLVED ? 'DISSOLVED' : 'STATUS_CHANGED';
  return { kind, details: { from, to } };
}

/** What changes between an entity as stored and as the file gives it, as history events. */
export function changesBetween(before: EntitySnapshot, after: EntitySnapshot): Change[] {
  const changes: Change[] = [];
  if (before.legalForm !== after.legalForm) changes.push({ kind: 'LEGAL_FORM_CHANGED', details: { from: before.legalForm, to: after.legalForm } });
  if (before.seatCode !== after.seatCode) changes.push({ kind: 'SEAT_CHANGED', details: { from: before.seatCode, to: after.seatCode } });
  if (before.status !== after.status) changes.push(statusChange(before.status, after.status));
  // Liquidation and dissolution end the status themselves (their events say so); no separate withdrawal.
  const endsStatus = after.status === SocialEconomyEntityStatus.IN_LIQUIDATION || after.status === SocialEconomyEntityStatus.DISSOLVED;
  if (before.socialEnterprise !== after.socialEnterprise && !(endsStatus && !after.socialEnterprise && before.status !== after.status)) changes.push({ kind: after.socialEnterprise ? 'SOCIAL_ENTERPRISE_GRANTED' : 'SOCIAL_ENTERPRISE_WITHDRAWN', details: {} });
  return changes;
}

const endsSocialEnterprise = (status: SocialEconomyEntityStatus | null) => status === SocialEconomyEntityStatus.IN_LIQUIDATION || status === SocialEconomyEntityStatus.DISSOLVED;

/** The Act of 5 Aug 2022 (art. 7) withdraws social enterprise status from an entity being wound up. */
function socialEnterpriseAllowed(entity: EntitySnapshot, row: EntityRow, errors: ImportRowError[]): boolean {
  if (!entity.socialEnterprise || entity.status === SocialEconomyEntityStatus.ACTIVE || entity.status === SocialEconomyEntityStatus.SUSPENDED) return true;
  errors.push(rowError(row.row, row.labels.social_enterprise, ImportRowErrorCode.STATUS_CONFLICT, { status: entity.status }));
  return false;
}

const SNAPSHOT_KEYS: (keyof EntitySnapshot)[] = ['name', 'legalForm', 'krs', 'regon', 'nip', 'seatCode', 'foundedOn', 'status', 'socialEnterprise', 'pkdCode'];

/**
 * Decides, for rows that read cleanly, which create an entity, which update one and which change
 * nothing — matching each row by KRS, else REGON, else NIP — and finds the problems only the
 * registry and the whole file reveal: a TERYT code the territory lacks, an identifier twice in
 * the file, identifiers pointing to two different entities, or a stored identifier that differs.
 */
export function planEntities(rows: readonly EntityRow[], existing: readonly ExistingEntity[], knownUnits: ReadonlySet<string>, importDate: string): EntityPlan {
  const plan: EntityPlan = { creates: [], updates: [], unchanged: 0, errors: [], index: new Map() };
  const stored = new Map<string, ExistingEntity>();
  for (const entity of existing) {
    for (const kind of IDENTIFIER_KINDS) {
      const value = entity[kind];
      if (value) {
        stored.set(identifierKey(kind, value), entity);
        plan.index.set(identifierKey(kind, value), { id: entity.id, name: entity.name });
      }
    }
  }
  const firstRowOf = new Map<string, number>();
  const rowOfEntity = new Map<string, number>();
  for (const row of rows) {
    const errors: ImportRowError[] = [];
    const fail = (column: string | null, code: ImportRowErrorCode, params: Record<string, string | number>) => errors.push(rowError(row.row, column, code, params));

    for (const kind of IDENTIFIER_KINDS) {
      const value = row.ids[kind];
      if (!value) continue;
      const key = identifierKey(kind, value);
      const other = firstRowOf.get(key);
      if (other !== undefined) fail(row.labels[kind], ImportRowErrorCode.DUPLICATE_IDENTIFIER, { label: IDENTIFIER_LABEL[kind], value, other });
      else firstRowOf.set(key, row.row);
    }
    if (row.seatCode && !knownUnits.has(row.seatCode)) fail(row.labels.teryt, ImportRowErrorCode.UNKNOWN_TERYT, { value: row.seatCode });

    // Match: KRS first, then REGON, then NIP; every identifier given must agree.
    const found = IDENTIFIER_KINDS.filter((k) => row.ids[k]).map((kind) => ({ kind, entity: stored.get(identifierKey(kind, row.ids[kind]!)) }));
    const hits = found.filter((f): f is { kind: IdentifierKind; entity: ExistingEntity } => !!f.entity);
    const match = hits[0];
    const rival = hits.find((h) => h.entity.id !== match?.entity.id);
    if (match && rival) {
      fail(row.labels[rival.kind], ImportRowErrorCode.IDENTIFIERS_CONFLICT, {
        labelA: IDENTIFIER_LABEL[match.kind],
        valueA: row.ids[match.kind]!,
        nameA: match.entity.name,
        labelB: IDENTIFIER_LABEL[rival.kind],
        valueB: row.ids[rival.kind]!,
        nameB: rival.entity.name,
      });
    } else if (match) {
      for (const kind of IDENTIFIER_KINDS) {
        const given = row.ids[kind];
        const had = match.entity[kind];
        if (given && had && given !== had) {
          fail(row.labels[kind], ImportRowErrorCode.IDENTIFIER_MISMATCH, { name: match.entity.name, byLabel: IDENTIFIER_LABEL[match.kind], label: IDENTIFIER_LABEL[kind], stored: had, value: given });
        }
      }
      const earlier = rowOfEntity.get(match.entity.id);
      if (earlier !== undefined && !errors.some((e) => e.code === ImportRowErrorCode.DUPLICATE_IDENTIFIER)) {
        fail(row.labels[match.kind], ImportRowErrorCode.DUPLICATE_IDENTIFIER, { label: IDENTIFIER_LABEL[match.kind], value: row.ids[match.kind]!, other: earlier });
      }
      rowOfEntity.set(match.entity.id, row.row);
    }

    plan.errors.push(...errors);
    if (errors.length || !row.values) continue;
    const v = row.values;
    if (!match) {
      const entity: EntitySnapshot = {
        id: randomUUID(),
        name: v.name,
        legalForm: v.legalForm,
        ...row.ids,
        seatCode: v.seatCode,
        foundedOn: v.foundedOn,
        status: v.status ?? SocialEconomyEntityStatus.ACTIVE,
        socialEnterprise: v.socialEnterprise ?? false,
        pkdCode: v.pkdCode,
      };
      if (!socialEnterpriseAllowed(entity, row, plan.errors)) continue;
      plan.creates.push({ row: row.row, entity, occurredOn: v.foundedOn ?? v.changedOn ?? importDate, changedOn: v.changedOn });
      for (const kind of IDENTIFIER_KINDS) if (entity[kind]) plan.index.set(identifierKey(kind, entity[kind]!), { id: entity.id, name: entity.name });
      continue;
    }
    const before = match.entity;
    const entity: EntitySnapshot = {
      id: before.id,
      name: v.name,
      legalForm: v.legalForm,
      krs: row.ids.krs ?? before.krs,
      regon: row.ids.regon ?? before.regon,
      nip: row.ids.nip ?? before.nip,
      seatCode: v.seatCode,
      foundedOn: v.foundedOn ?? before.foundedOn,
      status: v.status ?? before.status,
      socialEnterprise: v.socialEnterprise ?? (endsSocialEnterprise(v.status) ? false : before.socialEnterprise),
      pkdCode: v.pkdCode ?? before.pkdCode,
    };
    if (!socialEnterpriseAllowed(entity, row, plan.errors)) continue;
    const same = SNAPSHOT_KEYS.every((k) => entity[k] === before[k]) && !before.synthetic;
    if (same) {
      plan.unchanged += 1;
      continue;
    }
    for (const kind of IDENTIFIER_KINDS) if (entity[kind]) plan.index.set(identifierKey(kind, entity[kind]!), { id: entity.id, name: entity.name });
    plan.updates.push({ row: row.row, before, entity, changes: changesBetween(before, entity), effectiveOn: v.changedOn ?? importDate });
  }
  return plan;
}
