import { Migration } from '@mikro-orm/migrations';

/**
 * Observatory indicators: definitions as data, published data versions, and the rollup of values.
 *
 * A value row is valid for a range of data versions [valid_from_version, valid_to_version): a refresh
 * that leaves a cell unchanged leaves its row alone, and a changed cell closes the old row and opens
 * a new one. So every published version stays retrievable and immutable without copying the table.
 * The parent's and the national figure are not copied into each row (one national change would
 * rewrite every row); readers join those rows of the same version.
 */
export class Migration20261127132000_indicators extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "data_version" (
      "id" serial primary key,
      "label" text not null unique,
      "status" text not null check ("status" in ('BUILDING', 'PUBLISHED', 'SUPERSEDED')),
      "cause" text not null,
      "citation" text not null,
      "created_at" timestamptz not null default now(),
      "published_at" timestamptz null
    );`);
    this.addSql(`create table "indicator_definition" (
      "code" text primary key check ("code" ~ '^[A-Z][A-Z0-9_]{2,63}$'),
      "name_pl" text not null,
      "name_en" text not null,
      "description_pl" text not null,
      "description_en" text not null,
      "unit" text not null,
      "numerator" jsonb not null,
      "denominator" jsonb null,
      "scale" integer not null default 1 check ("scale" in (1, 100, 1000, 10000, 100000)),
      "breakdowns" text[] not null default '{}',
      "source" text not null,
      "citation" text not null,
      "position" integer not null default 0
    );`);
    this.addSql(`create table "indicator_value" (
      "indicator_code" text not null references "indicator_definition" ("code") on delete cascade,
      "area_code" text not null,
      "area_level" text not null,
      "year" smallint not null,
      "breakdown" text not null,
      "category" text not null,
      "valid_from_version" integer not null references "data_version" ("id"),
      "valid_to_version" integer null references "data_version" ("id"),
      "numerator" numeric not null,
      "denominator" numeric null,
      "value" numeric null,
      "contributors" integer not null,
      "max_contribution" numeric not null,
      "suppressed" boolean not null,
      "suppression_reason" text null check ("suppression_reason" in ('FEW_UNITS', 'DOMINANCE', 'SECONDARY')),
      "sibling_rank" integer null,
      "sibling_count" integer null,
      "previous_value" numeric null,
      "change" numeric null,
      "population_year" smallint null,
      primary key ("indicator_code", "area_code", "year", "breakdown", "category", "valid_from_version")
    );`);
    // Serving reads one version of one indicator at one level: current rows have valid_to_version null.
    this.addSql(`create index "indicator_value_current_index" on "indicator_value" ("indicator_code", "area_level", "breakdown", "year") where "valid_to_version" is null;`);
    this.addSql(`create index "indicator_value_versions_index" on "indicator_value" ("indicator_code", "area_level", "breakdown", "year", "valid_from_version", "valid_to_version");`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "indicator_value" cascade;');
    this.addSql('drop table if exists "indicator_definition" cascade;');
    this.addSql('drop table if exists "data_version" cascade;');
  }
}
