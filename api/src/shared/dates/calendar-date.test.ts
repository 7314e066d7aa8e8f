import { addDays, dateInPoland, isCalendarDate } from './calendar-date';
import { DateScalar } from './date.scalar';

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-2-9')).toBe(false);
    expect(isCalendarDate('2024-03-31T00:00:00Z')).toBe(false);
  });

  it('takes "today" from the Polish clock, which is ahead of UTC late in the evening', () => {
    expect(dateInPoland(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    expect(dateInPoland(new Date('2025-07-01T21:59:00Z'))).toBe('2025-07-01');
    expect(dateInPoland(new Date('2025-07-01T22:00:00Z'))).toBe('2025-07-02');
  });

  it('adds days across month and leap-year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('refuses a Date argument that is not a calendar date', () => {
    expect(DateScalar.parseValue('2024-03-31')).toBe('2024-03-31');
    expect(() => DateScalar.parseValue('2024-13-01')).toThrow(/YYYY-MM-DD/);
    expect(() => DateScalar.parseValue(20240331)).toThrow(/YYYY-MM-DD/);
  });
});
