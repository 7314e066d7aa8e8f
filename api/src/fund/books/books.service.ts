import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isCalendarDate, type CalendarDate } from '../../shared/dates';
import { CHART_OF_ACCOUNTS, FundAccount, isFundAccount, normalBalance, type PostingSide } from './chart-of-accounts';
import { BooksError, BooksErrorCode, booksMessages } from './books-errors';
import { sqlRows, UUID } from './books-sql';

/** One line of an entry: an amount on one side of one account, optionally for one loan or guarantee. */
export interface PostingInput {
  account: FundAccount;
  side: PostingSide;
  /** Positive whole grosze. */
  amountMinor: bigint;
  loanId?: string | null;
  guaranteeId?: string | null;
}

export interface JournalEntryInput {
  /** The accounting date (YYYY-MM-DD); its month must be open. */
  businessDate: CalendarDate;
  /** Upper-case code of what happened, e.g. LOAN_DISBURSEMENT. */
  kind: string;
  memo: string;
  postings: PostingInput[];
  /** The business record the entry comes from (a repayment id, a guarantee call id …). */
  sourceId?: string | null;
  /** Set when the entry reverses another; its postings must mirror that entry's. */
  reversesEntryId?: string | null;
  /** The staff member who caused the entry, if any. */
  createdById?: string | null;
}

/**
 * The set-based form of an entry: the postings come from a SQL SELECT run inside the INSERT, so a
 * daily close can post a million per-loan lines in one statement. The SELECT must return the
 * columns account_code, side ('DEBIT' | 'CREDIT'), amount_minor (≥ 0; zero rows are skipped),
 * loan_id, guarantee_id — it is inlined as a subquery, with `?` bind parameters.
 */
export interface SelectEntryInput extends Omit<JournalEntryInput, 'postings' | 'reversesEntryId'> {
  select: { sql: string; bindings?: unknown[] };
}

export interface TrialBalanceLine {
  account: FundAccount;
  /** Sum of debit postings (turnover), grosze. */
  debitMinor: bigint;
  /** Sum of credit postings (turnover), grosze. */
  creditMinor: bigint;
  /** debit − credit: the lines of a trial balance sum to zero. */
  netMinor: bigint;
  /** The balance seen from the account's normal side (positive when the account holds what it should). */
  balanceMinor: bigint;
}

export interface BalanceMismatch {
  account: FundAccount;
  loanId: string | null;
  guaranteeId: string | null;
  cachedDebitMinor: bigint;
  cachedCreditMinor: bigint;
  replayedDebitMinor: bigint;
  replayedCreditMinor: bigint;
}

export interface ReplayResult {
  /** Per-account balances recomputed from the postings. */
  accounts: TrialBalanceLine[];
  /** Per-account and per-dimension rows where the cache disagrees with the replay (empty when healthy). */
  mismatches: BalanceMismatch[];
  /** Whether the cache was rewritten from the replay. */
  repaired: boolean;
}

export interface PostResult {
  id: string;
  postings: number;
}

/** Serialises closing a month against posting into it: posters share the lock, closing takes it alone. */
const PERIOD_LOCK_KEY = 'fund_books_period';
const MAX_MEMO = 1000;
const KIND = /^[A-Z][A-Z0-9_]{0,63}$/;

/**
 * The fund's double-entry books. Every method runs in the caller's transaction (the entity
 * manager passed in) and never commits: a loan event and its entry stand or fall together.
 * Cached balance rows are locked in account-code order before they change, so two transactions
 * posting to the same accounts queue instead of deadlocking. A transaction that posts several
 * entries should call `lockAccounts` with all their accounts first.
 */
export class BooksService {
  constructor(private readonly em: EntityManager) {}

  /** Posts a balanced entry; refuses empty, unbalanced or malformed entries and closed months with a BooksError. */
  async post(entry: JournalEntryInput): Promise<PostResult> {
    this.checkHeader(entry);
    if (!entry.postings?.length) throw new BooksError(BooksErrorCode.EMPTY_ENTRY, booksMessages.empty(), ['postings']);
    let debit = 0n;
    let credit = 0n;
    entry.postings.forEach((p, i) => {
      if (!isFundAccount(p.account)) throw new BooksError(BooksErrorCode.UNKNOWN_ACCOUNT, booksMessages.account(p.account), ['postings', String(i), 'account']);
      if (typeof p.amountMinor !== 'bigint' || p.amountMinor <= 0n) throw new BooksError(BooksErrorCode.INVALID_AMOUNT, booksMessages.amount(p.amountMinor), ['postings', String(i), 'amountMinor']);
      if (p.side !== 'DEBIT' && p.side !== 'CREDIT') throw new BooksError(BooksErrorCode.INVALID_AMOUNT, booksMessages.amount(p.side), ['postings', String(i), 'side']);
      for (const key of ['loanId', 'guaranteeId'] as const) {
        const value = p[key];
        if (value != null && !UUID.test(value)) throw new BooksError(BooksErrorCode.INVALID_DIMENSION, booksMessages.dimension(value), ['postings', String(i), key]);
      }
      if (p.side === 'DEBIT') debit += p.amountMinor;
      else credit += p.amountMinor;
    });
    if (debit !== credit) throw new BooksError(BooksErrorCode.UNBALANCED_ENTRY, booksMessages.unbalanced(debit, credit), ['postings']);

    if (entry.reversesEntryId) {
      const original = await this.findForReversal(entry.reversesEntryId, entry.businessDate);
      const key = (p: { account: string; side: string; amountMinor: bigint | string; loanId?: string | null; guaranteeId?: string | null }) =>
        `${p.account}|${p.side}|${p.amountMinor}|${p.loanId?.toLowerCase() ?? ''}|${p.guaranteeId?.toLowerCase() ?? ''}`;
      const mirrored = (await this.postingsOf([original.id])).map((p) => key({ ...p, side: p.side === 'DEBIT' ? 'CREDIT' : 'DEBIT' })).sort();
      const given = entry.postings.map(key).sort();
      if (mirrored.join('\n') !== given.join('\n')) throw new BooksError(BooksErrorCode.REVERSAL_MISMATCH, booksMessages.reversalMismatch(original.id), ['postings']);
    }

    await this.guardOpenPeriod(entry.businessDate);
    await this.lockAccounts(entry.postings.map((p) => p.account));
    const json = JSON.stringify(
      entry.postings.map((p) => ({ account_code: p.account, side: p.side, amount_minor: p.amountMinor.toString(), loan_id: p.loanId ?? null, guarantee_id: p.guaranteeId ?? null })),
    );
    const source = {
      sql: `select x.e->>'account_code' as account_code, x.e->>'side' as side, (x.e->>'amount_minor')::bigint as amount_minor,
                   (x.e->>'loan_id')::uuid as loan_id, (x.e->>'guarantee_id')::uuid as guarantee_id
              from jsonb_array_elements(?::jsonb) with ordinality as x(e, n) order by x.n`,
      bindings: [json],
    };
    const result = await this.insertEntry(entry, source);
    if (!result) throw new BooksError(BooksErrorCode.EMPTY_ENTRY, booksMessages.empty(), ['postings']);
    return result;
  }

  /**
   * Posts one entry whose postings come from a SELECT, in one INSERT … SELECT; cached balances follow
   * in the same statement (one UPDATE … FROM (… GROUP BY) per balance table). Locks every account's
   * cached balance (in code order) first. Returns null, and writes nothing, when the SELECT yields no
   * non-zero rows. An unbalanced result throws UNBALANCED_ENTRY: the caller must roll back (the
   * commit-time trigger would refuse it anyway).
   */
  async postSelect(entry: SelectEntryInput): Promise<PostResult | null> {
    this.checkHeader(entry);
    await this.guardOpenPeriod(entry.businessDate);
    await this.lockAccounts(CHART_OF_ACCOUNTS.map((a) => a.code));
    return this.insertEntry({ ...entry, reversesEntryId: null }, { sql: entry.select.sql, bindings: entry.select.bindings ?? [] });
  }

  /** Posts the mirror image of an entry (sides swapped), linked to it; an entry is reversed at most once and a reversal never. */
  async reverse(entryId: string, businessDate: CalendarDate, memo: string, options: { createdById?: string | null; sourceId?: string | null } = {}): Promise<PostResult> {
    const header = { businessDate, kind: 'REVERSAL', memo, sourceId: options.sourceId ?? null, createdById: options.createdById ?? null, reversesEntryId: entryId };
    this.checkHeader(header);
    const original = await this.findForReversal(entryId, businessDate);
    await this.guardOpenPeriod(businessDate);
    await this.lockAccounts((await this.postingsOf([original.id])).map((p) => p.account));
    const result = await this.insertEntry(header, {
      sql: `select account_code, case side when 'DEBIT' then 'CREDIT' else 'DEBIT' end as side, amount_minor, loan_id, guarantee_id from fund_posting where entry_id = ? order by id`,
      bindings: [original.id],
    });
    if (!result) throw new BooksError(BooksErrorCode.EMPTY_ENTRY, booksMessages.empty());
    return result;
  }

  /** The cached balance of an account (or of one loan's / guarantee's part of it), from its normal side. */
  async balance(account: FundAccount, dims: { loanId?: string | null; guaranteeId?: string | null } = {}): Promise<bigint> {
    if (!isFundAccount(account)) throw new BooksError(BooksErrorCode.UNKNOWN_ACCOUNT, booksMessages.account(account));
    let rows: { debit: string | null; credit: string | null }[];
    if (dims.loanId || dims.guaranteeId) {
      rows = await sqlRows(
        this.em,
        `select sum(debit_minor)::text as debit, sum(credit_minor)::text as credit from fund_dimension_balance
          where account_code = ? and (?::uuid is null or loan_id = ?::uuid) and (?::uuid is null or guarantee_id = ?::uuid)`,
        [account, dims.loanId ?? null, dims.loanId ?? null, dims.guaranteeId ?? null, dims.guaranteeId ?? null],
      );
    } else {
      rows = await sqlRows(this.em, 'select debit_minor::text as debit, credit_minor::text as credit from fund_account_balance where account_code = ?', [account]);
    }
    return normalBalance(account, BigInt(rows[0]?.debit ?? 0), BigInt(rows[0]?.credit ?? 0));
  }

  /** Cached balances of many loans on one account, in one query (loans without postings are absent). */
  async loanBalances(account: FundAccount, loanIds: readonly string[]): Promise<Map<string, bigint>> {
    const rows = await sqlRows<{ loan_id: string; debit: string; credit: string }>(
      this.em,
      `select loan_id, sum(debit_minor)::text as debit, sum(credit_minor)::text as credit from fund_dimension_balance
        where account_code = ? and loan_id = any(array(select jsonb_array_elements_text(?::jsonb))::uuid[]) group by loan_id`,
      [account, JSON.stringify(loanIds)],
    );
    return new Map(rows.map((r) => [r.loan_id, normalBalance(account, BigInt(r.debit), BigInt(r.credit))]));
  }

  /**
   * Every account's debit and credit turnover: from the cache now, or replayed from postings dated
   * up to `asOf`. Σ debit = Σ credit, so the net column sums to zero.
   */
  async trialBalance(asOf?: CalendarDate | null): Promise<TrialBalanceLine[]> {
    if (asOf != null && !isCalendarDate(asOf)) throw new BooksError(BooksErrorCode.INVALID_DATE, booksMessages.date(asOf), ['asOf']);
    const rows =
      asOf == null
        ? await sqlRows<{ code: string; debit: string; credit: string }>(this.em, 'select account_code as code, debit_minor::text as debit, credit_minor::text as credit from fund_account_balance')
        : await sqlRows<{ code: string; debit: string; credit: string }>(
            this.em,
            `select p.account_code as code, coalesce(sum(p.amount_minor) filter (where p.side = 'DEBIT'), 0)::text as debit,
                    coalesce(sum(p.amount_minor) filter (where p.side = 'CREDIT'), 0)::text as credit
               from fund_posting p join fund_journal_entry e on e.id = p.entry_id
              where e.business_date <= ?::date group by p.account_code`,
            [asOf],
          );
    return toLines(rows);
  }

  /**
   * Recomputes every balance from the postings and compares it with the cache. With `repair`, the
   * cache is rewritten from the replay (under the same account locks as posting).
   */
  async replayBalances(options: { repair?: boolean } = {}): Promise<ReplayResult> {
    if (options.repair) await this.lockAccounts(CHART_OF_ACCOUNTS.map((a) => a.code));
    const accounts = toLines(
      await sqlRows<{ code: string; debit: string; credit: string }>(
        this.em,
        `select a.code, coalesce(sum(p.amount_minor) filter (where p.side = 'DEBIT'), 0)::text as debit,
                coalesce(sum(p.amount_minor) filter (where p.side = 'CREDIT'), 0)::text as credit
           from fund_account a left join fund_posting p on p.account_code = a.code group by a.code`,
      ),
    );
    const mismatchRows = await sqlRows<{ code: string; loan_id: string | null; guarantee_id: string | null; cd: string; cc: string; rd: string; rc: string }>(
      this.em,
      `with replay_account as (
         select account_code, coalesce(sum(amount_minor) filter (where side = 'DEBIT'), 0) as d, coalesce(sum(amount_minor) filter (where side = 'CREDIT'), 0) as c
           from fund_posting group by account_code),
       replay_dim as (
         select account_code, loan_id, guarantee_id, coalesce(sum(amount_minor) filter (where side = 'DEBIT'), 0) as d, coalesce(sum(amount_minor) filter (where side = 'CREDIT'), 0) as c
           from fund_posting where loan_id is not null or guarantee_id is not null group by account_code, loan_id, guarantee_id)
       select b.account_code as code, null::uuid as loan_id, null::uuid as guarantee_id, b.debit_minor::text as cd, b.credit_minor::text as cc,
              coalesce(r.d, 0)::text as rd, coalesce(r.c, 0)::text as rc
         from fund_account_balance b left join replay_account r using (account_code)
        where b.debit_minor <> coalesce(r.d, 0) or b.credit_minor <> coalesce(r.c, 0)
       union all
       select coalesce(b.account_code, r.account_code), coalesce(b.loan_id, r.loan_id), coalesce(b.guarantee_id, r.guarantee_id),
              coalesce(b.debit_minor, 0)::text, coalesce(b.credit_minor, 0)::text, coalesce(r.d, 0)::text, coalesce(r.c, 0)::text
         from fund_dimension_balance b
         -- coalesce, not IS NOT DISTINCT FROM: only equality can be hash-joined
         full join replay_dim r on r.account_code = b.account_code
              and coalesce(r.loan_id, '00000000-0000-0000-0000-000000000000') = coalesce(b.loan_id, '00000000-0000-0000-0000-000000000000')
              and coalesce(r.guarantee_id, '00000000-0000-0000-0000-000000000000') = coalesce(b.guarantee_id, '00000000-0000-0000-0000-000000000000')
        where coalesce(b.debit_minor, 0) <> coalesce(r.d, 0) or coalesce(b.credit_minor, 0) <> coalesce(r.c, 0)
        order by 1, 2, 3`,
    );
    const mismatches = mismatchRows.map((r) => ({
      account: r.code as FundAccount,
      loanId: r.loan_id,
      guaranteeId: r.guarantee_id,
      cachedDebitMinor: BigInt(r.cd),
      cachedCreditMinor: BigInt(r.cc),
      replayedDebitMinor: BigInt(r.rd),
      replayedCreditMinor: BigInt(r.rc),
    }));
    if (options.repair && mismatches.length) {
      await sqlRows(
        this.em,
        `update fund_account_balance b set debit_minor = coalesce(r.d, 0), credit_minor = coalesce(r.c, 0)
           from fund_account a left join (select account_code, coalesce(sum(amount_minor) filter (where side = 'DEBIT'), 0) as d,
                                                 coalesce(sum(amount_minor) filter (where side = 'CREDIT'), 0) as c from fund_posting group by account_code) r
             on r.account_code = a.code
          where b.account_code = a.code`,
      );
      await sqlRows(this.em, 'delete from fund_dimension_balance');
      await sqlRows(
        this.em,
        `insert into fund_dimension_balance (account_code, loan_id, guarantee_id, debit_minor, credit_minor)
         select account_code, loan_id, guarantee_id, coalesce(sum(amount_minor) filter (where side = 'DEBIT'), 0), coalesce(sum(amount_minor) filter (where side = 'CREDIT'), 0)
           from fund_posting where loan_id is not null or guarantee_id is not null group by account_code, loan_id, guarantee_id order by 1, 2, 3`,
      );
    }
    return { accounts, mismatches, repaired: !!options.repair && mismatches.length > 0 };
  }

  /**
   * Closes the accounting month ending on `periodEnd` and every earlier month: nothing may be posted
   * with a business date in them afterwards. Returns the months newly closed (first days).
   */
  async closePeriod(periodEnd: CalendarDate, options: { closedById?: string | null } = {}): Promise<CalendarDate[]> {
    if (!isCalendarDate(periodEnd)) throw new BooksError(BooksErrorCode.INVALID_DATE, booksMessages.date(periodEnd), ['periodEnd']);
    const next = new Date(Date.parse(`${periodEnd}T00:00:00Z`) + 86_400_000);
    if (next.getUTCDate() !== 1) throw new BooksError(BooksErrorCode.PERIOD_END_NOT_MONTH_END, booksMessages.notMonthEnd(periodEnd), ['periodEnd']);
    await sqlRows(this.em, 'select pg_advisory_xact_lock(hashtext(?))', [PERIOD_LOCK_KEY]);
    const month = `${periodEnd.slice(0, 7)}-01`;
    const rows = await sqlRows<{ month: string }>(
      this.em,
      `insert into fund_accounting_period (month, closed_by_id)
       select m::date, ?::uuid from generate_series(
         least(?::date, coalesce((select date_trunc('month', min(business_date))::date from fund_journal_entry), ?::date),
                        coalesce((select (max(month) + interval '1 month')::date from fund_accounting_period), ?::date)),
         ?::date, interval '1 month') m
       on conflict (month) do nothing
       returning to_char(month, 'YYYY-MM-DD') as month`,
      [options.closedById ?? null, month, month, month, month],
    );
    return rows.map((r) => r.month).sort();
  }

  /** Closed months (their first days), latest first. */
  async closedPeriods(): Promise<{ month: CalendarDate; closedAt: Date; closedById: string | null }[]> {
    const rows = await sqlRows<{ month: string; closed_at: Date; closed_by_id: string | null }>(
      this.em,
      `select to_char(month, 'YYYY-MM-DD') as month, closed_at, closed_by_id from fund_accounting_period order by month desc`,
    );
    return rows.map((r) => ({ month: r.month, closedAt: r.closed_at, closedById: r.closed_by_id }));
  }

  /** Whether the month holding `date` is closed. */
  async isClosed(date: CalendarDate): Promise<boolean> {
    const rows = await sqlRows(this.em, `select 1 from fund_accounting_period where month = date_trunc('month', ?::date)::date`, [date]);
    return rows.length > 0;
  }

  /**
   * Locks the cached balances of these accounts, in code order, until the transaction ends. `post`
   * does it for its own accounts; call it first when one transaction posts several entries.
   */
  async lockAccounts(accounts: readonly FundAccount[]): Promise<void> {
    const codes = [...new Set(accounts)].sort();
    await sqlRows(
      this.em,
      'select account_code from fund_account_balance where account_code = any(array(select jsonb_array_elements_text(?::jsonb))) order by account_code for update',
      [JSON.stringify(codes)],
    );
  }

  /** Postings of these entries, in entry and posting order. */
  async postingsOf(entryIds: readonly string[]): Promise<StoredPosting[]> {
    const ids = entryIds.filter((id) => UUID.test(id));
    if (!ids.length) return [];
    const rows = await sqlRows<{ id: string; entry_id: string; account_code: string; side: PostingSide; amount_minor: string; loan_id: string | null; guarantee_id: string | null }>(
      this.em,
      `select id::text, entry_id, account_code, side, amount_minor::text, loan_id, guarantee_id from fund_posting
        where entry_id = any(array(select jsonb_array_elements_text(?::jsonb))::uuid[]) order by entry_id, id`,
      [JSON.stringify(ids)],
    );
    return rows.map((r) => ({
      id: r.id,
      entryId: r.entry_id,
      account: r.account_code as FundAccount,
      side: r.side,
      amountMinor: BigInt(r.amount_minor),
      loanId: r.loan_id,
      guaranteeId: r.guarantee_id,
    }));
  }

  private checkHeader(entry: { businessDate: string; kind: string; memo: string; createdById?: string | null; reversesEntryId?: string | null }): void {
    if (typeof entry.businessDate !== 'string' || !isCalendarDate(entry.businessDate)) throw new BooksError(BooksErrorCode.INVALID_DATE, booksMessages.date(entry.businessDate), ['businessDate']);
    if (typeof entry.kind !== 'string' || !KIND.test(entry.kind)) throw new BooksError(BooksErrorCode.INVALID_KIND, booksMessages.kind(entry.kind), ['kind']);
    if (typeof entry.memo !== 'string' || !entry.memo.trim() || entry.memo.length > MAX_MEMO) throw new BooksError(BooksErrorCode.INVALID_MEMO, booksMessages.memo(), ['memo']);
    if (entry.createdById != null && !UUID.test(entry.createdById)) throw new BooksError(BooksErrorCode.INVALID_DIMENSION, booksMessages.dimension(entry.createdById), ['createdById']);
  }

  /** Takes the shared period lock (closing waits for us) and refuses a closed month. */
  private async guardOpenPeriod(businessDate: CalendarDate): Promise<void> {
    await sqlRows(this.em, 'select pg_advisory_xact_lock_shared(hashtext(?))', [PERIOD_LOCK_KEY]);
    if (await this.isClosed(businessDate)) throw new BooksError(BooksErrorCode.PERIOD_CLOSED, booksMessages.periodClosed(businessDate.slice(0, 7)), ['businessDate']);
  }

  private async findForReversal(entryId: string, businessDate: CalendarDate): Promise<{ id: string; businessDate: string }> {
    if (!UUID.test(entryId)) throw new BooksError(BooksErrorCode.ENTRY_NOT_FOUND, booksMessages.notFound(entryId), ['entryId']);
    // FOR UPDATE: a second reversal of the same entry waits here and then sees the first.
    const rows = await sqlRows<{ id: string; business_date: string; reverses_entry_id: string | null; reversed_by: string | null }>(
      this.em,
      `select e.id, to_char(e.business_date, 'YYYY-MM-DD') as business_date, e.reverses_entry_id,
              (select r.id from fund_journal_entry r where r.reverses_entry_id = e.id) as reversed_by
         from fund_journal_entry e where e.id = ? for update`,
      [entryId],
    );
    const found = rows[0];
    if (!found) throw new BooksError(BooksErrorCode.ENTRY_NOT_FOUND, booksMessages.notFound(entryId), ['entryId']);
    if (found.reverses_entry_id) throw new BooksError(BooksErrorCode.REVERSAL_OF_REVERSAL, booksMessages.reversalOfReversal(entryId), ['entryId']);
    if (found.reversed_by) throw new BooksError(BooksErrorCode.ALREADY_REVERSED, booksMessages.alreadyReversed(entryId), ['entryId']);
    if (businessDate < found.business_date) throw new BooksError(BooksErrorCode.REVERSAL_BEFORE_ORIGINAL, booksMessages.reversalBefore(found.business_date), ['businessDate']);
    return { id: found.id, businessDate: found.business_date };
  }

  /**
   * One statement: the entry, its postings from `source`, and both cached-balance tables. Zero
   * amounts are skipped; no rows at all writes nothing and returns null. The caller holds the
   * account locks. Debits ≠ credits throws (and the commit-time trigger stands behind it).
   */
  private async insertEntry(
    entry: Omit<JournalEntryInput, 'postings'>,
    source: { sql: string; bindings: unknown[] },
  ): Promise<PostResult | null> {
    const id = randomUUID();
    const rows = await sqlRows<{ entries: string; postings: string; debit: string; credit: string }>(
      this.em,
      `with src as materialized (
         select s.account_code::text as account_code, s.side::text as side, s.amount_minor::bigint as amount_minor,
                s.loan_id::uuid as loan_id, s.guarantee_id::uuid as guarantee_id
           from (${source.sql}) s where s.amount_minor <> 0),
       entry as (
         insert into fund_journal_entry (id, business_date, kind, memo, source_id, reverses_entry_id, created_by_id)
         select ?::uuid, ?::date, ?, ?, ?, ?::uuid, ?::uuid where exists (select 1 from src)
         returning id),
       ins as (
         insert into fund_posting (entry_id, account_code, side, amount_minor, loan_id, guarantee_id)
         select ?::uuid, account_code, side, amount_minor, loan_id, guarantee_id from src
         returning account_code, side, amount_minor, loan_id, guarantee_id),
       acc as (
         update fund_account_balance b set debit_minor = b.debit_minor + d.debit, credit_minor = b.credit_minor + d.credit
           from (select account_code, coalesce(sum(amount_minor) filter (where side = 'DEBIT'), 0) as debit,
                        coalesce(sum(amount_minor) filter (where side = 'CREDIT'), 0) as credit
                   from ins group by account_code) d
          where b.account_code = d.account_code
         returning 1),
       dim as (
         insert into fund_dimension_balance (account_code, loan_id, guarantee_id, debit_minor, credit_minor)
         select account_code, loan_id, guarantee_id, coalesce(sum(amount_minor) filter (where side = 'DEBIT'), 0), coalesce(sum(amount_minor) filter (where side = 'CREDIT'), 0)
           from ins where loan_id is not null or guarantee_id is not null
          group by account_code, loan_id, guarantee_id order by account_code, loan_id, guarantee_id
         on conflict on constraint fund_dimension_balance_key do update
           set debit_minor = fund_dimension_balance.debit_minor + excluded.debit_minor,
               credit_minor = fund_dimension_balance.credit_minor + excluded.credit_minor
         returning 1)
       select (select count(*) from entry)::text as entries, count(*)::text as postings,
              coalesce(sum(amount_minor) filter (where side = 'DEBIT'), 0)::text as debit,
              coalesce(sum(amount_minor) filter (where side = 'CREDIT'), 0)::text as credit,
              (select count(*) from acc) + (select count(*) from dim) as touched
         from ins`,
      [...source.bindings, id, entry.businessDate, entry.kind, entry.memo, entry.sourceId ?? null, entry.reversesEntryId ?? null, entry.createdById ?? null, id],
    );
    const r = rows[0];
    if (!r || r.entries === '0') return null;
    const debit = BigInt(r.debit);
    const credit = BigInt(r.credit);
    if (debit !== credit) throw new BooksError(BooksErrorCode.UNBALANCED_ENTRY, booksMessages.unbalanced(debit, credit), ['postings']);
    return { id, postings: Number(r.postings) };
  }
}

export interface StoredPosting {
  id: string;
  entryId: string;
  account: FundAccount;
  side: PostingSide;
  amountMinor: bigint;
  loanId: string | null;
  guaranteeId: string | null;
}

function toLines(rows: { code: string; debit: string; credit: string }[]): TrialBalanceLine[] {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return CHART_OF_ACCOUNTS.map(({ code }) => {
    const debitMinor = BigInt(byCode.get(code)?.debit ?? 0);
    const creditMinor = BigInt(byCode.get(code)?.credit ?? 0);
    return { account: code, debitMinor, creditMinor, netMinor: debitMinor - creditMinor, balanceMinor: normalBalance(code, debitMinor, creditMinor) };
  });
}
