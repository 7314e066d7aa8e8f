import type { Client } from 'pg';

/**
 * Fills the bench database with `count` loans in a handful of set-based statements: contracts
 * (foreign-key triggers off: the bench needs contract rows, not the origination chain), a schedule
 * version per loan with 6–24 monthly equal-principal instalments, and each loan's state as the
 * daily close would have left it at the end of the day before `businessDate`: instalments due so
 * far billed, 85 % of loans paid up, 15 % behind by 1–6 instalments (so days past due, penalties
 * and provisions have work to do). Reproducible (setseed).
 */
export async function generateLoans(client: Client, count: number, businessDate: string, log: (line: string) => void): Promise<void> {
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const t = Date.now();
    await client.query(sql, params);
    log(`  ${label.padEnd(44)} ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };
  await step('clear', `truncate loan_instalment, loan_schedule, loan_event, loan_repayment, loan_disbursement, loan, close_of_business_run cascade`);
  await client.query(`set session_replication_role = replica`);
  await client.query(`delete from loan_contract where number like 'B/%'`);
  await client.query(`drop table if exists bench_gen`);
  await client.query(`select setseed(0.42)`);
  await step('draw loans', `create unlogged table bench_gen as
    select g as n, gen_random_uuid() as id, gen_random_uuid() as contract_id, gen_random_uuid() as schedule_id,
           (1000000 + floor(random() * 49000000))::bigint as p, (6 + floor(random() * 19))::int as k,
           (array[0, 150, 300, 450, 600, 800])[1 + floor(random() * 6)::int] as r,
           (date '2024-10-01' + floor(random() * 540)::int) as d0,
           random() < 0.15 as late, (1 + floor(random() * 6))::int as behind, random() < 0.8 as penalised
      from generate_series(1, $1::int) g`, [count]);
  await step('contracts', `insert into loan_contract (id, number, application_id, principal_minor, terms, penalty_rate_bp, arrangement_fee_minor, allocation_order, signed_on, signed_by_id)
    select contract_id, 'B/' || n, gen_random_uuid(), p, '{}', 1400, 0, array['PENALTY','FEE','INTEREST','PRINCIPAL'], d0, gen_random_uuid() from bench_gen`);
  await step('schedules', `insert into loan_schedule (id, loan_id, version, reason, effective_date, terms)
    select schedule_id, id, 1, 'DISBURSEMENT', d0, jsonb_build_object('principalMinor', p::text, 'currency', 'PLN', 'firstDisbursementDate', d0, 'instalments', k,
      'frequency', 'MONTHLY', 'amortisation', 'EQUAL_PRINCIPAL', 'interest', jsonb_build_object('kind', 'FIXED', 'annualRateBp', r), 'dayCount', 'E30_360',
      'grace', jsonb_build_object('kind', 'NONE', 'periods', 0), 'businessDayRule', 'UNADJUSTED') from bench_gen`);
  await step('instalments', `insert into loan_instalment (schedule_id, number, due_date, period_start, period_end, principal_minor, interest_minor, total_minor, opening_principal_minor, closing_principal_minor)
    select schedule_id, i, (d0 + make_interval(months => i))::date, (d0 + make_interval(months => i - 1))::date, (d0 + make_interval(months => i))::date,
           pr, it, pr + it, op, op - pr
      from bench_gen, generate_series(1, k) i,
           lateral (select case when i < k then p / k else p - (p / k) * (k - 1) end as pr, p - (p / k) * (i - 1) as op) a,
           lateral (select (op * r * 2 + 120000) / 240000 as it) b`);
  await step('loan state as of the day before', `insert into loan (id, contract_id, borrower_client_id, product_id, status, terms, approved_principal_minor, disbursed_principal_minor,
      penalty_rate_bp, principal_outstanding_minor, principal_due_minor, interest_accrued_total_minor, interest_unbilled_minor, interest_due_minor,
      billed_cumulative_minor, settled_cumulative_minor, oldest_unpaid_due_date, days_past_due, schedule_id, schedule_version,
      cur_instalment_number, cur_period_start, cur_period_end, cur_due_date, cur_principal_minor, cur_interest_minor, cum_interest_before_cur_minor,
      accrued_through, opened_on, first_disbursed_on)
    select g.id, g.contract_id, gen_random_uuid(), gen_random_uuid(), 'ACTIVE', s.terms, g.p, g.p, case when g.penalised then 1400 else 0 end,
           g.p - st.billed_p + st.due_p, st.due_p, st.billed_i + acc.a, acc.a, st.due_i,
           st.billed_p + st.billed_i, st.billed_p + st.billed_i - st.due_p - st.due_i, st.oldest,
           case when st.oldest is null then 0 else greatest($1::date - 1 - st.oldest, 0) end, g.schedule_id, 1,
           c.number, c.period_start, c.period_end, c.due_date, c.principal_minor, c.interest_minor, st.billed_i,
           $1::date - 1, g.d0, g.d0
      from bench_gen g
      join loan_schedule s on s.id = g.schedule_id
      left join lateral (select * from loan_instalment i where i.schedule_id = g.schedule_id and i.due_date > $1::date order by i.number limit 1) c on true
      cross join lateral (
        select coalesce(sum(i.principal_minor), 0) as billed_p, coalesce(sum(i.interest_minor), 0) as billed_i,
               coalesce(sum(i.principal_minor) filter (where g.late and i.number >= coalesce(c.number, g.k + 1) - g.behind), 0) as due_p,
               coalesce(sum(i.interest_minor) filter (where g.late and i.number >= coalesce(c.number, g.k + 1) - g.behind), 0) as due_i,
               min(i.due_date) filter (where g.late and i.number >= coalesce(c.number, g.k + 1) - g.behind) as oldest
          from loan_instalment i where i.schedule_id = g.schedule_id and i.number < coalesce(c.number, g.k + 1)) st
      cross join lateral (select case when c.number is null or c.period_end <= c.period_start then 0
             else (c.interest_minor * least(greatest($1::date - 1 - c.period_start + 1, 0), c.period_end - c.period_start) * 2 + (c.period_end - c.period_start))
                  / (2 * (c.period_end - c.period_start)) end as a) acc`, [businessDate]);
  await step('provisions as of the day before', `update loan set provision_minor = (principal_outstanding_minor * (case when days_past_due >= 181 then 10000
      when days_past_due >= 91 then 5000 when days_past_due >= 31 then 2500 when days_past_due >= 1 then 500 else 100 end) * 2 + 10000) / 20000`);
  await client.query(`set session_replication_role = origin`);
  for (const table of ['loan', 'loan_instalment', 'loan_schedule', 'loan_contract']) await step(`vacuum analyze ${table}`, `vacuum analyze ${table}`);
  await client.query(`drop table if exists bench_gen`);
}
