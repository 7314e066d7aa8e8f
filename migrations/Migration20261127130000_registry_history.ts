import { Migration } from '@mikro-orm/migrations';

const LEGAL_FORMS = `'SOCIAL_COOPERATIVE', 'WORKER_COOPERATIVE', 'COOPERATIVE_OF_DISABLED_OR_BLIND', 'ASSOCIATION', 'FOUNDATION', 'NON_PROFIT_COMPANY', 'CIS', 'KIS', 'ZAZ', 'WTZ', 'RURAL_HOUSEWIVES_CIRCLE', 'OTHER'`;
const STATUSES = `'ACTIVE', 'SUSPENDED', 'IN_LIQUIDATION', 'DISSOLVED'`;

// The registry's search fold (foldForSearch in api/src/observatory/registry/search-name.ts) written
// in SQL, for the rows that exist before this migration; the hub writes search_name itself after.
// Both cases are listed because lower() leaves non-ASCII letters alone under the C locale.
const FOLD_NAME = `trim(regexp_replace(replace(replace(replace(lower(translate(name,
  'ąćęłńóśźżáàâäãåčďéèêëěíìîïňñòôöõřšťúùûüůýÿžçđøĄĆĘŁŃÓŚŹŻÁÀÂÄÃÅČĎÉÈÊËĚÍÌÎÏŇÑÒÔÖÕŘŠŤÚÙÛÜŮÝŸŽÇĐØ',
  'acelnoszzaaaaaacdeeeeeiiiinnoooorstuuuuuyyzcdoacelnoszzaaaaaacdeeeeeiiiinnoooorstuuuuuyyzcdo')),
  'æ', 'ae'), 'œ', 'oe'), 'ß', 'ss'), '[^a-z0-9]+', ' ', 'g'))`;

/**
 * Registry in full: bitemporal history of each entity's legal form, seat, status and social
 * enterprise status (`entity_state`, valid time × record time), the dated events behind it
 * (`registry_event`), annual reports (`annual_report`, money in grosze), and on the current
 * snapshot the social enterprise flag, main PKD class and a diacritics-folded name for search
 * (trigram-indexed, so "contains" queries need no sequential scan).
 *
 * Entities that exist already get their history started from the snapshot: one version valid
 * from the founding date (or the day they were added) recorded when they were added, and a
 * FOUNDED event.
 */
export class Migration20261127130000_registry_history extends Migration {
  override async up(): Promise<void> {
    this.addSql('create extension if not exists pg_trgm;');

    this.addSql(`alter table "social_economy_entity"
      add column "social_enterprise" boolean not null default false,
      add column "pkd_code" varchar(8) null,
      add column "search_name" text not null default '';`);
    this.addSql(`update "social_economy_entity" set "search_name" = ${FOLD_NAME};`);
    this.addSql(`alter table "social_economy_entity" alter column "search_name" drop default;`);
    this.addSql(`alter table "social_economy_entity" add constraint social_economy_entity_pkd_code_format check (pkd_code ~ '^[0-9]{2}\\.[0-9]{2}\\.[A-Z]$');`);
    this.addSql(`create index "social_economy_entity_search_name_trgm_index" on "social_economy_entity" using gin ("search_name" gin_trgm_ops);`);

    this.addSql(`create table "entity_state" (
      "id" bigserial primary key,
      "entity_id" uuid not null,
      "legal_form" text check ("legal_form" in (${LEGAL_FORMS})) not null,
      "seat_teryt_code" varchar(7) not null,
      "status" text check ("status" in (${STATUSES})) not null,
      "social_enterprise" boolean not null,
      "valid_from" date not null,
      "valid_to" date null,
      "recorded_from" timestamptz not null default now(),
      "recorded_to" timestamptz null,
      constraint entity_state_valid_range check (valid_to is null or valid_to > valid_from),
      constraint entity_state_recorded_range check (recorded_to is null or recorded_to > recorded_from)
    );`);
    this.addSql(`create index "entity_state_entity_id_valid_from_index" on "entity_state" ("entity_id", "valid_from");`);
    // Current knowledge: at most one version per entity starts on a day; the index most reads use.
    this.addSql(`create unique index "entity_state_current_index" on "entity_state" ("entity_id", "valid_from") where "recorded_to" is null;`);
    this.addSql(`create index "entity_state_seat_teryt_code_index" on "entity_state" ("seat_teryt_code");`);
    this.addSql(`alter table "entity_state" add constraint "entity_state_entity_id_foreign"
      foreign key ("entity_id") references "social_economy_entity" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "entity_state" add constraint "entity_state_seat_teryt_code_foreign"
      foreign key ("seat_teryt_code") references "territorial_unit" ("teryt_code") on update cascade on delete restrict;`);

    this.addSql(`create table "registry_event" (
      "id" bigserial primary key,
      "entity_id" uuid not null,
      "kind" text check ("kind" in ('FOUNDED', 'LEGAL_FORM_CHANGED', 'SEAT_CHANGED', 'STATUS_CHANGED', 'SOCIAL_ENTERPRISE_GRANTED', 'SOCIAL_ENTERPRISE_WITHDRAWN', 'LIQUIDATION_STARTED', 'DISSOLVED')) not null,
      "occurred_on" date not null,
      "recorded_at" timestamptz not null default now(),
      "details" jsonb not null default '{}'
    );`);
    this.addSql(`create index "registry_event_entity_id_occurred_on_index" on "registry_event" ("entity_id", "occurred_on");`);
    this.addSql(`alter table "registry_event" add constraint "registry_event_entity_id_foreign"
      foreign key ("entity_id") references "social_economy_entity" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "annual_report" (
      "id" uuid not null default gen_random_uuid(),
      "entity_id" uuid not null,
      "year" smallint not null,
      "employees_headcount" int null,
      "employees_fte" numeric(10,2) null,
      "excluded_long_term_unemployed" int null,
      "excluded_disabled" int null,
      "excluded_homeless" int null,
      "excluded_after_addiction" int null,
      "excluded_after_prison" int null,
      "excluded_refugees" int null,
      "excluded_other" int null,
      "members" int null,
      "volunteers" int null,
      "revenue_market" bigint null,
      "revenue_public_grants" bigint null,
      "result" bigint null,
      "surplus_reinvested" bigint null,
      "pkd_code" varchar(8) null,
      "synthetic" boolean not null default false,
      "recorded_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      constraint "annual_report_pkey" primary key ("id"),
      constraint annual_report_counts_non_negative check (employees_headcount >= 0 and excluded_long_term_unemployed >= 0 and excluded_disabled >= 0
        and excluded_homeless >= 0 and excluded_after_addiction >= 0 and excluded_after_prison >= 0 and excluded_refugees >= 0 and excluded_other >= 0
        and members >= 0 and volunteers >= 0),
      constraint annual_report_fte_non_negative check (employees_fte >= 0),
      constraint annual_report_amounts_non_negative check (revenue_market >= 0 and revenue_public_grants >= 0 and surplus_reinvested >= 0),
      constraint annual_report_year_range check (year >= 1989 and year <= 2100),
      constraint annual_report_pkd_code_format check (pkd_code ~ '^[0-9]{2}\\.[0-9]{2}\\.[A-Z]$')
    );`);
    this.addSql(`alter table "annual_report" add constraint "annual_report_entity_id_year_unique" unique ("entity_id", "year");`);
    this.addSql(`alter table "annual_report" add constraint "annual_report_entity_id_foreign"
      foreign key ("entity_id") references "social_economy_entity" ("id") on update cascade on delete cascade;`);

    // Start the history of entities that exist already from their snapshot.
    this.addSql(`insert into "entity_state" (entity_id, legal_form, seat_teryt_code, status, social_enterprise, valid_from, recorded_from)
      select id, legal_form, seat_teryt_code, status, social_enterprise, coalesce(founded_on, created_at::date), created_at from "social_economy_entity";`);
    this.addSql(`insert into "registry_event" (entity_id, kind, occurred_on, recorded_at, details)
      select id, 'FOUNDED', coalesce(founded_on, created_at::date), created_at,
             jsonb_build_object('legalForm', legal_form, 'seatCode', seat_teryt_code, 'status', status, 'note', 'history started from the registry snapshot')
        from "social_economy_entity";`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "annual_report" cascade;');
    this.addSql('drop table if exists "registry_event" cascade;');
    this.addSql('drop table if exists "entity_state" cascade;');
    this.addSql('drop index if exists "social_economy_entity_search_name_trgm_index";');
    this.addSql('alter table "social_economy_entity" drop constraint if exists social_economy_entity_pkd_code_format;');
    this.addSql('alter table "social_economy_entity" drop column "social_enterprise", drop column "pkd_code", drop column "search_name";');
  }
}
