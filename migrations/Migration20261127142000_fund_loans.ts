import { Migration } from '@mikro-orm/migrations';

/**
 * Fund loans (fund/loans) and the daily close of business (fund/close): the loan with its cached
 * balances and the "current instalment" the close works from, versioned repayment schedules with
 * their instalments, tranches, repayments (idempotency key per loan), an event log of the other
 * transitions, and one run record per closed business date. Money is bigint grosze throughout.
 * Foreign keys between these tables are checked at commit: the entities refer to each other by id,
 * so the ORM cannot order one command's inserts by them.
 */
export class Migration20261127142000_fund_loans extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "loan" (
      "id" uuid not null,
      "seq" bigint generated always as identity,
      "contract_id" uuid not null,
      "borrower_client_id" uuid not null,
      "product_id" uuid not null,
      "status" text not null default 'CONTRACTED' check ("status" in ('CONTRACTED', 'ACTIVE', 'WRITTEN_OFF', 'CLOSED')),
      "terms" jsonb not null,
      "approved_principal_minor" bigint not null check ("approved_principal_minor" > 0),
      "disbursed_principal_minor" bigint not null default 0,
      "penalty_rate_bp" int not null default 0 check ("penalty_rate_bp" >= 0),
      "fee_schedule" jsonb not null default '{}',
      "allocation_order" text[] not null default array['PENALTY', 'FEE', 'INTEREST', 'PRINCIPAL'],
      "remission_max_share_bp" int null check ("remission_max_share_bp" between 0 and 10000),
      "remission_jobs_promised" int null,
      "remission_deadline" date null,
      "remitted_minor" bigint not null default 0,
      "remitted_on" date null,
      "principal_outstanding_minor" bigint not null default 0,
      "principal_due_minor" bigint not null default 0,
      "interest_accrued_total_minor" bigint not null default 0,
      "interest_unbilled_minor" bigint not null default 0,
      "interest_due_minor" bigint not null default 0,
      "fee_due_minor" bigint not null default 0,
      "penalty_due_minor" bigint not null default 0,
      "provision_minor" bigint not null default 0,
      "written_off_minor" bigint not null default 0,
      "billed_cumulative_minor" bigint not null default 0,
      "settled_cumulative_minor" bigint not null default 0,
      "oldest_unpaid_due_date" date null,
      "days_past_due" int not null default 0,
      "schedule_id" uuid null,
      "schedule_version" int not null default 0,
      "cur_instalment_number" int null,
      "cur_period_start" date null,
      "cur_period_end" date null,
      "cur_due_date" date null,
      "cur_principal_minor" bigint null,
      "cur_interest_minor" bigint null,
      "cum_interest_before_cur_minor" bigint not null default 0,
      "accrued_through" date null,
      "last_close_accrual_minor" bigint not null default 0,
      "last_close_penalty_minor" bigint not null default 0,
      "last_close_provision_delta_minor" bigint not null default 0,
      "opened_on" date not null,
      "first_disbursed_on" date null,
      "written_off_on" date null,
      "closed_on" date null,
      "created_at" timestamptz not null default now(),
      constraint "loan_pkey" primary key ("id"),
      constraint "loan_contract_id_unique" unique ("contract_id"),
      constraint "loan_seq_unique" unique ("seq"),
      constraint loan_balances_non_negative check (
        principal_outstanding_minor >= 0 and principal_due_minor >= 0 and principal_due_minor <= principal_outstanding_minor
        and interest_unbilled_minor >= 0 and interest_due_minor >= 0 and fee_due_minor >= 0 and penalty_due_minor >= 0
        and provision_minor >= 0 and disbursed_principal_minor <= approved_principal_minor),
      constraint loan_allocation_order_known check (
        allocation_order @> array['PENALTY', 'FEE', 'INTEREST', 'PRINCIPAL'] and cardinality(allocation_order) = 4)
    );`);
    this.addSql(`create index "loan_status_index" on "loan" ("status");`);
    this.addSql(`create index "loan_borrower_index" on "loan" ("borrower_client_id");`);
    this.addSql(`alter table "loan" add constraint "loan_contract_id_foreign"
      foreign key ("contract_id") references "loan_contract" ("id") on update cascade on delete restrict;`);

    this.addSql(`create table "loan_schedule" (
      "id" uuid not null,
      "loan_id" uuid not null,
      "version" int not null,
      "reason" text not null check ("reason" in ('DISBURSEMENT', 'TRANCHE', 'PREPAYMENT', 'RESTRUCTURE', 'REMISSION', 'REVERSAL')),
      "effective_date" date not null,
      "terms" jsonb not null,
      "created_at" timestamptz not null default now(),
      constraint "loan_schedule_pkey" primary key ("id"),
      constraint "loan_schedule_loan_version_unique" unique ("loan_id", "version")
    );`);
    this.addSql(`alter table "loan_schedule" add constraint "loan_schedule_loan_id_foreign"
      foreign key ("loan_id") references "loan" ("id") on update cascade on delete cascade deferrable initially deferred;`);
    this.addSql(`alter table "loan" add constraint "loan_schedule_id_foreign"
      foreign key ("schedule_id") references "loan_schedule" ("id") on update cascade on delete set null deferrable initially deferred;`);

    this.addSql(`create table "loan_instalment" (
      "schedule_id" uuid not null,
      "number" int not null,
      "due_date" date not null,
      "period_start" date not null,
      "period_end" date not null,
      "principal_minor" bigint not null,
      "interest_minor" bigint not null,
      "total_minor" bigint not null,
      "opening_principal_minor" bigint not null,
      "closing_principal_minor" bigint not null,
      "capitalised_interest_minor" bigint not null default 0,
      "billed_on" date null,
      "billed_principal_minor" bigint null,
      "billed_interest_minor" bigint null,
      "billed_cumulative_through_minor" bigint null,
      constraint "loan_instalment_pkey" primary key ("schedule_id", "number")
    );`);
    this.addSql(`alter table "loan_instalment" add constraint "loan_instalment_schedule_id_foreign"
      foreign key ("schedule_id") references "loan_schedule" ("id") on update cascade on delete cascade deferrable initially deferred;`);

    this.addSql(`create table "loan_disbursement" (
      "id" uuid not null,
      "loan_id" uuid not null,
      "tranche" int not null,
      "business_date" date not null,
      "amount_minor" bigint not null check ("amount_minor" > 0),
      "fee_minor" bigint not null default 0,
      "journal_entry_id" uuid null,
      "created_at" timestamptz not null default now(),
      constraint "loan_disbursement_pkey" primary key ("id"),
      constraint "loan_disbursement_tranche_unique" unique ("loan_id", "tranche")
    );`);
    this.addSql(`alter table "loan_disbursement" add constraint "loan_disbursement_loan_id_foreign"
      foreign key ("loan_id") references "loan" ("id") on update cascade on delete cascade deferrable initially deferred;`);

    this.addSql(`create table "loan_repayment" (
      "id" uuid not null,
      "loan_id" uuid not null,
      "idempotency_key" text not null,
      "business_date" date not null,
      "amount_minor" bigint not null check ("amount_minor" > 0),
      "penalty_minor" bigint not null default 0,
      "fee_minor" bigint not null default 0,
      "interest_due_minor" bigint not null default 0,
      "interest_unbilled_minor" bigint not null default 0,
      "principal_due_minor" bigint not null default 0,
      "principal_prepaid_minor" bigint not null default 0,
      "cur_instalment_number" int null,
      "schedule_version" int not null,
      "status" text not null default 'POSTED' check ("status" in ('POSTED', 'REVERSED')),
      "journal_entry_id" uuid null,
      "reversal_entry_id" uuid null,
      "reversed_on" date null,
      "created_at" timestamptz not null default now(),
      constraint "loan_repayment_pkey" primary key ("id"),
      constraint "loan_repayment_key_unique" unique ("loan_id", "idempotency_key"),
      constraint loan_repayment_allocation_sums check (amount_minor = penalty_minor + fee_minor + interest_due_minor
        + interest_unbilled_minor + principal_due_minor + principal_prepaid_minor)
    );`);
    this.addSql(`alter table "loan_repayment" add constraint "loan_repayment_loan_id_foreign"
      foreign key ("loan_id") references "loan" ("id") on update cascade on delete cascade deferrable initially deferred;`);

    this.addSql(`create table "loan_event" (
      "id" uuid not null,
      "loan_id" uuid not null,
      "seq" bigint generated always as identity,
      "kind" text not null check ("kind" in ('OPENED', 'DISBURSED', 'REPAID', 'REPAYMENT_REVERSED', 'RESTRUCTURED', 'REMITTED', 'WRITTEN_OFF', 'CLOSED')),
      "business_date" date not null,
      "amount_minor" bigint not null default 0,
      "journal_entry_id" uuid null,
      "details" jsonb not null default '{}',
      "created_at" timestamptz not null default now(),
      constraint "loan_event_pkey" primary key ("id")
    );`);
    this.addSql(`create index "loan_event_loan_index" on "loan_event" ("loan_id", "seq");`);
    this.addSql(`alter table "loan_event" add constraint "loan_event_loan_id_foreign"
      foreign key ("loan_id") references "loan" ("id") on update cascade on delete cascade deferrable initially deferred;`);

    this.addSql(`create table "close_of_business_run" (
      "business_date" date not null,
      "path" text not null check ("path" in ('SET_BASED', 'PER_LOAN')),
      "loans_processed" int not null,
      "instalments_billed" int not null,
      "interest_accrued_minor" bigint not null,
      "penalty_accrued_minor" bigint not null,
      "provision_change_minor" bigint not null,
      "started_at" timestamptz not null,
      "finished_at" timestamptz not null default now(),
      constraint "close_of_business_run_pkey" primary key ("business_date")
    );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "close_of_business_run" cascade;`);
    this.addSql(`drop table if exists "loan_event" cascade;`);
    this.addSql(`drop table if exists "loan_repayment" cascade;`);
    this.addSql(`drop table if exists "loan_disbursement" cascade;`);
    this.addSql(`drop table if exists "loan_instalment" cascade;`);
    this.addSql(`alter table "loan" drop constraint if exists "loan_schedule_id_foreign";`);
    this.addSql(`drop table if exists "loan_schedule" cascade;`);
    this.addSql(`drop table if exists "loan" cascade;`);
  }
}
