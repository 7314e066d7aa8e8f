import { Migration } from '@mikro-orm/migrations';

/**
 * Relief campaigns (fund/relief): a payment holiday, a temporary rate cut or a later jobs deadline
 * for a targeted part of the loan portfolio. A campaign keeps the preview it was applied from
 * (figures and the fingerprint of every targeted loan), one row per loan it changed, and an audit
 * trail. Loans are referenced by id without a foreign key: the campaign is the record of what was
 * done and outlives nothing it points to (loans are never deleted).
 */
export class Migration20261127143500_fund_relief extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "relief_campaign" (
      "id" uuid not null,
      "name" text not null check (length(btrim("name")) between 1 and 300),
      "kind" text not null check ("kind" in ('PAYMENT_HOLIDAY', 'RATE_CUT', 'JOBS_DEADLINE_EXTENSION')),
      "parameters" jsonb not null,
      "target" jsonb not null,
      "business_date" date not null,
      "status" text not null default 'DRAFT' check ("status" in ('DRAFT', 'PREVIEWED', 'APPLIED')),
      "created_by_id" uuid null,
      "created_at" timestamptz not null default now(),
      "preview" jsonb null,
      "fingerprint" text null,
      "previewed_at" timestamptz null,
      "previewed_by_id" uuid null,
      "applied" jsonb null,
      "applied_at" timestamptz null,
      "applied_by_id" uuid null,
      constraint "relief_campaign_pkey" primary key ("id"),
      constraint "relief_campaign_previewed" check ("status" = 'DRAFT' or ("preview" is not null and "fingerprint" is not null and "previewed_at" is not null)),
      constraint "relief_campaign_applied" check (("status" = 'APPLIED') = ("applied" is not null and "applied_at" is not null))
    );`);
    this.addSql(`create table "relief_campaign_loan" (
      "campaign_id" uuid not null,
      "loan_id" uuid not null,
      "fingerprint" text not null,
      "schedule_version_before" int not null,
      "schedule_version_after" int not null,
      "schedule_id_after" uuid null,
      "journal_entry_ids" uuid[] not null default '{}',
      "figures" jsonb not null,
      constraint "relief_campaign_loan_pkey" primary key ("campaign_id", "loan_id")
    );`);
    this.addSql(`create index "relief_campaign_loan_loan_index" on "relief_campaign_loan" ("loan_id");`);
    this.addSql(`alter table "relief_campaign_loan" add constraint "relief_campaign_loan_campaign_id_foreign"
      foreign key ("campaign_id") references "relief_campaign" ("id") on update cascade on delete restrict deferrable initially deferred;`);
    this.addSql(`create table "relief_campaign_event" (
      "id" uuid not null,
      "campaign_id" uuid not null,
      "seq" bigint generated always as identity,
      "kind" text not null check ("kind" in ('CREATED', 'PREVIEWED', 'APPLIED')),
      "actor_id" uuid null,
      "at" timestamptz not null default now(),
      "details" jsonb not null default '{}',
      constraint "relief_campaign_event_pkey" primary key ("id")
    );`);
    this.addSql(`create index "relief_campaign_event_campaign_index" on "relief_campaign_event" ("campaign_id", "seq");`);
    this.addSql(`alter table "relief_campaign_event" add constraint "relief_campaign_event_campaign_id_foreign"
      foreign key ("campaign_id") references "relief_campaign" ("id") on update cascade on delete restrict deferrable initially deferred;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "relief_campaign_event";`);
    this.addSql(`drop table if exists "relief_campaign_loan";`);
    this.addSql(`drop table if exists "relief_campaign";`);
  }
}
