import { Migration } from '@mikro-orm/migrations';

/**
 * A guarantee's borrower may be a client of the Fund (fund/guarantees, issue 4 item 8): then the
 * guarantee has a territory (the client's) and counts in the public portfolio statistics of that
 * area and in the entity's funding summary. Guarantees issued before, and those on borrowers who
 * are not the Fund's clients, keep only the partner's free-text borrower name.
 */
export class Migration20261128100000_fund_guarantee_borrower_client extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "fund_guarantee" add column "borrower_client_id" uuid null references "fund_client" ("id") on delete restrict;`);
    this.addSql(`create index "fund_guarantee_borrower_client_index" on "fund_guarantee" ("borrower_client_id") where "borrower_client_id" is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "fund_guarantee_borrower_client_index";`);
    this.addSql(`alter table "fund_guarantee" drop column if exists "borrower_client_id";`);
  }
}
