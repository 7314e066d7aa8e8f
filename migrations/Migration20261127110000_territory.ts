import { Migration } from '@mikro-orm/migrations';

/**
 * Territory module: TERYT units (country, voivodeships, powiats, gminas) as a self-referencing
 * tree keyed by TERYT code, and population figures per unit and year. Filled by `importTerritory`.
 */
export class Migration20261127110000_territory extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "territorial_unit" (
      "teryt_code" varchar(7) not null,
      "name" text not null,
      "level" text check ("level" in ('COUNTRY', 'VOIVODESHIP', 'POWIAT', 'GMINA')) not null,
      "gmina_type" text check ("gmina_type" in ('URBAN', 'RURAL', 'URBAN_RURAL')) null,
      "is_city_with_powiat_rights" boolean not null default false,
      "parent_teryt_code" varchar(7) null,
      constraint "territorial_unit_pkey" primary key ("teryt_code"),
      constraint territorial_unit_teryt_code_format check (teryt_code ~ '^(PL|[0-9]{2}|[0-9]{4}|[0-9]{7})$'),
      constraint territorial_unit_gmina_type_only_for_gminas check ((level = 'GMINA') = (gmina_type IS NOT NULL))
    );`);
    this.addSql(`create index "territorial_unit_parent_teryt_code_index" on "territorial_unit" ("parent_teryt_code");`);
    this.addSql(`alter table "territorial_unit" add constraint "territorial_unit_parent_teryt_code_foreign"
      foreign key ("parent_teryt_code") references "territorial_unit" ("teryt_code") on update cascade on delete restrict;`);

    this.addSql(`create table "population_figure" (
      "unit_teryt_code" varchar(7) not null,
      "year" int not null,
      "population" int not null,
      "reference_date" date null,
      "source" text not null,
      constraint "population_figure_pkey" primary key ("unit_teryt_code", "year"),
      constraint population_figure_population_positive check (population > 0)
    );`);
    this.addSql(`alter table "population_figure" add constraint "population_figure_unit_teryt_code_foreign"
      foreign key ("unit_teryt_code") references "territorial_unit" ("teryt_code") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "population_figure" cascade;`);
    this.addSql(`drop table if exists "territorial_unit" cascade;`);
  }
}
