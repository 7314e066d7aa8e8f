export { isCalendarDate, dateInPoland, addDays, type CalendarDate } from './calendar-date';
export { DateScalar } from './date.scalar';
