import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, isCalendarDate } from '../../shared/dates';
import { BooksService } from '../books';
import { sqlRows } from '../books/books-sql';
import { DEFAULT_PROVISIONING } from '../loans/loan-math';
import { refreshGuaranteeExposure } from '../guarantees';
import { provisionRateSql, type CloseOptions, type CloseResult } from './close-policy';

/**
 * The daily close of business, set-based: for one business date, over all active loans at once —
 * bill instalments falling due the next day, accrue contractual interest, count days past due,
 * charge penalty interest, adjust provisions by arrears bucket — with a handful of statements
 * whatever the number of loans (INSERT … SELECT, UPDATE … FROM), and one summarised journal entry
 * per kind carrying a posting per loan. Runs in one transaction per date; the run record makes a
 * second run of the same date a no-op.
 */
export async function closeBusinessDate(em: EntityManager, businessDate: string, options: CloseOptions = {}): Promise<CloseResult> {
  if (!isCalendarDate(businessDate)) throw new RangeError(`"${businessDate}" is not a date (YYYY-MM-DD)`);
  const started = Date.now();
  const progress = (step: Parameters<NonNullable<CloseOptions['onProgress']>>[0]['step'], loans: number) =>
    options.onProgress?.({ businessDate, step, loans, elapsedMs: Date.now() - started });
  return em.transactional(async (tx) => {
    // One close per date at a time; the second waits and then finds the run record.
    await sqlRows(tx, `select pg_advisory_xact_lock(hashtext('fund_close_of_business'))`);
    const done = await sqlRows(tx, 'select 1 from close_of_business_run where business_date = ?', [businessDate]);
    if (done.length) {
      progress('SKIPPED', 0);
      return { businessDate, path: 'SET_BASED', ran: false, loansProcessed: 0, instalmentsBilled: 0, interestAccruedMinor: 0n, penaltyAccruedMinor: 0n, provisionChangeMinor: 0n };
    }
    const startedAt = new Date(started);
    const tomorrow = addDays(businessDate, 1);
    // "on commit drop" is not enough when the close runs inside a caller's longer transaction
    // (the demo builds its whole portfolio in one): yesterday's work tables would still be there.
    await sqlRows(tx, 'drop table if exists pg_temp.cob_accrual, pg_temp.cob_day');
    await sqlRows(tx, `create temp table cob_accrual (loan_id uuid not null, accrue_minor bigint not null, capitalised_minor bigint not null default 0) on commit drop`);

    // 1. Billing: an instalment falling due tomorrow or earlier becomes due (what a borrower pays on
    // its due date is then a payment of what is due, not an early repayment). Its interest is
    // accrued in full, the "current instalment" moves to the next one. A loop only because a
    // rescheduled loan can have two due dates within one day; each pass is one statement.
    let billed = 0;
    for (let pass = 0; pass < 12; pass++) {
      const rows = await sqlRows<{ n: string }>(
        tx,
        `with b as materialized (
           select l.id as loan_id, l.schedule_id, l.cur_instalment_number as number, l.cur_due_date as due_date,
                  greatest(l.cum_interest_before_cur_minor + l.cur_interest_minor - l.interest_accrued_total_minor, 0) as accrue_minor,
                  i.capitalised_interest_minor as capitalised_minor,
                  least(l.cur_principal_minor, l.principal_outstanding_minor + i.capitalised_interest_minor - l.principal_due_minor) as principal_minor,
                  l.interest_unbilled_minor + greatest(l.cum_interest_before_cur_minor + l.cur_interest_minor - l.interest_accrued_total_minor, 0) as interest_minor,
                  l.billed_cumulative_minor, l.oldest_unpaid_due_date,
                  n.number as n_number, n.period_start as n_start, n.period_end as n_end, n.due_date as n_due, n.principal_minor as n_principal, n.interest_minor as n_interest
             from loan l
             join loan_instalment i on i.schedule_id = l.schedule_id and i.number = l.cur_instalment_number
             left join loan_instalment n on n.schedule_id = l.schedule_id and n.number = l.cur_instalment_number + 1
            where l.status = 'ACTIVE' and l.accrued_through < ?::date and l.cur_due_date <= ?::date),
         inst as (
           update loan_instalment i set billed_on = ?::date, billed_principal_minor = b.principal_minor, billed_interest_minor = b.interest_minor,
                  billed_cumulative_through_minor = b.billed_cumulative_minor + b.principal_minor + b.interest_minor
             from b where i.schedule_id = b.schedule_id and i.number = b.number returning 1),
         acc as (
           insert into cob_accrual (loan_id, accrue_minor, capitalised_minor)
           select loan_id, accrue_minor, capitalised_minor from b where accrue_minor > 0 or capitalised_minor > 0 returning 1),
         upd as (
           update loan l set
             interest_accrued_total_minor = l.interest_accrued_total_minor + b.accrue_minor,
             interest_due_minor = b.interest_minor + l.interest_due_minor,
             interest_unbilled_minor = 0,
             principal_outstanding_minor = l.principal_outstanding_minor + b.capitalised_minor,
             principal_due_minor = l.principal_due_minor + b.principal_minor,
             -- billed before it is overdue (its due date is today or tomorrow): kept out of the penalty base
             principal_not_yet_overdue_minor = (case when l.not_yet_overdue_through >= ?::date then l.principal_not_yet_overdue_minor else 0 end)
                                               + (case when b.due_date >= ?::date then b.principal_minor else 0 end),
             not_yet_overdue_through = case when b.due_date >= ?::date then greatest(l.not_yet_overdue_through, b.due_date) else l.not_yet_overdue_through end,
             billed_cumulative_minor = l.billed_cumulative_minor + b.principal_minor + b.interest_minor,
             oldest_unpaid_due_date = case when l.oldest_unpaid_due_date is null and b.principal_minor + b.interest_minor > 0 then b.due_date else l.oldest_unpaid_due_date end,
             cum_interest_before_cur_minor = l.cum_interest_before_cur_minor + l.cur_interest_minor,
             cur_instalment_number = b.n_number, cur_period_start = b.n_start, cur_period_end = b.n_end, cur_due_date = b.n_due,
             cur_principal_minor = b.n_principal, cur_interest_minor = b.n_interest
           from b where l.id = b.loan_id returning 1)
         select (select count(*) from upd)::text as n, (select count(*) from inst) as i, (select count(*) from acc) as a`,
        [businessDate, tomorrow, businessDate, businessDate, businessDate, businessDate],
      );
      const n = Number(rows[0].n);
      billed += n;
      if (n === 0) break;
    }
    progress('BILLING', billed);

    // 2. The day: accrual to the schedule's pro-rata target, days past due, penalty interest on
    // overdue principal, provision by arrears bucket. One UPDATE over every active loan, computed
    // from the row's own columns (no join: the pages are visited in order, which matters when the
    // table is larger than the buffer cache); the deltas land in last_close_* and come back through
    // RETURNING for the journal.
    const d = '?::date';
    const dpd = `(case when l.oldest_unpaid_due_date is not null and ${d} > l.oldest_unpaid_due_date then ${d} - l.oldest_unpaid_due_date else 0 end)`;
    const days = '(l.cur_period_end - l.cur_period_start)';
    const target = `(case when l.cur_period_start is null then l.cum_interest_before_cur_minor
        when l.cur_period_end <= l.cur_period_start then l.cum_interest_before_cur_minor + l.cur_interest_minor
        else l.cum_interest_before_cur_minor + (l.cur_interest_minor * least(greatest(${d} - l.cur_period_start + 1, 0), ${days}) * 2 + ${days}) / (2 * ${days}) end)`;
    const accrue = `greatest(${target} - l.interest_accrued_total_minor, 0)`;
    // Penalty interest on overdue principal: what is due less what was billed for an instalment not overdue yet (loan-math's overduePrincipal).
    const overdue = `(l.principal_due_minor - case when l.not_yet_overdue_through >= ${d} then least(l.principal_not_yet_overdue_minor, l.principal_due_minor) else 0 end)`;
    const penalty = `(case when ${dpd} > 0 and l.penalty_rate_bp > 0 then (${overdue} * l.penalty_rate_bp * 2 + 3650000) / 7300000 else 0 end)`;
    const required = `((l.principal_outstanding_minor * ${provisionRateSql(dpd, options.provisioning ?? DEFAULT_PROVISIONING)} * 2 + 10000) / 20000)`;
    // Each ?::date above is one bind parameter; count them from the SQL text.
    const update = `update loan l set
           interest_accrued_total_minor = l.interest_accrued_total_minor + ${accrue},
           interest_unbilled_minor = l.interest_unbilled_minor + ${accrue},
           penalty_due_minor = l.penalty_due_minor + ${penalty},
           provision_minor = ${required},
           days_past_due = ${dpd},
           last_close_accrual_minor = ${accrue},
           last_close_penalty_minor = ${penalty},
           last_close_provision_delta_minor = ${required} - l.provision_minor,
           accrued_through = ${d}
         where l.status = 'ACTIVE' and l.accrued_through < ${d}
         returning l.id, l.last_close_accrual_minor, l.last_close_penalty_minor, l.last_close_provision_delta_minor`;
    await sqlRows(tx, `create temp table cob_day (loan_id uuid not null, accrue_minor bigint not null, penalty_minor bigint not null, provision_delta bigint not null) on commit drop`);
    await sqlRows(tx, `with u as (${update}) insert into cob_day select * from u`, Array((update.match(/\?::date/g) ?? []).length).fill(businessDate));
    const [day] = await sqlRows<{ n: string; accrued: string; penalty: string; provision: string }>(
      tx,
      `select count(*)::text as n,
              (coalesce(sum(accrue_minor), 0) + (select coalesce(sum(accrue_minor), 0) from cob_accrual))::text as accrued,
              coalesce(sum(penalty_minor), 0)::text as penalty,
              coalesce(sum(provision_delta), 0)::text as provision
         from cob_day`,
    );
    progress('ACCRUAL', Number(day.n));

    // Guarantee exposure, before the entries: the guarantees module locks its rows before cached balances.
    await refreshGuaranteeExposure(tx, businessDate);
    progress('GUARANTEES', 0);

    // 3. The journal: one entry per kind, a posting per loan on the receivable side.
    const books = new BooksService(tx);
    const post = (kind: string, memo: string, sql: string) => books.postSelect({ businessDate, kind, memo, select: { sql } });
    await post('LOAN_INTEREST_ACCRUAL', `Close of business ${businessDate}: contractual interest accrued`, `
      select '142' as account_code, 'DEBIT' as side, accrue_minor as amount_minor, loan_id, null::uuid as guarantee_id
        from (select loan_id, accrue_minor from cob_day union all select loan_id, accrue_minor from cob_accrual) a
      union all
      select '701', 'CREDIT', coalesce((select sum(accrue_minor) from cob_day), 0) + coalesce((select sum(accrue_minor) from cob_accrual), 0), null, null`);
    await post('LOAN_INTEREST_CAPITALISED', `Close of business ${businessDate}: grace-period interest capitalised`, `
      select '141' as account_code, 'DEBIT' as side, capitalised_minor as amount_minor, loan_id, null::uuid as guarantee_id from cob_accrual
      union all select '701', 'CREDIT', coalesce((select sum(capitalised_minor) from cob_accrual), 0), null, null`);
    await post('LOAN_PENALTY_ACCRUAL', `Close of business ${businessDate}: penalty interest on overdue principal`, `
      select '144' as account_code, 'DEBIT' as side, penalty_minor as amount_minor, loan_id, null::uuid as guarantee_id from cob_day
      union all select '703', 'CREDIT', coalesce((select sum(penalty_minor) from cob_day), 0), null, null`);
    await post('LOAN_PROVISION', `Close of business ${businessDate}: loan-loss provision by arrears bucket`, `
      select '145' as account_code, case when provision_delta > 0 then 'CREDIT' else 'DEBIT' end as side, abs(provision_delta) as amount_minor, loan_id, null::uuid as guarantee_id from cob_day
      union all select '762', 'DEBIT', coalesce((select sum(provision_delta) from cob_day where provision_delta > 0), 0), null, null
      union all select '762', 'CREDIT', coalesce((select -sum(provision_delta) from cob_day where provision_delta < 0), 0), null, null`);
    progress('POSTING', Number(day.n));

    const result: CloseResult = {
      businessDate,
      path: 'SET_BASED',
      ran: true,
      loansProcessed: Number(day.n),
      instalmentsBilled: billed,
      interestAccruedMinor: BigInt(day.accrued),
      penaltyAccruedMinor: BigInt(day.penalty),
      provisionChangeMinor: BigInt(day.provision),
    };
    await recordRun(tx, result, startedAt);
    progress('DONE', result.loansProcessed);
    return result;
  });
}

export async function recordRun(em: EntityManager, r: CloseResult, startedAt: Date): Promise<void> {
  await sqlRows(
    em,
    `insert into close_of_business_run (business_date, path, loans_processed, instalments_billed, interest_accrued_minor, penalty_accrued_minor, provision_change_minor, started_at)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
    [r.businessDate, r.path, r.loansProcessed, r.instalmentsBilled, r.interestAccruedMinor.toString(), r.penaltyAccruedMinor.toString(), r.provisionChangeMinor.toString(), startedAt.toISOString()],
  );
}

/** The last closed business date, or null before the first close. */
export async function lastClosedDate(em: EntityManager): Promise<string | null> {
  const [row] = await sqlRows<{ d: string | null }>(em, `select to_char(max(business_date), 'YYYY-MM-DD') as d from close_of_business_run`);
  return row?.d ?? null;
}

/**
 * Closes every business date from the day after the last closed one up to `through`, in order
 * (each in its own transaction), so missed days are caught up. Before the first close only
 * `through` is closed (or from `from`, when given).
 */
export async function closeThrough(
  em: EntityManager,
  through: string,
  options: CloseOptions & { from?: string; close?: (em: EntityManager, date: string, options: CloseOptions) => Promise<CloseResult> } = {},
): Promise<CloseResult[]> {
  const last = await lastClosedDate(em);
  let date = last ? addDays(last, 1) : (options.from ?? through);
  const run = options.close ?? closeBusinessDate;
  const results: CloseResult[] = [];
  for (; date <= through; date = addDays(date, 1)) results.push(await run(em, date, options));
  return results;
}
