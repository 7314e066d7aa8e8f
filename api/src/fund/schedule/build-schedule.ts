import { addMonthsIso, assertIsoDate } from './civil-date';
import { yearFractionRational } from './day-count';
import { annuityPayment, effectiveRateBp, interestForFraction, roundHalfUp } from './interest';
import { adjustDate, polishBusinessDays } from './polish-holidays';
import { ScheduleError, ScheduleErrorCode } from './schedule-error';
import type { Amortisation, BusinessDayRule, DayCount, HolidayCalendar, Instalment, LoanTerms, RepaymentFrequency, RescheduleInput } from './schedule.types';

const MAX_INSTALMENTS = 600;
const MAX_GRACE = 120;

type PeriodKind = 'CAPITALISE' | 'INTEREST_ONLY' | 'AMORTISE';

interface Plan {
  principalMinor: bigint;
  startDate: string;
  firstDueDate: string;
  frequency: RepaymentFrequency;
  amortisation: Amortisation;
  dayCount: DayCount;
  businessDayRule: BusinessDayRule;
  kinds: PeriodKind[];
  rates: number[];
  firstNumber: number;
}

const monthsPerPeriod = (f: RepaymentFrequency): number => (f === 'QUARTERLY' ? 3 : 1);

/**
 * The repayment schedule (harmonogram spłat) of a loan: a pure function of its terms and a holiday
 * calendar (default: Polish banking business days). Grace periods come first, then `instalments`
 * repayment periods. Interest accrues over the unadjusted period (see README: due-date moves do not
 * change interest), rounded half-up per period; the last instalment's principal is the remainder.
 */
export function buildSchedule(terms: LoanTerms, calendar: HolidayCalendar = polishBusinessDays): Instalment[] {
  validateCommon(terms.principalMinor, terms.instalments, terms.firstDisbursementDate, terms.firstDueDate);
  const grace = terms.grace ?? { kind: 'NONE', periods: 0 };
  const gracePeriods = grace.kind === 'NONE' ? 0 : grace.periods;
  if (!Number.isInteger(grace.periods) || grace.periods < 0 || grace.periods > MAX_GRACE || (grace.kind === 'NONE' && grace.periods !== 0)) {
    throw new ScheduleError(ScheduleErrorCode.INVALID_GRACE, ['grace', 'periods']);
  }
  const rate = checkedRate(effectiveRateBp(terms.interest));
  const graceKind: PeriodKind = grace.kind === 'DEFERRAL_CAPITALISED' ? 'CAPITALISE' : 'INTEREST_ONLY';
  const kinds: PeriodKind[] = [];
  for (let i = 0; i < gracePeriods; i++) kinds.push(graceKind);
  for (let i = 0; i < terms.instalments; i++) kinds.push('AMORTISE');
  return generate(
    {
      principalMinor: terms.principalMinor,
      startDate: terms.firstDisbursementDate,
      firstDueDate: terms.firstDueDate ?? addMonthsIso(terms.firstDisbursementDate, monthsPerPeriod(terms.frequency)),
      frequency: terms.frequency,
      amortisation: terms.amortisation,
      dayCount: terms.dayCount,
      businessDayRule: terms.businessDayRule,
      kinds,
      rates: kinds.map(() => rate),
      firstNumber: 1,
    },
    calendar,
  );
}

/**
 * A new schedule for an outstanding principal from a date: restructuring, a payment holiday of N
 * periods (interest only, or nothing paid with interest capitalised), a temporary rate cut for the
 * first N periods. Interest already accrued but unpaid at `fromDate` is the caller's: add it to the
 * outstanding principal to capitalise it, or keep it as a separate receivable.
 */
export function rescheduleFrom(input: RescheduleInput, calendar: HolidayCalendar = polishBusinessDays): Instalment[] {
  validateCommon(input.outstandingPrincipalMinor, input.instalments, input.fromDate, input.firstDueDate);
  const holiday = input.paymentHoliday ?? { periods: 0, kind: 'INTEREST_ONLY' as const };
  if (!Number.isInteger(holiday.periods) || holiday.periods < 0 || holiday.periods > MAX_GRACE) {
    throw new ScheduleError(ScheduleErrorCode.INVALID_GRACE, ['paymentHoliday', 'periods']);
  }
  const rate = checkedRate(effectiveRateBp(input.terms.interest));
  const cut = input.rateCut;
  if (cut && (!Number.isInteger(cut.periods) || cut.periods < 0)) throw new ScheduleError(ScheduleErrorCode.INVALID_RATE, ['rateCut', 'periods']);
  const cutRate = cut ? checkedRate(cut.annualRateBp) : rate;
  const firstNumber = input.firstNumber ?? 1;
  if (!Number.isInteger(firstNumber) || firstNumber < 1) throw new ScheduleError(ScheduleErrorCode.INVALID_INSTALMENTS, ['firstNumber']);
  const kinds: PeriodKind[] = [];
  for (let i = 0; i < holiday.periods; i++) kinds.push(holiday.kind === 'DEFERRAL_CAPITALISED' ? 'CAPITALISE' : 'INTEREST_ONLY');
  for (let i = 0; i < input.instalments; i++) kinds.push('AMORTISE');
  return generate(
    {
      principalMinor: input.outstandingPrincipalMinor,
      startDate: input.fromDate,
      firstDueDate: input.firstDueDate ?? addMonthsIso(input.fromDate, monthsPerPeriod(input.terms.frequency)),
      frequency: input.terms.frequency,
      amortisation: input.terms.amortisation,
      dayCount: input.terms.dayCount,
      businessDayRule: input.terms.businessDayRule,
      kinds,
      rates: kinds.map((_, i) => (cut && i < cut.periods ? cutRate : rate)),
      firstNumber,
    },
    calendar,
  );
}

function validateCommon(principalMinor: bigint, instalments: number, startDate: string, firstDueDate: string | undefined): void {
  if (typeof principalMinor !== 'bigint' || principalMinor <= 0n) throw new ScheduleError(ScheduleErrorCode.INVALID_PRINCIPAL, ['principalMinor']);
  if (!Number.isInteger(instalments) || instalments < 1 || instalments > MAX_INSTALMENTS) {
    throw new ScheduleError(ScheduleErrorCode.INVALID_INSTALMENTS, ['instalments']);
  }
  try {
    assertIsoDate(startDate, 'start date');
    if (firstDueDate !== undefined) assertIsoDate(firstDueDate, 'first due date');
  } catch (e) {
    throw new ScheduleError(ScheduleErrorCode.INVALID_DATE, ['firstDisbursementDate'], (e as Error).message);
  }
  if (firstDueDate !== undefined && firstDueDate <= startDate) throw new ScheduleError(ScheduleErrorCode.INVALID_DATE, ['firstDueDate']);
}

function checkedRate(rateBp: number): number {
  if (!Number.isInteger(rateBp) || rateBp < 0 || rateBp > 100_000) throw new ScheduleError(ScheduleErrorCode.INVALID_RATE, ['interest']);
  return rateBp;
}

/**
 * Equal principal part: P / n half-up, unless (n − 1) such parts would exceed P (tiny principals over
 * many periods), then P / n rounded down; the last part is the remainder either way.
 */
export function equalPrincipalPart(principalMinor: bigint, periods: number): bigint {
  const n = BigInt(periods);
  const rounded = roundHalfUp(principalMinor, n);
  return rounded * (n - 1n) <= principalMinor ? rounded : principalMinor / n;
}

function generate(plan: Plan, calendar: HolidayCalendar): Instalment[] {
  const { kinds, rates, dayCount } = plan;
  const step = monthsPerPeriod(plan.frequency);
  const periodsPerYear = 12 / step;
  const count = kinds.length;
  const out: Instalment[] = new Array(count);
  let opening = plan.principalMinor;
  let periodStart = plan.startDate;
  let previousDue = plan.startDate;
  let level = 0n; // annuity instalment or equal principal part in force
  let levelRate = -1;
  let amortising = false;
  for (let i = 0; i < count; i++) {
    const periodEnd = i === 0 ? plan.firstDueDate : addMonthsIso(plan.firstDueDate, i * step);
    const dueDate = adjustDate(periodEnd, plan.businessDayRule, calendar);
    if (dueDate <= previousDue) throw new ScheduleError(ScheduleErrorCode.DUE_DATES_OUT_OF_ORDER, ['firstDueDate'], `${previousDue} → ${dueDate}`);
    const rate = rates[i];
    const accrued = interestForFraction(opening, rate, yearFractionRational(dayCount, periodStart, periodEnd));
    let principal = 0n;
    let interest = accrued;
    let capitalised = 0n;
    const kind = kinds[i];
    if (kind === 'CAPITALISE') {
      capitalised = accrued;
      interest = 0n;
    } else if (kind === 'AMORTISE') {
      const remaining = count - i;
      if (plan.amortisation === 'ANNUITY') {
        // Re-computed when repayment starts (after capitalisation) and whenever the rate changes.
        if (!amortising || rate !== levelRate) level = annuityPayment(opening, rate, periodsPerYear, remaining);
        levelRate = rate;
        const due = level - accrued;
        principal = i === count - 1 ? opening : due < 0n ? 0n : due > opening ? opening : due;
      } else {
        if (!amortising) level = equalPrincipalPart(opening, remaining);
        principal = i === count - 1 ? opening : level > opening ? opening : level;
      }
      amortising = true;
    }
    const closing = opening + capitalised - principal;
    out[i] = {
      number: plan.firstNumber + i,
      dueDate,
      periodStart,
      periodEnd,
      principalMinor: principal,
      interestMinor: interest,
      totalMinor: principal + interest,
      openingPrincipalMinor: opening,
      closingPrincipalMinor: closing,
      capitalisedInterestMinor: capitalised,
    };
    opening = closing;
    periodStart = periodEnd;
    previousDue = dueDate;
  }
  return out;
}

/** Totals of a schedule: principal repaid, interest paid, interest capitalised, everything paid. */
export function summariseSchedule(instalments: readonly Instalment[]): { principalMinor: bigint; interestMinor: bigint; capitalisedInterestMinor: bigint; totalMinor: bigint } {
  let principalMinor = 0n;
  let interestMinor = 0n;
  let capitalisedInterestMinor = 0n;
  for (const r of instalments) {
    principalMinor += r.principalMinor;
    interestMinor += r.interestMinor;
    capitalisedInterestMinor += r.capitalisedInterestMinor;
  }
  return { principalMinor, interestMinor, capitalisedInterestMinor, totalMinor: principalMinor + interestMinor };
}
