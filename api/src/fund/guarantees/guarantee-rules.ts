/** Basis points: 10 000 bp = 100 %, so 8 000 bp is 80 % coverage and 50 bp a 0.5 % fee. */
const BP = 10_000n;

/** a × bp / 10 000, rounded half-up to the grosz (amounts are never negative here). */
export function applyBp(amountMinor: bigint, bp: number): bigint {
  return (amountMinor * BigInt(bp) * 2n + BP) / (2n * BP);
}

/** What a guarantee covers now: coverage × the loan's outstanding balance, but never more than the cap. */
export function exposureFor(coverageBp: number, outstandingMinor: bigint, capMinor: bigint): bigint {
  const covered = applyBp(outstandingMinor, coverageBp);
  return covered < capMinor ? covered : capMinor;
}

/** The fee charged on issue: the fee rate × the guaranteed amount at issue. */
export function feeFor(feeBp: number, exposureMinor: bigint): bigint {
  return applyBp(exposureMinor, feeBp);
}

/** The most a fund may guarantee at once: multiplier × capital, rounded down (multiplier 5× = 50 000 bp). */
export function exposureLimit(capitalMinor: bigint, multiplierBp: number): bigint {
  return (capitalMinor * BigInt(multiplierBp)) / BP;
}
