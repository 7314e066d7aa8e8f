import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { StaffUser } from '../../access';
import { ImportFormat } from './table';

/** What a file holds: registry entities, or their annual reports. */
export enum ImportKind {
  ENTITIES = 'ENTITIES',
  ANNUAL_REPORTS = 'ANNUAL_REPORTS',
}
registerEnumType(ImportKind, {
  name: 'RegistryImportKind',
  description: 'What an import file holds.',
  valuesConfig: {
    ENTITIES: {
      description:
        'Social economy entities, one row per entity. Columns (Polish or English header): nazwa/name and forma_prawna/legal_form (e.g. "spółdzielnia socjalna", "fundacja", "CIS"), required; krs, regon, nip — at least one, matched in that order; teryt (seat: gmina 7 digits, or powiat/voivodeship), required; optional data_zalozenia/founded_on, status ("aktywny", "zawieszony", "w likwidacji", "wykreślony"), status_ps/social_enterprise (tak/nie), pkd ("88.10.Z"), data_zmiany/changed_on (the date the row’s changes took effect). An empty optional cell keeps the stored value.',
    },
    ANNUAL_REPORTS: {
      description:
        'Annual reports, one row per entity and year. Columns: krs, regon or nip (the entity); rok/year, required; zatrudnieni/employees_headcount, etaty/employees_fte, the groups at risk of exclusion (wykluczeni_niepelnosprawni/excluded_disabled, …_dlugotrwale_bezrobotni, …_bezdomni, …_po_uzaleznieniu, …_po_wiezieniu, …_uchodzcy, …_inni), czlonkowie/members, wolontariusze/volunteers, and in złoty (comma or dot decimals, e.g. "1 234,56"): przychody_rynkowe/revenue_market, dotacje_publiczne/revenue_public_grants, wynik_finansowy/result (may be negative), nadwyzka_reinwestowana/surplus_reinvested; pkd. An empty cell means "not reported"; a column absent from the file keeps the stored value.',
    },
  },
});
registerEnumType(ImportFormat, {
  name: 'RegistryImportFormat',
  description: 'The format of an import file.',
  valuesConfig: {
    CSV: { description: 'Comma- or semicolon-separated text (RFC 4180), UTF-8 with or without a BOM.' },
    XLSX: { description: 'An Excel 2007+ workbook; its first visible worksheet is read.' },
  },
});

/** How an import reached the hub. */
export enum ImportChannel {
  CLI = 'CLI',
  GRAPHQL = 'GRAPHQL',
}

/**
 * The audit of an import that changed the registry: what file (by name and SHA-256), of what
 * kind, by whom (null from the command line) and with what effect. Refused and dry-run imports
 * write nothing, this row included; registry events the import recorded name it in their details.
 */
@Entity({ tableName: 'import_run' })
@Index({ name: 'import_run_finished_at_index', properties: ['finishedAt'] })
@Check({ name: 'import_run_counts_non_negative', expression: 'rows_read >= 0 and created >= 0 and updated >= 0 and unchanged >= 0' })
export class ImportRun {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Enum({ items: () => ImportKind })
  kind!: ImportKind;

  @Enum({ items: () => ImportFormat })
  format!: ImportFormat;

  @Property({ type: 'text' })
  fileName!: string;

  /** Hex SHA-256 of the file's bytes: which exact file was imported. */
  @Property({ type: 'string', length: 64 })
  fileSha256!: string;

  @Property({ type: 'integer' })
  rowsRead!: number;

  @Property({ type: 'integer' })
  created!: number;

  @Property({ type: 'integer' })
  updated!: number;

  @Property({ type: 'integer' })
  unchanged!: number;

  @Enum({ items: () => ImportChannel })
  channel!: ImportChannel;

  /** The staff member who sent the file through GraphQL; null for the command line. Accounts are disabled, never deleted, so the audit keeps them. */
  @ManyToOne(() => StaffUser, { nullable: true, deleteRule: 'restrict' })
  importedBy: StaffUser | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  startedAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  finishedAt: Date = new Date();
}
