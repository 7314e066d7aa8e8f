import { buildSchedule, rescheduleFrom, summariseSchedule } from './build-schedule';
import { ScheduleError, ScheduleErrorCode } from './schedule-error';
import type { LoanTerms, RescheduleInput } from './schedule.types';

const loanTerms: RescheduleInput['terms'] = {
  currency: 'PLN',
  frequency: 'MONTHLY',
  amortisation: 'ANNUITY',
  interest: { kind: 'FIXED', annualRateBp: 600 },
  dayCount: 'E30_360',
  businessDayRule: 'FOLLOWING',
};

describe('rescheduleFrom: restructuring and relief campaigns', () => {
  it('gives a 2-month interest-only holiday and a 3-month rate cut to 1 %, then re-computes the annuity at 6 %', () => {
    // 50 000.00 PLN outstanding on 10 Feb 2026, 12 instalments after the holiday, rate cut for periods 1–3.
    const rows = rescheduleFrom({ terms: loanTerms, outstandingPrincipalMinor: 5_000_000n, fromDate: '2026-02-10', instalments: 12, paymentHoliday: { periods: 2, kind: 'INTEREST_ONLY' }, rateCut: { periods: 3, annualRateBp: 100 }, firstNumber: 25 });
    const table = rows.map((r) => [r.number, Number(r.openingPrincipalMinor), Number(r.principalMinor), Number(r.interestMinor), Number(r.totalMinor)]);
    expect(table).toEqual([
      // holiday: 5 000 000 · 1 % / 12 = 4166.67 → 4167, no principal
      [25, 5_000_000, 0, 4_167, 4_167],
      [26, 5_000_000, 0, 4_167, 4_167],
      // still at 1 %: A = 5 000 000 · r / (1 − (1+r)^−12), r = 1 %/12 → 418 927.06 → 418 927; principal 418 927 − 4167
      [27, 5_000_000, 414_760, 4_167, 418_927],
      // back to 6 %: A re-computed on 4 585 240 over the 11 left, r = 0.5 % → 429 449.15 → 429 449;
      // interest 4 585 240 · 0.5 % = 22 926.2 → 22 926
      [28, 4_585_240, 406_523, 22_926, 429_449],
      [29, 4_178_717, 408_555, 20_894, 429_449],
      [30, 3_770_162, 410_598, 18_851, 429_449],
      [31, 3_359_564, 412_651, 16_798, 429_449],
      [32, 2_946_913, 414_714, 14_735, 429_449],
      [33, 2_532_199, 416_788, 12_661, 429_449],
      [34, 2_115_411, 418_872, 10_577, 429_449],
      [35, 1_696_539, 420_966, 8_483, 429_449],
      [36, 1_275_573, 423_071, 6_378, 429_449],
      [37, 852_502, 425_186, 4_263, 429_449],
      // last: remainder 427 316 + 427 316 · 0.5 % = 2136.58 → 2137
      [38, 427_316, 427_316, 2_137, 429_453],
    ]);
    expect(rows[0].periodStart).toBe('2026-02-10');
    expect(rows[0].dueDate).toBe('2026-03-10');
  });

  it('capitalises a payment holiday so the principal repaid is the outstanding plus the capitalised interest', () => {
    const rows = rescheduleFrom({ terms: { ...loanTerms, amortisation: 'EQUAL_PRINCIPAL' }, outstandingPrincipalMinor: 1_000_000n, fromDate: '2026-01-20', instalments: 10, paymentHoliday: { periods: 3, kind: 'DEFERRAL_CAPITALISED' } });
    // 1 000 000 · 0.5 % = 5000; 1 005 000 · 0.5 % = 5025; 1 010 025 · 0.5 % = 5050.125 → 5050
    expect(rows.slice(0, 3).map((r) => [r.totalMinor, r.capitalisedInterestMinor])).toEqual([[0n, 5_000n], [0n, 5_025n], [0n, 5_050n]]);
    const totals = summariseSchedule(rows);
    expect(totals.capitalisedInterestMinor).toBe(15_075n);
    expect(totals.principalMinor).toBe(1_015_075n);
    // equal parts of 1 015 075 / 10 = 101 507.5 → 101 508, the last 1 015 075 − 9 · 101 508 = 101 503
    expect(rows.slice(3).map((r) => r.principalMinor)).toEqual([...Array(9).fill(101_508n), 101_503n]);
  });

  it('without relief, rebuilds the same schedule as a new loan on the outstanding principal', () => {
    const terms: LoanTerms = { ...loanTerms, currency: 'PLN', principalMinor: 777_777n, firstDisbursementDate: '2026-04-07', instalments: 18, grace: { kind: 'NONE', periods: 0 } };
    expect(rescheduleFrom({ terms: loanTerms, outstandingPrincipalMinor: 777_777n, fromDate: '2026-04-07', instalments: 18 })).toEqual(buildSchedule(terms));
  });
});

describe('terms that cannot make a schedule', () => {
  const good: LoanTerms = { ...loanTerms, currency: 'PLN', principalMinor: 100_000n, firstDisbursementDate: '2026-01-05', instalments: 12, grace: { kind: 'NONE', periods: 0 } };
  it.each([
    ['a zero principal', { principalMinor: 0n }, ScheduleErrorCode.INVALID_PRINCIPAL],
    ['no instalments', { instalments: 0 }, ScheduleErrorCode.INVALID_INSTALMENTS],
    ['a fractional number of instalments', { instalments: 2.5 }, ScheduleErrorCode.INVALID_INSTALMENTS],
    ['grace periods with grace NONE', { grace: { kind: 'NONE', periods: 2 } }, ScheduleErrorCode.INVALID_GRACE],
    ['a negative rate', { interest: { kind: 'FIXED', annualRateBp: -1 } }, ScheduleErrorCode.INVALID_RATE],
    ['a fractional basis point', { interest: { kind: 'FIXED', annualRateBp: 12.5 } }, ScheduleErrorCode.INVALID_RATE],
    ['an impossible date', { firstDisbursementDate: '2026-02-30' }, ScheduleErrorCode.INVALID_DATE],
    ['a first due date before disbursement', { firstDueDate: '2026-01-01' }, ScheduleErrorCode.INVALID_DATE],
    // disbursed Fri 2 Jan 2026; Sat 3 Jan by PRECEDING falls back to Fri 2 Jan, the disbursement day itself
    ['a first due date that PRECEDING moves onto the disbursement date', { firstDisbursementDate: '2026-01-02', firstDueDate: '2026-01-03', businessDayRule: 'PRECEDING' }, ScheduleErrorCode.DUE_DATES_OUT_OF_ORDER],
  ] as [string, Partial<LoanTerms>, ScheduleErrorCode][])('refuses %s', (_label, change, code) => {
    let caught: unknown;
    try {
      buildSchedule({ ...good, ...change } as LoanTerms);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ScheduleError);
    expect((caught as ScheduleError).code).toBe(code);
    expect((caught as ScheduleError).messages.pl.length).toBeGreaterThan(0);
  });
});
