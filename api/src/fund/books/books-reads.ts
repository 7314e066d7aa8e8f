import type { EntityManager } from '@mikro-orm/postgresql';
import type { CalendarDate } from '../../shared/dates';
import { sqlRows, UUID } from './books-sql';

export interface JournalEntryFilter {
  kind?: string | null;
  fromDate?: CalendarDate | null;
  toDate?: CalendarDate | null;
  accountCode?: string | null;
  loanId?: string | null;
  guaranteeId?: string | null;
}

export interface JournalEntryRecord {
  id: string;
  seq: string;
  businessDate: CalendarDate;
  kind: string;
  memo: string;
  sourceId: string | null;
  reversesEntryId: string | null;
  reversedByEntryId: string | null;
  createdAt: Date;
}

/** A page of journal entries, newest first, with the total count; filters on a posting use EXISTS. */
export async function listJournalEntries(em: EntityManager, filter: JournalEntryFilter, window: { limit: number; offset: number }): Promise<{ rows: JournalEntryRecord[]; total: number }> {
  const loanId = filter.loanId && UUID.test(filter.loanId) ? filter.loanId : filter.loanId ? '00000000-0000-0000-0000-000000000000' : null;
  const guaranteeId = filter.guaranteeId && UUID.test(filter.guaranteeId) ? filter.guaranteeId : filter.guaranteeId ? '00000000-0000-0000-0000-000000000000' : null;
  const where = `where (?::text is null or e.kind = ?::text)
      and (?::date is null or e.business_date >= ?::date) and (?::date is null or e.business_date <= ?::date)
      and (?::text is null and ?::uuid is null and ?::uuid is null or exists (
        select 1 from fund_posting p where p.entry_id = e.id
          and (?::text is null or p.account_code = ?::text) and (?::uuid is null or p.loan_id = ?::uuid) and (?::uuid is null or p.guarantee_id = ?::uuid)))`;
  const b = [
    filter.kind ?? null, filter.kind ?? null, filter.fromDate ?? null, filter.fromDate ?? null, filter.toDate ?? null, filter.toDate ?? null,
    filter.accountCode ?? null, loanId, guaranteeId,
    filter.accountCode ?? null, filter.accountCode ?? null, loanId, loanId, guaranteeId, guaranteeId,
  ];
  const [rows, count] = await Promise.all([
    sqlRows<Record<string, unknown>>(
      em,
      `select e.id, e.seq::text, to_char(e.business_date, 'YYYY-MM-DD') as business_date, e.kind, e.memo, e.source_id, e.reverses_entry_id, e.created_at,
              (select r.id from fund_journal_entry r where r.reverses_entry_id = e.id) as reversed_by
         from fund_journal_entry e ${where} order by e.seq desc limit ? offset ?`,
      [...b, window.limit, window.offset],
    ),
    sqlRows<{ n: string }>(em, `select count(*)::text as n from fund_journal_entry e ${where}`, b),
  ]);
  return { rows: rows.map(toEntry), total: Number(count[0].n) };
}

export async function journalEntriesByIds(em: EntityManager, ids: readonly string[]): Promise<JournalEntryRecord[]> {
  const rows = await sqlRows<Record<string, unknown>>(
    em,
    `select e.id, e.seq::text, to_char(e.business_date, 'YYYY-MM-DD') as business_date, e.kind, e.memo, e.source_id, e.reverses_entry_id, e.created_at,
            (select r.id from fund_journal_entry r where r.reverses_entry_id = e.id) as reversed_by
       from fund_journal_entry e where e.id = any(array(select jsonb_array_elements_text(?::jsonb))::uuid[])`,
    [JSON.stringify(ids.filter((id) => UUID.test(id)))],
  );
  return rows.map(toEntry);
}

const toEntry = (r: Record<string, unknown>): JournalEntryRecord => ({
  id: r.id as string,
  seq: r.seq as string,
  businessDate: r.business_date as string,
  kind: r.kind as string,
  memo: r.memo as string,
  sourceId: (r.source_id as string) ?? null,
  reversesEntryId: (r.reverses_entry_id as string) ?? null,
  reversedByEntryId: (r.reversed_by as string) ?? null,
  createdAt: r.created_at as Date,
});
