import { Migration } from '@mikro-orm/migrations';

/**
 * Penalty interest is charged on overdue principal only. The close of business bills an instalment
 * the day before it falls due (so that a payment on the due date settles what is due), and the
 * instalment is not overdue on its due date either; these columns remember the principal billed
 * that is not overdue yet and the due date until which it is not, so the penalty can leave it out
 * (before, a loan already in arrears was charged penalty on the next instalment for two days a month).
 */
export class Migration20261208100000_loan_principal_not_yet_overdue extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "loan"
      add column "principal_not_yet_overdue_minor" bigint not null default 0 check ("principal_not_yet_overdue_minor" >= 0),
      add column "not_yet_overdue_through" date null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "loan" drop column if exists "principal_not_yet_overdue_minor", drop column if exists "not_yet_overdue_through";`);
  }
}
