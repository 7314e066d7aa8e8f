/** Components a payment settles; the loan's allocation order is a permutation of these. */
export type AllocationComponent = 'PENALTY' | 'FEE' | 'INTEREST' | 'PRINCIPAL';
export const DEFAULT_ORDER: readonly AllocationComponent[] = ['PENALTY', 'FEE', 'INTEREST', 'PRINCIPAL'];

/** What the borrower owes at the moment of payment. */
export interface Owed {
  penaltyMinor: bigint;
  feeMinor: bigint;
  /** Interest billed at a due date and not paid. */
  interestDueMinor: bigint;
  /** Interest accrued since the last due date (paid only when paying early). */
  interestUnbilledMinor: bigint;
  principalDueMinor: bigint;
  principalOutstandingMinor: bigint;
}

export interface Allocation {
  penaltyMinor: bigint;
  feeMinor: bigint;
  interestDueMinor: bigint;
  interestUnbilledMinor: bigint;
  principalDueMinor: bigint;
  /** Early repayment of principal not yet due. */
  principalPrepaidMinor: bigint;
  /** What is left over: > 0 means the payment exceeds everything owed. */
  excessMinor: bigint;
}

/** Everything owed: the most a single payment may be. */
export const totalOwed = (o: Owed): bigint => o.penaltyMinor + o.feeMinor + o.interestDueMinor + o.interestUnbilledMinor + o.principalOutstandingMinor;

/**
 * Splits a payment: first what is due, component by component in the loan's order (default
 * penalties → fees → interest → principal, the Civil Code art. 451 order); then, for an early
 * repayment, interest accrued since the last due date and principal not yet due.
 */
export function allocateRepayment(amountMinor: bigint, owed: Owed, order: readonly AllocationComponent[] = DEFAULT_ORDER): Allocation {
  let left = amountMinor;
  const take = (available: bigint): bigint => {
    const t = left < available ? left : available;
    left -= t;
    return t;
  };
  const a: Allocation = { penaltyMinor: 0n, feeMinor: 0n, interestDueMinor: 0n, interestUnbilledMinor: 0n, principalDueMinor: 0n, principalPrepaidMinor: 0n, excessMinor: 0n };
  for (const component of order) {
    if (component === 'PENALTY') a.penaltyMinor = take(owed.penaltyMinor);
    else if (component === 'FEE') a.feeMinor = take(owed.feeMinor);
    else if (component === 'INTEREST') a.interestDueMinor = take(owed.interestDueMinor);
    else a.principalDueMinor = take(owed.principalDueMinor);
  }
  a.interestUnbilledMinor = take(owed.interestUnbilledMinor);
  a.principalPrepaidMinor = take(owed.principalOutstandingMinor - owed.principalDueMinor);
  a.excessMinor = left;
  return a;
}
