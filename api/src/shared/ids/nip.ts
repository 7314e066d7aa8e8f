import { IdentifierCheck, invalid, normaliseIdentifier, RandomSource, randomDigits, weightedSum } from './check';

/*
 * NIP (Numer Identyfikacji Podatkowej), the tax identification number: 10 digits, the last a check
 * digit = Σ(first nine digits × 6,5,7,2,3,4,5,6,7) mod 11. A remainder of 10 is never issued, so such
 * a number is invalid (e.g. 123-456-32-18: sum 118, 118 mod 11 = 8). The first three digits name
 * the issuing tax office.
 */
const NIP_WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7] as const;

export function nipCheckDigit(firstNine: string): number | null {
  const remainder = weightedSum(firstNine, NIP_WEIGHTS) % 11;
  return remainder === 10 ? null : remainder;
}

/** Validates a NIP typed with or without dashes/spaces (and an optional EU VAT "PL" prefix). */
export function checkNip(input: string): IdentifierCheck {
  let value = normaliseIdentifier(input);
  if (/^PL/i.test(value)) value = value.slice(2);
  if (!/^\d{10}$/.test(value)) return invalid('FORMAT', 'A NIP has exactly 10 digits');
  if (/^0+$/.test(value)) return invalid('FORMAT', 'A NIP cannot be all zeros');
  const expected = nipCheckDigit(value);
  if (expected === null || expected !== Number(value[9])) return invalid('CHECKSUM', 'The NIP check digit does not match');
  return { valid: true, value };
}

export const isValidNip = (input: string): boolean => checkNip(input).valid;

/** Returns the normalised NIP, or null when it is not valid. */
export const normaliseNip = (input: string): string | null => {
  const check = checkNip(input);
  return check.valid ? check.value : null;
};

/**
 * A valid random NIP for synthetic data. The tax-office prefix is drawn from 101–999 (no leading
 * zero, as issued); bodies whose remainder is 10 are redrawn.
 */
export function generateNip(random: RandomSource): string {
  for (;;) {
    const office = (101 + Math.floor(random() * 899)).toString();
    const firstNine = office + randomDigits(random, 6);
    const check = nipCheckDigit(firstNine);
    if (check !== null) return firstNine + check.toString();
  }
}
