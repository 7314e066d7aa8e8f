import { registerEnumType } from 'type-graphql';
import { DomainError } from '../../shared/errors';
import { type Bilingual, type Locale, DEFAULT_LOCALE, pick } from '../../shared/i18n';

/** Machine-readable reasons a loan command is refused, reported in mutation payloads. */
export enum LoanErrorCode {
  LOAN_NOT_FOUND = 'LOAN_NOT_FOUND',
  CONTRACT_ALREADY_OPENED = 'CONTRACT_ALREADY_OPENED',
  INVALID_TERMS = 'INVALID_TERMS',
  INVALID_AMOUNT = 'INVALID_AMOUNT',
  INVALID_DATE = 'INVALID_DATE',
  LOAN_NOT_ACTIVE = 'LOAN_NOT_ACTIVE',
  LOAN_NOT_DISBURSED = 'LOAN_NOT_DISBURSED',
  DISBURSEMENT_EXCEEDS_APPROVED = 'DISBURSEMENT_EXCEEDS_APPROVED',
  BACKDATED = 'BACKDATED',
  OVERPAYMENT = 'OVERPAYMENT',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  REPAYMENT_NOT_FOUND = 'REPAYMENT_NOT_FOUND',
  REPAYMENT_ALREADY_REVERSED = 'REPAYMENT_ALREADY_REVERSED',
  REVERSAL_NOT_LATEST = 'REVERSAL_NOT_LATEST',
  NOTHING_TO_RESTRUCTURE = 'NOTHING_TO_RESTRUCTURE',
  NO_REMISSION_TERMS = 'NO_REMISSION_TERMS',
  REMISSION_SHARE_TOO_HIGH = 'REMISSION_SHARE_TOO_HIGH',
  REMISSION_CONDITIONS_NOT_MET = 'REMISSION_CONDITIONS_NOT_MET',
  REMISSION_TOO_EARLY = 'REMISSION_TOO_EARLY',
  REMISSION_ALREADY_GRANTED = 'REMISSION_ALREADY_GRANTED',
  NOTHING_TO_WRITE_OFF = 'NOTHING_TO_WRITE_OFF',
  LOAN_NOT_SETTLED = 'LOAN_NOT_SETTLED',
}
registerEnumType(LoanErrorCode, {
  name: 'LoanErrorCode',
  description: 'Why a loan operation was refused.',
  valuesConfig: {
    LOAN_NOT_FOUND: { description: 'No loan has this id.' },
    CONTRACT_ALREADY_OPENED: { description: 'A loan was already opened from this contract.' },
    INVALID_TERMS: { description: 'The loan terms cannot produce a repayment schedule.' },
    INVALID_AMOUNT: { description: 'The amount must be a positive number of grosze.' },
    INVALID_DATE: { description: 'The date is not a calendar date (YYYY-MM-DD).' },
    LOAN_NOT_ACTIVE: { description: 'The loan is written off or closed, so it takes no more transactions.' },
    LOAN_NOT_DISBURSED: { description: 'Nothing has been paid out yet.' },
    DISBURSEMENT_EXCEEDS_APPROVED: { description: 'The tranches would pay out more than the contract approved.' },
    BACKDATED: { description: 'The business date is before the last date already closed for this loan.' },
    OVERPAYMENT: { description: 'The payment is more than everything the borrower owes.' },
    IDEMPOTENCY_KEY_REUSED: { description: 'This idempotency key was already used for a different repayment.' },
    REPAYMENT_NOT_FOUND: { description: 'No repayment has this id.' },
    REPAYMENT_ALREADY_REVERSED: { description: 'The repayment was already reversed.' },
    REVERSAL_NOT_LATEST: { description: 'Only the loan’s latest transaction can be reversed.' },
    NOTHING_TO_RESTRUCTURE: { description: 'No principal is outstanding, so there is nothing to reschedule.' },
    NO_REMISSION_TERMS: { description: 'The contract promises no conditional remission.' },
    REMISSION_SHARE_TOO_HIGH: { description: 'The share to forgive exceeds what the contract allows.' },
    REMISSION_CONDITIONS_NOT_MET: { description: 'Fewer jobs were created and kept than the contract requires.' },
    REMISSION_TOO_EARLY: { description: 'Jobs must be kept until the contract’s deadline before remission.' },
    REMISSION_ALREADY_GRANTED: { description: 'Remission was already granted on this loan.' },
    NOTHING_TO_WRITE_OFF: { description: 'Nothing is outstanding on the loan.' },
    LOAN_NOT_SETTLED: { description: 'The loan still has an outstanding balance.' },
  },
});

export const loanMessages: Record<LoanErrorCode, Bilingual> = {
  LOAN_NOT_FOUND: { pl: 'Nie znaleziono pożyczki.', en: 'Loan not found.' },
  CONTRACT_ALREADY_OPENED: { pl: 'Dla tej umowy pożyczka została już otwarta.', en: 'A loan was already opened from this contract.' },
  INVALID_TERMS: { pl: 'Z tych warunków nie da się ułożyć harmonogramu spłat.', en: 'These terms do not make a repayment schedule.' },
  INVALID_AMOUNT: { pl: 'Kwota musi być dodatnia.', en: 'The amount must be positive.' },
  INVALID_DATE: { pl: 'Data musi mieć postać RRRR-MM-DD.', en: 'The date must read YYYY-MM-DD.' },
  LOAN_NOT_ACTIVE: { pl: 'Pożyczka jest spisana lub zamknięta.', en: 'The loan is written off or closed.' },
  LOAN_NOT_DISBURSED: { pl: 'Pożyczka nie została jeszcze wypłacona.', en: 'The loan has not been disbursed yet.' },
  DISBURSEMENT_EXCEEDS_APPROVED: { pl: 'Transze przekroczyłyby kwotę z umowy.', en: 'The tranches would exceed the contract amount.' },
  BACKDATED: { pl: 'Data jest wcześniejsza niż ostatni zamknięty dzień pożyczki.', en: 'The date is before the loan’s last closed business day.' },
  OVERPAYMENT: { pl: 'Wpłata przekracza całe zadłużenie.', en: 'The payment exceeds everything owed.' },
  IDEMPOTENCY_KEY_REUSED: { pl: 'Ten klucz idempotencji użyto już dla innej wpłaty.', en: 'This idempotency key was already used for a different payment.' },
  REPAYMENT_NOT_FOUND: { pl: 'Nie znaleziono wpłaty.', en: 'Repayment not found.' },
  REPAYMENT_ALREADY_REVERSED: { pl: 'Ta wpłata została już wycofana.', en: 'This repayment was already reversed.' },
  REVERSAL_NOT_LATEST: { pl: 'Wycofać można tylko ostatnią operację na pożyczce.', en: 'Only the loan’s latest transaction can be reversed.' },
  NOTHING_TO_RESTRUCTURE: { pl: 'Nie ma kapitału do restrukturyzacji.', en: 'There is no principal to restructure.' },
  NO_REMISSION_TERMS: { pl: 'Umowa nie przewiduje umorzenia.', en: 'The contract provides for no remission.' },
  REMISSION_SHARE_TOO_HIGH: { pl: 'Umorzenie przekracza udział dopuszczony w umowie.', en: 'The remission exceeds the share the contract allows.' },
  REMISSION_CONDITIONS_NOT_MET: { pl: 'Nie utworzono lub nie utrzymano obiecanych miejsc pracy.', en: 'The promised jobs were not created or kept.' },
  REMISSION_TOO_EARLY: { pl: 'Miejsca pracy trzeba utrzymać do terminu z umowy.', en: 'The jobs must be kept until the contract deadline.' },
  REMISSION_ALREADY_GRANTED: { pl: 'Umorzenie zostało już przyznane.', en: 'Remission was already granted.' },
  NOTHING_TO_WRITE_OFF: { pl: 'Na pożyczce nie ma zadłużenia.', en: 'Nothing is outstanding on the loan.' },
  LOAN_NOT_SETTLED: { pl: 'Pożyczka nie jest w pełni spłacona.', en: 'The loan is not fully settled.' },
};

/** A refused loan command; `code` is what tests and clients match on, the message is in the request's language. */
export class LoanError extends DomainError<LoanErrorCode> {
  constructor(code: LoanErrorCode, locale: Locale = DEFAULT_LOCALE, field: string[] = [], detail?: string) {
    super(code, detail ? `${pick(loanMessages[code], locale)} (${detail})` : pick(loanMessages[code], locale), field);
    this.name = 'LoanError';
  }
}
