import { Migration } from '@mikro-orm/migrations';

/**
 * Registry importers (observatory/import): the audit of every import that changed the registry —
 * kind, file name and SHA-256, counts, channel (command line or GraphQL) and the staff member.
 */
export class Migration20261127133000_import_runs extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "import_run" (
      "id" uuid not null,
      "kind" text check ("kind" in ('ENTITIES', 'ANNUAL_REPORTS')) not null,
      "format" text check ("format" in ('CSV', 'XLSX')) not null,
      "file_name" text not null,
      "file_sha256" varchar(64) not null,
      "rows_read" int not null,
      "created" int not null,
      "updated" int not null,
      "unchanged" int not null,
      "channel" text check ("channel" in ('CLI', 'GRAPHQL')) not null,
      "imported_by_id" uuid null,
      "started_at" timestamptz not null,
      "finished_at" timestamptz not null default now(),
      constraint "import_run_pkey" primary key ("id"),
      constraint import_run_counts_non_negative check (rows_read >= 0 and created >= 0 and updated >= 0 and unchanged >= 0)
    );`);
    this.addSql(`create index "import_run_finished_at_index" on "import_run" ("finished_at");`);
    this.addSql(`alter table "import_run" add constraint "import_run_imported_by_id_foreign"
      foreign key ("imported_by_id") references "staff_user" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "import_run" cascade;`);
  }
}
