import { buildSchedule } from './build-schedule';
import type { Instalment, LoanTerms } from './schedule.types';

/**
 * Hand-worked schedules. Amounts in grosze; "½↑" is half-up to the grosz. Each row:
 * [no, due date, period start, period end, opening, principal, interest, capitalised, total, closing].
 * Calendar facts used: 2025-02-15, 2025-03-15, 2025-05-03, 2025-05-31, 2025-06-21 are Saturdays;
 * 2025-06-01, 2024-02-11 are Sundays; 2023-11-11 is a Saturday (and Independence Day);
 * Easter 2025 is 20 April (Easter Monday 21 April); 1 May 2025 is a Thursday; Good Friday is a working day.
 */
type Row = [number, string, string, string, number, number, number, number, number, number];

interface Fixture {
  name: string;
  terms: LoanTerms;
  rows: Row[];
}

const base = { currency: 'PLN' as const, grace: { kind: 'NONE' as const, periods: 0 } };

const FIXTURES: Fixture[] = [
  {
    // 1 200.00 PLN, 12 % fixed, 30E/360, monthly annuity of 3, FOLLOWING.
    // r = 12 % / 12 = 1 %; A = P·r·(1+r)^3 / ((1+r)^3 − 1) = 120000 · 0.01 · 1.030301 / 0.030301
    //   = 1236.3612 / 0.030301 = 40802.653… → ½↑ 40803.
    // 30E/360: 15th → 15th of the next month = 30 days → 30/360 = 1/12, so interest = opening · 1 %.
    // Due 2025-02-15 (Sat) → Mon 17 Feb; 2025-03-15 (Sat) → Mon 17 Mar; 2025-04-15 (Tue) stays.
    name: 'annuity, 30E/360, due dates on Saturdays',
    terms: { ...base, principalMinor: 120_000n, firstDisbursementDate: '2025-01-15', instalments: 3, frequency: 'MONTHLY', amortisation: 'ANNUITY', interest: { kind: 'FIXED', annualRateBp: 1200 }, dayCount: 'E30_360', businessDayRule: 'FOLLOWING' },
    rows: [
      // interest 120000 · 1 % = 1200; principal 40803 − 1200 = 39603; closing 120000 − 39603 = 80397
      [1, '2025-02-17', '2025-01-15', '2025-02-15', 120_000, 39_603, 1_200, 0, 40_803, 80_397],
      // interest 80397 · 1 % = 803.97 → 804; principal 40803 − 804 = 39999; closing 40398
      [2, '2025-03-17', '2025-02-15', '2025-03-15', 80_397, 39_999, 804, 0, 40_803, 40_398],
      // last: principal = the remainder 40398; interest 403.98 → 404; total 40802 (1 grosz under A)
      [3, '2025-04-15', '2025-03-15', '2025-04-15', 40_398, 40_398, 404, 0, 40_802, 0],
    ],
  },
  {
    // 1 000.00 PLN, 10 %, actual/365, equal principal over 3, FOLLOWING; first due on Easter Monday.
    // Part = 100000 / 3 = 33333.33 → ½↑ 33333; last = 100000 − 2·33333 = 33334.
    // Interest runs over the UNADJUSTED period (21 Mar → 21 Apr), not to the moved due date.
    name: 'equal principal, actual/365, due date on Easter Monday and on a Saturday',
    terms: { ...base, principalMinor: 100_000n, firstDisbursementDate: '2025-03-21', instalments: 3, frequency: 'MONTHLY', amortisation: 'EQUAL_PRINCIPAL', interest: { kind: 'FIXED', annualRateBp: 1000 }, dayCount: 'ACTUAL_365', businessDayRule: 'FOLLOWING' },
    rows: [
      // 21 Mar → 21 Apr = 31 days: 100000 · 0.10 · 31/365 = 849.315 → 849; due Easter Monday 21 Apr → Tue 22 Apr
      [1, '2025-04-22', '2025-03-21', '2025-04-21', 100_000, 33_333, 849, 0, 34_182, 66_667],
      // 21 Apr → 21 May = 30 days: 66667 · 0.10 · 30/365 = 547.948 → 548; Wed 21 May stays
      [2, '2025-05-21', '2025-04-21', '2025-05-21', 66_667, 33_333, 548, 0, 33_881, 33_334],
      // 21 May → 21 Jun = 31 days: 33334 · 0.10 · 31/365 = 283.111 → 283; Sat 21 Jun → Mon 23 Jun
      [3, '2025-06-23', '2025-05-21', '2025-06-21', 33_334, 33_334, 283, 0, 33_617, 0],
    ],
  },
  {
    // 10 000.00 PLN, 5 %, actual/actual ISDA, quarterly; 1 interest-only grace quarter, then an annuity of 2.
    // r = 5 % / 4 = 1.25 %; A = 1000000 · 0.0125 · 1.0125² / (1.0125² − 1) = 12814.453125 / 0.02515625
    //   = 509394.41 → ½↑ 509394.
    name: 'interest-only grace, actual/actual across a year end into a leap year, due date on 11 November',
    terms: { ...base, principalMinor: 1_000_000n, firstDisbursementDate: '2023-08-11', instalments: 2, frequency: 'QUARTERLY', amortisation: 'ANNUITY', interest: { kind: 'FIXED', annualRateBp: 500 }, dayCount: 'ACTUAL_ACTUAL', grace: { kind: 'INTEREST_ONLY', periods: 1 }, businessDayRule: 'FOLLOWING' },
    rows: [
      // 11 Aug → 11 Nov 2023 = 92 days, all in 2023 (365): 1000000 · 0.05 · 92/365 = 12602.74 → 12603;
      // due Sat 11 Nov (also Independence Day) → Sun → Mon 13 Nov
      [1, '2023-11-13', '2023-08-11', '2023-11-11', 1_000_000, 0, 12_603, 0, 12_603, 1_000_000],
      // 11 Nov 2023 → 11 Feb 2024: 51 days in 2023 (20 in Nov + 31 in Dec) / 365 + 41 days in 2024 / 366
      //   = 0.139726 + 0.112022 = 0.251748; 1000000 · 0.05 · 0.251748 = 12587.39 → 12587;
      // principal 509394 − 12587 = 496807; due Sun 11 Feb → Mon 12 Feb
      [2, '2024-02-12', '2023-11-11', '2024-02-11', 1_000_000, 496_807, 12_587, 0, 509_394, 503_193],
      // 11 Feb → 11 May 2024 = 90 days / 366: 503193 · 0.05 · 90/366 = 6186.80 → 6187; last principal 503193;
      // due Sat 11 May → Mon 13 May
      [3, '2024-05-13', '2024-02-11', '2024-05-11', 503_193, 503_193, 6_187, 0, 509_380, 0],
    ],
  },
  {
    // 3 000.00 PLN, 6 %, 30E/360, monthly, PRECEDING; 1 period deferred with capitalisation, then annuity of 3.
    // Period 1 interest 300000 · 0.5 % = 1500, capitalised → 301500.
    // Annuity re-computed on 301500: r = 0.5 %, A = 301500 · 0.005 · 1.005³ / (1.005³ − 1) = 101506.67 → ½↑ 101507.
    name: 'capitalised deferral, then annuity re-computed; due date on 1 May moved back',
    terms: { ...base, principalMinor: 300_000n, firstDisbursementDate: '2025-03-01', instalments: 3, frequency: 'MONTHLY', amortisation: 'ANNUITY', interest: { kind: 'FIXED', annualRateBp: 600 }, dayCount: 'E30_360', grace: { kind: 'DEFERRAL_CAPITALISED', periods: 1 }, businessDayRule: 'PRECEDING' },
    rows: [
      // nothing due; 1500 capitalised; Tue 1 Apr stays
      [1, '2025-04-01', '2025-03-01', '2025-04-01', 300_000, 0, 0, 1_500, 0, 301_500],
      // 301500 · 0.5 % = 1507.5 → ½↑ 1508 (a tie, rounded up); principal 101507 − 1508 = 99999;
      // due Thu 1 May (Święto Pracy) → PRECEDING Wed 30 Apr
      [2, '2025-04-30', '2025-04-01', '2025-05-01', 301_500, 99_999, 1_508, 0, 101_507, 201_501],
      // 201501 · 0.5 % = 1007.505 → 1008; principal 100499; due Sun 1 Jun → Fri 30 May
      [3, '2025-05-30', '2025-05-01', '2025-06-01', 201_501, 100_499, 1_008, 0, 101_507, 101_002],
      // 101002 · 0.5 % = 505.01 → 505; last principal 101002 = the remainder; principal sum 301500 = 300000 + 1500
      [4, '2025-07-01', '2025-06-01', '2025-07-01', 101_002, 101_002, 505, 0, 101_507, 0],
    ],
  },
  {
    // 600.00 PLN, reference 5.75 % + margin 1.25 % but floor 8 % → 8 %, 30E/360, equal principal of 2,
    // MODIFIED_FOLLOWING; first due Sat 31 May 2025: following is Mon 2 June (next month) → back to Fri 30 May.
    name: 'rate floor, modified following at a month end, first period 30E/360 from the 30th to the 31st',
    terms: { ...base, principalMinor: 60_000n, firstDisbursementDate: '2025-04-30', firstDueDate: '2025-05-31', instalments: 2, frequency: 'MONTHLY', amortisation: 'EQUAL_PRINCIPAL', interest: { kind: 'REFERENCE_MARGIN', referenceRateBp: 575, marginBp: 125, floorBp: 800 }, dayCount: 'E30_360', businessDayRule: 'MODIFIED_FOLLOWING' },
    rows: [
      // 30E/360 30 Apr → 31 May: D2 31 → 30, so 30·1 + (30 − 30) = 30 days; 60000 · 0.08 · 30/360 = 400
      [1, '2025-05-30', '2025-04-30', '2025-05-31', 60_000, 30_000, 400, 0, 30_400, 30_000],
      // next anchor: 31 May + 1 month = 30 Jun (Mon); 30E/360 31 May → 30 Jun: D1 31 → 30, 30 + 0 = 30 days;
      // 30000 · 0.08 / 12 = 200
      [2, '2025-06-30', '2025-05-31', '2025-06-30', 30_000, 30_000, 200, 0, 30_200, 0],
    ],
  },
  {
    // Christmas Eve: a working day in 2024, a public holiday from 2025. 500.00 PLN at 0 %, quarterly, 2 instalments.
    // 0 % annuity = 50000 / 2 = 25000 each.
    name: 'Wigilia is a business day in 2024 and a holiday from 2025',
    terms: { ...base, principalMinor: 50_000n, firstDisbursementDate: '2024-09-24', instalments: 2, frequency: 'QUARTERLY', amortisation: 'ANNUITY', interest: { kind: 'FIXED', annualRateBp: 0 }, dayCount: 'ACTUAL_365', businessDayRule: 'FOLLOWING' },
    rows: [
      // Tue 24 Dec 2024 stays (the 2024 amendment applies from 2025)
      [1, '2024-12-24', '2024-09-24', '2024-12-24', 50_000, 25_000, 0, 0, 25_000, 25_000],
      // Mon 24 Mar 2025 stays
      [2, '2025-03-24', '2024-12-24', '2025-03-24', 25_000, 25_000, 0, 0, 25_000, 0],
    ],
  },
  {
    // Wed 24 Dec 2025 (Wigilia) → 25, 26 Dec holidays, 27–28 weekend → Mon 29 Dec. 1 instalment, 3 % actual/365.
    name: 'a due date on Wigilia 2025 moves past Christmas and the weekend',
    terms: { ...base, principalMinor: 36_500n, firstDisbursementDate: '2025-11-24', instalments: 1, frequency: 'MONTHLY', amortisation: 'ANNUITY', interest: { kind: 'FIXED', annualRateBp: 300 }, dayCount: 'ACTUAL_365', businessDayRule: 'FOLLOWING' },
    // 24 Nov → 24 Dec = 30 days: 36500 · 0.03 · 30/365 = 90 exactly
    rows: [[1, '2025-12-29', '2025-11-24', '2025-12-24', 36_500, 36_500, 90, 0, 36_590, 0]],
  },
];

function asRow(i: Instalment): Row {
  return [i.number, i.dueDate, i.periodStart, i.periodEnd, Number(i.openingPrincipalMinor), Number(i.principalMinor), Number(i.interestMinor), Number(i.capitalisedInterestMinor), Number(i.totalMinor), Number(i.closingPrincipalMinor)];
}

describe('buildSchedule against hand-worked schedules', () => {
  it.each(FIXTURES.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
    expect(buildSchedule(fixture.terms).map(asRow)).toEqual(fixture.rows);
  });
});
