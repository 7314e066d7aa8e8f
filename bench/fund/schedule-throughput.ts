/**
 * Repayment schedule throughput (not a test; never run by `npm test`).
 *
 *   npm run build --silent && node dist/bench/fund/schedule-throughput.js [--seconds 3]
 *
 * Builds 120-instalment monthly annuities (the longest BGK-style social-economy loan: 10 years) for a
 * fixed time per scenario, with principals and disbursement dates varied per schedule so that no two
 * builds are alike, and prints schedules per second. One process, one core.
 */
import { buildSchedule, rescheduleFrom, type LoanTerms } from '../../api/src/fund/schedule';

const argv = process.argv.slice(2);
const secondsArg = argv.indexOf('--seconds');
const SECONDS = secondsArg >= 0 ? Number(argv[secondsArg + 1]) : 3;

const base: LoanTerms = {
  principalMinor: 0n,
  currency: 'PLN',
  firstDisbursementDate: '2026-01-01',
  instalments: 120,
  frequency: 'MONTHLY',
  amortisation: 'ANNUITY',
  interest: { kind: 'FIXED', annualRateBp: 25 },
  dayCount: 'E30_360',
  grace: { kind: 'NONE', periods: 0 },
  businessDayRule: 'FOLLOWING',
};

const pad = (n: number): string => String(n).padStart(2, '0');
/** A disbursement date spread over 2026–2035, day 1–28. */
const dateFor = (i: number): string => `${2026 + (i % 10)}-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}`;

interface Scenario {
  name: string;
  build: (i: number) => number;
}

const scenarios: Scenario[] = [
  { name: 'annuity 120 × monthly, 0.25 % fixed, 30E/360, FOLLOWING', build: (i) => buildSchedule({ ...base, principalMinor: 10_000_000n + BigInt(i), firstDisbursementDate: dateFor(i) }).length },
  { name: 'annuity 120 × monthly, WIBOR + margin with floor, actual/365, MODIFIED_FOLLOWING', build: (i) => buildSchedule({ ...base, principalMinor: 25_000_000n + BigInt(i), firstDisbursementDate: dateFor(i), interest: { kind: 'REFERENCE_MARGIN', referenceRateBp: 575, marginBp: 150, floorBp: 25 }, dayCount: 'ACTUAL_365', businessDayRule: 'MODIFIED_FOLLOWING' }).length },
  { name: 'annuity 120 × monthly, 6 % actual/actual, 6 months capitalised deferral first', build: (i) => buildSchedule({ ...base, principalMinor: 50_000_000n + BigInt(i), firstDisbursementDate: dateFor(i), interest: { kind: 'FIXED', annualRateBp: 600 }, dayCount: 'ACTUAL_ACTUAL', grace: { kind: 'DEFERRAL_CAPITALISED', periods: 6 } }).length },
  { name: 'equal principal 120 × monthly, 5 % actual/365', build: (i) => buildSchedule({ ...base, principalMinor: 10_000_000n + BigInt(i), firstDisbursementDate: dateFor(i), amortisation: 'EQUAL_PRINCIPAL', interest: { kind: 'FIXED', annualRateBp: 500 }, dayCount: 'ACTUAL_365' }).length },
  { name: 'reschedule: 3-month holiday + rate cut, then 120 × annuity', build: (i) => rescheduleFrom({ terms: base, outstandingPrincipalMinor: 7_000_000n + BigInt(i), fromDate: dateFor(i), instalments: 120, paymentHoliday: { periods: 3, kind: 'INTEREST_ONLY' }, rateCut: { periods: 6, annualRateBp: 0 } }).length },
];

/** Wall-clock rate, and the rate per second of this process's CPU time (steadier on a shared machine). */
function run(s: Scenario): { perSecond: number; perCpuSecond: number; rows: number; count: number; ms: number } {
  for (let i = 0; i < 500; i++) s.build(i); // warm-up: JIT and the per-year holiday cache
  let count = 0;
  let rows = 0;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const stop = start + SECONDS * 1000;
  let now = start;
  while (now < stop) {
    for (let k = 0; k < 100; k++) rows += s.build(count++);
    now = performance.now();
  }
  const ms = now - start;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { perSecond: (count * 1000) / ms, perCpuSecond: (count * 1000) / cpuMs, rows, count, ms };
}

console.log(`node ${process.version}, ${SECONDS} s per scenario`);
for (const s of scenarios) {
  const r = run(s);
  const fmt = (n: number): string => Math.round(n).toLocaleString('en-GB');
  console.log(`${s.name}: ${fmt(r.perSecond)} schedules/s wall, ${fmt(r.perCpuSecond)} per CPU-second (${r.count} schedules, ${r.rows} instalments in ${Math.round(r.ms)} ms)`);
}
