import { Migration } from '@mikro-orm/migrations';

/**
 * Academy: workshop editions (dated runs of a workshop described in the CMS), their sessions and
 * trainers, enrolments with a FIFO waitlist, attendance per session and certificates; and, for
 * content freshness, the CMS webhook deliveries already processed and the cursor of the
 * success-story flag sweep over registry events.
 *
 * Overbooking is refused by the database itself: `confirmed_count` is moved in the same
 * transaction as the enrolment row and checked against `capacity`.
 */
export class Migration20261127150000_academy extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "workshop_edition" (
      "id" uuid not null default gen_random_uuid(),
      "workshop_document_id" varchar(64) not null,
      "workshop_slug" varchar(200) not null,
      "territory_teryt_code" varchar(7) not null,
      "venue" text not null,
      "capacity" int not null,
      "confirmed_count" int not null default 0,
      "completion_threshold_percent" smallint not null default 80,
      "coordinator_id" uuid not null,
      "starts_on" date not null,
      "ends_on" date not null,
      "created_at" timestamptz not null default now(),
      constraint "workshop_edition_pkey" primary key ("id"),
      constraint workshop_edition_capacity_range check (capacity between 1 and 10000),
      constraint workshop_edition_not_overbooked check (confirmed_count between 0 and capacity),
      constraint workshop_edition_threshold_range check (completion_threshold_percent between 1 and 100),
      constraint workshop_edition_date_range check (ends_on >= starts_on),
      constraint workshop_edition_venue_present check (length(trim(venue)) > 0)
    );`);
    this.addSql(`create index "workshop_edition_territory_starts_on_index" on "workshop_edition" ("territory_teryt_code", "starts_on");`);
    this.addSql(`create index "workshop_edition_starts_on_index" on "workshop_edition" ("starts_on");`);
    this.addSql(`create index "workshop_edition_workshop_document_id_index" on "workshop_edition" ("workshop_document_id");`);
    this.addSql(`alter table "workshop_edition" add constraint "workshop_edition_territory_teryt_code_foreign"
      foreign key ("territory_teryt_code") references "territorial_unit" ("teryt_code") on update cascade on delete restrict;`);
    this.addSql(`alter table "workshop_edition" add constraint "workshop_edition_coordinator_id_foreign"
      foreign key ("coordinator_id") references "staff_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`create table "workshop_edition_trainer" (
      "edition_id" uuid not null,
      "trainer_id" uuid not null,
      constraint "workshop_edition_trainer_pkey" primary key ("edition_id", "trainer_id")
    );`);
    this.addSql(`create index "workshop_edition_trainer_trainer_id_index" on "workshop_edition_trainer" ("trainer_id");`);
    this.addSql(`alter table "workshop_edition_trainer" add constraint "workshop_edition_trainer_edition_id_foreign"
      foreign key ("edition_id") references "workshop_edition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "workshop_edition_trainer" add constraint "workshop_edition_trainer_trainer_id_foreign"
      foreign key ("trainer_id") references "staff_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`create table "workshop_session" (
      "id" uuid not null default gen_random_uuid(),
      "edition_id" uuid not null,
      "session_date" date not null,
      "starts_at" varchar(5) not null,
      "ends_at" varchar(5) not null,
      constraint "workshop_session_pkey" primary key ("id"),
      constraint workshop_session_time_format check (starts_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and ends_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      constraint workshop_session_time_range check (ends_at > starts_at)
    );`);
    this.addSql(`create unique index "workshop_session_edition_start_unique" on "workshop_session" ("edition_id", "session_date", "starts_at");`);
    this.addSql(`alter table "workshop_session" add constraint "workshop_session_edition_id_foreign"
      foreign key ("edition_id") references "workshop_edition" ("id") on update cascade on delete cascade;`);

    this.addSql(`create sequence "workshop_enrolment_queue_seq";`);
    this.addSql(`create table "workshop_enrolment" (
      "id" uuid not null default gen_random_uuid(),
      "edition_id" uuid not null,
      "participant_name" text not null,
      "participant_email" text not null,
      "status" text check ("status" in ('CONFIRMED', 'WAITLISTED', 'CANCELLED')) not null,
      "queue_number" bigint not null default nextval('workshop_enrolment_queue_seq'),
      "cancel_token_hash" varchar(64) not null,
      "enrolled_at" timestamptz not null default now(),
      "confirmed_at" timestamptz null,
      "cancelled_at" timestamptz null,
      "cancelled_by" text check ("cancelled_by" in ('PARTICIPANT', 'COORDINATOR')) null,
      constraint "workshop_enrolment_pkey" primary key ("id"),
      constraint workshop_enrolment_email_lower_case check (participant_email = lower(participant_email)),
      constraint workshop_enrolment_name_present check (length(trim(participant_name)) > 0)
    );`);
    // One live enrolment per person and edition; a cancelled one does not block enrolling again.
    this.addSql(`create unique index "workshop_enrolment_active_email_unique" on "workshop_enrolment" ("edition_id", "participant_email") where "status" <> 'CANCELLED';`);
    this.addSql(`create index "workshop_enrolment_edition_status_queue_index" on "workshop_enrolment" ("edition_id", "status", "queue_number");`);
    this.addSql(`create unique index "workshop_enrolment_cancel_token_hash_unique" on "workshop_enrolment" ("cancel_token_hash");`);
    this.addSql(`alter table "workshop_enrolment" add constraint "workshop_enrolment_edition_id_foreign"
      foreign key ("edition_id") references "workshop_edition" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "workshop_attendance" (
      "session_id" uuid not null,
      "enrolment_id" uuid not null,
      "present" boolean not null,
      "recorded_by_id" uuid not null,
      "recorded_at" timestamptz not null default now(),
      constraint "workshop_attendance_pkey" primary key ("session_id", "enrolment_id")
    );`);
    this.addSql(`create index "workshop_attendance_enrolment_id_index" on "workshop_attendance" ("enrolment_id");`);
    this.addSql(`alter table "workshop_attendance" add constraint "workshop_attendance_session_id_foreign"
      foreign key ("session_id") references "workshop_session" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "workshop_attendance" add constraint "workshop_attendance_enrolment_id_foreign"
      foreign key ("enrolment_id") references "workshop_enrolment" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "workshop_attendance" add constraint "workshop_attendance_recorded_by_id_foreign"
      foreign key ("recorded_by_id") references "staff_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`create table "workshop_certificate" (
      "id" uuid not null default gen_random_uuid(),
      "code" varchar(12) not null,
      "enrolment_id" uuid not null,
      "holder_name" text not null,
      "attended_sessions" int not null,
      "total_sessions" int not null,
      "issued_at" timestamptz not null default now(),
      "revoked_at" timestamptz null,
      constraint "workshop_certificate_pkey" primary key ("id"),
      constraint workshop_certificate_code_format check (code ~ '^[0-9A-HJKMNP-TV-Z]{12}$'),
      constraint workshop_certificate_sessions check (attended_sessions between 0 and total_sessions and total_sessions > 0)
    );`);
    this.addSql(`create unique index "workshop_certificate_code_unique" on "workshop_certificate" ("code");`);
    this.addSql(`create unique index "workshop_certificate_enrolment_id_unique" on "workshop_certificate" ("enrolment_id");`);
    this.addSql(`alter table "workshop_certificate" add constraint "workshop_certificate_enrolment_id_foreign"
      foreign key ("enrolment_id") references "workshop_enrolment" ("id") on update cascade on delete restrict;`);

    this.addSql(`create table "cms_webhook_delivery" (
      "delivery_id" uuid not null,
      "event" varchar(32) not null,
      "model" varchar(100) not null,
      "document_id" varchar(64) null,
      "locale" varchar(10) null,
      "received_at" timestamptz not null default now(),
      constraint "cms_webhook_delivery_pkey" primary key ("delivery_id")
    );`);
    this.addSql(`create index "cms_webhook_delivery_received_at_index" on "cms_webhook_delivery" ("received_at");`);

    this.addSql(`create table "story_flag_sweep" (
      "name" varchar(40) not null,
      "last_event_id" bigint not null default 0,
      "updated_at" timestamptz not null default now(),
      constraint "story_flag_sweep_pkey" primary key ("name")
    );`);
  }

  override async down(): Promise<void> {
    for (const table of ['story_flag_sweep', 'cms_webhook_delivery', 'workshop_certificate', 'workshop_attendance', 'workshop_enrolment', 'workshop_session', 'workshop_edition_trainer', 'workshop_edition']) {
      this.addSql(`drop table if exists "${table}" cascade;`);
    }
    this.addSql(`drop sequence if exists "workshop_enrolment_queue_seq";`);
  }
}
