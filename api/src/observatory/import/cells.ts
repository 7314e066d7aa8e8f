import { checkKrs, checkNip, checkRegon, type IdentifierCheck } from '../../shared/ids';
import type { ColumnMap } from './columns';
import { ImportRowErrorCode, rowError, type ImportRowError } from './messages';
import type { TableRow } from './table';
import { padNumericIdentifier, parseCount, parseDate, parseDecimal2, parseMoney, parsePkd, type Parsed } from './values';

export type IdentifierKind = 'krs' | 'regon' | 'nip';
export const IDENTIFIER_KINDS: readonly IdentifierKind[] = ['krs', 'regon', 'nip'];
export const IDENTIFIER_LABEL: Record<IdentifierKind, string> = { krs: 'KRS', regon: 'REGON', nip: 'NIP' };

/** The identifiers a row gives, normalised (digits only); null where a cell is empty or invalid. */
export type Identifiers = Record<IdentifierKind, string | null>;

const CHECKS: Record<IdentifierKind, (v: string) => IdentifierCheck> = { krs: checkKrs, regon: checkRegon, nip: checkNip };
const INVALID_CODE: Record<IdentifierKind, ImportRowErrorCode> = {
  krs: ImportRowErrorCode.INVALID_KRS,
  regon: ImportRowErrorCode.INVALID_REGON,
  nip: ImportRowErrorCode.INVALID_NIP,
};

const PROBLEM_PL: Record<string, string> = {
  krs: 'numer KRS ma dokładnie 10 cyfr, razem z zerami na początku (np. 0000566214)',
  regon: 'REGON ma 9 cyfr (14 dla jednostki lokalnej) i zgodną cyfrę kontrolną',
  nip: 'NIP ma 10 cyfr i zgodną cyfrę kontrolną',
};

/**
 * Reads the cells of one row through a column map, collecting every problem (with the column
 * as the file names it) instead of stopping at the first: a person fixes a file in one pass.
 */
export class RowReader<K extends string> {
  readonly errors: ImportRowError[] = [];

  constructor(
    private readonly map: ColumnMap<K>,
    readonly row: TableRow,
    private readonly today: string,
  ) {}

  has(key: K): boolean {
    return this.map.index[key] !== undefined;
  }

  label(key: K): string {
    return this.map.label[key] ?? key;
  }

  /** The trimmed text of a cell; '' when empty or the column is absent. */
  text(key: K): string {
    const i = this.map.index[key];
    return i === undefined ? '' : (this.row.cells[i] ?? '').trim();
  }

  private numeric(key: K): boolean {
    const i = this.map.index[key];
    return i !== undefined && !!this.row.numeric?.[i];
  }

  fail(key: K | null, code: ImportRowErrorCode, params: Record<string, string | number> = {}): null {
    this.errors.push(rowError(this.row.row, key === null ? null : this.label(key), code, params));
    return null;
  }

  required(key: K): string | null {
    const text = this.text(key);
    return text === '' ? this.fail(key, ImportRowErrorCode.REQUIRED) : text;
  }

  /** Optional cell through a parser; null when empty, null plus an error when it does not parse. */
  parse<T>(key: K, parser: (text: string) => Parsed<T>, code: ImportRowErrorCode, params: (text: string, reason: string) => Record<string, string | number> = (value) => ({ value })): T | null {
    const text = this.text(key);
    if (text === '') return null;
    const parsed = parser(text);
    return parsed.ok ? parsed.value : this.fail(key, code, params(text, parsed.reason));
  }

  identifiers(): Identifiers {
    const ids: Identifiers = { krs: null, regon: null, nip: null };
    for (const kind of IDENTIFIER_KINDS) {
      let text = this.text(kind as K);
      if (text === '') continue;
      if (this.numeric(kind as K)) text = padNumericIdentifier(kind, text);
      const check = CHECKS[kind](text);
      if (check.valid) ids[kind] = check.value;
      else this.fail(kind as K, INVALID_CODE[kind], { value: text, detail: PROBLEM_PL[kind], detailEn: check.message.replace(/\.$/, '') });
    }
    if (IDENTIFIER_KINDS.every((k) => this.text(k as K) === '')) {
      const present = IDENTIFIER_KINDS.find((k) => this.has(k as K));
      this.fail(present ? (present as K) : null, ImportRowErrorCode.IDENTIFIER_REQUIRED);
    }
    return ids;
  }

  date(key: K): string | null {
    const date = this.parse(key, parseDate, ImportRowErrorCode.INVALID_DATE);
    if (date !== null && date > this.today) return this.fail(key, ImportRowErrorCode.FUTURE_DATE, { value: date, today: this.today });
    return date;
  }

  count(key: K): number | null {
    const text = this.text(key);
    if (text === '') return null;
    const parsed = parseCount(text);
    if (parsed.ok) return parsed.value;
    if (parsed.reason === 'NEGATIVE') return this.fail(key, ImportRowErrorCode.NEGATIVE_VALUE, { value: text });
    return this.fail(key, ImportRowErrorCode.INVALID_NUMBER, { value: text, kindPl: 'liczbą całkowitą', kindEn: 'a whole number' });
  }

  decimal(key: K): string | null {
    const text = this.text(key);
    if (text === '') return null;
    const parsed = parseDecimal2(text);
    if (parsed.ok) return parsed.value;
    if (parsed.reason === 'NEGATIVE') return this.fail(key, ImportRowErrorCode.NEGATIVE_VALUE, { value: text });
    return this.fail(key, ImportRowErrorCode.INVALID_NUMBER, { value: text, kindPl: 'liczbą z najwyżej dwoma miejscami po przecinku', kindEn: 'a number with at most two decimal places' });
  }

  /** Grosze as a decimal string (bigint travels to SQL as text); `signed` allows a negative amount. */
  money(key: K, signed: boolean): string | null {
    const text = this.text(key);
    if (text === '') return null;
    const parsed = parseMoney(text);
    if (!parsed.ok) return this.fail(key, ImportRowErrorCode.INVALID_MONEY, { value: text });
    if (!signed && parsed.value < 0n) return this.fail(key, ImportRowErrorCode.NEGATIVE_VALUE, { value: text });
    if (parsed.value > 9_000_000_000_000_000n || parsed.value < -9_000_000_000_000_000n) return this.fail(key, ImportRowErrorCode.INVALID_MONEY, { value: text });
    return parsed.value.toString();
  }

  pkd(key: K): string | null {
    return this.parse(key, parsePkd, ImportRowErrorCode.INVALID_PKD);
  }
}
