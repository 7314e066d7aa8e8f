import { LegalForm, SocialEconomyEntityStatus } from '../registry/legal-form';

/*
 * Cell parsers: pure functions from the text of a cell to a value, or the reason it is not one.
 * Amounts never pass through a float: "1 234,56" is read digit by digit into 123456 grosze.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

/** Lower-case, Polish diacritics removed (ł → l as well), quotes dropped, spaces/_/- collapsed to one space. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/["'„”“«»‚‘’]/g, '')
    .replace(/[\s_\-\u00a0]+/g, ' ')
    .trim();
}

// Spaces people (and Polish Excel) put between thousands: space, no-break, narrow no-break, thin.
const GROUP_SPACES = /[ \u00a0\u202f\u2009']/g;

/**
 * A decimal number with at most `places` decimal places, as an integer count of 10^-places:
 * parseScaled("1 234,56", 2) = 123456n. Comma or dot is the decimal mark; thousands may be
 * grouped with spaces, or with the other mark when both appear ("1.234,56", "1,234.56");
 * a mark that appears more than once groups thousands ("1.234.567"). A minus sign is kept;
 * "zł"/"PLN" after the number is allowed.
 */
export function parseScaled(input: string, places: number): Parsed<bigint> {
  let text = input.trim().replace(/\s*(zł|zl|pln)\.?$/i, '').replace(GROUP_SPACES, '');
  let negative = false;
  if (/^[-\u2212]/.test(text)) {
    negative = true;
    text = text.slice(1);
  } else if (text.startsWith('+')) text = text.slice(1);
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return fail('NOT_A_NUMBER');
  const dots = text.split('.').length - 1;
  const commas = text.split(',').length - 1;
  let integer: string;
  let fraction = '';
  if (dots && commas) {
    const decimal = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const [whole, frac, ...rest] = text.split(decimal);
    if (rest.length || !isGrouped(whole, group)) return fail('NOT_A_NUMBER');
    integer = whole.split(group).join('');
    fraction = frac;
  } else if (dots > 1 || commas > 1) {
    const group = dots > 1 ? '.' : ',';
    if (!isGrouped(text, group)) return fail('NOT_A_NUMBER');
    integer = text.split(group).join('');
  } else if (dots === 1 || commas === 1) {
    [integer, fraction] = text.split(dots ? '.' : ',');
  } else integer = text;
  if (!/^\d*$/.test(integer) || !/^\d*$/.test(fraction) || (integer === '' && fraction === '')) return fail('NOT_A_NUMBER');
  if (fraction.length > places) {
    // Trailing zeros beyond the allowed places change nothing ("12,500" of a 2-place amount is 12,50).
    if (!/^0*$/.test(fraction.slice(places))) return fail('TOO_MANY_PLACES');
    fraction = fraction.slice(0, places);
  }
  const scaled = BigInt(integer || '0') * 10n ** BigInt(places) + BigInt((fraction || '0').padEnd(places, '0').slice(0, places) || '0');
  return ok(negative && scaled !== 0n ? -scaled : scaled);
}

const isGrouped = (text: string, group: string): boolean => new RegExp(`^\\d{1,3}(\\${group}\\d{3})*$`).test(text) || !text.includes(group);

/** An amount in złoty → grosze (bigint): "1 234,56" → 123456n, "-12.5" → -1250n. */
export function parseMoney(input: string): Parsed<bigint> {
  return parseScaled(input, 2);
}

/** A whole non-negative count that fits PostgreSQL `integer`. */
export function parseCount(input: string): Parsed<number> {
  const scaled = parseScaled(input, 0);
  if (!scaled.ok) return scaled.reason === 'TOO_MANY_PLACES' ? fail('NOT_WHOLE') : scaled;
  if (scaled.value < 0n) return fail('NEGATIVE');
  if (scaled.value > 2_147_483_647n) return fail('TOO_LARGE');
  return ok(Number(scaled.value));
}

/** A non-negative decimal with at most two places (full-time equivalents) as its canonical text "12.50". */
export function parseDecimal2(input: string): Parsed<string> {
  const scaled = parseScaled(input, 2);
  if (!scaled.ok) return scaled;
  if (scaled.value < 0n) return fail('NEGATIVE');
  if (scaled.value >= 10n ** 10n) return fail('TOO_LARGE'); // numeric(10,2)
  return ok(formatScaled(scaled.value, 2));
}

/** 123456n, 2 → "1234.56". */
export function formatScaled(value: bigint, places: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(places + 1, '0');
  const text = places ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
  return negative ? `-${text}` : text;
}

const pad2 = (n: number) => n.toString().padStart(2, '0');

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days && year >= 1000;
}

/** A calendar date as YYYY-MM-DD, from YYYY-MM-DD (a time part is ignored) or DD.MM.YYYY (also with / or -). */
export function parseDate(input: string): Parsed<string> {
  const text = input.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T][\d:.]*(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  let year: number, month: number, day: number;
  if (m) [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(text);
    if (!m) return fail('NOT_A_DATE');
    [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  if (!isCalendarDate(year, month, day)) return fail('NOT_A_DATE');
  return ok(`${year}-${pad2(month)}-${pad2(day)}`);
}

const TRUE_WORDS = new Set(['tak', 't', 'yes', 'y', 'true', '1', 'prawda', 'x', 'ps']);
const FALSE_WORDS = new Set(['nie', 'n', 'no', 'false', '0', 'falsz']);

/** tak/nie, yes/no, true/false, 1/0 (Polish and English, any case). */
export function parseBoolean(input: string): Parsed<boolean> {
  const word = fold(input);
  if (TRUE_WORDS.has(word)) return ok(true);
  if (FALSE_WORDS.has(word)) return ok(false);
  return fail('NOT_A_BOOLEAN');
}

/** Polish and English names of each legal form, folded (see `fold`), plus the enum names. */
const LEGAL_FORM_NAMES: Record<LegalForm, string[]> = {
  SOCIAL_COOPERATIVE: ['spoldzielnia socjalna', 'social cooperative', 'ss'],
  WORKER_COOPERATIVE: ['spoldzielnia pracy', 'worker cooperative'],
  COOPERATIVE_OF_DISABLED_OR_BLIND: [
    'spoldzielnia inwalidow',
    'spoldzielnia niewidomych',
    'spoldzielnia inwalidow i niewidomych',
    'spoldzielnia inwalidow i spoldzielnia niewidomych',
    'cooperative of disabled or blind persons',
    'cooperative of disabled persons',
    'cooperative of blind persons',
  ],
  ASSOCIATION: ['stowarzyszenie', 'stowarzyszenie zwykle', 'stowarzyszenie rejestrowe', 'association'],
  FOUNDATION: ['fundacja', 'foundation'],
  NON_PROFIT_COMPANY: ['spolka non profit', 'spolka z oo non profit', 'sp z oo non profit', 'spolka akcyjna non profit', 'non profit company', 'non profit'],
  CIS: ['centrum integracji spolecznej', 'cis', 'social integration centre', 'social integration center'],
  KIS: ['klub integracji spolecznej', 'kis', 'social integration club'],
  ZAZ: ['zaklad aktywnosci zawodowej', 'zaz', 'vocational activity establishment'],
  WTZ: ['warsztat terapii zajeciowej', 'warsztaty terapii zajeciowej', 'wtz', 'occupational therapy workshop'],
  RURAL_HOUSEWIVES_CIRCLE: ['kolo gospodyn wiejskich', 'kgw', 'rural housewives circle'],
  OTHER: ['inna', 'inne', 'inna forma', 'other'],
};

// Dots dropped too, so "spółka z o.o. non-profit" and "Sp. z o.o. non profit" meet.
const formKey = (text: string) => fold(text).replace(/\./g, '').replace(/\s+/g, ' ');
const LEGAL_FORMS = new Map<string, LegalForm>();
for (const form of Object.values(LegalForm)) {
  LEGAL_FORMS.set(formKey(form), form);
  for (const name of LEGAL_FORM_NAMES[form]) LEGAL_FORMS.set(formKey(name), form);
}

/** Examples shown when a legal form is not recognised. */
export const LEGAL_FORM_EXAMPLES = 'spółdzielnia socjalna, spółdzielnia pracy, stowarzyszenie, fundacja, spółka non-profit, CIS, KIS, ZAZ, WTZ, KGW, inna';

/** "Spółdzielnia socjalna", "SOCIAL_COOPERATIVE", "social cooperative" → SOCIAL_COOPERATIVE. */
export function parseLegalForm(input: string): Parsed<LegalForm> {
  const form = LEGAL_FORMS.get(formKey(input));
  return form ? ok(form) : fail('UNKNOWN');
}

const STATUS_NAMES: Record<SocialEconomyEntityStatus, string[]> = {
  ACTIVE: ['aktywny', 'aktywna', 'aktywne', 'dzialajacy', 'dzialajaca', 'dziala', 'active'],
  SUSPENDED: ['zawieszony', 'zawieszona', 'zawieszone', 'dzialalnosc zawieszona', 'suspended'],
  IN_LIQUIDATION: ['w likwidacji', 'likwidacja', 'in liquidation'],
  DISSOLVED: ['wykreslony', 'wykreslona', 'wykreslone', 'rozwiazany', 'rozwiazana', 'rozwiazane', 'zlikwidowany', 'zlikwidowana', 'dissolved'],
};
const STATUSES = new Map<string, SocialEconomyEntityStatus>();
for (const status of Object.values(SocialEconomyEntityStatus)) {
  STATUSES.set(fold(status), status);
  for (const name of STATUS_NAMES[status]) STATUSES.set(fold(name), status);
}
export const STATUS_EXAMPLES = 'aktywny, zawieszony, w likwidacji, wykreślony (ACTIVE, SUSPENDED, IN_LIQUIDATION, DISSOLVED)';

export function parseStatus(input: string): Parsed<SocialEconomyEntityStatus> {
  const status = STATUSES.get(fold(input));
  return status ? ok(status) : fail('UNKNOWN');
}

/** A PKD 2007 class: "88.10.Z", "8810Z", "88.10 z" → "88.10.Z". */
export function parsePkd(input: string): Parsed<string> {
  const m = /^(\d{2})\.?(\d{2})\.?\s?([A-Za-z])$/.exec(input.trim());
  return m ? ok(`${m[1]}.${m[2]}.${m[3].toUpperCase()}`) : fail('NOT_PKD');
}

/**
 * A TERYT code of a voivodeship (2 digits), powiat (4) or gmina (7), spaces and dashes ignored.
 * A spreadsheet that stored the code as a number dropped its leading zero (0264011 → 264011);
 * 1, 3 and 6 digits are never valid lengths, so that zero is put back.
 */
export function parseTerytCode(input: string): Parsed<string> {
  const digits = input.trim().replace(/[\s\u00a0-]/g, '');
  if (!/^\d+$/.test(digits)) return fail('NOT_TERYT');
  const code = digits.length === 1 || digits.length === 3 || digits.length === 6 ? `0${digits}` : digits;
  return code.length === 2 || code.length === 4 || code.length === 7 ? ok(code) : fail('NOT_TERYT');
}

/**
 * Puts back the leading zeros a spreadsheet drops from an identifier stored as a number
 * (KRS 10 digits; REGON 9, or 14 for a local unit; NIP 10). Text cells are left as typed.
 */
export function padNumericIdentifier(kind: 'krs' | 'regon' | 'nip', digits: string): string {
  if (!/^\d+$/.test(digits)) return digits;
  if (kind === 'regon') return digits.length <= 9 ? digits.padStart(9, '0') : digits.padStart(14, '0');
  return digits.padStart(10, '0');
}
