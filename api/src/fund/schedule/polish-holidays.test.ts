import { adjustDate, calendarWithClosures, easterSunday, isPolishBusinessDay, polishPublicHolidays } from './polish-holidays';
import type { BusinessDayRule } from './schedule.types';

describe('Easter Sunday by the anonymous Gregorian algorithm', () => {
  // Published Gregorian Easter dates, including the earliest (22 March) and latest (25 April) possible.
  it.each([
    [1961, '1961-04-02'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%i: %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});

describe('Polish public holidays (ustawa o dniach wolnych od pracy)', () => {
  it('lists the thirteen days of 2024: no Wigilia yet', () => {
    expect(polishPublicHolidays(2024)).toEqual([
      '2024-01-01', '2024-01-06', '2024-03-31', '2024-04-01', '2024-05-01', '2024-05-03', '2024-05-19',
      '2024-05-30', '2024-08-15', '2024-11-01', '2024-11-11', '2024-12-25', '2024-12-26',
    ]);
  });

  it('lists the fourteen days of 2025, with Wigilia, Pentecost on 8 June and Corpus Christi on 19 June', () => {
    expect(polishPublicHolidays(2025)).toEqual([
      '2025-01-01', '2025-01-06', '2025-04-20', '2025-04-21', '2025-05-01', '2025-05-03', '2025-06-08',
      '2025-06-19', '2025-08-15', '2025-11-01', '2025-11-11', '2025-12-24', '2025-12-25', '2025-12-26',
    ]);
  });

  it('has no Epiphany holiday before 2011', () => {
    expect(polishPublicHolidays(2010)).toEqual([
      '2010-01-01', '2010-04-04', '2010-04-05', '2010-05-01', '2010-05-03', '2010-05-23', '2010-06-03',
      '2010-08-15', '2010-11-01', '2010-11-11', '2010-12-25', '2010-12-26',
    ]);
    expect(polishPublicHolidays(2011)).toContain('2011-01-06');
  });

  it('knows weekends, holidays and ordinary working days', () => {
    expect(isPolishBusinessDay('2025-05-02')).toBe(true); // Friday between 1 and 3 May
    expect(isPolishBusinessDay('2025-04-18')).toBe(true); // Good Friday is a working day
    expect(isPolishBusinessDay('2025-04-21')).toBe(false); // Easter Monday
    expect(isPolishBusinessDay('2025-06-19')).toBe(false); // Corpus Christi
    expect(isPolishBusinessDay('2025-12-24')).toBe(false);
    expect(isPolishBusinessDay('2024-12-24')).toBe(true);
    expect(isPolishBusinessDay('2025-05-31')).toBe(false); // Saturday
    expect(isPolishBusinessDay('2025-06-01')).toBe(false); // Sunday
  });

  it('adds a lender’s own closed days on top of the Polish calendar', () => {
    const calendar = calendarWithClosures(['2025-05-02']);
    expect(calendar.isBusinessDay('2025-05-02')).toBe(false);
    expect(adjustDate('2025-05-01', 'FOLLOWING', calendar)).toBe('2025-05-05');
  });
});

describe('moving a due date off a non-business day', () => {
  const TABLE: [string, BusinessDayRule, string, string][] = [
    ['2025-05-01', 'FOLLOWING', '2025-05-02', 'Thu 1 May → Fri 2 May'],
    ['2025-05-01', 'PRECEDING', '2025-04-30', 'Thu 1 May → Wed 30 Apr'],
    ['2025-05-01', 'UNADJUSTED', '2025-05-01', 'left on the holiday'],
    ['2025-05-03', 'FOLLOWING', '2025-05-05', 'Sat 3 May (also a holiday) → Mon 5 May'],
    ['2025-04-21', 'FOLLOWING', '2025-04-22', 'Easter Monday → Tuesday'],
    ['2025-04-21', 'PRECEDING', '2025-04-18', 'Easter Monday → Good Friday, past the weekend'],
    ['2025-11-11', 'FOLLOWING', '2025-11-12', 'Independence Day (Tue) → Wed'],
    ['2023-11-11', 'MODIFIED_FOLLOWING', '2023-11-13', 'Sat 11 Nov 2023 → Mon 13 Nov (same month)'],
    ['2025-05-31', 'MODIFIED_FOLLOWING', '2025-05-30', 'Sat 31 May → following is 2 June, so back to Fri 30 May'],
    ['2025-05-31', 'FOLLOWING', '2025-06-02', 'Sat 31 May → Mon 2 June'],
    ['2025-08-30', 'MODIFIED_FOLLOWING', '2025-08-29', 'Sat 30 Aug → Mon 1 Sep is next month → Fri 29 Aug'],
    ['2025-12-24', 'FOLLOWING', '2025-12-29', 'Wigilia, Christmas, weekend → Mon 29 Dec'],
    ['2025-12-27', 'MODIFIED_FOLLOWING', '2025-12-29', 'Sat 27 Dec → Mon 29 Dec'],
    ['2025-12-26', 'PRECEDING', '2025-12-23', '26 → 25 → 24 (all holidays) → Tue 23 Dec'],
    ['2026-01-01', 'PRECEDING', '2025-12-31', 'New Year → 31 Dec (a working day)'],
    ['2025-06-11', 'FOLLOWING', '2025-06-11', 'a Wednesday stays'],
  ];
  it.each(TABLE)('%s by %s is %s (%s)', (date, rule, expected) => {
    expect(adjustDate(date, rule)).toBe(expected);
  });
});
