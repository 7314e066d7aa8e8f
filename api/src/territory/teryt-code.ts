import { TerritorialLevel } from './territorial-level';

/** The country's code in the hub; TERYT itself has no code for Poland as a whole. */
export const COUNTRY_CODE = 'PL';

const TERYT_CODE = /^(PL|\d{2}|\d{4}|\d{7})$/;

/** Whether `code` is shaped like a unit code: PL, or 2, 4 or 7 digits (gmina with its type digit). */
export const isTerytCode = (code: string): boolean => TERYT_CODE.test(code);

/** The level a well-formed code denotes. */
export function levelOfCode(code: string): TerritorialLevel {
  if (code === COUNTRY_CODE) return TerritorialLevel.COUNTRY;
  if (code.length === 2) return TerritorialLevel.VOIVODESHIP;
  if (code.length === 4) return TerritorialLevel.POWIAT;
  return TerritorialLevel.GMINA;
}

/** The code itself and the codes of the units containing it, finest first: 1205011 → [1205011, 1205, 12, PL]. */
export function codeAndAncestors(code: string): string[] {
  if (code === COUNTRY_CODE) return [COUNTRY_CODE];
  const out = [code];
  if (code.length > 4) out.push(code.slice(0, 4));
  if (code.length > 2) out.push(code.slice(0, 2));
  out.push(COUNTRY_CODE);
  return out;
}

/** The code of the unit directly containing this one (PL for a voivodeship, null for PL). */
export function parentCodeOf(code: string): string | null {
  if (code === COUNTRY_CODE) return null;
  if (code.length === 2) return COUNTRY_CODE;
  return code.slice(0, code.length === 4 ? 2 : 4);
}

/** Whether a unit with code `code` lies within (or is) the unit `within`. */
export const isWithin = (code: string, within: string): boolean => within === COUNTRY_CODE || code.startsWith(within);
