import { Migration } from '@mikro-orm/migrations';

/**
 * Widgets and the media API (issue 6):
 * - `widget_geometry`: boundaries simplified to TopoJSON, one row per level and geometry version
 *   (the SHA-256 of the source files), the newest row per level served to embeds;
 * - `media_api_key`: keys for media and partner sites. Only the SHA-256 of the secret is stored
 *   (the secret is 32 random bytes, so a plain hash cannot be brute-forced); each key has its own limit.
 */
export class Migration20261127160000_widgets extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "widget_geometry" (
      "id" serial primary key,
      "level" text not null check ("level" in ('COUNTRY', 'VOIVODESHIP', 'POWIAT', 'GMINA', 'NUTS2', 'NUTS3')),
      "version" varchar(64) not null,
      "topology" jsonb not null,
      "bytes" int not null,
      "features" int not null,
      "source_files" text[] not null,
      "attribution" text not null,
      "imported_at" timestamptz not null default now(),
      constraint "widget_geometry_level_version_unique" unique ("level", "version")
    );`);
    this.addSql(`create index "widget_geometry_level_imported_index" on "widget_geometry" ("level", "id" desc);`);
    this.addSql(`create table "media_api_key" (
      "id" uuid not null primary key,
      "name" text not null check (length("name") between 1 and 200),
      "prefix" varchar(16) not null,
      "key_sha256" varchar(64) not null unique,
      "requests_per_minute" int not null check ("requests_per_minute" between 1 and 100000),
      "created_by_id" uuid null references "staff_user" ("id") on update cascade on delete set null,
      "created_at" timestamptz not null default now(),
      "revoked_at" timestamptz null,
      "last_used_at" timestamptz null
    );`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "media_api_key";');
    this.addSql('drop table if exists "widget_geometry";');
  }
}
