import { IdentifierCheck, invalid, normaliseIdentifier, RandomSource } from './check';

/*
 * KRS number (numer w Krajowym Rejestrze Sądowym), the National Court Register number. It is a
 * sequence number assigned in order of first entry since 2001 and written with leading zeros to 10
 * digits (e.g. 0000566214). It carries NO check digit, so validation can only check the shape:
 * exactly 10 digits (leading zeros written out, as the register prints it), not all zeros. A
 * well-formed number says nothing about whether the entity exists.
 */
export function checkKrs(input: string): IdentifierCheck {
  const value = normaliseIdentifier(input);
  if (!/^\d{10}$/.test(value)) return invalid('FORMAT', 'A KRS number has exactly 10 digits, leading zeros included (e.g. 0000566214)');
  if (/^0+$/.test(value)) return invalid('FORMAT', 'A KRS number cannot be zero');
  return { valid: true, value };
}

export const isValidKrs = (input: string): boolean => checkKrs(input).valid;

export const normaliseKrs = (input: string): string | null => {
  const check = checkKrs(input);
  return check.valid ? check.value : null;
};

/**
 * Synthetic KRS numbers are drawn from 0009000000–0009999999. Real numbers are issued in sequence
 * and those in use today begin 00000… or 00001…, so a demo number does not lead a reader to a real
 * entity in the register.
 */
export const SYNTHETIC_KRS_RANGE = { from: 9_000_000, size: 1_000_000 } as const;

export function generateKrs(random: RandomSource): string {
  const n = SYNTHETIC_KRS_RANGE.from + Math.floor(random() * SYNTHETIC_KRS_RANGE.size);
  return n.toString().padStart(10, '0');
}
