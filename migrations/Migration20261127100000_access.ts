import { Migration } from '@mikro-orm/migrations';

/** Staff accounts of the hub (access module): sign-in email, scrypt password hash, roles. */
export class Migration20261127100000_access extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "staff_user" (
      "id" uuid not null,
      "email" text not null,
      "display_name" text not null,
      "password_hash" text not null,
      "roles" text[] not null,
      "active" boolean not null default true,
      "created_at" timestamptz not null default now(),
      "last_login_at" timestamptz null,
      constraint "staff_user_pkey" primary key ("id"),
      constraint "staff_user_email_lower_case" check (email = lower(email)),
      constraint "staff_user_roles_known" check (roles <@ array['ADMIN', 'ANALYST', 'FUND_OFFICER', 'ADVISOR', 'ACADEMY_COORDINATOR', 'TRAINER']::text[] and cardinality(roles) > 0)
    );`);
    this.addSql(`alter table "staff_user" add constraint "staff_user_email_unique" unique ("email");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "staff_user" cascade;`);
  }
}
