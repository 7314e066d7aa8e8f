export { hashPassword, verifyPassword, needsRehash, CURRENT_SCRYPT_PARAMS, type ScryptParams } from './password-hash';
export { checkPasswordPolicy, MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, type PasswordProblem } from './password-policy';
