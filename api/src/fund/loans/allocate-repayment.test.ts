import fc from 'fast-check';
import { allocateRepayment, totalOwed, type Owed } from './allocate-repayment';

const owed: Owed = { penaltyMinor: 100n, feeMinor: 200n, interestDueMinor: 300n, interestUnbilledMinor: 50n, principalDueMinor: 1000n, principalOutstandingMinor: 5000n };

describe('allocateRepayment', () => {
  it('settles penalties, then fees, then interest, then principal by default', () => {
    expect(allocateRepayment(450n, owed)).toMatchObject({ penaltyMinor: 100n, feeMinor: 200n, interestDueMinor: 150n, principalDueMinor: 0n });
  });

  it('follows a loan’s own order', () => {
    expect(allocateRepayment(1100n, owed, ['PRINCIPAL', 'INTEREST', 'FEE', 'PENALTY'])).toMatchObject({ principalDueMinor: 1000n, interestDueMinor: 100n, feeMinor: 0n, penaltyMinor: 0n });
  });

  it('pays accrued interest and then principal not yet due only after everything due', () => {
    const a = allocateRepayment(2000n, owed);
    expect(a).toMatchObject({ interestUnbilledMinor: 50n, principalDueMinor: 1000n, principalPrepaidMinor: 350n, excessMinor: 0n });
  });

  it('reports the excess of a payment larger than everything owed', () => {
    expect(allocateRepayment(totalOwed(owed) + 1n, owed).excessMinor).toBe(1n);
  });

  it('never allocates more than paid or more than owed per component', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10_000n }), (amount) => {
        const a = allocateRepayment(amount, owed);
        expect(a.penaltyMinor + a.feeMinor + a.interestDueMinor + a.interestUnbilledMinor + a.principalDueMinor + a.principalPrepaidMinor + a.excessMinor).toBe(amount);
        expect(a.principalDueMinor + a.principalPrepaidMinor <= owed.principalOutstandingMinor).toBe(true);
      }),
    );
  });
});
