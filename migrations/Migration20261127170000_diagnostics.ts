import { Migration } from '@mikro-orm/migrations';

/**
 * Diagnostics (issue 7): survey instruments as versioned data, campaigns with single-use
 * invitation tokens (only their SHA-256 is stored), pseudonymised responses (the HMAC key is not
 * in the database), an audit of raw-response reads and of erasures (no personal data in either),
 * kept exports, survey aggregates published as indicators, and local development strategies.
 */
export class Migration20261127170000_diagnostics extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "diagnostics_instrument" (
      "id" uuid primary key,
      "code" text not null unique check ("code" ~ '^[A-Za-z_][A-Za-z0-9_]{0,63}$'),
      "created_at" timestamptz not null default now()
    );`);
    this.addSql(`create table "diagnostics_instrument_version" (
      "id" uuid primary key,
      "instrument_id" uuid not null references "diagnostics_instrument" ("id") on delete cascade,
      "version" int not null check ("version" > 0),
      "definition" jsonb not null,
      "launched_at" timestamptz null,
      "created_at" timestamptz not null default now(),
      constraint "diagnostics_instrument_version_unique" unique ("instrument_id", "version")
    );`);
    this.addSql(`create table "diagnostics_campaign" (
      "id" uuid primary key,
      "instrument_version_id" uuid not null references "diagnostics_instrument_version" ("id") on delete restrict,
      "name" text not null check (length("name") between 1 and 300),
      "audience" text not null check ("audience" in ('ENTITIES', 'INSTITUTIONS', 'RESIDENTS')),
      "territory_code" text null,
      "legal_forms" text[] not null default '{}',
      "status" text not null default 'DRAFT' check ("status" in ('DRAFT', 'LAUNCHED', 'CLOSED')),
      "retention_days" int not null check ("retention_days" between 1 and 3650),
      "closes_at" timestamptz not null,
      "launched_at" timestamptz null,
      "raw_purged_at" timestamptz null,
      "aggregate_snapshot" jsonb null,
      "created_at" timestamptz not null default now()
    );`);
    this.addSql(`create table "diagnostics_invitation" (
      "id" uuid primary key,
      "campaign_id" uuid not null references "diagnostics_campaign" ("id") on delete cascade,
      "token_sha256" varchar(64) not null unique,
      "respondent_pseudonym" varchar(64) not null,
      "entity_id" uuid null references "social_economy_entity" ("id") on delete set null,
      "territory_code" text null,
      "respondent_kind" text not null,
      "status" text not null default 'INVITED' check ("status" in ('INVITED', 'STARTED', 'SUBMITTED', 'EXPIRED')),
      "expires_at" timestamptz not null,
      "started_at" timestamptz null,
      "submitted_at" timestamptz null,
      "created_at" timestamptz not null default now()
    );`);
    this.addSql(`create index "diagnostics_invitation_campaign_index" on "diagnostics_invitation" ("campaign_id", "status");`);
    this.addSql(`create index "diagnostics_invitation_pseudonym_index" on "diagnostics_invitation" ("respondent_pseudonym");`);
    this.addSql(`create table "diagnostics_response" (
      "invitation_id" uuid primary key references "diagnostics_invitation" ("id") on delete cascade,
      "answers" jsonb not null default '{}',
      "calculated" jsonb not null default '{}',
      "scores" jsonb null,
      "score_index" numeric null,
      "saved_at" timestamptz not null,
      "submitted_at" timestamptz null
    );`);
    this.addSql(`create table "diagnostics_raw_access" (
      "id" bigserial primary key,
      "at" timestamptz not null default now(),
      "staff_user_id" uuid null,
      "staff_roles" text[] not null,
      "campaign_id" uuid null,
      "action" text not null check ("action" in ('READ_RAW', 'EXPORT_RAW', 'EXPORT_RESPONDENT', 'ERASE_RESPONDENT', 'RETENTION_PURGE')),
      "rows" int not null,
      "note" text null
    );`);
    this.addSql(`create table "diagnostics_export" (
      "id" uuid primary key,
      "campaign_id" uuid not null references "diagnostics_campaign" ("id") on delete cascade,
      "created_at" timestamptz not null default now(),
      "created_by" uuid null,
      "file_name" text not null,
      "content" bytea not null,
      "pseudonyms" text[] not null
    );`);
    this.addSql(`create index "diagnostics_export_pseudonyms_index" on "diagnostics_export" using gin ("pseudonyms");`);
    this.addSql(`create table "diagnostics_survey_indicator" (
      "code" text primary key check ("code" ~ '^[A-Z][A-Z0-9_]{2,63}$'),
      "campaign_id" uuid not null references "diagnostics_campaign" ("id") on delete cascade,
      "definition" jsonb not null,
      "published_at" timestamptz not null
    );`);
    this.addSql(`create table "diagnostics_survey_indicator_value" (
      "indicator_code" text not null references "diagnostics_survey_indicator" ("code") on delete cascade,
      "area_code" text not null,
      "category" text not null,
      "value" numeric null,
      "contributors" int not null,
      "suppressed" boolean not null,
      "suppression_reason" text null,
      primary key ("indicator_code", "area_code", "category")
    );`);
    this.addSql(`create table "diagnostics_local_strategy" (
      "id" uuid primary key,
      "territory_code" text not null,
      "current_version" int not null default 1,
      "created_at" timestamptz not null default now()
    );`);
    this.addSql(`create table "diagnostics_local_strategy_version" (
      "strategy_id" uuid not null references "diagnostics_local_strategy" ("id") on delete cascade,
      "version" int not null,
      "document" jsonb not null,
      "created_by" uuid null,
      "created_at" timestamptz not null default now(),
      primary key ("strategy_id", "version")
    );`);
  }

  override async down(): Promise<void> {
    for (const table of ['diagnostics_local_strategy_version', 'diagnostics_local_strategy', 'diagnostics_survey_indicator_value', 'diagnostics_survey_indicator', 'diagnostics_export', 'diagnostics_raw_access', 'diagnostics_response', 'diagnostics_invitation', 'diagnostics_campaign', 'diagnostics_instrument_version', 'diagnostics_instrument']) {
      this.addSql(`drop table if exists "${table}" cascade;`);
    }
  }
}
