import { IdentifierCheck, invalid, normaliseIdentifier, RandomSource, randomDigits, weightedSum } from './check';

/*
 * REGON, the statistical number in the national business register kept by Statistics Poland (GUS).
 * 9 digits for a legal unit: check = Σ(first eight × 8,9,2,3,4,5,6,7) mod 11, with 10 written as 0.
 * 14 digits for a local unit: the parent's 9-digit REGON, 4 digits for the local unit and a check
 * digit = Σ(first thirteen × 2,4,8,5,0,9,7,3,6,1,2,4,8) mod 11, 10 written as 0.
 * A REGON, once given, is never given to another unit.
 */
const REGON9_WEIGHTS = [8, 9, 2, 3, 4, 5, 6, 7] as const;
const REGON14_WEIGHTS = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8] as const;

const mod11as10is0 = (sum: number): number => (sum % 11) % 10;

export const regon9CheckDigit = (firstEight: string): number => mod11as10is0(weightedSum(firstEight, REGON9_WEIGHTS));
export const regon14CheckDigit = (firstThirteen: string): number => mod11as10is0(weightedSum(firstThirteen, REGON14_WEIGHTS));

/** Validates a 9- or 14-digit REGON; for 14 digits the embedded parent REGON must be valid too. */
export function checkRegon(input: string): IdentifierCheck {
  const value = normaliseIdentifier(input);
  if (!/^(\d{9}|\d{14})$/.test(value)) return invalid('FORMAT', 'A REGON has 9 digits (14 for a local unit)');
  if (/^0+$/.test(value)) return invalid('FORMAT', 'A REGON cannot be all zeros');
  if (regon9CheckDigit(value) !== Number(value[8])) return invalid('CHECKSUM', 'The REGON check digit does not match');
  if (value.length === 14 && regon14CheckDigit(value) !== Number(value[13])) {
    return invalid('CHECKSUM', 'The check digit of the local-unit REGON does not match');
  }
  return { valid: true, value };
}

export const isValidRegon = (input: string): boolean => checkRegon(input).valid;

export const normaliseRegon = (input: string): string | null => {
  const check = checkRegon(input);
  return check.valid ? check.value : null;
};

/** A valid random 9-digit REGON for synthetic data (not all zeros). */
export function generateRegon9(random: RandomSource): string {
  for (;;) {
    const firstEight = randomDigits(random, 8);
    if (/^0+$/.test(firstEight)) continue;
    return firstEight + regon9CheckDigit(firstEight).toString();
  }
}

/** A valid random 14-digit REGON of a local unit; pass `parent` to make it a unit of that legal unit. */
export function generateRegon14(random: RandomSource, parent: string = generateRegon9(random)): string {
  const unit = (1 + Math.floor(random() * 9999)).toString().padStart(4, '0');
  const firstThirteen = parent + unit;
  return firstThirteen + regon14CheckDigit(firstThirteen).toString();
}
