import type { LoanTerms } from '../schedule';

/** LoanTerms as kept in a jsonb column: the bigint principal as a decimal string. */
export type StoredTerms = Omit<LoanTerms, 'principalMinor'> & { principalMinor: string };

export const storeTerms = (terms: LoanTerms): StoredTerms => ({ ...terms, principalMinor: terms.principalMinor.toString() });
export const readTerms = (stored: StoredTerms): LoanTerms => ({ ...stored, principalMinor: BigInt(stored.principalMinor) });
