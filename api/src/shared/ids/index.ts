export { normaliseIdentifier, type IdentifierCheck, type IdentifierProblem, type RandomSource } from './check';
export { checkNip, isValidNip, normaliseNip, generateNip, nipCheckDigit } from './nip';
export { checkRegon, isValidRegon, normaliseRegon, generateRegon9, generateRegon14, regon9CheckDigit, regon14CheckDigit } from './regon';
export { checkKrs, isValidKrs, normaliseKrs, generateKrs, SYNTHETIC_KRS_RANGE } from './krs';
