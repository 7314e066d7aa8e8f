import fc from 'fast-check';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { addDays } from '../../api/src/shared/dates';
import { closeBusinessDatePerLoan } from '../../api/src/fund/close';
import { Loan, LoanError, LoanRepayment, LoanService } from '../../api/src/fund/loans';
import { ensureLoanSchema, openTestLoan } from '../../api/src/fund/loans/testing/loan-fixtures';

/** Runs per property (each a fresh loan and a random sequence of up to 10 commands). FUND_PROPERTY_RUNS overrides. */
const RUNS = Number(process.env.FUND_PROPERTY_RUNS ?? 25);

type Command =
  | { kind: 'disburse'; share: number }
  | { kind: 'repay'; share: number; retry: boolean }
  | { kind: 'overpay' }
  | { kind: 'reverse' }
  | { kind: 'restructure'; instalments: number; capitalise: boolean }
  | { kind: 'remit'; shareBp: number }
  | { kind: 'writeOff' }
  | { kind: 'close' }
  | { kind: 'days'; days: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('disburse' as const), share: fc.integer({ min: 1, max: 100 }) }),
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('repay' as const), share: fc.integer({ min: 1, max: 1000 }), retry: fc.boolean() }) },
  fc.record({ kind: fc.constant('overpay' as const) }),
  fc.record({ kind: fc.constant('reverse' as const) }),
  fc.record({ kind: fc.constant('restructure' as const), instalments: fc.integer({ min: 1, max: 36 }), capitalise: fc.boolean() }),
  fc.record({ kind: fc.constant('remit' as const), shareBp: fc.integer({ min: 1, max: 4000 }) }),
  fc.record({ kind: fc.constant('writeOff' as const) }),
  fc.record({ kind: fc.constant('close' as const) }),
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('days' as const), days: fc.integer({ min: 1, max: 70 }) }) },
);

/**
 * Random sequences of loan commands; after every step the books must hold: each entry balances,
 * the trial balance sums to zero, cached balances equal a replay of the postings, the loan's cached
 * balances equal its sub-ledger, and no balance goes negative. The fast path: one loan per run and
 * the per-loan close for just that loan (the set-based close is held equal to it in fund-close.test.ts).
 */
describe('fund loans, property: the books stay whole whatever happens', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('fund_loans_prop');
    await ensureLoanSchema(db.orm);
  });
  afterAll(async () => db?.drop());

  async function invariants(loanId: string): Promise<void> {
    const [row] = await db.orm.em.fork().getConnection().execute(
      `select
         (select count(*) from (select entry_id from fund_posting group by entry_id
            having sum(case side when 'DEBIT' then amount_minor else -amount_minor end) <> 0) x)::int as unbalanced,
         (select coalesce(sum(debit_minor - credit_minor), 0) from fund_account_balance)::text as trial,
         (select count(*) from (
            select account_code, sum(case side when 'DEBIT' then amount_minor else 0 end) d, sum(case side when 'CREDIT' then amount_minor else 0 end) c
              from fund_posting group by account_code
            except select account_code, debit_minor, credit_minor from fund_account_balance where debit_minor <> 0 or credit_minor <> 0) x)::int as account_drift,
         (select count(*) from (
            (select account_code, sum(case side when 'DEBIT' then amount_minor else 0 end) d, sum(case side when 'CREDIT' then amount_minor else 0 end) c
               from fund_posting where loan_id = ? group by account_code
             except select account_code, debit_minor, credit_minor from fund_dimension_balance where loan_id = ?)
            union all
            (select account_code, debit_minor, credit_minor from fund_dimension_balance where loan_id = ?
             except select account_code, sum(case side when 'DEBIT' then amount_minor else 0 end), sum(case side when 'CREDIT' then amount_minor else 0 end)
               from fund_posting where loan_id = ? group by account_code)) x)::int as loan_drift,
         (select coalesce(sum(case when account_code = '141' then debit_minor - credit_minor end), 0) from fund_dimension_balance where loan_id = ?)::text as p141,
         (select coalesce(sum(case when account_code = '142' then debit_minor - credit_minor end), 0) from fund_dimension_balance where loan_id = ?)::text as p142,
         (select coalesce(sum(case when account_code = '144' then debit_minor - credit_minor end), 0) from fund_dimension_balance where loan_id = ?)::text as p144,
         (select coalesce(sum(case when account_code = '145' then credit_minor - debit_minor end), 0) from fund_dimension_balance where loan_id = ?)::text as p145`,
      [loanId, loanId, loanId, loanId, loanId, loanId, loanId, loanId],
    );
    expect(row.unbalanced).toBe(0);
    expect(row.trial).toBe('0');
    expect(row.account_drift).toBe(0);
    expect(row.loan_drift).toBe(0);
    const loan = await db.orm.em.fork().findOneOrFail(Loan, { id: loanId });
    expect(loan.principalOutstandingMinor >= 0n && loan.principalDueMinor >= 0n && loan.interestDueMinor >= 0n && loan.interestUnbilledMinor >= 0n && loan.penaltyDueMinor >= 0n).toBe(true);
    expect(BigInt(row.p141)).toBe(loan.principalOutstandingMinor);
    expect(BigInt(row.p142)).toBe(loan.interestDueMinor + loan.interestUnbilledMinor);
    expect(BigInt(row.p144)).toBe(loan.penaltyDueMinor);
    expect(BigInt(row.p145)).toBe(loan.provisionMinor);
  }

  it('keeps every entry balanced, the trial balance at zero, caches equal to the replay and principal non-negative', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 10 }), fc.boolean(), async (commands, withRemission) => {
        run++;
        const opened = await openTestLoan(db.orm.em.fork(), withRemission ? { remission: { maxShareBp: 4000, jobsPromised: 1, deadline: '2026-01-20' } } : {});
        const s = () => new LoanService(db.orm.em.fork());
        let date = '2026-01-15';
        let key = 0;
        await s().disburse({ loanId: opened.id, amountMinor: 6_000_000n, businessDate: date });
        for (const c of commands) {
          const loan = await db.orm.em.fork().findOneOrFail(Loan, { id: opened.id });
          try {
            if (c.kind === 'days') {
              for (let i = 0; i < c.days; i += 7) {
                date = addDays(date, Math.min(7, c.days - i));
                await closeBusinessDatePerLoan(db.orm.em.fork(), date, { loanIds: [opened.id], record: false });
              }
            } else if (c.kind === 'disburse') {
              const left = loan.approvedPrincipalMinor - loan.disbursedPrincipalMinor;
              await s().disburse({ loanId: opened.id, amountMinor: 1n + (left * BigInt(c.share)) / 100n, businessDate: date });
            } else if (c.kind === 'repay') {
              const amount = 1n + (loan.totalOwedMinor() * BigInt(c.share)) / 1000n;
              const cmd = { loanId: opened.id, amountMinor: amount, businessDate: date, idempotencyKey: `${run}-${key++}` };
              const first = await s().repay(cmd);
              if (c.retry) expect((await s().repay(cmd)).repayment.id).toBe(first.repayment.id);
            } else if (c.kind === 'overpay') {
              await expect(s().repay({ loanId: opened.id, amountMinor: loan.totalOwedMinor() + 1n, businessDate: date, idempotencyKey: `${run}-${key++}` })).rejects.toBeInstanceOf(LoanError);
            } else if (c.kind === 'reverse') {
              const last = await db.orm.em.fork().findOne(LoanRepayment, { loanId: opened.id }, { orderBy: { createdAt: 'desc' } });
              if (last) await s().reverseRepayment({ repaymentId: last.id, businessDate: date });
            } else if (c.kind === 'restructure') {
              await s().restructure({ loanId: opened.id, businessDate: date, instalments: c.instalments, capitaliseInterest: c.capitalise });
            } else if (c.kind === 'remit') {
              await s().remit({ loanId: opened.id, businessDate: date, shareBp: c.shareBp, jobsKept: 1 });
            } else if (c.kind === 'writeOff') {
              await s().writeOff({ loanId: opened.id, businessDate: date });
            } else {
              await s().close({ loanId: opened.id, businessDate: date });
            }
          } catch (error) {
            // A refused command (typed LoanError) is a legal outcome; anything else is a bug.
            if (!(error instanceof LoanError)) throw error;
          }
          await invariants(opened.id);
        }
      }),
      { numRuns: RUNS, seed: 20261127 },
    );
  }, 240_000);
});
