import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { addDays } from '../../api/src/shared/dates';
import { BooksService, FundAccount, normalBalance } from '../../api/src/fund/books';
import { BooksAuditor } from '../../api/src/fund/books/testing/books-auditor';
import { closeBusinessDatePerLoan } from '../../api/src/fund/close';
import { GuaranteeError, GuaranteeService, exposureLimit, refreshGuaranteeExposure, type GuaranteeFundRecord, type GuaranteeRecord } from '../../api/src/fund/guarantees';
import { Loan, LoanError, LoanRepayment, LoanService } from '../../api/src/fund/loans';
import { ensureLoanSchema, openTestLoan } from '../../api/src/fund/loans/testing/loan-fixtures';

/**
 * Random sequences (FUND_PROPERTY_RUNS, default 2,000) of everything that moves the Fund's money:
 * a loan's disbursements, repayments (some retried with the same idempotency key), refused
 * overpayments, reversals, restructurings, remissions, write-offs, closure and days of close of
 * business, interleaved with guarantees issued, reported, called, paid out, recovered and reversed
 * in a guarantee fund of the sequence's own. After every step:
 *  - each new journal entry balances and the trial balance sums to zero (cache and replay);
 *  - cached balances per account, per loan and per guarantee equal a replay of the postings
 *    (an incremental one in application code, BooksAuditor; a full server-side one,
 *    BooksService.replayBalances, every FULL_REPLAY_EVERY sequences and at the end);
 *  - the loan's own figures equal its sub-ledger and none goes negative (principal never does);
 *  - each guarantee's figures equal its sub-ledger, no exposure passes its cap, and no guarantee
 *    fund's exposure passes multiplier × capital.
 * A refused command is legal only as a typed LoanError or GuaranteeError; anything else fails.
 */
const RUNS = Number(process.env.FUND_PROPERTY_RUNS ?? 2_000);
/**
 * Lanes run side by side, each with its own database, books and seed: a sequence spends most of its
 * time waiting for PostgreSQL, so two lanes finish the same number of sequences in far less time.
 */
const LANES = Math.max(1, Number(process.env.FUND_PROPERTY_LANES ?? 2));
const FULL_REPLAY_EVERY = 250;
const SEED = Number(process.env.FUND_PROPERTY_SEED ?? 20261208);

type Command =
  | { kind: 'disburse'; share: number }
  | { kind: 'repay'; share: number; retry: boolean }
  | { kind: 'overpay' }
  | { kind: 'reverse' }
  | { kind: 'restructure'; instalments: number; capitalise: boolean }
  | { kind: 'remit'; shareBp: number }
  | { kind: 'writeOff' }
  | { kind: 'close' }
  | { kind: 'days'; days: number }
  | { kind: 'guaranteeIssue'; principalZl: number; termMonths: number }
  | { kind: 'guaranteeReport'; pick: number; sharePercent: number }
  | { kind: 'guaranteeCall'; pick: number; aim: boolean; sharePercent: number }
  | { kind: 'guaranteePayout'; pick: number; aim: boolean }
  | { kind: 'guaranteeRecover'; pick: number; aim: boolean; sharePercent: number }
  | { kind: 'guaranteeReverse'; pick: number };

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
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('guaranteeIssue' as const), principalZl: fc.integer({ min: 1, max: 700_000 }), termMonths: fc.integer({ min: 1, max: 96 }) }) },
  fc.record({ kind: fc.constant('guaranteeReport' as const), pick: fc.nat(), sharePercent: fc.integer({ min: 0, max: 100 }) }),
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('guaranteeCall' as const), pick: fc.nat(), aim: fc.boolean(), sharePercent: fc.integer({ min: 1, max: 110 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('guaranteePayout' as const), pick: fc.nat(), aim: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('guaranteeRecover' as const), pick: fc.nat(), aim: fc.boolean(), sharePercent: fc.integer({ min: 1, max: 120 }) }) },
  fc.record({ kind: fc.constant('guaranteeReverse' as const), pick: fc.nat() }),
);

/** A sequence: the guarantees its fund starts with (so calls and payouts have something to act on), then its commands. */
const sequence = fc.record({
  withRemission: fc.boolean(),
  guarantees: fc.array(
    fc.record({
      principalZl: fc.integer({ min: 1_000, max: 700_000 }),
      termMonths: fc.integer({ min: 1, max: 84 }),
      /** How far it has got when the commands begin: issued, called for part of its exposure, or paid out. */
      stage: fc.constantFrom('ACTIVE' as const, 'CALLED' as const, 'PAID_OUT' as const),
      calledPercent: fc.integer({ min: 1, max: 100 }),
    }),
    { maxLength: 2 },
  ),
  commands: fc.array(command, { minLength: 1, maxLength: 12 }),
});
type Sequence = typeof sequence extends fc.Arbitrary<infer S> ? S : never;

const PLN = (zl: number) => BigInt(zl) * 100n;

/** One sequence's world: its loan, its guarantee fund (made at the first guarantee command) and guarantees. */
interface World {
  run: number;
  loanId: string;
  date: string;
  nextKey: number;
  guaranteeFund: { fundId: string; productId: string } | null;
  guaranteeIds: string[];
}

/** What a command came to: it changed something, found nothing to act on, or was refused with a typed error. */
type Outcome = 'done' | 'nothing' | 'refused';
type Tally = Map<string, Record<Outcome, number>>;

/**
 * One lane: a database of its own with the loan schema, a partner bank, the incremental auditor of
 * its books, and the steps and checks of a sequence.
 */
async function openLane(label: string) {
  const db = await createTestDatabase(label);
  await ensureLoanSchema(db.orm);
  const fork = () => db.orm.em.fork() as EntityManager;
  const auditor = new BooksAuditor(fork);
  const loans = () => new LoanService(fork());
  const guarantees = <T>(work: (service: GuaranteeService) => Promise<T>): Promise<T> =>
    fork().transactional((em) => work(new GuaranteeService(em as EntityManager)));
  const sql = async <T>(query: string, params: unknown[] = []) => (await fork().getConnection().execute(query, params)) as T[];
  const partnerId = (await guarantees((s) => s.createPartner({ name: 'Bank Spółdzielczy w Przykładowie', nip: '5260250995' }))).id;

  async function guaranteeFundOf(world: World): Promise<{ fundId: string; productId: string }> {
    world.guaranteeFund ??= await guarantees(async (s) => {
      const fund = await s.createFund({ name: `Fundusz poręczeniowy ${world.run}`, capitalMinor: PLN(300_000), multiplierBp: 30_000, businessDate: world.date }); // limit 900 000 zł
      const product = await s.createProduct({ fundId: fund.id, name: 'Poręczenie 80 %', coverageBp: 8_000, capMinor: PLN(500_000), feeBp: 50, maxTermMonths: 84 });
      return { fundId: fund.id, productId: product.id };
    });
    return world.guaranteeFund;
  }

  /** The sequence's loan, disbursed in part, and the guarantees it starts with (issued like any other). */
  async function open(run: number, start: Omit<Sequence, 'commands'>): Promise<World> {
    const opened = await openTestLoan(fork(), start.withRemission ? { remission: { maxShareBp: 4000, jobsPromised: 1, deadline: '2026-01-20' } } : {});
    const world: World = { run, loanId: opened.id, date: '2026-01-15', nextKey: 0, guaranteeFund: null, guaranteeIds: [] };
    await loans().disburse({ loanId: world.loanId, amountMinor: 6_000_000n, businessDate: world.date });
    for (const g of start.guarantees) {
      const issued = world.guaranteeIds.length;
      // Two large ones may not fit under the fund's limit together: a refused one is simply not there.
      await step(world, { kind: 'guaranteeIssue', principalZl: g.principalZl, termMonths: g.termMonths }).catch((error: unknown) => {
        if (!(error instanceof GuaranteeError)) throw error;
      });
      if (world.guaranteeIds.length === issued) continue;
      const pick = world.guaranteeIds.length - 1;
      if (g.stage !== 'ACTIVE') await step(world, { kind: 'guaranteeCall', pick, aim: false, sharePercent: g.calledPercent - 1 });
      if (g.stage === 'PAID_OUT') await step(world, { kind: 'guaranteePayout', pick, aim: false });
    }
    return world;
  }

  /** Runs one command against the world. Refusals are thrown (LoanError, GuaranteeError) for the caller to judge. */
  async function step(world: World, c: Command): Promise<Exclude<Outcome, 'refused'>> {
    const currentLoan = () => fork().findOneOrFail(Loan, { id: world.loanId });
    const pickGuarantee = (pick: number): string | undefined => world.guaranteeIds[pick % Math.max(world.guaranteeIds.length, 1)];
    /**
     * One of the world's guarantees. Aimed, among those in the status the command needs (a call
     * needs an ACTIVE one, a payout a CALLED one, a recovery a PAID_OUT one), so whole chains of
     * call → payout → recovery happen often; unaimed, any — the refusals are tested too.
     */
    const guarantee = async (pick: number, aimAt?: GuaranteeRecord['status']): Promise<GuaranteeRecord | null> => {
      if (!world.guaranteeIds.length) return null;
      const all = await readGuarantees(world.guaranteeIds);
      const aimed = aimAt ? all.filter((g) => g.status === aimAt) : [];
      const candidates = aimed.length ? aimed : all;
      return candidates[pick % candidates.length] ?? null;
    };
    switch (c.kind) {
      case 'days':
        for (let i = 0; i < c.days; i += 7) {
          world.date = addDays(world.date, Math.min(7, c.days - i));
          await closeBusinessDatePerLoan(fork(), world.date, { loanIds: [world.loanId], record: false });
          // The guarantee part of the daily close (expiry, exposure from the last report), set-based over the lane's guarantees.
          if (world.guaranteeIds.length) await fork().transactional((em) => refreshGuaranteeExposure(em as EntityManager, world.date));
        }
        return 'done';
      case 'disburse': {
        const loan = await currentLoan();
        const left = loan.approvedPrincipalMinor - loan.disbursedPrincipalMinor;
        await loans().disburse({ loanId: world.loanId, amountMinor: 1n + (left * BigInt(c.share)) / 100n, businessDate: world.date });
        return 'done';
      }
      case 'repay': {
        const loan = await currentLoan();
        const cmd = { loanId: world.loanId, amountMinor: 1n + (loan.totalOwedMinor() * BigInt(c.share)) / 1000n, businessDate: world.date, idempotencyKey: `${world.run}-${world.nextKey++}` };
        const first = await loans().repay(cmd);
        if (c.retry) {
          const again = await loans().repay(cmd);
          expect(again.repayment.id).toBe(first.repayment.id);
          expect(again.replayed).toBe(true);
        }
        return 'done';
      }
      case 'overpay': {
        // Refused by design: the overpayment must come back as a typed error and change nothing.
        const loan = await currentLoan();
        await expect(
          loans().repay({ loanId: world.loanId, amountMinor: loan.totalOwedMinor() + 1n, businessDate: world.date, idempotencyKey: `${world.run}-${world.nextKey++}` }),
        ).rejects.toBeInstanceOf(LoanError);
        return 'done';
      }
      case 'reverse': {
        const last = await fork().findOne(LoanRepayment, { loanId: world.loanId }, { orderBy: { createdAt: 'desc' } });
        if (!last) return 'nothing';
        await loans().reverseRepayment({ repaymentId: last.id, businessDate: world.date });
        return 'done';
      }
      case 'restructure':
        await loans().restructure({ loanId: world.loanId, businessDate: world.date, instalments: c.instalments, capitaliseInterest: c.capitalise });
        return 'done';
      case 'remit':
        await loans().remit({ loanId: world.loanId, businessDate: world.date, shareBp: c.shareBp, jobsKept: 1 });
        return 'done';
      case 'writeOff':
        await loans().writeOff({ loanId: world.loanId, businessDate: world.date });
        return 'done';
      case 'close':
        await loans().close({ loanId: world.loanId, businessDate: world.date });
        return 'done';
      case 'guaranteeIssue': {
        const { productId } = await guaranteeFundOf(world);
        const issued = await guarantees((s) =>
          s.issue({ productId, partnerLenderId: partnerId, borrowerName: 'Spółdzielnia Socjalna „Razem”', partnerLoanReference: randomUUID(), loanPrincipalMinor: PLN(c.principalZl), termMonths: c.termMonths, issuedOn: world.date }),
        );
        world.guaranteeIds.push(issued.id);
        return 'done';
      }
      case 'guaranteeReport': {
        const g = await guarantee(c.pick);
        if (!g) return 'nothing';
        await guarantees((s) => s.reportExposure(g.id, world.date, (g.loanPrincipalMinor * BigInt(c.sharePercent)) / 100n));
        return 'done';
      }
      case 'guaranteeCall': {
        const g = await guarantee(c.pick, c.aim ? 'ACTIVE' : undefined);
        if (!g) return 'nothing';
        await guarantees((s) => s.call(g.id, world.date, (g.exposureMinor * BigInt(c.sharePercent)) / 100n + 1n));
        return 'done';
      }
      case 'guaranteePayout': {
        const g = await guarantee(c.pick, c.aim ? 'CALLED' : undefined);
        if (!g) return 'nothing';
        await guarantees((s) => s.payout(g.id, world.date));
        return 'done';
      }
      case 'guaranteeRecover': {
        const g = await guarantee(c.pick, c.aim ? 'PAID_OUT' : undefined);
        if (!g) return 'nothing';
        await guarantees((s) => s.recover(g.id, world.date, ((g.paidMinor - g.recoveredMinor) * BigInt(c.sharePercent)) / 100n + 1n));
        return 'done';
      }
      case 'guaranteeReverse': {
        const id = pickGuarantee(c.pick);
        if (!id) return 'nothing';
        const reversible = (await guarantees((s) => s.events([id]))).filter((e) => (e.kind === 'RECOVERY' || e.kind === 'ISSUE') && !e.reversedById);
        const last = reversible[reversible.length - 1];
        if (!last) return 'nothing';
        await guarantees((s) => s.reverseEvent(last.id, world.date, 'Korekta'));
        return 'done';
      }
    }
  }

  /** The sub-ledger balance (normal side) of one loan or guarantee on an account, from the auditor's replay. */
  const replayed = (account: FundAccount, dims: { loanId?: string; guaranteeId?: string }) => {
    const t = auditor.replayed(account, dims);
    return normalBalance(account, t.debitMinor, t.creditMinor);
  };

  async function invariants(world: World): Promise<void> {
    // Independent reads side by side (nothing writes in between): the books, the loan, the guarantees.
    const [findings, loan, held] = await Promise.all([
      auditor.audit({ loanIds: [world.loanId], guaranteeIds: world.guaranteeIds }),
      fork().findOneOrFail(Loan, { id: world.loanId }),
      guaranteesOf(world),
    ]);
    // Broken rules collected as sentences, then one assertion: it reads well when it fails, and
    // thousands of sequences do not pay for hundreds of thousands of matcher calls.
    const broken: string[] = [];
    const rule = (holds: boolean, what: () => string) => {
      if (!holds) broken.push(what());
    };
    const show = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    rule(findings.unbalancedEntries.length === 0, () => `unbalanced entries ${show(findings.unbalancedEntries)}`);
    rule(findings.cachedTrialBalanceMinor === 0n, () => `cached trial balance ${findings.cachedTrialBalanceMinor} ≠ 0`);
    rule(findings.replayedTrialBalanceMinor === 0n, () => `replayed trial balance ${findings.replayedTrialBalanceMinor} ≠ 0`);
    rule(findings.cacheDrift.length === 0, () => `cached balances differ from the replay: ${show(findings.cacheDrift)}`);

    const figures = {
      principalOutstanding: loan.principalOutstandingMinor,
      principalDue: loan.principalDueMinor,
      interestDue: loan.interestDueMinor,
      interestUnbilled: loan.interestUnbilledMinor,
      feeDue: loan.feeDueMinor,
      penaltyDue: loan.penaltyDueMinor,
      provision: loan.provisionMinor,
    };
    for (const [name, value] of Object.entries(figures)) rule(value >= 0n, () => `loan ${name} ${value} < 0`);
    rule(loan.principalDueMinor <= loan.principalOutstandingMinor, () => `loan principal due ${loan.principalDueMinor} > outstanding ${loan.principalOutstandingMinor}`);
    const loanId = world.loanId;
    const subLedger = (account: FundAccount, expected: bigint, name: string, dims: { loanId?: string; guaranteeId?: string }) => {
      const actual = replayed(account, dims);
      rule(actual === expected, () => `${dims.loanId ? 'loan' : `guarantee ${dims.guaranteeId}`}: account ${account} holds ${actual}, ${name} is ${expected}`);
    };
    subLedger(FundAccount.LOANS_PRINCIPAL, loan.principalOutstandingMinor, 'principal outstanding', { loanId });
    subLedger(FundAccount.INTEREST_RECEIVABLE, loan.interestDueMinor + loan.interestUnbilledMinor, 'interest due + unbilled', { loanId });
    subLedger(FundAccount.FEES_RECEIVABLE, loan.feeDueMinor, 'fees due', { loanId });
    subLedger(FundAccount.PENALTY_RECEIVABLE, loan.penaltyDueMinor, 'penalty due', { loanId });
    subLedger(FundAccount.LOAN_LOSS_ALLOWANCE, loan.provisionMinor, 'provision', { loanId });

    for (const g of held.guarantees) {
      const guaranteeId = g.id;
      rule(g.exposureMinor >= 0n && g.exposureMinor <= g.capMinor, () => `guarantee ${guaranteeId} exposure ${g.exposureMinor} outside 0…${g.capMinor}`);
      subLedger(FundAccount.GUARANTEE_FEE_INCOME, g.status === 'CANCELLED' ? 0n : g.feeMinor, 'fee (0 once cancelled)', { guaranteeId });
      subLedger(FundAccount.GUARANTEE_LOSS_EXPENSE, g.calledMinor, 'called', { guaranteeId });
      subLedger(FundAccount.GUARANTEE_CALLS_PAYABLE, g.calledMinor - g.paidMinor, 'called − paid', { guaranteeId });
      subLedger(FundAccount.RECOVERY_INCOME, g.recoveredMinor, 'recovered', { guaranteeId });
    }
    if (held.fund) {
      const limit = exposureLimit(held.fund.capitalMinor, held.fund.multiplierBp);
      rule(held.fund.exposureMinor <= limit, () => `guarantee fund exposure ${held.fund!.exposureMinor} > limit ${limit}`);
    }
    expect(broken).toEqual([]);
  }

  /** The sequence's guarantees and its guarantee fund (exposure summed over its guarantees), read as the service reads them. */
  async function guaranteesOf(world: World): Promise<{ guarantees: GuaranteeRecord[]; fund: GuaranteeFundRecord | null }> {
    if (!world.guaranteeFund) return { guarantees: [], fund: null };
    const [held, fund] = await Promise.all([readGuarantees(world.guaranteeIds), new GuaranteeService(fork()).fund(world.guaranteeFund.fundId)]);
    return { guarantees: held, fund };
  }

  /** Guarantees by id, read side by side through the service. */
  async function readGuarantees(ids: readonly string[]): Promise<GuaranteeRecord[]> {
    const s = new GuaranteeService(fork());
    return (await Promise.all(ids.map((id) => s.guarantee(id)))).filter((g): g is GuaranteeRecord => g != null);
  }

  /** No guarantee fund of the lane — not only the latest sequence's — has exposure above multiplier × capital. */
  async function expectEveryFundWithinLimit(): Promise<void> {
    const overLimit = await sql<{ id: string }>(
      `select f.id from fund_guarantee_fund f
        where (select coalesce(sum(g.exposure_minor), 0) from fund_guarantee g where g.fund_id = f.id) > f.capital_minor * f.multiplier_bp / 10000`,
    );
    expect(overLimit).toEqual([]);
  }

  /** The full, server-side replay of every balance against the cache (and every fund within its limit). */
  async function expectFullReplayClean(): Promise<void> {
    await expectEveryFundWithinLimit();
    const replay = await new BooksService(fork()).replayBalances();
    expect(replay.mismatches).toEqual([]);
    expect(replay.accounts.reduce((sum, line) => sum + line.netMinor, 0n)).toBe(0n);
  }

  return { open, step, invariants, expectFullReplayClean, drop: () => db.drop() };
}

type Lane = Awaited<ReturnType<typeof openLane>>;

describe('fund, property: the books stay whole whatever happens to loans and guarantees', () => {
  const lanes: Lane[] = [];
  beforeAll(async () => {
    for (let i = 0; i < LANES; i++) lanes.push(await openLane(`fund_property_${i}`));
  });
  afterAll(async () => {
    await Promise.all(lanes.map((lane) => lane.drop()));
  });

  it(`keeps every entry balanced, the trial balance at zero, caches equal to the replay, principal non-negative and exposure within the limit (${RUNS} sequences)`, async () => {
    const tally: Tally = new Map();
    const started = performance.now();
    let sequences = 0;
    let failed = false;

    async function runLane(lane: Lane, index: number, runs: number): Promise<void> {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(sequence, async ({ commands, ...start }) => {
          if (failed) return; // another lane has failed: the test has, so stop spending time
          run++;
          sequences++;
          const world = await lane.open(run, start);
          await lane.invariants(world);
          for (const c of commands) {
            const counts = tally.get(c.kind) ?? { done: 0, nothing: 0, refused: 0 };
            tally.set(c.kind, counts);
            try {
              counts[await lane.step(world, c)]++;
            } catch (error) {
              // A typed refusal is a legal outcome (nothing was changed); anything else is a bug.
              if (!(error instanceof LoanError || error instanceof GuaranteeError)) throw error;
              counts.refused++;
            }
            await lane.invariants(world);
          }
          if (run % FULL_REPLAY_EVERY === 0) await lane.expectFullReplayClean();
        }),
        { numRuns: runs, seed: SEED + index },
      ).catch((error: unknown) => {
        failed = true;
        throw error;
      });
      await lane.expectFullReplayClean();
    }

    const perLane = lanes.map((_, i) => Math.floor(RUNS / LANES) + (i < RUNS % LANES ? 1 : 0));
    const results = await Promise.allSettled(lanes.map((lane, i) => runLane(lane, i, perLane[i])));
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;

    const seconds = (performance.now() - started) / 1000;
    const commands = [...tally.values()].reduce((n, t) => n + t.done + t.nothing + t.refused, 0);
    const lines = [...tally].sort(([a], [b]) => a.localeCompare(b)).map(([kind, t]) => `${kind} ${t.done}/${t.refused}/${t.nothing}`);
    process.stdout.write(`fund property: ${sequences} sequences in ${LANES} lanes, ${commands} commands in ${seconds.toFixed(0)} s (done/refused/nothing to do: ${lines.join(', ')})\n`);
    expect(sequences).toBe(RUNS);
    // With the default number of sequences every kind of command must have been carried out, not only
    // refused — or the property would prove less than it says.
    if (RUNS >= 1_000) for (const kind of tally.keys()) expect([kind, tally.get(kind)!.done > 0]).toEqual([kind, true]);
  }, 3_600_000);
});
