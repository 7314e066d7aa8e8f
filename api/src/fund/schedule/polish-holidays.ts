import { addDaysIso, formatIso, weekday, yearOf } from './civil-date';
import type { BusinessDayRule, HolidayCalendar } from './schedule.types';

/**
 * Easter Sunday in the Gregorian calendar by the "anonymous Gregorian algorithm" (Meeus/Jones/Butcher,
 * published in Nature, 1876; J. Meeus, Astronomical Algorithms, ch. 8).
 */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIso(year, month, day);
}

/**
 * Polish public holidays (dni ustawowo wolne od pracy) of a year, sorted, per art. 1 of the
 * Ustawa z dnia 18 stycznia 1951 r. o dniach wolnych od pracy, as amended:
 * - Trzech Króli (6 January) only from 2011 (amendment of 24 September 2010);
 * - Wigilia (24 December) only from 2025 (amendment of 6 December 2024, in force 1 February 2025;
 *   24 December 2025 was the first Christmas Eve off by law).
 * Easter Sunday and Pentecost (Zielone Świątki) are Sundays and listed for completeness; Boże Ciało
 * is the Thursday 60 days after Easter. Years before 1951 are outside the act and are refused.
 */
export function polishPublicHolidays(year: number): string[] {
  if (!Number.isInteger(year) || year < 1951 || year > 9999) throw new RangeError(`no Polish holiday rules for year ${year}`);
  const easter = easterSunday(year);
  const days = [
    formatIso(year, 1, 1), // Nowy Rok
    ...(year >= 2011 ? [formatIso(year, 1, 6)] : []), // Trzech Króli
    easter, // Wielkanoc
    addDaysIso(easter, 1), // Poniedziałek Wielkanocny
    formatIso(year, 5, 1), // Święto Pracy
    formatIso(year, 5, 3), // Święto Konstytucji 3 Maja
    addDaysIso(easter, 49), // Zielone Świątki (Pentecost Sunday)
    addDaysIso(easter, 60), // Boże Ciało
    formatIso(year, 8, 15), // Wniebowzięcie NMP / Święto Wojska Polskiego
    formatIso(year, 11, 1), // Wszystkich Świętych
    formatIso(year, 11, 11), // Narodowe Święto Niepodległości
    ...(year >= 2025 ? [formatIso(year, 12, 24)] : []), // Wigilia
    formatIso(year, 12, 25), // Boże Narodzenie
    formatIso(year, 12, 26), // drugi dzień Bożego Narodzenia
  ];
  return days.sort();
}

const holidaySets = new Map<number, ReadonlySet<string>>();

function holidaySet(year: number): ReadonlySet<string> {
  let set = holidaySets.get(year);
  if (!set) {
    set = new Set(polishPublicHolidays(year));
    holidaySets.set(year, set);
  }
  return set;
}

/** True unless the date is a Saturday, a Sunday or a Polish public holiday. */
export function isPolishBusinessDay(isoDate: string): boolean {
  const wd = weekday(isoDate);
  if (wd === 0 || wd === 6) return false;
  return !holidaySet(yearOf(isoDate)).has(isoDate);
}

/** The default calendar: Polish banking business days (Monday–Friday except public holidays). */
export const polishBusinessDays: HolidayCalendar = { isBusinessDay: isPolishBusinessDay };

/** A calendar from a fixed list of extra closed days on top of the Polish one (e.g. a bank's own closures). */
export function calendarWithClosures(closedDays: Iterable<string>, base: HolidayCalendar = polishBusinessDays): HolidayCalendar {
  const closed = new Set(closedDays);
  return { isBusinessDay: (iso) => !closed.has(iso) && base.isBusinessDay(iso) };
}

const MAX_SHIFT_DAYS = 31;

function step(iso: string, direction: 1 | -1, calendar: HolidayCalendar): string {
  let date = iso;
  for (let i = 0; i <= MAX_SHIFT_DAYS; i++) {
    if (calendar.isBusinessDay(date)) return date;
    date = addDaysIso(date, direction);
  }
  throw new RangeError(`no business day within ${MAX_SHIFT_DAYS} days of ${iso}`);
}

/**
 * Moves a date off non-business days (2006 ISDA Definitions §4.12): FOLLOWING takes the next business
 * day; MODIFIED_FOLLOWING the next one unless it falls in the next calendar month, then the previous
 * one; PRECEDING the previous one; UNADJUSTED leaves the date as it is.
 */
export function adjustDate(iso: string, rule: BusinessDayRule, calendar: HolidayCalendar = polishBusinessDays): string {
  switch (rule) {
    case 'UNADJUSTED':
      return iso;
    case 'FOLLOWING':
      return step(iso, 1, calendar);
    case 'PRECEDING':
      return step(iso, -1, calendar);
    case 'MODIFIED_FOLLOWING': {
      const following = step(iso, 1, calendar);
      return following.slice(0, 7) === iso.slice(0, 7) ? following : step(iso, -1, calendar);
    }
    default:
      throw new RangeError(`unknown business-day rule ${String(rule)}`);
  }
}
