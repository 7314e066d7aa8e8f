import { Migration } from '@mikro-orm/migrations';

/** Access: the loan committee member role (fund). Widens the known-roles check on staff accounts. */
export class Migration20261127139000_committee_role extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "staff_user" drop constraint "staff_user_roles_known";`);
    this.addSql(`alter table "staff_user" add constraint "staff_user_roles_known" check (roles <@ array['ADMIN', 'ANALYST', 'FUND_OFFICER', 'ADVISOR', 'COMMITTEE_MEMBER', 'ACADEMY_COORDINATOR', 'TRAINER']::text[] and cardinality(roles) > 0);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "staff_user" drop constraint "staff_user_roles_known";`);
    this.addSql(`alter table "staff_user" add constraint "staff_user_roles_known" check (roles <@ array['ADMIN', 'ANALYST', 'FUND_OFFICER', 'ADVISOR', 'ACADEMY_COORDINATOR', 'TRAINER']::text[] and cardinality(roles) > 0);`);
  }
}
