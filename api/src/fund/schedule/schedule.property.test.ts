import fc from 'fast-check';
import { buildSchedule, rescheduleFrom } from './build-schedule';
import { accruedInterest } from './interest';
import { polishPublicHolidays } from './polish-holidays';
import type { BusinessDayRule, Instalment, LoanTerms } from './schedule.types';

/** ISO date `offset` days after 2000-01-01, computed with Date (independent of the engine's calendar code). */
const isoFromOffset = (offset: number): string => new Date(Date.UTC(2000, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
const DAYS_2000_TO_2060 = 22_280;

/** A business day judged independently: not Saturday or Sunday (by Date), not in that year's holiday list. */
const holidayLists = new Map<number, string[]>();
function isBusinessDay(iso: string): boolean {
  const wd = new Date(`${iso}T00:00:00Z`).getUTCDay();
  const year = Number(iso.slice(0, 4));
  if (!holidayLists.has(year)) holidayLists.set(year, polishPublicHolidays(year));
  return wd !== 0 && wd !== 6 && !holidayLists.get(year)!.includes(iso);
}

const ADJUSTING: BusinessDayRule[] = ['FOLLOWING', 'MODIFIED_FOLLOWING', 'PRECEDING'];

const termsArb: fc.Arbitrary<LoanTerms> = fc
  .record({
    principal: fc.bigInt({ min: 1n, max: 50_000_000_000n }),
    start: fc.integer({ min: 0, max: DAYS_2000_TO_2060 }),
    firstDueAfter: fc.option(fc.integer({ min: 7, max: 120 }), { nil: undefined }),
    instalments: fc.integer({ min: 1, max: 240 }),
    frequency: fc.constantFrom('MONTHLY' as const, 'QUARTERLY' as const),
    amortisation: fc.constantFrom('ANNUITY' as const, 'EQUAL_PRINCIPAL' as const),
    interest: fc.oneof(
      fc.record({ kind: fc.constant('FIXED' as const), annualRateBp: fc.integer({ min: 0, max: 3_000 }) }),
      fc.record({ kind: fc.constant('REFERENCE_MARGIN' as const), referenceRateBp: fc.integer({ min: -100, max: 1_500 }), marginBp: fc.integer({ min: 0, max: 800 }), floorBp: fc.integer({ min: 0, max: 500 }) }),
    ),
    dayCount: fc.constantFrom('E30_360' as const, 'ACTUAL_365' as const, 'ACTUAL_ACTUAL' as const),
    grace: fc.oneof(
      fc.constant({ kind: 'NONE' as const, periods: 0 }),
      fc.record({ kind: fc.constantFrom('INTEREST_ONLY' as const, 'DEFERRAL_CAPITALISED' as const), periods: fc.integer({ min: 1, max: 12 }) }),
    ),
    businessDayRule: fc.constantFrom(...ADJUSTING),
  })
  .map((r) => ({
    principalMinor: r.principal,
    currency: 'PLN' as const,
    firstDisbursementDate: isoFromOffset(r.start),
    firstDueDate: r.firstDueAfter === undefined ? undefined : isoFromOffset(r.start + r.firstDueAfter),
    instalments: r.instalments,
    frequency: r.frequency,
    amortisation: r.amortisation,
    interest: r.interest,
    dayCount: r.dayCount,
    grace: r.grace,
    businessDayRule: r.businessDayRule,
  }));

/** The first broken invariant of a schedule, or null. Plain checks (one expect per run keeps 300 runs fast). */
function brokenInvariant(rows: Instalment[], principal: bigint, start: string): string | null {
  let repaid = 0n;
  let capitalised = 0n;
  let previousDue = start;
  let previousEnd = start;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const amounts = [r.principalMinor, r.interestMinor, r.totalMinor, r.openingPrincipalMinor, r.closingPrincipalMinor, r.capitalisedInterestMinor];
    if (amounts.some((v) => v < 0n)) return `row ${r.number}: a negative amount`;
    if (r.totalMinor !== r.principalMinor + r.interestMinor) return `row ${r.number}: total is not principal + interest`;
    if (r.closingPrincipalMinor !== r.openingPrincipalMinor + r.capitalisedInterestMinor - r.principalMinor) return `row ${r.number}: closing balance does not follow`;
    if (i > 0 && r.openingPrincipalMinor !== rows[i - 1].closingPrincipalMinor) return `row ${r.number}: opening is not the previous closing`;
    if (r.periodStart !== previousEnd || !(r.periodEnd > r.periodStart)) return `row ${r.number}: periods are not contiguous`;
    if (!(r.dueDate > previousDue)) return `row ${r.number}: due date ${r.dueDate} not after ${previousDue}`;
    if (!isBusinessDay(r.dueDate)) return `row ${r.number}: due date ${r.dueDate} is not a business day`;
    if (r.capitalisedInterestMinor > 0n && r.totalMinor !== 0n) return `row ${r.number}: something due in a capitalised period`;
    repaid += r.principalMinor;
    capitalised += r.capitalisedInterestMinor;
    previousDue = r.dueDate;
    previousEnd = r.periodEnd;
  }
  if (repaid !== principal + capitalised) return `principal repaid ${repaid} ≠ ${principal} + capitalised ${capitalised}`;
  if (rows[rows.length - 1].closingPrincipalMinor !== 0n) return 'the last closing balance is not 0';
  return null;
}

describe('schedule properties for random terms', () => {
  it('repays exactly the principal plus capitalised interest, never negative, on strictly later business days', () => {
    fc.assert(
      fc.property(termsArb, (terms) => {
        const rows = buildSchedule(terms);
        const grace = terms.grace.kind === 'NONE' ? 0 : terms.grace.periods;
        expect(rows).toHaveLength(grace + terms.instalments);
        expect(brokenInvariant(rows, terms.principalMinor, terms.firstDisbursementDate)).toBeNull();
        expect(rows.slice(0, grace).every((r) => r.principalMinor === 0n)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps equal-principal parts within one grosz of each other, the last excepted', () => {
    fc.assert(
      fc.property(termsArb, (generated) => {
        const terms: LoanTerms = { ...generated, amortisation: 'EQUAL_PRINCIPAL' };
        const grace = terms.grace.kind === 'NONE' ? 0 : terms.grace.periods;
        const parts = buildSchedule(terms).slice(grace, -1).map((r) => r.principalMinor);
        if (parts.length < 2) return;
        const max = parts.reduce((a, b) => (b > a ? b : a));
        const min = parts.reduce((a, b) => (b < a ? b : a));
        expect(max - min <= 1n).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves due dates on the accrual period ends when unadjusted', () => {
    fc.assert(
      fc.property(termsArb, (generated) => {
        const rows = buildSchedule({ ...generated, businessDayRule: 'UNADJUSTED' });
        expect(rows.filter((r) => r.dueDate !== r.periodEnd)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps the invariants when rescheduling with payment holidays and rate cuts', () => {
    fc.assert(
      fc.property(
        termsArb,
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom('INTEREST_ONLY' as const, 'DEFERRAL_CAPITALISED' as const),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 500 }),
        (t, holiday, kind, cutPeriods, cutRate) => {
          const rows = rescheduleFrom({ terms: t, outstandingPrincipalMinor: t.principalMinor, fromDate: t.firstDisbursementDate, instalments: t.instalments, paymentHoliday: { periods: holiday, kind }, rateCut: { periods: cutPeriods, annualRateBp: cutRate } });
          expect(brokenInvariant(rows, t.principalMinor, t.firstDisbursementDate)).toBeNull();
        },
      ),
      { numRuns: 150 },
    );
  });

  it('accrues interest additively over split periods, to within a grosz of rounding', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10_000_000_000n }),
        fc.integer({ min: 0, max: 3_000 }),
        fc.constantFrom('E30_360' as const, 'ACTUAL_365' as const, 'ACTUAL_ACTUAL' as const),
        fc.integer({ min: 0, max: DAYS_2000_TO_2060 }),
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 0, max: 800 }),
        (principal, rateBp, dayCount, start, first, second) => {
          const a = isoFromOffset(start);
          const b = isoFromOffset(start + first);
          const c = isoFromOffset(start + first + second);
          const whole = accruedInterest(principal, rateBp, dayCount, a, c);
          const split = accruedInterest(principal, rateBp, dayCount, a, b) + accruedInterest(principal, rateBp, dayCount, b, c);
          const gap = whole - split;
          // 30E/360 counts the 31st as the 30th, so a split on a 31st may lose or gain one day's interest.
          if (dayCount !== 'E30_360') expect(gap >= -1n && gap <= 1n).toBe(true);
          expect(whole >= 0n).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
