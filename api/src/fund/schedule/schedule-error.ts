import { DomainError } from '../../shared/errors/domain-error';
import type { Bilingual } from '../../shared/i18n/locale';

/** Why loan terms cannot be turned into a schedule. */
export enum ScheduleErrorCode {
  INVALID_PRINCIPAL = 'INVALID_PRINCIPAL',
  INVALID_INSTALMENTS = 'INVALID_INSTALMENTS',
  INVALID_GRACE = 'INVALID_GRACE',
  INVALID_RATE = 'INVALID_RATE',
  INVALID_DATE = 'INVALID_DATE',
  DUE_DATES_OUT_OF_ORDER = 'DUE_DATES_OUT_OF_ORDER',
}

const MESSAGES: Record<ScheduleErrorCode, Bilingual> = {
  INVALID_PRINCIPAL: { pl: 'Kwota pożyczki musi być dodatnia.', en: 'The loan amount must be positive.' },
  INVALID_INSTALMENTS: { pl: 'Liczba rat musi być liczbą całkowitą od 1 do 600.', en: 'The number of instalments must be a whole number from 1 to 600.' },
  INVALID_GRACE: { pl: 'Karencja musi mieć od 0 do 120 okresów (0 dla braku karencji).', en: 'The grace period must be 0 to 120 periods (0 when there is no grace).' },
  INVALID_RATE: { pl: 'Oprocentowanie musi być nieujemną liczbą całkowitą punktów bazowych.', en: 'The interest rate must be a non-negative whole number of basis points.' },
  INVALID_DATE: { pl: 'Data jest nieprawidłowa albo termin pierwszej raty nie przypada po dniu wypłaty.', en: 'A date is invalid, or the first due date is not after the disbursement date.' },
  DUE_DATES_OUT_OF_ORDER: { pl: 'Po przesunięciu na dni robocze terminy rat nie następują po sobie.', en: 'After moving to business days the due dates are not in order.' },
};

/** A schedule that cannot be built; `messages` carries both languages, `message` is the English one. */
export class ScheduleError extends DomainError<ScheduleErrorCode> {
  readonly messages: Bilingual;

  constructor(code: ScheduleErrorCode, field: string[] = [], detail?: string) {
    super(code, detail ? `${MESSAGES[code].en} (${detail})` : MESSAGES[code].en, field);
    this.name = 'ScheduleError';
    this.messages = MESSAGES[code];
  }
}
