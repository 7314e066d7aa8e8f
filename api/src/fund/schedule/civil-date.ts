/**
 * Integer calendar arithmetic on ISO dates (YYYY-MM-DD), without `Date`: schedules for a whole
 * portfolio are built in the daily close, so these run a few million times and must not allocate.
 */
import { isCalendarDate } from '../../shared/dates/calendar-date';

export interface Ymd {
  y: number;
  m: number; // 1–12
  d: number; // 1–31
}

// Digits read by char code: Number(iso.slice(…)) was the engine's hottest line in the throughput bench.
const digit = (iso: string, i: number): number => iso.charCodeAt(i) - 48;

export function parseIso(iso: string): Ymd {
  return { y: yearOf(iso), m: digit(iso, 5) * 10 + digit(iso, 6), d: digit(iso, 8) * 10 + digit(iso, 9) };
}

export function yearOf(iso: string): number {
  return digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
}

/** Throws RangeError unless `iso` is a real calendar date. */
export function assertIsoDate(iso: string, what: string): void {
  if (typeof iso !== 'string' || !isCalendarDate(iso)) throw new RangeError(`${what} "${iso}" is not a YYYY-MM-DD date`);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

export function formatIso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days since 1970-01-01 (H. Hinnant, "chrono-compatible low-level date algorithms", days_from_civil). */
export function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function dayNumberOf(iso: string): number {
  return dayNumber(yearOf(iso), digit(iso, 5) * 10 + digit(iso, 6), digit(iso, 8) * 10 + digit(iso, 9));
}

/** Inverse of dayNumber (Hinnant, civil_from_days). */
export function fromDayNumber(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return formatIso(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(iso: string): number {
  return (((dayNumberOf(iso) + 4) % 7) + 7) % 7;
}

export function addDaysIso(iso: string, days: number): string {
  return fromDayNumber(dayNumberOf(iso) + days);
}

/**
 * `months` calendar months after `anchor`, keeping the anchor's day and clamping it to the month's
 * last day (31 Jan + 1 month = 28/29 Feb, + 2 months = 31 Mar). Always counted from the anchor,
 * so a clamped February does not drag later dates to the 28th.
 */
export function addMonthsIso(anchor: string, months: number): string {
  const { y, m, d } = parseIso(anchor);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  return formatIso(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}
