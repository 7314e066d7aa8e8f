import { Migration } from '@mikro-orm/migrations';

/**
 * Fund origination (fund/clients, fund/advisory, fund/products, fund/applications): clients (registry
 * entities or founding groups with their members), advisory cases with sessions and outcomes, loan
 * products, the assessment checklist (seeded below), loan applications with scores and committee
 * votes, and signed loan contracts. `loan_contract.loan_id` has no foreign key: the loan table
 * belongs to fund/loans, whose migration runs later.
 */
export class Migration20261127140000_fund_origination extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "loan_product" ("id" uuid not null, "code" text not null, "name" text not null, "min_amount_minor" bigint not null, "max_amount_minor" bigint not null, "min_instalments" int not null, "max_instalments" int not null, "interest_kind" text check ("interest_kind" in ('FIXED', 'REFERENCE_MARGIN')) not null, "annual_rate_bp" int null, "reference_rate_bp" int null, "margin_bp" int null, "floor_bp" int null, "frequency" text check ("frequency" in ('MONTHLY', 'QUARTERLY')) not null, "amortisation" text check ("amortisation" in ('ANNUITY', 'EQUAL_PRINCIPAL')) not null, "grace_kind" text check ("grace_kind" in ('NONE', 'INTEREST_ONLY', 'DEFERRAL_CAPITALISED')) not null, "max_grace_periods" int not null, "day_count" text check ("day_count" in ('E30_360', 'ACTUAL_365', 'ACTUAL_ACTUAL')) not null, "business_day_rule" text check ("business_day_rule" in ('FOLLOWING', 'MODIFIED_FOLLOWING', 'PRECEDING', 'UNADJUSTED')) not null, "arrangement_fee_bp" int null, "arrangement_fee_fixed_minor" bigint null, "penalty_rate_bp" int not null, "allocation_order" text[] not null, "remission_max_share_bp" int not null default 0, "remission_deadline_months" int null, "committee_quorum" int not null default 3, "committee_majority" text check ("committee_majority" in ('SIMPLE', 'ABSOLUTE', 'TWO_THIRDS')) not null default 'SIMPLE', "active" boolean not null default true, "created_at" timestamptz not null default now(), constraint "loan_product_pkey" primary key ("id"), constraint loan_product_committee check (committee_quorum >= 1), constraint loan_product_remission check (remission_max_share_bp between 0 and 10000 and (remission_max_share_bp = 0 or remission_deadline_months > 0)), constraint loan_product_allocation check (cardinality(allocation_order) = 4 and allocation_order @> array['PENALTY', 'FEE', 'INTEREST', 'PRINCIPAL']::text[]), constraint loan_product_penalty check (penalty_rate_bp >= 0), constraint loan_product_fee check (not (arrangement_fee_bp is not null and arrangement_fee_fixed_minor is not null) and coalesce(arrangement_fee_bp, 0) >= 0 and coalesce(arrangement_fee_fixed_minor, 0) >= 0), constraint loan_product_grace check (max_grace_periods >= 0 and (grace_kind <> 'NONE' or max_grace_periods = 0)), constraint loan_product_interest_shape check ((interest_kind = 'FIXED' and annual_rate_bp >= 0 and reference_rate_bp is null and margin_bp is null and floor_bp is null)
    or (interest_kind = 'REFERENCE_MARGIN' and annual_rate_bp is null and reference_rate_bp is not null and margin_bp is not null and floor_bp >= 0)), constraint loan_product_instalment_bounds check (min_instalments >= 1 and min_instalments <= max_instalments), constraint loan_product_amount_bounds check (min_amount_minor > 0 and min_amount_minor <= max_amount_minor));`);
    this.addSql(`alter table "loan_product" add constraint "loan_product_code_unique" unique ("code");`);
    this.addSql(`create table "loan_scoring_criterion" ("code" text not null, "name_pl" text not null, "name_en" text not null, "weight" int not null, "max_points" int not null default 5, "position" int not null, "active" boolean not null default true, constraint "loan_scoring_criterion_pkey" primary key ("code"), constraint loan_scoring_criterion_weights check (weight > 0 and max_points > 0));`);
    this.addSql(`create table "fund_client" ("id" uuid not null, "kind" text check ("kind" in ('ENTITY', 'FOUNDING_GROUP')) not null, "name" text not null, "entity_id" uuid null, "intended_legal_form" text check ("intended_legal_form" in ('SOCIAL_COOPERATIVE', 'WORKER_COOPERATIVE', 'COOPERATIVE_OF_DISABLED_OR_BLIND', 'ASSOCIATION', 'FOUNDATION', 'NON_PROFIT_COMPANY', 'CIS', 'KIS', 'ZAZ', 'WTZ', 'RURAL_HOUSEWIVES_CIRCLE', 'OTHER')) null, "territory_teryt_code" varchar(7) not null, "registered_by_id" uuid not null, "registered_at" timestamptz not null default now(), constraint "fund_client_pkey" primary key ("id"), constraint fund_client_name_present check (length(btrim(name)) > 0), constraint fund_client_kind_shape check ((kind = 'ENTITY' and entity_id is not null and intended_legal_form is null)
    or (kind = 'FOUNDING_GROUP' and entity_id is null and intended_legal_form is not null)));`);
    this.addSql(`alter table "fund_client" add constraint "fund_client_entity_id_unique" unique ("entity_id");`);
    this.addSql(`create index "fund_client_territory_teryt_code_index" on "fund_client" ("territory_teryt_code");`);
    this.addSql(`create table "fund_client_member" ("id" uuid not null, "client_id" uuid not null, "position" int not null, "full_name" text not null, "role_in_group" text not null, "email" text null, constraint "fund_client_member_pkey" primary key ("id"), constraint fund_client_member_name_present check (length(btrim(full_name)) > 0));`);
    this.addSql(`alter table "fund_client_member" add constraint "fund_client_member_position_unique" unique ("client_id", "position");`);
    this.addSql(`create table "advisory_case" ("id" uuid not null, "client_id" uuid not null, "advisor_id" uuid not null, "kind" text check ("kind" in ('ECONOMIC', 'LEGAL', 'ACCOUNTING', 'MARKETING')) not null, "topics" text[] not null, "opened_on" date not null, "opened_by_id" uuid not null, "created_at" timestamptz not null default now(), constraint "advisory_case_pkey" primary key ("id"), constraint advisory_case_topics_present check (cardinality(topics) > 0));`);
    this.addSql(`create index "advisory_case_client_id_index" on "advisory_case" ("client_id");`);
    this.addSql(`create index "advisory_case_advisor_opened_index" on "advisory_case" ("advisor_id", "opened_on");`);
    this.addSql(`create table "advisory_session" ("id" uuid not null, "advisory_case_id" uuid not null, "held_on" date not null, "minutes" int not null, "mode" text check ("mode" in ('IN_PERSON', 'ONLINE', 'PHONE')) not null, "note" text null, "recorded_by_id" uuid not null, constraint "advisory_session_pkey" primary key ("id"), constraint advisory_session_quarter_hours check (minutes > 0 and minutes <= 1440 and minutes % 15 = 0));`);
    this.addSql(`create index "advisory_session_advisory_case_id_index" on "advisory_session" ("advisory_case_id");`);
    this.addSql(`create table "advisory_outcome" ("id" uuid not null, "advisory_case_id" uuid not null, "kind" text check ("kind" in ('ENTITY_FOUNDED', 'JOBS_CREATED', 'BUSINESS_PLAN_PREPARED', 'FINANCING_OBTAINED', 'OTHER')) not null, "entity_id" uuid null, "jobs_count" int null, "description" text null, "achieved_on" date not null, "recorded_by_id" uuid not null, constraint "advisory_outcome_pkey" primary key ("id"), constraint advisory_outcome_shape check ((kind <> 'ENTITY_FOUNDED' or entity_id is not null)
    and (kind <> 'JOBS_CREATED' or jobs_count > 0)
    and (kind <> 'OTHER' or length(btrim(coalesce(description, ''))) > 0)));`);
    this.addSql(`create index "advisory_outcome_advisory_case_id_index" on "advisory_outcome" ("advisory_case_id");`);
    this.addSql(`create table "loan_application" ("id" uuid not null, "client_id" uuid not null, "product_id" uuid not null, "amount_minor" bigint not null, "instalments" int not null, "grace_periods" int not null default 0, "purpose" text not null, "jobs_promised" int not null, "state" text check ("state" in ('SUBMITTED', 'ASSESSED', 'APPROVED', 'REJECTED', 'CONTRACTED')) not null default 'SUBMITTED', "submitted_at" timestamptz not null default now(), "submitted_by_id" uuid not null, "assessed_by_id" uuid null, "assessed_at" timestamptz null, "score_bp" int null, "assessment_note" text null, "decided_at" timestamptz null, "decided_by_id" uuid null, "decision_note" text null, constraint "loan_application_pkey" primary key ("id"), constraint loan_application_state_shape check ((state = 'SUBMITTED' or (assessed_by_id is not null and score_bp is not null))
    and (state not in ('APPROVED', 'REJECTED', 'CONTRACTED') or decided_at is not null)), constraint loan_application_score_range check (score_bp is null or score_bp between 0 and 10000), constraint loan_application_terms_positive check (amount_minor > 0 and instalments > 0 and grace_periods >= 0 and jobs_promised >= 0));`);
    this.addSql(`create index "loan_application_client_id_index" on "loan_application" ("client_id");`);
    this.addSql(`create index "loan_application_state_submitted_index" on "loan_application" ("state", "submitted_at");`);
    this.addSql(`create table "loan_application_score" ("id" uuid not null, "application_id" uuid not null, "criterion_code" text not null, "points" int not null, "weight" int not null, "max_points" int not null, constraint "loan_application_score_pkey" primary key ("id"), constraint loan_application_score_points check (points between 0 and max_points and weight > 0));`);
    this.addSql(`alter table "loan_application_score" add constraint "loan_application_score_unique" unique ("application_id", "criterion_code");`);
    this.addSql(`create table "loan_application_vote" ("id" uuid not null, "application_id" uuid not null, "member_id" uuid not null, "choice" text check ("choice" in ('FOR', 'AGAINST', 'ABSTAIN')) not null, "comment" text null, "cast_at" timestamptz not null default now(), constraint "loan_application_vote_pkey" primary key ("id"));`);
    this.addSql(`create index "loan_application_vote_application_id_index" on "loan_application_vote" ("application_id");`);
    this.addSql(`alter table "loan_application_vote" add constraint "loan_application_vote_once" unique ("application_id", "member_id");`);
    this.addSql(`create table "loan_contract" ("id" uuid not null, "number" text not null, "application_id" uuid not null, "principal_minor" bigint not null, "terms" jsonb not null, "penalty_rate_bp" int not null, "arrangement_fee_minor" bigint not null, "allocation_order" text[] not null, "remission_max_share_bp" int not null default 0, "remission_jobs_promised" int not null default 0, "remission_deadline" date null, "signed_on" date not null, "signed_by_id" uuid not null, "loan_id" uuid null, "created_at" timestamptz not null default now(), constraint "loan_contract_pkey" primary key ("id"), constraint loan_contract_remission check ((remission_max_share_bp = 0 and remission_deadline is null) or (remission_max_share_bp between 1 and 10000 and remission_jobs_promised > 0 and remission_deadline is not null)), constraint loan_contract_amounts check (principal_minor > 0 and arrangement_fee_minor >= 0 and penalty_rate_bp >= 0));`);
    this.addSql(`alter table "loan_contract" add constraint "loan_contract_number_unique" unique ("number");`);
    this.addSql(`alter table "loan_contract" add constraint "loan_contract_application_id_unique" unique ("application_id");`);
    this.addSql(`alter table "loan_contract" add constraint "loan_contract_loan_id_unique" unique ("loan_id");`);
    this.addSql(`alter table "fund_client" add constraint "fund_client_entity_id_foreign" foreign key ("entity_id") references "social_economy_entity" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "fund_client" add constraint "fund_client_territory_teryt_code_foreign" foreign key ("territory_teryt_code") references "territorial_unit" ("teryt_code") on update cascade on delete restrict;`);
    this.addSql(`alter table "fund_client" add constraint "fund_client_registered_by_id_foreign" foreign key ("registered_by_id") references "staff_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "loan_application" add constraint "loan_application_client_id_foreign" foreign key ("client_id") references "fund_client" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "loan_application" add constraint "loan_application_product_id_foreign" foreign key ("product_id") references "loan_product" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "loan_application" add constraint "loan_application_submitted_by_id_foreign" foreign key ("submitted_by_id") references "staff_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "loan_application" add constraint "loan_application_assessed_by_id_foreign" foreign key ("assessed_by_id") references "staff_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "loan_application" add constraint "loan_application_decided_by_id_foreign" foreign key ("decided_by_id") references "staff_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "loan_contract" add constraint "loan_contract_application_id_foreign" foreign key ("application_id") references "loan_application" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "loan_contract" add constraint "loan_contract_signed_by_id_foreign" foreign key ("signed_by_id") references "staff_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "loan_application_score" add constraint "loan_application_score_application_id_foreign" foreign key ("application_id") references "loan_application" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "loan_application_score" add constraint "loan_application_score_criterion_code_foreign" foreign key ("criterion_code") references "loan_scoring_criterion" ("code") on update cascade on delete restrict;`);
    this.addSql(`alter table "loan_application_vote" add constraint "loan_application_vote_application_id_foreign" foreign key ("application_id") references "loan_application" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "loan_application_vote" add constraint "loan_application_vote_member_id_foreign" foreign key ("member_id") references "staff_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "fund_client_member" add constraint "fund_client_member_client_id_foreign" foreign key ("client_id") references "fund_client" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "advisory_case" add constraint "advisory_case_client_id_foreign" foreign key ("client_id") references "fund_client" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "advisory_case" add constraint "advisory_case_advisor_id_foreign" foreign key ("advisor_id") references "staff_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "advisory_case" add constraint "advisory_case_opened_by_id_foreign" foreign key ("opened_by_id") references "staff_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "advisory_session" add constraint "advisory_session_advisory_case_id_foreign" foreign key ("advisory_case_id") references "advisory_case" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "advisory_session" add constraint "advisory_session_recorded_by_id_foreign" foreign key ("recorded_by_id") references "staff_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "advisory_outcome" add constraint "advisory_outcome_advisory_case_id_foreign" foreign key ("advisory_case_id") references "advisory_case" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "advisory_outcome" add constraint "advisory_outcome_entity_id_foreign" foreign key ("entity_id") references "social_economy_entity" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "advisory_outcome" add constraint "advisory_outcome_recorded_by_id_foreign" foreign key ("recorded_by_id") references "staff_user" ("id") on update cascade on delete restrict;`);
    // The assessment checklist: weights as data (points 0–5 each); the score is Σ weight·points / Σ weight·5.
    this.addSql(`insert into "loan_scoring_criterion" ("code", "name_pl", "name_en", "weight", "max_points", "position") values
      ('REPAYMENT_CAPACITY', 'Zdolność do spłaty (przepływy pieniężne)', 'Repayment capacity (cash flow)', 4, 5, 1),
      ('BUSINESS_PLAN', 'Realność biznesplanu', 'Realism of the business plan', 3, 5, 2),
      ('SOCIAL_IMPACT', 'Miejsca pracy dla osób zagrożonych wykluczeniem', 'Jobs for people at risk of social exclusion', 3, 5, 3),
      ('MANAGEMENT_EXPERIENCE', 'Doświadczenie zarządzających', 'Management experience', 2, 5, 4),
      ('COLLATERAL', 'Zabezpieczenie spłaty', 'Security offered', 2, 5, 5),
      ('LOCAL_PARTNERSHIP', 'Zakorzenienie lokalne i partnerstwa', 'Local roots and partnerships', 1, 5, 6);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "loan_contract" cascade;`);
    this.addSql(`drop table if exists "loan_application_vote" cascade;`);
    this.addSql(`drop table if exists "loan_application_score" cascade;`);
    this.addSql(`drop table if exists "loan_application" cascade;`);
    this.addSql(`drop table if exists "advisory_outcome" cascade;`);
    this.addSql(`drop table if exists "advisory_session" cascade;`);
    this.addSql(`drop table if exists "advisory_case" cascade;`);
    this.addSql(`drop table if exists "fund_client_member" cascade;`);
    this.addSql(`drop table if exists "fund_client" cascade;`);
    this.addSql(`drop table if exists "loan_scoring_criterion" cascade;`);
    this.addSql(`drop table if exists "loan_product" cascade;`);
  }
}
