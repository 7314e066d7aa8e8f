import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { LoanTerms } from '../../schedule';
import { Migration20261127140000_fund_origination } from '../../../../../migrations/Migration20261127140000_fund_origination';
import { Migration20261127142000_fund_loans } from '../../../../../migrations/Migration20261127142000_fund_loans';
import { LoanService, type OpenFromContractCommand } from '../loan.service';
import type { Loan } from '../loan.entity';

/**
 * Test and benchmark fixtures for fund loans. Contracts are inserted with foreign-key triggers
 * off (session_replication_role = replica, superuser only): the loan side needs a contract row,
 * not the whole origination chain behind it (client, application, committee), which fund/applications
 * tests cover.
 */
export async function ensureLoanSchema(orm: MikroORM): Promise<void> {
  const conn = orm.em.getConnection();
  const [row] = await conn.execute<{ t: string | null }[]>(`select to_regclass('loan')::text as t`);
  if (row.t) return;
  // Until both migrations are listed in migrations/index.ts, apply them here.
  const [origination] = await conn.execute<{ t: string | null }[]>(`select to_regclass('loan_contract')::text as t`);
  const classes = origination.t ? [Migration20261127142000_fund_loans] : [Migration20261127140000_fund_origination, Migration20261127142000_fund_loans];
  for (const Cls of classes) {
    const m = new Cls(orm.em.getDriver(), orm.config);
    await m.up();
    for (const q of m.getQueries()) await conn.execute(typeof q === 'string' ? q : q.toString());
  }
}

export async function insertContract(em: EntityManager, principalMinor: bigint, contractId: string = randomUUID()): Promise<string> {
  await em.transactional(async (tx) => {
    const conn = tx.getConnection();
    const trx = tx.getTransactionContext();
    await conn.execute(`set local session_replication_role = replica`, [], 'run', trx);
    await conn.execute(
      `insert into loan_contract (id, number, application_id, principal_minor, terms, penalty_rate_bp, arrangement_fee_minor, allocation_order, signed_on, signed_by_id)
       values (?, ?, ?, ?, '{}', 0, 0, array['PENALTY','FEE','INTEREST','PRINCIPAL'], '2026-01-01', ?)`,
      [contractId, `TEST/${contractId}`, randomUUID(), principalMinor.toString(), randomUUID()],
      'run',
      trx,
    );
  });
  return contractId;
}

export const standardTerms = (overrides: Partial<LoanTerms> = {}): LoanTerms => ({
  principalMinor: 12_000_000n,
  currency: 'PLN',
  firstDisbursementDate: '2026-01-15',
  instalments: 12,
  frequency: 'MONTHLY',
  amortisation: 'ANNUITY',
  interest: { kind: 'FIXED', annualRateBp: 600 },
  dayCount: 'E30_360',
  grace: { kind: 'NONE', periods: 0 },
  businessDayRule: 'FOLLOWING',
  ...overrides,
});

/** Signs a (fixture) contract and opens a loan from it. */
export async function openTestLoan(em: EntityManager, overrides: Partial<OpenFromContractCommand> & { terms?: Partial<LoanTerms> } = {}): Promise<Loan> {
  const terms = standardTerms(overrides.terms);
  const contractId = await insertContract(em, terms.principalMinor);
  return em.fork().transactional((tx) =>
    LoanService.openFromContract(tx, {
      borrowerClientId: randomUUID(),
      productId: randomUUID(),
      penaltyRateBp: 1400,
      ...overrides,
      contractId,
      terms,
    }),
  );
}
