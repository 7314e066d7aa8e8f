import fc from 'fast-check';
import { buildSchedule } from './build-schedule';
import type { LoanTerms } from './schedule.types';

/**
 * The engine against an independent computation: exact rational arithmetic (bigint fractions written
 * here, sharing no code with the engine) applied to the closed-form annuity A = P·r / (1 − (1+r)^−n),
 * with 30E/360 on regular periods (every period is exactly 1/12 or 1/4 of a year, so the periodic
 * interest is opening · r).
 */
class Q {
  readonly n: bigint;
  readonly d: bigint;
  constructor(n: bigint, d: bigint = 1n) {
    if (d === 0n) throw new RangeError('zero denominator');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n < 0n ? -n : n, d);
    this.n = n / g;
    this.d = d / g;
  }
  plus(o: Q): Q {
    return new Q(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  minus(o: Q): Q {
    return new Q(this.n * o.d - o.n * this.d, this.d * o.d);
  }
  times(o: Q): Q {
    return new Q(this.n * o.n, this.d * o.d);
  }
  over(o: Q): Q {
    return new Q(this.n * o.d, this.d * o.n);
  }
  pow(k: number): Q {
    let out = new Q(1n);
    for (let i = 0; i < Math.abs(k); i++) out = out.times(this);
    return k < 0 ? new Q(1n).over(out) : out;
  }
  /** Half-up to an integer (values here are non-negative). */
  round(): bigint {
    const floor = this.n / this.d;
    const rest = new Q(this.n - floor * this.d, this.d);
    return rest.times(new Q(2n)).n >= rest.times(new Q(2n)).d ? floor + 1n : floor;
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

const ONE = new Q(1n);

function periodicRate(rateBp: number, perYear: number): Q {
  return new Q(BigInt(rateBp), 10_000n * BigInt(perYear));
}

/** Closed form: A = P·r / (1 − (1+r)^−n); at r = 0, P / n. */
function closedFormAnnuity(principal: bigint, r: Q, n: number): Q {
  if (r.n === 0n) return new Q(principal, BigInt(n));
  return new Q(principal).times(r).over(ONE.minus(ONE.plus(r).pow(-n)));
}

interface Row {
  principal: bigint;
  interest: bigint;
  capitalised: bigint;
}

/** The expected schedule, row by row, from the closed form and the rounding rules in the README. */
function expectedAnnuitySchedule(principal: bigint, rateBp: number, perYear: number, n: number, deferred: number): Row[] {
  const r = periodicRate(rateBp, perYear);
  const rows: Row[] = [];
  let balance = principal;
  for (let k = 0; k < deferred; k++) {
    const interest = new Q(balance).times(r).round();
    rows.push({ principal: 0n, interest: 0n, capitalised: interest });
    balance += interest;
  }
  const a = closedFormAnnuity(balance, r, n).round();
  for (let k = 1; k <= n; k++) {
    const interest = new Q(balance).times(r).round();
    let part = k === n ? balance : a - interest;
    if (part < 0n) part = 0n;
    if (part > balance) part = balance;
    rows.push({ principal: part, interest, capitalised: 0n });
    balance -= part;
  }
  return rows;
}

function terms(principal: bigint, rateBp: number, frequency: 'MONTHLY' | 'QUARTERLY', n: number, deferred = 0, start = '2025-01-10'): LoanTerms {
  return {
    principalMinor: principal,
    currency: 'PLN',
    firstDisbursementDate: start,
    instalments: n,
    frequency,
    amortisation: 'ANNUITY',
    interest: { kind: 'FIXED', annualRateBp: rateBp },
    dayCount: 'E30_360',
    grace: deferred ? { kind: 'DEFERRAL_CAPITALISED', periods: deferred } : { kind: 'NONE', periods: 0 },
    businessDayRule: 'FOLLOWING',
  };
}

const actual = (t: LoanTerms): Row[] => buildSchedule(t).map((i) => ({ principal: i.principalMinor, interest: i.interestMinor, capitalised: i.capitalisedInterestMinor }));

describe('annuity schedules agree with the closed form, computed in exact fractions', () => {
  it('gives the textbook instalments: 100 000 PLN at 6 % over 12 months is 8 606.64; 300 000 PLN at 6 % over 360 months is 1 798.65', () => {
    expect(closedFormAnnuity(10_000_000n, periodicRate(600, 12), 12).round()).toBe(860_664n);
    expect(buildSchedule(terms(10_000_000n, 600, 'MONTHLY', 12))[0].totalMinor).toBe(860_664n);
    expect(closedFormAnnuity(30_000_000n, periodicRate(600, 12), 360).round()).toBe(179_865n);
    expect(buildSchedule(terms(30_000_000n, 600, 'MONTHLY', 360))[0].totalMinor).toBe(179_865n);
  });

  it.each([
    ['BGK-style 0.25 % fixed, 120 months, 500 000 PLN', 50_000_000n, 25, 'MONTHLY', 120, 0],
    ['8.5 %, 20 quarters, 1 234 567.89 PLN', 123_456_789n, 850, 'QUARTERLY', 20, 0],
    ['3 % with 6 months deferred and capitalised, then 54 months', 7_500_000n, 300, 'MONTHLY', 54, 6],
    ['0 %, 7 months, 100.01 PLN', 10_001n, 0, 'MONTHLY', 7, 0],
  ] as const)('%s: every instalment to the grosz', (_label, principal, rateBp, frequency, n, deferred) => {
    const perYear = frequency === 'MONTHLY' ? 12 : 4;
    expect(actual(terms(principal, rateBp, frequency, n, deferred))).toEqual(expectedAnnuitySchedule(principal, rateBp, perYear, n, deferred));
  });

  it('agrees for random principals, rates, terms and capitalised deferrals', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10_000_000_000n }),
        fc.integer({ min: 0, max: 2_500 }),
        fc.constantFrom('MONTHLY' as const, 'QUARTERLY' as const),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 28 }),
        (principal, rateBp, frequency, n, deferred, day) => {
          const start = `2026-03-${String(day).padStart(2, '0')}`;
          const perYear = frequency === 'MONTHLY' ? 12 : 4;
          expect(actual(terms(principal, rateBp, frequency, n, deferred, start))).toEqual(expectedAnnuitySchedule(principal, rateBp, perYear, n, deferred));
        },
      ),
      { numRuns: 150 },
    );
  });
});
