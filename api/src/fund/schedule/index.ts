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
