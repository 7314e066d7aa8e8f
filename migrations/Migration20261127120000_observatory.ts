import { Migration } from '@mikro-orm/migrations';

/**
 * Observatory module, registry first cut: social economy entities with their legal form, KRS,
 * REGON and NIP (unique when present; check digits are validated by the service, the shape here),
 * seat in a territorial unit, status and the `synthetic` flag for demo records.
 */
export class Migration20261127120000_observatory extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "social_economy_entity" (
      "id" uuid not null,
      "name" text not null,
      "legal_form" text check ("legal_form" in ('SOCIAL_COOPERATIVE', 'WORKER_COOPERATIVE', 'COOPERATIVE_OF_DISABLED_OR_BLIND', 'ASSOCIATION', 'FOUNDATION', 'NON_PROFIT_COMPANY', 'CIS', 'KIS', 'ZAZ', 'WTZ', 'RURAL_HOUSEWIVES_CIRCLE', 'OTHER')) not null,
      "krs" varchar(10) null,
      "regon" varchar(14) null,
      "nip" varchar(10) null,
      "seat_teryt_code" varchar(7) not null,
      "founded_on" date null,
      "status" text check ("status" in ('ACTIVE', 'SUSPENDED', 'IN_LIQUIDATION', 'DISSOLVED')) not null default 'ACTIVE',
      "synthetic" boolean not null default false,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      constraint "social_economy_entity_pkey" primary key ("id"),
      constraint social_economy_entity_krs_format check (krs ~ '^[0-9]{10}$'),
      constraint social_economy_entity_regon_format check (regon ~ '^([0-9]{9}|[0-9]{14})$'),
      constraint social_economy_entity_nip_format check (nip ~ '^[0-9]{10}$')
    );`);
    this.addSql(`alter table "social_economy_entity" add constraint "social_economy_entity_krs_unique" unique ("krs");`);
    this.addSql(`alter table "social_economy_entity" add constraint "social_economy_entity_regon_unique" unique ("regon");`);
    this.addSql(`alter table "social_economy_entity" add constraint "social_economy_entity_nip_unique" unique ("nip");`);
    this.addSql(`create index "social_economy_entity_seat_teryt_code_index" on "social_economy_entity" ("seat_teryt_code");`);
    this.addSql(`create index "social_economy_entity_name_id_index" on "social_economy_entity" ("name", "id");`);
    this.addSql(`alter table "social_economy_entity" add constraint "social_economy_entity_seat_teryt_code_foreign"
      foreign key ("seat_teryt_code") references "territorial_unit" ("teryt_code") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "social_economy_entity" cascade;`);
  }
}
