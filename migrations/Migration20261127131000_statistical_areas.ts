import { Migration } from '@mikro-orm/migrations';

/**
 * Statistical areas: the Polish NUTS 2021 regions and the powiat → NUTS-3 table derived from
 * geometry, and the areas statistics are published for (TERYT units and NUTS regions) with the
 * unit → area membership rollups join through. Filled and rebuilt by `importTerritory`.
 */
export class Migration20261127131000_statistical_areas extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "nuts_region" (
      "code" varchar(5) not null,
      "level" smallint not null,
      "name" text not null,
      "parent_code" varchar(5) null,
      constraint "nuts_region_pkey" primary key ("code"),
      constraint nuts_region_level_valid check (level >= 2 and level <= 3 and length(code) = level + 2)
    );`);
    this.addSql(`create index "nuts_region_parent_code_index" on "nuts_region" ("parent_code");`);
    this.addSql(`alter table "nuts_region" add constraint "nuts_region_parent_code_foreign"
      foreign key ("parent_code") references "nuts_region" ("code") on update cascade on delete restrict;`);

    this.addSql(`create table "powiat_nuts3" (
      "powiat_teryt_code" varchar(4) not null,
      "nuts3_code" varchar(5) not null,
      "method" text check ("method" in ('centroid-in-polygon', 'nearest')) not null,
      constraint "powiat_nuts3_pkey" primary key ("powiat_teryt_code")
    );`);
    this.addSql(`create index "powiat_nuts3_nuts3_code_index" on "powiat_nuts3" ("nuts3_code");`);
    this.addSql(`alter table "powiat_nuts3" add constraint "powiat_nuts3_powiat_teryt_code_foreign"
      foreign key ("powiat_teryt_code") references "territorial_unit" ("teryt_code") on update cascade on delete cascade;`);
    this.addSql(`alter table "powiat_nuts3" add constraint "powiat_nuts3_nuts3_code_foreign"
      foreign key ("nuts3_code") references "nuts_region" ("code") on update cascade on delete restrict;`);

    this.addSql(`create table "statistical_area" (
      "code" text not null,
      "level" text check ("level" in ('COUNTRY', 'NUTS2', 'NUTS3', 'VOIVODESHIP', 'POWIAT', 'GMINA')) not null,
      "name" text not null,
      "parent_code" text null,
      constraint "statistical_area_pkey" primary key ("code")
    );`);
    this.addSql(`create index "statistical_area_parent_code_index" on "statistical_area" ("parent_code");`);
    this.addSql(`alter table "statistical_area" add constraint "statistical_area_parent_code_foreign"
      foreign key ("parent_code") references "statistical_area" ("code") on update cascade on delete restrict;`);

    this.addSql(`create table "statistical_area_member" (
      "unit_code" varchar(7) not null,
      "area_code" text not null,
      constraint "statistical_area_member_pkey" primary key ("unit_code", "area_code")
    );`);
    this.addSql(`create index "statistical_area_member_area_code_index" on "statistical_area_member" ("area_code");`);
    this.addSql(`alter table "statistical_area_member" add constraint "statistical_area_member_unit_code_foreign"
      foreign key ("unit_code") references "territorial_unit" ("teryt_code") on update cascade on delete cascade;`);
    this.addSql(`alter table "statistical_area_member" add constraint "statistical_area_member_area_code_foreign"
      foreign key ("area_code") references "statistical_area" ("code") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "statistical_area_member" cascade;`);
    this.addSql(`drop table if exists "statistical_area" cascade;`);
    this.addSql(`drop table if exists "powiat_nuts3" cascade;`);
    this.addSql(`drop table if exists "nuts_region" cascade;`);
  }
}
