import { fold } from './values';
import { ImportRowErrorCode, rowError, type ImportRowError } from './messages';

/** A column an import file may have: the names accepted for it (Polish first, then English), and whether it must be there. */
export interface ColumnSpec<K extends string = string> {
  key: K;
  names: readonly string[];
  required?: boolean;
}

const IDENTIFIER_COLUMNS = [
  { key: 'krs', names: ['krs', 'numer_krs', 'nr_krs'] },
  { key: 'regon', names: ['regon', 'numer_regon', 'nr_regon'] },
  { key: 'nip', names: ['nip', 'numer_nip', 'nr_nip'] },
] as const satisfies readonly ColumnSpec[];

/** Columns of an entities file (see README.md). At least one of krs, regon, nip must be filled in each row. */
export const ENTITY_COLUMNS = [
  { key: 'name', names: ['nazwa', 'name', 'nazwa_podmiotu'], required: true },
  { key: 'legal_form', names: ['forma_prawna', 'legal_form', 'forma'], required: true },
  ...IDENTIFIER_COLUMNS,
  { key: 'teryt', names: ['teryt', 'kod_teryt', 'siedziba_teryt', 'teryt_code', 'seat_teryt_code'], required: true },
  { key: 'founded_on', names: ['data_zalozenia', 'founded_on', 'data_rejestracji'] },
  { key: 'status', names: ['status', 'status_podmiotu'] },
  { key: 'social_enterprise', names: ['status_ps', 'social_enterprise', 'przedsiebiorstwo_spoleczne', 'ps'] },
  { key: 'pkd', names: ['pkd', 'kod_pkd', 'pkd_2007', 'pkd_code'] },
  { key: 'changed_on', names: ['data_zmiany', 'changed_on'] },
] as const satisfies readonly ColumnSpec[];

export type EntityColumn = (typeof ENTITY_COLUMNS)[number]['key'];

/** Counts of an annual report (whole, non-negative), by annual_report column. */
export const REPORT_COUNT_COLUMNS = [
  { key: 'employees_headcount', names: ['zatrudnieni', 'liczba_zatrudnionych', 'employees_headcount', 'headcount'] },
  { key: 'excluded_long_term_unemployed', names: ['wykluczeni_dlugotrwale_bezrobotni', 'dlugotrwale_bezrobotni', 'excluded_long_term_unemployed'] },
  { key: 'excluded_disabled', names: ['wykluczeni_niepelnosprawni', 'niepelnosprawni', 'osoby_niepelnosprawne', 'excluded_disabled'] },
  { key: 'excluded_homeless', names: ['wykluczeni_bezdomni', 'bezdomni', 'osoby_bezdomne', 'excluded_homeless'] },
  { key: 'excluded_after_addiction', names: ['wykluczeni_po_uzaleznieniu', 'po_uzaleznieniu', 'uzaleznieni', 'excluded_after_addiction'] },
  { key: 'excluded_after_prison', names: ['wykluczeni_po_wiezieniu', 'po_wiezieniu', 'po_zakladzie_karnym', 'excluded_after_prison'] },
  { key: 'excluded_refugees', names: ['wykluczeni_uchodzcy', 'uchodzcy', 'excluded_refugees'] },
  { key: 'excluded_other', names: ['wykluczeni_inni', 'inni_wykluczeni', 'excluded_other'] },
  { key: 'members', names: ['czlonkowie', 'liczba_czlonkow', 'members'] },
  { key: 'volunteers', names: ['wolontariusze', 'liczba_wolontariuszy', 'volunteers'] },
] as const satisfies readonly ColumnSpec[];

/** Amounts of an annual report, in złoty in the file and grosze in the database. */
export const REPORT_MONEY_COLUMNS = [
  { key: 'revenue_market', names: ['przychody_rynkowe', 'przychod_rynkowy', 'revenue_market'] },
  { key: 'revenue_public_grants', names: ['dotacje_publiczne', 'przychody_z_dotacji', 'dotacje', 'revenue_public_grants'] },
  { key: 'result', names: ['wynik_finansowy', 'wynik', 'result'] },
  { key: 'surplus_reinvested', names: ['nadwyzka_reinwestowana', 'zysk_reinwestowany', 'surplus_reinvested'] },
] as const satisfies readonly ColumnSpec[];

/** The categories of persons at risk of social exclusion, summed against the headcount. */
export const EXCLUDED_KEYS = REPORT_COUNT_COLUMNS.map((c) => c.key).filter((k) => k.startsWith('excluded_'));

export const REPORT_COLUMNS = [
  ...IDENTIFIER_COLUMNS,
  { key: 'year', names: ['rok', 'year', 'rok_sprawozdawczy'], required: true },
  { key: 'employees_fte', names: ['etaty', 'liczba_etatow', 'zatrudnieni_etaty', 'employees_fte', 'fte'] },
  ...REPORT_COUNT_COLUMNS,
  ...REPORT_MONEY_COLUMNS,
  { key: 'pkd_code', names: ['pkd', 'kod_pkd', 'pkd_2007', 'pkd_code'] },
] as const satisfies readonly ColumnSpec[];

export type ReportColumn = (typeof REPORT_COLUMNS)[number]['key'];

/**
 * A header cell as a column name: folded like `fold` (case, Polish letters), words joined by
 * underscores, a unit in brackets dropped — "Przychody rynkowe (zł)" → "przychody_rynkowe".
 */
export function headerKey(cell: string): string {
  return fold(cell.replace(/\s*[([][^)\]]*[)\]]\s*$/, ''))
    .replace(/\./g, '')
    .replace(/ /g, '_');
}

/** Where each known column sits in a file, as the file names it. */
export interface ColumnMap<K extends string> {
  index: Partial<Record<K, number>>;
  /** The header text of each column present, for error reports. */
  label: Partial<Record<K, string>>;
  errors: ImportRowError[];
}

/**
 * Matches a file's header to the column specs. Refuses (as row-1 errors) a missing required
 * column, an unknown column and a column named twice; ignores empty header cells and columns
 * whose name starts with "#" (comments).
 */
export function mapHeader<K extends string>(header: readonly string[], specs: readonly ColumnSpec<K>[]): ColumnMap<K> {
  const byName = new Map<string, ColumnSpec<K>>();
  for (const spec of specs) for (const name of spec.names) byName.set(name, spec);
  const map: ColumnMap<K> = { index: {}, label: {}, errors: [] };
  header.forEach((cell, i) => {
    const text = cell.trim();
    if (text === '' || text.startsWith('#')) return;
    const spec = byName.get(headerKey(text));
    if (!spec) {
      map.errors.push(rowError(1, text, ImportRowErrorCode.UNKNOWN_COLUMN, { column: text }));
      return;
    }
    if (map.index[spec.key] !== undefined) {
      map.errors.push(rowError(1, text, ImportRowErrorCode.DUPLICATE_COLUMN, { column: text, other: map.label[spec.key]! }));
      return;
    }
    map.index[spec.key] = i;
    map.label[spec.key] = text;
  });
  for (const spec of specs) {
    if (spec.required && map.index[spec.key] === undefined) {
      map.errors.push(rowError(1, spec.names[0], ImportRowErrorCode.MISSING_COLUMN, { column: spec.names[0], aliases: spec.names.slice(1).join(', ') }));
    }
  }
  return map;
}

/** Identifier columns: at least one of them must be in the header (and filled in each row). */
export function requireIdentifierColumn<K extends string>(map: ColumnMap<K>): void {
  if (!IDENTIFIER_COLUMNS.some((c) => map.index[c.key as K] !== undefined)) {
    map.errors.push(rowError(1, 'krs', ImportRowErrorCode.MISSING_COLUMN, { column: 'krs / regon / nip', aliases: 'numer_krs, numer_regon, numer_nip' }));
  }
}
