import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays } from '../../../shared/dates';
import type { LoanTerms } from '../../schedule';
import { LoanService } from '../loan.service';
import { insertContract, standardTerms } from './loan-fixtures';

/** A small deterministic PRNG (mulberry32), so two databases get the same portfolio and the same payments. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Terms of the i-th generated loan: mixed amortisation, day counts, rates, grace, frequency. */
export function generatedTerms(random: () => number, firstDisbursementDate: string): LoanTerms {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const grace = pick(['NONE', 'NONE', 'INTEREST_ONLY', 'DEFERRAL_CAPITALISED'] as const);
  return standardTerms({
    principalMinor: BigInt(1_000_000 + Math.floor(random() * 49_000_000)),
    firstDisbursementDate,
    instalments: 6 + Math.floor(random() * 55),
    frequency: random() < 0.85 ? 'MONTHLY' : 'QUARTERLY',
    amortisation: random() < 0.7 ? 'ANNUITY' : 'EQUAL_PRINCIPAL',
    interest: { kind: 'FIXED', annualRateBp: pick([0, 150, 300, 450, 600, 800]) },
    dayCount: pick(['E30_360', 'ACTUAL_365', 'ACTUAL_ACTUAL'] as const),
    grace: { kind: grace, periods: grace === 'NONE' ? 0 : 1 + Math.floor(random() * 3) },
    businessDayRule: pick(['FOLLOWING', 'MODIFIED_FOLLOWING', 'PRECEDING', 'UNADJUSTED'] as const),
  });
}

/** Opens and pays out `count` loans through the service, disbursed over `days` days from `start`. */
export async function generatePortfolio(em: EntityManager, count: number, options: { seed?: number; start?: string; days?: number } = {}): Promise<string[]> {
  const random = prng(options.seed ?? 42);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const date = addDays(options.start ?? '2025-11-01', Math.floor(random() * (options.days ?? 90)));
    const terms = generatedTerms(random, date);
    const penaltyRateBp = random() < 0.8 ? 1400 : 0;
    const feeBp = random() < 0.5 ? 100 : null;
    const contractId = await insertContract(em.fork(), terms.principalMinor);
    const loan = await em.fork().transactional((tx) =>
      LoanService.openFromContract(tx, { contractId, borrowerClientId: randomUUID(), productId: randomUUID(), terms, penaltyRateBp, feeSchedule: { arrangementFeeBp: feeBp } }),
    );
    await new LoanService(em.fork()).disburse({ loanId: loan.id, amountMinor: terms.principalMinor, businessDate: date });
    ids.push(loan.id);
  }
  return ids.sort();
}
