import { registerEnumType } from 'type-graphql';
import type { Bilingual } from '../../shared/i18n';

/** What is wrong with one cell, row or column of an import file. */
export enum ImportRowErrorCode {
  MISSING_COLUMN = 'MISSING_COLUMN',
  UNKNOWN_COLUMN = 'UNKNOWN_COLUMN',
  DUPLICATE_COLUMN = 'DUPLICATE_COLUMN',
  REQUIRED = 'REQUIRED',
  IDENTIFIER_REQUIRED = 'IDENTIFIER_REQUIRED',
  INVALID_KRS = 'INVALID_KRS',
  INVALID_REGON = 'INVALID_REGON',
  INVALID_NIP = 'INVALID_NIP',
  UNKNOWN_LEGAL_FORM = 'UNKNOWN_LEGAL_FORM',
  UNKNOWN_STATUS = 'UNKNOWN_STATUS',
  INVALID_BOOLEAN = 'INVALID_BOOLEAN',
  INVALID_TERYT = 'INVALID_TERYT',
  UNKNOWN_TERYT = 'UNKNOWN_TERYT',
  INVALID_DATE = 'INVALID_DATE',
  FUTURE_DATE = 'FUTURE_DATE',
  INVALID_YEAR = 'INVALID_YEAR',
  INVALID_NUMBER = 'INVALID_NUMBER',
  NEGATIVE_VALUE = 'NEGATIVE_VALUE',
  INVALID_MONEY = 'INVALID_MONEY',
  INVALID_PKD = 'INVALID_PKD',
  TEXT_TOO_LONG = 'TEXT_TOO_LONG',
  FTE_ABOVE_HEADCOUNT = 'FTE_ABOVE_HEADCOUNT',
  EXCLUDED_ABOVE_HEADCOUNT = 'EXCLUDED_ABOVE_HEADCOUNT',
  DUPLICATE_IDENTIFIER = 'DUPLICATE_IDENTIFIER',
  DUPLICATE_REPORT = 'DUPLICATE_REPORT',
  IDENTIFIERS_CONFLICT = 'IDENTIFIERS_CONFLICT',
  IDENTIFIER_MISMATCH = 'IDENTIFIER_MISMATCH',
  ENTITY_NOT_FOUND = 'ENTITY_NOT_FOUND',
  STATUS_CONFLICT = 'STATUS_CONFLICT',
  HISTORY_CONFLICT = 'HISTORY_CONFLICT',
}
registerEnumType(ImportRowErrorCode, {
  name: 'RegistryImportRowErrorCode',
  description: 'What is wrong with a cell, a row or a column of an import file.',
  valuesConfig: {
    MISSING_COLUMN: { description: 'A required column is not in the header.' },
    UNKNOWN_COLUMN: { description: 'The header names a column the importer does not know (a typo would silently drop data; start a column name with # to have it ignored).' },
    DUPLICATE_COLUMN: { description: 'Two header cells name the same column (e.g. both "nazwa" and "name").' },
    REQUIRED: { description: 'A required cell is empty.' },
    IDENTIFIER_REQUIRED: { description: 'The row gives none of KRS, REGON and NIP.' },
    INVALID_KRS: { description: 'Not a KRS number (10 digits, leading zeros included).' },
    INVALID_REGON: { description: 'Not a valid REGON (9 or 14 digits with a matching check digit).' },
    INVALID_NIP: { description: 'Not a valid NIP (10 digits with a matching check digit).' },
    UNKNOWN_LEGAL_FORM: { description: 'The legal form is not one the registry knows.' },
    UNKNOWN_STATUS: { description: 'The status is not one the registry knows.' },
    INVALID_BOOLEAN: { description: 'Expected yes or no (tak/nie, true/false, 1/0).' },
    INVALID_TERYT: { description: 'Not a TERYT code (2, 4 or 7 digits).' },
    UNKNOWN_TERYT: { description: 'A well-formed TERYT code that the hub’s territory does not hold.' },
    INVALID_DATE: { description: 'Not a calendar date (YYYY-MM-DD or DD.MM.YYYY).' },
    FUTURE_DATE: { description: 'A date after the day of the import.' },
    INVALID_YEAR: { description: 'Not a year the registry takes reports for.' },
    INVALID_NUMBER: { description: 'Not a number of the expected kind (a whole number, or a decimal with at most two places).' },
    NEGATIVE_VALUE: { description: 'A count or amount that cannot be negative is negative.' },
    INVALID_MONEY: { description: 'Not an amount in złoty (at most two decimal places).' },
    INVALID_PKD: { description: 'Not a PKD 2007 class (e.g. 88.10.Z).' },
    TEXT_TOO_LONG: { description: 'The text is longer than the registry stores.' },
    FTE_ABOVE_HEADCOUNT: { description: 'More full-time equivalents than employees.' },
    EXCLUDED_ABOVE_HEADCOUNT: { description: 'More employees at risk of social exclusion (summed over the categories) than employees.' },
    DUPLICATE_IDENTIFIER: { description: 'Another row of the file has the same KRS, REGON or NIP (or names the same entity).' },
    DUPLICATE_REPORT: { description: 'Another row of the file reports the same entity and year.' },
    IDENTIFIERS_CONFLICT: { description: 'The row’s identifiers point to two different entities of the registry.' },
    IDENTIFIER_MISMATCH: { description: 'The entity found by one identifier has a different value of another one.' },
    ENTITY_NOT_FOUND: { description: 'A report for an entity that is neither in the registry nor in the entities file imported with it.' },
    STATUS_CONFLICT: { description: 'Social enterprise status given to an entity in liquidation or dissolved (the Act of 5 August 2022 withdraws it then).' },
    HISTORY_CONFLICT: { description: 'The change cannot apply to the entity’s recorded history: dated before its founding, after its dissolution, or contradicted by a later recorded change.' },
  },
});

type Params = Record<string, string | number>;

const fill = (template: string, params: Params) => template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));

const MESSAGES: Record<ImportRowErrorCode, Bilingual> = {
  MISSING_COLUMN: { pl: 'Brak wymaganej kolumny „{column}” (można ją też nazwać: {aliases}).', en: 'The required column "{column}" is missing (other accepted names: {aliases}).' },
  UNKNOWN_COLUMN: {
    pl: 'Nieznana kolumna „{column}”. Popraw nazwę albo poprzedź ją znakiem #, by została pominięta.',
    en: 'Unknown column "{column}". Correct its name, or start it with # to have it ignored.',
  },
  DUPLICATE_COLUMN: { pl: 'Kolumna „{column}” powtarza kolumnę „{other}”.', en: 'The column "{column}" repeats the column "{other}".' },
  REQUIRED: { pl: 'Brak wartości: to pole jest wymagane.', en: 'Missing value: this field is required.' },
  IDENTIFIER_REQUIRED: { pl: 'Podaj co najmniej jeden identyfikator: KRS, REGON lub NIP.', en: 'Give at least one identifier: KRS, REGON or NIP.' },
  INVALID_KRS: { pl: '„{value}” nie jest numerem KRS: {detail}.', en: '"{value}" is not a KRS number: {detailEn}.' },
  INVALID_REGON: { pl: '„{value}” nie jest poprawnym numerem REGON: {detail}.', en: '"{value}" is not a valid REGON: {detailEn}.' },
  INVALID_NIP: { pl: '„{value}” nie jest poprawnym numerem NIP: {detail}.', en: '"{value}" is not a valid NIP: {detailEn}.' },
  UNKNOWN_LEGAL_FORM: { pl: 'Nieznana forma prawna „{value}”. Dozwolone m.in.: {allowed}.', en: 'Unknown legal form "{value}". Accepted values include: {allowed}.' },
  UNKNOWN_STATUS: { pl: 'Nieznany status „{value}”. Dozwolone: {allowed}.', en: 'Unknown status "{value}". Accepted: {allowed}.' },
  INVALID_BOOLEAN: { pl: '„{value}” nie jest odpowiedzią tak/nie (tak, nie, 1, 0).', en: '"{value}" is not a yes/no answer (yes, no, true, false, 1, 0).' },
  INVALID_TERYT: { pl: '„{value}” nie jest kodem TERYT (2, 4 lub 7 cyfr, np. 1261011).', en: '"{value}" is not a TERYT code (2, 4 or 7 digits, e.g. 1261011).' },
  UNKNOWN_TERYT: { pl: 'Kod TERYT {value} nie istnieje w rejestrze terytorialnym huba.', en: 'The TERYT code {value} is not in the hub’s territory register.' },
  INVALID_DATE: { pl: '„{value}” nie jest poprawną datą (RRRR-MM-DD lub DD.MM.RRRR).', en: '"{value}" is not a valid date (YYYY-MM-DD or DD.MM.YYYY).' },
  FUTURE_DATE: { pl: 'Data {value} jest późniejsza niż dzień importu ({today}).', en: 'The date {value} is after the day of the import ({today}).' },
  INVALID_YEAR: { pl: '„{value}” nie jest rokiem sprawozdawczym (od {min} do {max}).', en: '"{value}" is not a reporting year (from {min} to {max}).' },
  INVALID_NUMBER: { pl: '„{value}” nie jest {kindPl}.', en: '"{value}" is not {kindEn}.' },
  NEGATIVE_VALUE: { pl: 'Wartość {value} nie może być ujemna.', en: 'The value {value} cannot be negative.' },
  INVALID_MONEY: {
    pl: '„{value}” nie jest kwotą w złotych (np. 1 234,56 lub 1234.56; najwyżej dwa miejsca po przecinku).',
    en: '"{value}" is not an amount in złoty (e.g. 1 234,56 or 1234.56; at most two decimal places).',
  },
  INVALID_PKD: { pl: '„{value}” nie jest kodem klasy PKD 2007 (np. 88.10.Z).', en: '"{value}" is not a PKD 2007 class code (e.g. 88.10.Z).' },
  TEXT_TOO_LONG: { pl: 'Tekst ma {length} znaków; dozwolone najwyżej {max}.', en: 'The text has {length} characters; at most {max} are allowed.' },
  FTE_ABOVE_HEADCOUNT: {
    pl: 'Liczba etatów ({fte}) jest większa niż liczba zatrudnionych ({headcount}).',
    en: 'The full-time equivalents ({fte}) exceed the headcount ({headcount}).',
  },
  EXCLUDED_ABOVE_HEADCOUNT: {
    pl: 'Suma zatrudnionych z grup zagrożonych wykluczeniem ({excluded}) jest większa niż liczba zatrudnionych ({headcount}).',
    en: 'The employees at risk of social exclusion, summed over the categories ({excluded}), exceed the headcount ({headcount}).',
  },
  DUPLICATE_IDENTIFIER: { pl: '{label} {value} występuje już w wierszu {other}.', en: '{label} {value} already appears in row {other}.' },
  DUPLICATE_REPORT: { pl: 'Sprawozdanie tego podmiotu za rok {year} jest już w wierszu {other}.', en: 'This entity’s report for {year} is already in row {other}.' },
  IDENTIFIERS_CONFLICT: {
    pl: '{labelA} {valueA} wskazuje podmiot „{nameA}”, a {labelB} {valueB} inny podmiot „{nameB}”.',
    en: '{labelA} {valueA} points to the entity "{nameA}" but {labelB} {valueB} to another entity, "{nameB}".',
  },
  IDENTIFIER_MISMATCH: {
    pl: 'Podmiot „{name}” znaleziony po {byLabel} ma w rejestrze {label} {stored}, a w pliku {value}.',
    en: 'The entity "{name}" found by its {byLabel} has {label} {stored} in the registry but {value} in the file.',
  },
  ENTITY_NOT_FOUND: {
    pl: 'Brak podmiotu o {label} {value} w rejestrze i w importowanym pliku podmiotów.',
    en: 'No entity with {label} {value} is in the registry or in the entities file imported with this one.',
  },
  STATUS_CONFLICT: {
    pl: 'Podmiot o statusie „{status}” nie może mieć statusu przedsiębiorstwa społecznego (ustawa z 5 sierpnia 2022 r. o ekonomii społecznej).',
    en: 'An entity with status {status} cannot hold social enterprise status (Act of 5 August 2022 on the social economy).',
  },
  HISTORY_CONFLICT: {
    pl: 'Zmiany nie da się wpisać do historii podmiotu: {detail}.',
    en: 'The change cannot be entered in the entity’s history: {detailEn}.',
  },
};

/** One problem of an import file, located by row and column, explained in both languages. */
export interface ImportRowError {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  /** The column as the file's header names it; null when the problem is the row as a whole. */
  column: string | null;
  code: ImportRowErrorCode;
  messagePl: string;
  messageEn: string;
}

export function rowError(row: number, column: string | null, code: ImportRowErrorCode, params: Params = {}): ImportRowError {
  const text = MESSAGES[code];
  return { row, column, code, messagePl: fill(text.pl, params), messageEn: fill(text.en, params) };
}

/** Codes of file-level outcomes, reported in the mutation payload's `errors` and by the CLI. */
export enum RegistryImportErrorCode {
  /** The file is not CSV/XLSX as declared, not UTF-8, or not valid base64. */
  FILE_UNREADABLE = 'FILE_UNREADABLE',
  /** A header but no data rows. */
  EMPTY_FILE = 'EMPTY_FILE',
  /** Some rows (or the header) are invalid; the report lists them and nothing was written. */
  ROWS_INVALID = 'ROWS_INVALID',
  /** The decoded file is larger than the mutation accepts; use the command line. */
  FILE_TOO_LARGE = 'FILE_TOO_LARGE',
  /** The registry's history refused the changes as a whole (rows passed their own checks); nothing was written. */
  HISTORY_REFUSED = 'HISTORY_REFUSED',
}

type FileMessageKey = `${RegistryImportErrorCode}` | 'NOT_UTF8' | 'NOT_XLSX' | 'BAD_BASE64' | 'UNTERMINATED_QUOTE';

const FILE_MESSAGES: Record<FileMessageKey, Bilingual> = {
  FILE_UNREADABLE: { pl: 'Nie udało się odczytać pliku {file}.', en: 'The file {file} could not be read.' },
  NOT_UTF8: {
    pl: 'Plik {file} nie jest zapisany w UTF-8. Zapisz go jako „CSV UTF-8” i spróbuj ponownie.',
    en: 'The file {file} is not UTF-8 text. Save it as "CSV UTF-8" and try again.',
  },
  NOT_XLSX: { pl: 'Plik {file} nie jest skoroszytem XLSX (Excel 2007 lub nowszy).', en: 'The file {file} is not an XLSX workbook (Excel 2007 or later).' },
  BAD_BASE64: { pl: 'Zawartość pliku {file} nie jest poprawnie zakodowana w base64.', en: 'The content of {file} is not valid base64.' },
  UNTERMINATED_QUOTE: { pl: 'W pliku {file} cudzysłów otwarty w wierszu {row} nie został zamknięty.', en: 'In {file}, a quote opened in row {row} is never closed.' },
  EMPTY_FILE: { pl: 'Plik {file} nie zawiera wierszy z danymi.', en: 'The file {file} holds no data rows.' },
  ROWS_INVALID: {
    pl: 'Plik {file} zawiera błędy ({count}); niczego nie zapisano. Szczegóły w raporcie.',
    en: 'The file {file} has errors ({count}); nothing was written. See the report for details.',
  },
  HISTORY_REFUSED: {
    pl: 'Historia rejestru odrzuciła zmiany z pliku {file} ({detail}); niczego nie zapisano.',
    en: 'The registry’s history refused the changes of {file} ({detail}); nothing was written.',
  },
  FILE_TOO_LARGE: {
    pl: 'Plik {file} ma {size} bajtów; przez GraphQL można przesłać najwyżej {max}. Większe pliki importuj z wiersza poleceń (npm run hub -- import …).',
    en: 'The file {file} has {size} bytes; GraphQL takes at most {max}. Import larger files from the command line (npm run hub -- import …).',
  },
};

export function fileMessage(key: FileMessageKey, params: Params): Bilingual {
  const text = FILE_MESSAGES[key];
  return { pl: fill(text.pl, params), en: fill(text.en, params) };
}
