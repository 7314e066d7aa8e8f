import { Migration } from '@mikro-orm/migrations';

/**
 * Guarantee fund (fund/guarantees): partner lenders (e.g. cooperative banks), guarantee funds with
 * capital and a multiplier limit, guarantee products, guarantees on partner loans with their
 * declining exposure, and the history of every event (issue, balance report, call, payout,
 * recovery, reversal) with the journal entry it posted.
 */
export class Migration20261127142500_fund_guarantees extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "fund_partner_lender" (
      "id" uuid not null,
      "name" text not null check (length(trim("name")) between 1 and 300),
      "nip" varchar(10) null check ("nip" ~ '^[0-9]{10}$'),
      "krs" varchar(10) null check ("krs" ~ '^[0-9]{10}$'),
      "created_at" timestamptz not null default now(),
      constraint "fund_partner_lender_pkey" primary key ("id"),
      constraint "fund_partner_lender_identified" check ("nip" is not null or "krs" is not null),
      constraint "fund_partner_lender_nip_unique" unique ("nip")
    );`);
    this.addSql(`create table "fund_guarantee_fund" (
      "id" uuid not null,
      "name" text not null check (length(trim("name")) between 1 and 300),
      "capital_minor" bigint not null check ("capital_minor" > 0),
      "multiplier_bp" int not null check ("multiplier_bp" between 1 and 1000000),
      "paid_out_minor" bigint not null default 0 check ("paid_out_minor" >= 0),
      "recovered_minor" bigint not null default 0 check ("recovered_minor" >= 0),
      "created_at" timestamptz not null default now(),
      constraint "fund_guarantee_fund_pkey" primary key ("id")
    );`);
    this.addSql(`create table "fund_guarantee_product" (
      "id" uuid not null,
      "fund_id" uuid not null references "fund_guarantee_fund" ("id"),
      "name" text not null check (length(trim("name")) between 1 and 300),
      "coverage_bp" int not null check ("coverage_bp" between 1 and 10000),
      "cap_minor" bigint not null check ("cap_minor" > 0),
      "fee_bp" int not null check ("fee_bp" between 0 and 10000),
      "max_term_months" int not null check ("max_term_months" between 1 and 600),
      "created_at" timestamptz not null default now(),
      constraint "fund_guarantee_product_pkey" primary key ("id")
    );`);
    this.addSql(`create table "fund_guarantee" (
      "id" uuid not null,
      "fund_id" uuid not null references "fund_guarantee_fund" ("id"),
      "product_id" uuid not null references "fund_guarantee_product" ("id"),
      "partner_lender_id" uuid not null references "fund_partner_lender" ("id"),
      "borrower_name" text not null,
      "partner_loan_reference" text not null,
      "loan_principal_minor" bigint not null check ("loan_principal_minor" > 0),
      "term_months" int not null check ("term_months" > 0),
      "issued_on" date not null,
      "expires_on" date not null,
      "coverage_bp" int not null,
      "cap_minor" bigint not null,
      "fee_minor" bigint not null check ("fee_minor" >= 0),
      "reported_outstanding_minor" bigint not null check ("reported_outstanding_minor" >= 0),
      "reported_on" date not null,
      "exposure_minor" bigint not null check ("exposure_minor" >= 0),
      "status" text not null check ("status" in ('ACTIVE', 'CALLED', 'PAID_OUT', 'EXPIRED', 'CANCELLED')),
      "called_minor" bigint not null default 0 check ("called_minor" >= 0),
      "paid_minor" bigint not null default 0 check ("paid_minor" >= 0),
      "recovered_minor" bigint not null default 0 check ("recovered_minor" >= 0 and "recovered_minor" <= "paid_minor"),
      "created_by_id" uuid null,
      "created_at" timestamptz not null default now(),
      constraint "fund_guarantee_pkey" primary key ("id"),
      constraint "fund_guarantee_partner_loan_unique" unique ("partner_lender_id", "partner_loan_reference"),
      constraint "fund_guarantee_exposure_capped" check ("exposure_minor" <= "cap_minor")
    );`);
    this.addSql(`create index "fund_guarantee_fund_status_index" on "fund_guarantee" ("fund_id", "status");`);
    this.addSql(`create index "fund_guarantee_active_expiry_index" on "fund_guarantee" ("expires_on") where "status" = 'ACTIVE';`);
    this.addSql(`create table "fund_guarantee_event" (
      "id" uuid not null,
      "guarantee_id" uuid not null references "fund_guarantee" ("id"),
      "kind" text not null check ("kind" in ('ISSUE', 'EXPOSURE_REPORT', 'CALL', 'PAYOUT', 'RECOVERY', 'REVERSAL', 'EXPIRY')),
      "business_date" date not null,
      "amount_minor" bigint null,
      "outstanding_minor" bigint null,
      "exposure_minor" bigint not null,
      "entry_id" uuid null references "fund_journal_entry" ("id"),
      "reverses_event_id" uuid null unique references "fund_guarantee_event" ("id"),
      "created_by_id" uuid null,
      "created_at" timestamptz not null default now(),
      constraint "fund_guarantee_event_pkey" primary key ("id")
    );`);
    this.addSql(`create index "fund_guarantee_event_guarantee_index" on "fund_guarantee_event" ("guarantee_id", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "fund_guarantee_event", "fund_guarantee", "fund_guarantee_product", "fund_guarantee_fund", "fund_partner_lender" cascade;`);
  }
}
