/** Uniform random numbers in [0, 1), e.g. from a seeded PRNG; generators never read Math.random. */
export type RandomSource = () => number;

/** Why an identifier was refused: wrong shape (length, characters, all zeros) or a failed check digit. */
export type IdentifierProblem = 'FORMAT' | 'CHECKSUM';

/** The outcome of validating an identifier: its normalised digits, or the problem. */
export type IdentifierCheck = { valid: true; value: string } | { valid: false; problem: IdentifierProblem; message: string };

/**
 * Strips what people type between digits — spaces (incl. no-break), dashes, dots — so
 * "123-456-32-18" and "123 456 32 18" both read as "1234563218". Letters are kept, so they fail later.
 */
export function normaliseIdentifier(input: string): string {
  return input.trim().replace(/[\s\u00a0\u2010-\u2015.-]/g, '');
}

/** Σ digit·weight over the first `weights.length` digits. */
export function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits.charCodeAt(i) - 48) * weights[i];
  return sum;
}

export function randomDigits(random: RandomSource, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += Math.floor(random() * 10).toString();
  return out;
}

export const invalid = (problem: IdentifierProblem, message: string): IdentifierCheck => ({ valid: false, problem, message });
