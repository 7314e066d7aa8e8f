import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRows } from '../books-sql';

/** Debit and credit turnover of one account, or of one loan's or guarantee's part of it. */
export interface Turnover {
  debitMinor: bigint;
  creditMinor: bigint;
}

/** Everything one audit found wrong; empty arrays and zero trial balances when the books are whole. */
export interface AuditFindings {
  /** Entries among the new postings whose debits differ from their credits. */
  unbalancedEntries: string[];
  /** Σ (debit − credit) over the cached account balances; 0 when whole. */
  cachedTrialBalanceMinor: bigint;
  /** Σ (debit − credit) over the replayed postings; 0 when whole. */
  replayedTrialBalanceMinor: bigint;
  /** Cached rows (`account` or `account|loan|guarantee`) that differ from the replay, with both sides. */
  cacheDrift: { key: string; cached: Turnover; replayed: Turnover }[];
  /** New postings read by this audit. */
  postingsRead: number;
}

interface PostingRow {
  id: string;
  entry_id: string;
  account_code: string;
  side: 'DEBIT' | 'CREDIT';
  amount_minor: string;
  loan_id: string | null;
  guarantee_id: string | null;
}

const ZERO: Turnover = { debitMinor: 0n, creditMinor: 0n };
const dimensionKey = (account: string, loanId: string | null, guaranteeId: string | null) => `${account}|${loanId ?? ''}|${guaranteeId ?? ''}`;

/**
 * A replay of the fund's postings that keeps up with the books, for tests that check them after
 * every step of thousands of random sequences (a full replay each time would grow with the journal
 * and make such a test quadratic).
 *
 * Each `audit` reads only the postings added since the previous one (posting ids are an identity
 * column, so with one writer at a time they arrive in id order), checks that each new entry
 * balances, folds them into its own turnovers per account and per account × loan × guarantee, and
 * compares those with the cached balances: every account row (there are twenty) and every cached
 * row of the loans and guarantees the new postings touched or the caller watches. The replay is
 * computed here, in application code, independently of the SQL that maintains the cache.
 *
 * Nothing may write while an audit reads (its reads run side by side). With concurrent writers a
 * posting may commit after one with a higher id and be skipped; the cache then disagrees with the
 * replay and the audit reports drift — a false alarm, never a missed error.
 * `BooksService.replayBalances` is the full, server-side replay to run now and then beside it.
 */
export class BooksAuditor {
  private lastPostingId = 0n;
  private readonly accounts = new Map<string, Turnover>();
  private readonly dimensions = new Map<string, Turnover>();

  constructor(private readonly em: () => EntityManager) {}

  /** Audits the books as they are now; `watch` adds loans and guarantees whose cached rows are compared even if untouched. */
  async audit(watch: { loanIds?: readonly string[]; guaranteeIds?: readonly string[] } = {}): Promise<AuditFindings> {
    // Three independent reads at once (no one writes during an audit): the new postings, every
    // account's cache, and the cached rows of the dimensions in view — those watched and those the
    // new postings touched.
    const since = this.lastPostingId.toString();
    const watchedLoans = JSON.stringify(watch.loanIds ?? []);
    const watchedGuarantees = JSON.stringify(watch.guaranteeIds ?? []);
    const [postings, accountRows, dimensionRows] = await Promise.all([
      sqlRows<PostingRow>(
        this.em(),
        `select p.id::text as id, p.entry_id, p.account_code, p.side, p.amount_minor::text as amount_minor, p.loan_id, p.guarantee_id
           from fund_posting p where p.id > ?::bigint order by p.id`,
        [since],
      ),
      sqlRows<{ account_code: string; debit_minor: string; credit_minor: string }>(this.em(), `select account_code, debit_minor::text, credit_minor::text from fund_account_balance`),
      sqlRows<{ account_code: string; loan_id: string | null; guarantee_id: string | null; debit_minor: string; credit_minor: string }>(
        this.em(),
        `with in_view as (
           select jsonb_array_elements_text(?::jsonb)::uuid as loan_id, null::uuid as guarantee_id
           union select null, jsonb_array_elements_text(?::jsonb)::uuid
           union select loan_id, null from fund_posting where id > ?::bigint and loan_id is not null
           union select null, guarantee_id from fund_posting where id > ?::bigint and guarantee_id is not null)
         select b.account_code, b.loan_id, b.guarantee_id, b.debit_minor::text, b.credit_minor::text
           from fund_dimension_balance b
          where b.loan_id in (select loan_id from in_view) or b.guarantee_id in (select guarantee_id from in_view)`,
        [watchedLoans, watchedGuarantees, since, since],
      ),
    ]);
    const unbalancedEntries = this.fold(postings);
    const loanIds = new Set(watch.loanIds ?? []);
    const guaranteeIds = new Set(watch.guaranteeIds ?? []);
    for (const p of postings) {
      if (p.loan_id) loanIds.add(p.loan_id);
      if (p.guarantee_id) guaranteeIds.add(p.guarantee_id);
    }

    const cacheDrift: AuditFindings['cacheDrift'] = [];
    const compare = (key: string, cached: Turnover, replayed: Turnover) => {
      if (cached.debitMinor !== replayed.debitMinor || cached.creditMinor !== replayed.creditMinor) cacheDrift.push({ key, cached, replayed });
    };
    let cachedTrialBalanceMinor = 0n;
    const cachedAccounts = new Set<string>();
    for (const r of accountRows) {
      const cached = { debitMinor: BigInt(r.debit_minor), creditMinor: BigInt(r.credit_minor) };
      cachedTrialBalanceMinor += cached.debitMinor - cached.creditMinor;
      cachedAccounts.add(r.account_code);
      compare(r.account_code, cached, this.accounts.get(r.account_code) ?? ZERO);
    }
    for (const [account, replayed] of this.accounts) if (!cachedAccounts.has(account)) compare(account, ZERO, replayed);

    // Cached rows of the dimensions in view, and every replayed row of them the cache should hold.
    const cachedDimensions = new Set<string>();
    for (const r of dimensionRows) {
      const key = dimensionKey(r.account_code, r.loan_id, r.guarantee_id);
      cachedDimensions.add(key);
      compare(key, { debitMinor: BigInt(r.debit_minor), creditMinor: BigInt(r.credit_minor) }, this.dimensions.get(key) ?? ZERO);
    }
    for (const [key, replayed] of this.dimensions) {
      const [, loanId, guaranteeId] = key.split('|');
      const inView = (loanId && loanIds.has(loanId)) || (guaranteeId && guaranteeIds.has(guaranteeId));
      if (inView && !cachedDimensions.has(key)) compare(key, ZERO, replayed);
    }

    let replayedTrialBalanceMinor = 0n;
    for (const t of this.accounts.values()) replayedTrialBalanceMinor += t.debitMinor - t.creditMinor;
    return { unbalancedEntries, cachedTrialBalanceMinor, replayedTrialBalanceMinor, cacheDrift, postingsRead: postings.length };
  }

  /** The replayed turnover of an account, or of one loan's / guarantee's part of it. */
  replayed(account: string, dims: { loanId?: string | null; guaranteeId?: string | null } = {}): Turnover {
    if (!dims.loanId && !dims.guaranteeId) return this.accounts.get(account) ?? ZERO;
    return this.dimensions.get(dimensionKey(account, dims.loanId ?? null, dims.guaranteeId ?? null)) ?? ZERO;
  }

  /** Adds postings to the replay; returns the entries among them that do not balance. */
  private fold(postings: readonly PostingRow[]): string[] {
    const net = new Map<string, bigint>();
    for (const p of postings) {
      const amount = BigInt(p.amount_minor);
      const debit = p.side === 'DEBIT' ? amount : 0n;
      const credit = p.side === 'CREDIT' ? amount : 0n;
      net.set(p.entry_id, (net.get(p.entry_id) ?? 0n) + debit - credit);
      add(this.accounts, p.account_code, debit, credit);
      if (p.loan_id || p.guarantee_id) add(this.dimensions, dimensionKey(p.account_code, p.loan_id, p.guarantee_id), debit, credit);
      this.lastPostingId = BigInt(p.id);
    }
    return [...net].filter(([, n]) => n !== 0n).map(([entry]) => entry);
  }
}

function add(map: Map<string, Turnover>, key: string, debit: bigint, credit: bigint): void {
  const t = map.get(key) ?? ZERO;
  map.set(key, { debitMinor: t.debitMinor + debit, creditMinor: t.creditMinor + credit });
}
