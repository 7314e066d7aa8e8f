/** Minimum length (in characters, not bytes) of a new staff password. NIST SP 800-63B asks for ≥ 8; we ask 12. */
export const MIN_PASSWORD_LENGTH = 12;
/** Upper bound so a huge input cannot be used to waste server time. */
export const MAX_PASSWORD_LENGTH = 256;

export type PasswordProblem = 'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_LONG';

/** Checks a password chosen for a new account; null when acceptable. Counts code points, so "żółć" is 4. */
export function checkPasswordPolicy(password: string): PasswordProblem | null {
  const length = [...password.normalize('NFKC')].length;
  if (length < MIN_PASSWORD_LENGTH) return 'PASSWORD_TOO_SHORT';
  if (length > MAX_PASSWORD_LENGTH) return 'PASSWORD_TOO_LONG';
  return null;
}
