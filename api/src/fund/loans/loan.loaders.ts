import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Loan } from './loan.entity';
import { LoanInstalment, LoanSchedule } from './loan-schedule.entity';
import { LoanRepayment } from './loan-transactions.entity';

export interface LoanLoaders {
  loan: DataLoader<string, Loan | null>;
  /** Instalments of a schedule version, in order. */
  instalments: DataLoader<string, LoanInstalment[]>;
  /** Schedule versions of a loan, newest first. */
  schedules: DataLoader<string, LoanSchedule[]>;
  /** Repayments of a loan, oldest first. */
  repayments: DataLoader<string, LoanRepayment[]>;
}

function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const map = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) map.get(keyOf(row))?.push(row);
  return keys.map((k) => map.get(k) ?? []);
}

/** Built per request: one query per kind of list, whatever the number of loans on the page. */
export function createLoanLoaders(em: EntityManager): LoanLoaders {
  return {
    loan: new DataLoader(async (ids) => {
      const rows = await em.find(Loan, { id: { $in: [...ids] } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    instalments: new DataLoader(async (ids) => groupBy(ids, await em.find(LoanInstalment, { scheduleId: { $in: [...ids] } }, { orderBy: { scheduleId: 'asc', number: 'asc' } }), (r) => r.scheduleId)),
    schedules: new DataLoader(async (ids) => groupBy(ids, await em.find(LoanSchedule, { loanId: { $in: [...ids] } }, { orderBy: { loanId: 'asc', version: 'desc' } }), (r) => r.loanId)),
    repayments: new DataLoader(async (ids) => groupBy(ids, await em.find(LoanRepayment, { loanId: { $in: [...ids] } }, { orderBy: { loanId: 'asc', createdAt: 'asc' } }), (r) => r.loanId)),
  };
}
