import { registerEnumType } from 'type-graphql';
import { DomainError } from '../../shared/errors';
import type { Bilingual } from '../../shared/i18n';

/** Why the guarantee fund refused an operation. */
export enum GuaranteeErrorCode {
  EXPOSURE_LIMIT_EXCEEDED = 'EXPOSURE_LIMIT_EXCEEDED',
  FUND_NOT_FOUND = 'FUND_NOT_FOUND',
  PRODUCT_NOT_FOUND = 'PRODUCT_NOT_FOUND',
  PARTNER_NOT_FOUND = 'PARTNER_NOT_FOUND',
  BORROWER_CLIENT_NOT_FOUND = 'BORROWER_CLIENT_NOT_FOUND',
  GUARANTEE_NOT_FOUND = 'GUARANTEE_NOT_FOUND',
  EVENT_NOT_FOUND = 'EVENT_NOT_FOUND',
  INVALID_INPUT = 'INVALID_INPUT',
  INVALID_AMOUNT = 'INVALID_AMOUNT',
  INVALID_DATE = 'INVALID_DATE',
  INVALID_NIP = 'INVALID_NIP',
  INVALID_KRS = 'INVALID_KRS',
  PARTNER_IDENTIFIER_REQUIRED = 'PARTNER_IDENTIFIER_REQUIRED',
  DUPLICATE_PARTNER = 'DUPLICATE_PARTNER',
  DUPLICATE_PARTNER_LOAN = 'DUPLICATE_PARTNER_LOAN',
  TERM_TOO_LONG = 'TERM_TOO_LONG',
  NOT_ACTIVE = 'NOT_ACTIVE',
  NOT_CALLED = 'NOT_CALLED',
  NOT_PAID_OUT = 'NOT_PAID_OUT',
  CALL_ABOVE_EXPOSURE = 'CALL_ABOVE_EXPOSURE',
  RECOVERY_ABOVE_UNRECOVERED = 'RECOVERY_ABOVE_UNRECOVERED',
  OUTSTANDING_ABOVE_PRINCIPAL = 'OUTSTANDING_ABOVE_PRINCIPAL',
  DATE_BEFORE_LAST_EVENT = 'DATE_BEFORE_LAST_EVENT',
  NOT_REVERSIBLE = 'NOT_REVERSIBLE',
  ALREADY_REVERSED = 'ALREADY_REVERSED',
}

registerEnumType(GuaranteeErrorCode, {
  name: 'GuaranteeErrorCode',
  description: 'Why the guarantee fund refused an operation.',
  valuesConfig: {
    EXPOSURE_LIMIT_EXCEEDED: { description: 'The guarantee would take the fund’s total exposure above its limit (multiplier × capital less net losses).' },
    FUND_NOT_FOUND: { description: 'No guarantee fund has this id.' },
    PRODUCT_NOT_FOUND: { description: 'No guarantee product has this id.' },
    PARTNER_NOT_FOUND: { description: 'No partner lender has this id.' },
    BORROWER_CLIENT_NOT_FOUND: { description: 'No client of the Fund has the id given as the borrower.' },
    GUARANTEE_NOT_FOUND: { description: 'No guarantee has this id.' },
    EVENT_NOT_FOUND: { description: 'No guarantee event has this id.' },
    INVALID_INPUT: { description: 'A name, reference or rate is empty, too long or out of range.' },
    INVALID_AMOUNT: { description: 'An amount is not a positive amount in złoty with at most two decimals.' },
    INVALID_DATE: { description: 'Not a calendar date (YYYY-MM-DD).' },
    INVALID_NIP: { description: 'Not a valid NIP (10 digits with a matching check digit).' },
    INVALID_KRS: { description: 'Not a KRS number (10 digits).' },
    PARTNER_IDENTIFIER_REQUIRED: { description: 'A partner lender needs a NIP or a KRS number.' },
    DUPLICATE_PARTNER: { description: 'A partner lender with this NIP already exists.' },
    DUPLICATE_PARTNER_LOAN: { description: 'This partner’s loan already has a guarantee.' },
    TERM_TOO_LONG: { description: 'The loan term is longer than the product allows.' },
    NOT_ACTIVE: { description: 'The guarantee is not active (already called, paid out, expired or cancelled).' },
    NOT_CALLED: { description: 'Only a called guarantee can be paid out.' },
    NOT_PAID_OUT: { description: 'Recoveries are booked only on a guarantee that has been paid out.' },
    CALL_ABOVE_EXPOSURE: { description: 'The partner calls more than the guarantee currently covers.' },
    RECOVERY_ABOVE_UNRECOVERED: { description: 'The recovery is larger than what is still unrecovered of the payout.' },
    OUTSTANDING_ABOVE_PRINCIPAL: { description: 'The reported outstanding balance is above the loan’s principal.' },
    DATE_BEFORE_LAST_EVENT: { description: 'The date is before the guarantee’s issue or its latest event.' },
    NOT_REVERSIBLE: { description: 'Only a recovery, or the issue of a guarantee with nothing after it but balance reports, can be reversed.' },
    ALREADY_REVERSED: { description: 'The event has already been reversed.' },
  },
});

export class GuaranteeError extends DomainError<GuaranteeErrorCode> {
  constructor(
    code: GuaranteeErrorCode,
    readonly messages: Bilingual,
    field: string[] = [],
  ) {
    super(code, messages.pl, field);
    this.name = 'GuaranteeError';
  }
}

const zl = (minor: bigint) => {
  const neg = minor < 0n;
  const abs = neg ? -minor : minor;
  return `${neg ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
};

export const guaranteeMessages = {
  limit: (exposure: bigint, limit: bigint): Bilingual => ({
    pl: `Poręczenie przekroczyłoby limit zaangażowania funduszu: ${zl(exposure)} zł > ${zl(limit)} zł.`,
    en: `The guarantee would exceed the fund’s exposure limit: PLN ${zl(exposure)} > PLN ${zl(limit)}.`,
  }),
  notFound: (what: 'fund' | 'product' | 'partner' | 'guarantee' | 'event' | 'client', id: string): Bilingual => {
    const pl = { fund: 'funduszu poręczeniowego', product: 'produktu poręczeniowego', partner: 'pożyczkodawcy partnerskiego', guarantee: 'poręczenia', event: 'zdarzenia', client: 'klienta Kasy' }[what];
    const en = { fund: 'guarantee fund', product: 'guarantee product', partner: 'partner lender', guarantee: 'guarantee', event: 'guarantee event', client: 'Fund client' }[what];
    return { pl: `Nie ma ${pl} ${id}.`, en: `There is no ${en} ${id}.` };
  },
  input: (field: string): Bilingual => ({ pl: `Nieprawidłowa wartość pola ${field}.`, en: `Invalid value of ${field}.` }),
  amount: (value: string): Bilingual => ({ pl: `„${value}” nie jest dodatnią kwotą w złotych.`, en: `"${value}" is not a positive amount in złoty.` }),
  date: (value: string): Bilingual => ({ pl: `„${value}” nie jest datą (RRRR-MM-DD).`, en: `"${value}" is not a date (YYYY-MM-DD).` }),
  nip: (value: string): Bilingual => ({ pl: `„${value}” nie jest poprawnym NIP-em.`, en: `"${value}" is not a valid NIP.` }),
  krs: (value: string): Bilingual => ({ pl: `„${value}” nie jest numerem KRS.`, en: `"${value}" is not a KRS number.` }),
  partnerId: (): Bilingual => ({ pl: 'Pożyczkodawca partnerski musi mieć NIP albo KRS.', en: 'A partner lender needs a NIP or a KRS number.' }),
  duplicatePartner: (): Bilingual => ({ pl: 'Pożyczkodawca partnerski z tym NIP-em już istnieje.', en: 'A partner lender with this NIP already exists.' }),
  duplicateLoan: (): Bilingual => ({ pl: 'Ta pożyczka partnera ma już poręczenie.', en: 'This partner loan already has a guarantee.' }),
  term: (max: number): Bilingual => ({ pl: `Okres pożyczki przekracza ${max} mies. dopuszczalne w produkcie.`, en: `The loan term exceeds the product’s ${max} months.` }),
  status: (status: string, needed: string): Bilingual => ({ pl: `Poręczenie ma status ${status}; potrzebny ${needed}.`, en: `The guarantee is ${status}; this needs ${needed}.` }),
  callAbove: (exposure: bigint): Bilingual => ({ pl: `Żądanie przekracza bieżące zaangażowanie ${zl(exposure)} zł.`, en: `The call exceeds the current exposure of PLN ${zl(exposure)}.` }),
  recoveryAbove: (left: bigint): Bilingual => ({ pl: `Do odzyskania pozostało ${zl(left)} zł.`, en: `Only PLN ${zl(left)} remains unrecovered.` }),
  outstandingAbove: (): Bilingual => ({ pl: 'Zgłoszone saldo przekracza kwotę pożyczki.', en: 'The reported balance is above the loan principal.' }),
  dateBefore: (last: string): Bilingual => ({ pl: `Data jest wcześniejsza niż ostatnie zdarzenie (${last}).`, en: `The date is before the latest event (${last}).` }),
  notReversible: (kind: string): Bilingual => ({ pl: `Zdarzenia ${kind} nie można stornować.`, en: `A ${kind} event cannot be reversed.` }),
  alreadyReversed: (): Bilingual => ({ pl: 'To zdarzenie zostało już wystornowane.', en: 'This event has already been reversed.' }),
};
