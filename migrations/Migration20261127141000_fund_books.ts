import { Migration } from '@mikro-orm/migrations';

/**
 * Fund books (fund/books): the chart of accounts, an append-only double-entry journal (entries and
 * their postings), cached balances per account and per loan / guarantee, and closed accounting
 * months. The database itself refuses what must never happen: changing or deleting an entry or a
 * posting, an entry whose debits and credits differ at commit, postings added to an entry of an
 * earlier transaction, and an entry dated in a closed month.
 */
export class Migration20261127141000_fund_books extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "fund_account" (
      "code" text not null,
      "name_pl" text not null,
      "name_en" text not null,
      "type" text not null check ("type" in ('ASSET', 'LIABILITY', 'EQUITY', 'INCOME', 'EXPENSE')),
      "normal_side" text not null check ("normal_side" in ('DEBIT', 'CREDIT')),
      constraint "fund_account_pkey" primary key ("code")
    );`);
    // Turnovers per account (one row per account, created here, so posting never inserts one) ...
    this.addSql(`create table "fund_account_balance" (
      "account_code" text not null,
      "debit_minor" bigint not null default 0,
      "credit_minor" bigint not null default 0,
      constraint "fund_account_balance_pkey" primary key ("account_code"),
      constraint "fund_account_balance_account_foreign" foreign key ("account_code") references "fund_account" ("code")
    );`);
    this.addSql(`create function "fund_account_open_balance"() returns trigger language plpgsql as $$
      begin
        insert into fund_account_balance (account_code) values (new.code);
        return null;
      end $$;`);
    this.addSql(`create trigger "fund_account_open_balance" after insert on "fund_account" for each row execute function "fund_account_open_balance"();`);
    this.addSql(`insert into "fund_account" ("code", "name_pl", "name_en", "type", "normal_side") values
      ('130', 'Rachunek bankowy funduszu pożyczkowego', 'Cash at bank – loan fund', 'ASSET', 'DEBIT'),
      ('131', 'Rachunek bankowy funduszu poręczeniowego', 'Cash at bank – guarantee fund', 'ASSET', 'DEBIT'),
      ('141', 'Należności z tytułu pożyczek – kapitał', 'Loans receivable – principal', 'ASSET', 'DEBIT'),
      ('142', 'Należności z tytułu odsetek umownych', 'Interest receivable', 'ASSET', 'DEBIT'),
      ('143', 'Należności z tytułu opłat i prowizji', 'Fees receivable', 'ASSET', 'DEBIT'),
      ('144', 'Należności z tytułu odsetek karnych', 'Penalty interest receivable', 'ASSET', 'DEBIT'),
      ('145', 'Odpisy aktualizujące należności (rezerwa na straty)', 'Loan-loss allowance (contra-asset)', 'ASSET', 'CREDIT'),
      ('200', 'Kapitał funduszu pożyczkowego', 'Loan fund capital', 'EQUITY', 'CREDIT'),
      ('201', 'Kapitał funduszu poręczeniowego', 'Guarantee fund capital', 'EQUITY', 'CREDIT'),
      ('230', 'Nadpłaty pożyczkobiorców', 'Borrower overpayments', 'LIABILITY', 'CREDIT'),
      ('240', 'Zobowiązania z tytułu wywołanych poręczeń', 'Guarantee calls payable', 'LIABILITY', 'CREDIT'),
      ('701', 'Przychody z odsetek umownych', 'Interest income', 'INCOME', 'CREDIT'),
      ('702', 'Przychody z opłat i prowizji od pożyczek', 'Loan fee income', 'INCOME', 'CREDIT'),
      ('703', 'Przychody z odsetek karnych', 'Penalty interest income', 'INCOME', 'CREDIT'),
      ('704', 'Przychody z opłat poręczeniowych', 'Guarantee fee income', 'INCOME', 'CREDIT'),
      ('705', 'Przychody z odzyskanych należności', 'Recoveries income', 'INCOME', 'CREDIT'),
      ('760', 'Koszty umorzeń pożyczek', 'Loan remission expense', 'EXPENSE', 'DEBIT'),
      ('761', 'Koszty odpisania należności nieściągalnych', 'Write-off expense', 'EXPENSE', 'DEBIT'),
      ('762', 'Koszty odpisów aktualizujących (rezerw)', 'Provision expense', 'EXPENSE', 'DEBIT'),
      ('764', 'Koszty wypłat z poręczeń', 'Guarantee loss expense', 'EXPENSE', 'DEBIT');`);

    this.addSql(`create table "fund_accounting_period" (
      "month" date not null,
      "closed_at" timestamptz not null default now(),
      "closed_by_id" uuid null,
      constraint "fund_accounting_period_pkey" primary key ("month"),
      constraint "fund_accounting_period_first_day" check (extract(day from "month") = 1)
    );`);

    this.addSql(`create table "fund_journal_entry" (
      "id" uuid not null,
      "seq" bigint generated always as identity,
      "business_date" date not null,
      "kind" text not null check ("kind" ~ '^[A-Z][A-Z0-9_]{0,63}$'),
      "memo" text not null check (length("memo") <= 1000),
      "source_id" text null,
      "reverses_entry_id" uuid null,
      "created_by_id" uuid null,
      "created_at" timestamptz not null default now(),
      "created_xact" xid8 not null default pg_current_xact_id(),
      constraint "fund_journal_entry_pkey" primary key ("id"),
      constraint "fund_journal_entry_seq_unique" unique ("seq"),
      constraint "fund_journal_entry_reversed_once" unique ("reverses_entry_id"),
      constraint "fund_journal_entry_reverses_foreign" foreign key ("reverses_entry_id") references "fund_journal_entry" ("id"),
      constraint "fund_journal_entry_not_self" check ("reverses_entry_id" <> "id")
    );`);
    this.addSql(`create index "fund_journal_entry_business_date_index" on "fund_journal_entry" ("business_date", "seq");`);
    this.addSql(`create index "fund_journal_entry_source_index" on "fund_journal_entry" ("source_id") where "source_id" is not null;`);
    this.addSql(`create index "fund_journal_entry_kind_index" on "fund_journal_entry" ("kind", "seq");`);

    // loan_id and guarantee_id are dimensions (sub-ledgers), not foreign keys: the loan table comes later.
    this.addSql(`create table "fund_posting" (
      "id" bigint generated always as identity,
      "entry_id" uuid not null,
      "account_code" text not null,
      "side" text not null check ("side" in ('DEBIT', 'CREDIT')),
      "amount_minor" bigint not null check ("amount_minor" > 0),
      "loan_id" uuid null,
      "guarantee_id" uuid null,
      constraint "fund_posting_pkey" primary key ("id"),
      constraint "fund_posting_entry_foreign" foreign key ("entry_id") references "fund_journal_entry" ("id"),
      constraint "fund_posting_account_foreign" foreign key ("account_code") references "fund_account" ("code")
    );`);
    this.addSql(`create index "fund_posting_entry_index" on "fund_posting" ("entry_id");`);
    this.addSql(`create index "fund_posting_loan_index" on "fund_posting" ("loan_id") where "loan_id" is not null;`);
    this.addSql(`create index "fund_posting_guarantee_index" on "fund_posting" ("guarantee_id") where "guarantee_id" is not null;`);

    // ... and per account and dimension (a loan, a guarantee).
    this.addSql(`create table "fund_dimension_balance" (
      "account_code" text not null,
      "loan_id" uuid null,
      "guarantee_id" uuid null,
      "debit_minor" bigint not null default 0,
      "credit_minor" bigint not null default 0,
      constraint "fund_dimension_balance_account_foreign" foreign key ("account_code") references "fund_account" ("code"),
      constraint "fund_dimension_balance_has_dimension" check ("loan_id" is not null or "guarantee_id" is not null),
      constraint "fund_dimension_balance_key" unique nulls not distinct ("account_code", "loan_id", "guarantee_id")
    );`);
    this.addSql(`create index "fund_dimension_balance_loan_index" on "fund_dimension_balance" ("loan_id") where "loan_id" is not null;`);
    this.addSql(`create index "fund_dimension_balance_guarantee_index" on "fund_dimension_balance" ("guarantee_id") where "guarantee_id" is not null;`);

    // Append-only: entries, postings and closed months are never changed or removed.
    this.addSql(`create function "fund_books_refuse_change"() returns trigger language plpgsql as $$
      begin
        raise exception 'fund books are append-only: % on % refused', tg_op, tg_table_name using errcode = 'P0A01';
      end $$;`);
    for (const table of ['fund_journal_entry', 'fund_posting', 'fund_accounting_period', 'fund_account']) {
      this.addSql(`create trigger "${table}_append_only" before update or delete on "${table}" for each row execute function "fund_books_refuse_change"();`);
      this.addSql(`create trigger "${table}_no_truncate" before truncate on "${table}" for each statement execute function "fund_books_refuse_change"();`);
    }

    // An entry is stamped with its transaction and refused when its month is closed.
    this.addSql(`create function "fund_journal_entry_before_insert"() returns trigger language plpgsql as $$
      begin
        new.created_xact := pg_current_xact_id();
        if exists (select 1 from fund_accounting_period p where p.month = date_trunc('month', new.business_date)::date) then
          raise exception 'accounting period % is closed', to_char(new.business_date, 'YYYY-MM') using errcode = 'P0A02';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger "fund_journal_entry_stamp" before insert on "fund_journal_entry" for each row execute function "fund_journal_entry_before_insert"();`);

    // Postings may only be added to an entry made in the same transaction, so the commit-time
    // balance check below sees every posting an entry will ever have. Statement-level: one check per
    // INSERT however many rows (the daily close inserts up to a million in one statement).
    this.addSql(`create function "fund_posting_same_transaction"() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from (select distinct entry_id from new_postings) n
                   join fund_journal_entry e on e.id = n.entry_id
                   where e.created_xact <> pg_current_xact_id()) then
          raise exception 'postings may only be added to an entry in the transaction that made it' using errcode = 'P0A03';
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger "fund_posting_same_transaction" after insert on "fund_posting" referencing new table as new_postings for each statement execute function "fund_posting_same_transaction"();`);

    // Double entry, checked at commit (deferred): every entry has postings and its debits equal its credits.
    this.addSql(`create function "fund_journal_entry_balanced"() returns trigger language plpgsql as $$
      declare
        debits numeric; credits numeric; n bigint;
      begin
        select coalesce(sum(amount_minor) filter (where side = 'DEBIT'), 0), coalesce(sum(amount_minor) filter (where side = 'CREDIT'), 0), count(*)
          into debits, credits, n from fund_posting where entry_id = new.id;
        if n = 0 then
          raise exception 'journal entry % has no postings', new.id using errcode = 'P0A04';
        end if;
        if debits <> credits then
          raise exception 'journal entry % is unbalanced: debits % <> credits %', new.id, debits, credits using errcode = 'P0A05';
        end if;
        return null;
      end $$;`);
    this.addSql(`create constraint trigger "fund_journal_entry_balanced" after insert on "fund_journal_entry" deferrable initially deferred for each row execute function "fund_journal_entry_balanced"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "fund_dimension_balance", "fund_account_balance", "fund_posting", "fund_journal_entry", "fund_accounting_period", "fund_account" cascade;`);
    this.addSql(`drop function if exists "fund_account_open_balance"(), "fund_books_refuse_change"(), "fund_journal_entry_before_insert"(), "fund_posting_same_transaction"(), "fund_journal_entry_balanced"();`);
  }
}
