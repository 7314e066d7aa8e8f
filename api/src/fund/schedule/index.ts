/** The fund's repayment schedule engine: pure functions from loan terms to instalments. */
export type {
  DayCount,
  RepaymentFrequency,
  Amortisation,
  GraceKind,
  BusinessDayRule,
  InterestTerms,
  LoanTerms,
  Instalment,
  HolidayCalendar,
  Fraction,
  RescheduleInput,
} from './schedule.types';
export { buildSchedule, rescheduleFrom, summariseSchedule, equalPrincipalPart } from './build-schedule';
export { yearFraction, yearFractionRational } from './day-count';
export {
  accruedInterest,
  penaltyInterest,
  effectiveRateBp,
  annuityPayment,
  roundHalfUp,
  statutoryLatePaymentRateBp,
  maxLatePaymentRateBp,
  maxContractualRateBp,
} from './interest';
export { polishPublicHolidays, easterSunday, isPolishBusinessDay, polishBusinessDays, calendarWithClosures, adjustDate } from './polish-holidays';
export { addMonthsIso, addDaysIso, weekday } from './civil-date';
export { ScheduleError, ScheduleErrorCode } from './schedule-error';
