import { type Bilingual, type Locale, pick } from '../shared/i18n';

/** Machine-readable codes of access errors reported in mutation payloads. */
export enum StaffErrorCode {
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  ACCOUNT_DISABLED = 'ACCOUNT_DISABLED',
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  INVALID_EMAIL = 'INVALID_EMAIL',
  DISPLAY_NAME_REQUIRED = 'DISPLAY_NAME_REQUIRED',
  ROLES_REQUIRED = 'ROLES_REQUIRED',
  PASSWORD_TOO_SHORT = 'PASSWORD_TOO_SHORT',
  PASSWORD_TOO_LONG = 'PASSWORD_TOO_LONG',
}

/** Every message the access module shows a person, in both languages. */
export const accessMessages = {
  [StaffErrorCode.INVALID_CREDENTIALS]: {
    pl: 'Nieprawidłowy e-mail lub hasło.',
    en: 'Wrong email or password.',
  },
  [StaffErrorCode.ACCOUNT_DISABLED]: {
    pl: 'To konto zostało wyłączone. Skontaktuj się z administratorem.',
    en: 'This account has been disabled. Please contact an administrator.',
  },
  [StaffErrorCode.EMAIL_TAKEN]: {
    pl: 'Konto z tym adresem e-mail już istnieje.',
    en: 'An account with this email address already exists.',
  },
  [StaffErrorCode.INVALID_EMAIL]: {
    pl: 'To nie jest poprawny adres e-mail.',
    en: 'This is not a valid email address.',
  },
  [StaffErrorCode.DISPLAY_NAME_REQUIRED]: {
    pl: 'Podaj imię i nazwisko lub nazwę wyświetlaną.',
    en: 'Please give a display name.',
  },
  [StaffErrorCode.ROLES_REQUIRED]: {
    pl: 'Nadaj co najmniej jedną rolę.',
    en: 'Give at least one role.',
  },
  [StaffErrorCode.PASSWORD_TOO_SHORT]: {
    pl: 'Hasło musi mieć co najmniej 12 znaków.',
    en: 'The password must be at least 12 characters long.',
  },
  [StaffErrorCode.PASSWORD_TOO_LONG]: {
    pl: 'Hasło może mieć najwyżej 256 znaków.',
    en: 'The password may be at most 256 characters long.',
  },
  notSignedIn: {
    pl: 'Zaloguj się jako pracownik, aby zobaczyć te dane.',
    en: 'Sign in as staff to see this.',
  },
  missingRole: {
    pl: 'Twoje role nie pozwalają na tę operację.',
    en: 'Your roles do not allow this.',
  },
  accountGone: {
    pl: 'Konto, na które wystawiono token, nie istnieje lub jest wyłączone.',
    en: 'The account this token was issued for no longer exists or has been disabled.',
  },
  malformedHeader: {
    pl: 'Nagłówek Authorization musi mieć postać "Bearer <token>".',
    en: 'The Authorization header must read "Bearer <token>".',
  },
  expiredToken: {
    pl: 'Token wygasł; zaloguj się ponownie.',
    en: 'The token has expired; please sign in again.',
  },
  invalidToken: {
    pl: 'Token jest nieprawidłowy.',
    en: 'The token is not valid.',
  },
} satisfies Record<string, Bilingual>;

export type AccessMessage = keyof typeof accessMessages;

export const accessMessage = (key: AccessMessage, locale: Locale): string => pick(accessMessages[key], locale);
