import { registerEnumType } from 'type-graphql';
import { DomainError } from '../../shared/errors';
import type { Bilingual } from '../../shared/i18n';

/** Why the books refused an entry, a reversal or a period close. */
export enum BooksErrorCode {
  EMPTY_ENTRY = 'EMPTY_ENTRY',
  UNBALANCED_ENTRY = 'UNBALANCED_ENTRY',
  INVALID_AMOUNT = 'INVALID_AMOUNT',
  UNKNOWN_ACCOUNT = 'UNKNOWN_ACCOUNT',
  INVALID_DIMENSION = 'INVALID_DIMENSION',
  REVERSAL_MISMATCH = 'REVERSAL_MISMATCH',
  INVALID_DATE = 'INVALID_DATE',
  INVALID_KIND = 'INVALID_KIND',
  INVALID_MEMO = 'INVALID_MEMO',
  PERIOD_CLOSED = 'PERIOD_CLOSED',
  PERIOD_END_NOT_MONTH_END = 'PERIOD_END_NOT_MONTH_END',
  ENTRY_NOT_FOUND = 'ENTRY_NOT_FOUND',
  ALREADY_REVERSED = 'ALREADY_REVERSED',
  REVERSAL_OF_REVERSAL = 'REVERSAL_OF_REVERSAL',
  REVERSAL_BEFORE_ORIGINAL = 'REVERSAL_BEFORE_ORIGINAL',
}
registerEnumType(BooksErrorCode, {
  name: 'FundBooksErrorCode',
  description: 'Why the fund’s books refused an entry, a reversal or the closing of a month.',
  valuesConfig: {
    EMPTY_ENTRY: { description: 'The entry has no postings.' },
    UNBALANCED_ENTRY: { description: 'The entry’s debits and credits differ; every entry must balance to the grosz.' },
    INVALID_AMOUNT: { description: 'A posting amount is not a positive whole number of grosze.' },
    UNKNOWN_ACCOUNT: { description: 'A posting names an account that is not in the chart of accounts.' },
    INVALID_DIMENSION: { description: 'A loan or guarantee id on a posting is not a UUID.' },
    REVERSAL_MISMATCH: { description: 'An entry that says it reverses another must mirror its postings exactly (same accounts, amounts and loans or guarantees, sides swapped).' },
    INVALID_DATE: { description: 'Not a calendar date (YYYY-MM-DD).' },
    INVALID_KIND: { description: 'The entry kind is not an upper-case code such as LOAN_DISBURSEMENT.' },
    INVALID_MEMO: { description: 'The memo is empty or longer than 1000 characters.' },
    PERIOD_CLOSED: { description: 'The entry’s business date falls in an accounting month that has been closed; post it in an open month.' },
    PERIOD_END_NOT_MONTH_END: { description: 'Accounting periods are calendar months: give the last day of a month.' },
    ENTRY_NOT_FOUND: { description: 'No journal entry has this id.' },
    ALREADY_REVERSED: { description: 'The entry has already been reversed; an entry is reversed at most once.' },
    REVERSAL_OF_REVERSAL: { description: 'The entry is itself a reversal; post a new entry instead of reversing a reversal.' },
    REVERSAL_BEFORE_ORIGINAL: { description: 'A reversal cannot be dated before the entry it reverses.' },
  },
});

/** A refusal by the books; `message` is Polish, `messages` has both languages. */
export class BooksError extends DomainError<BooksErrorCode> {
  constructor(
    code: BooksErrorCode,
    readonly messages: Bilingual,
    field: string[] = [],
  ) {
    super(code, messages.pl, field);
    this.name = 'BooksError';
  }
}

export const booksMessages = {
  empty: (): Bilingual => ({ pl: 'Zapis księgowy nie ma żadnych dekretów.', en: 'The journal entry has no postings.' }),
  unbalanced: (debit: bigint, credit: bigint): Bilingual => ({
    pl: `Zapis nie bilansuje się: Wn ${debit} gr, Ma ${credit} gr.`,
    en: `The entry does not balance: debits ${debit} grosze, credits ${credit} grosze.`,
  }),
  amount: (value: unknown): Bilingual => ({ pl: `Kwota ${String(value)} nie jest dodatnią liczbą groszy.`, en: `Amount ${String(value)} is not a positive whole number of grosze.` }),
  account: (code: unknown): Bilingual => ({ pl: `Konta ${String(code)} nie ma w planie kont funduszu.`, en: `Account ${String(code)} is not in the fund’s chart of accounts.` }),
  dimension: (value: unknown): Bilingual => ({ pl: `Identyfikator „${String(value)}” nie jest UUID.`, en: `Id "${String(value)}" is not a UUID.` }),
  reversalMismatch: (id: string): Bilingual => ({ pl: `Dekrety nie są lustrzanym odbiciem zapisu ${id}.`, en: `The postings do not mirror entry ${id}.` }),
  date: (value: unknown): Bilingual => ({ pl: `„${String(value)}” nie jest datą (RRRR-MM-DD).`, en: `"${String(value)}" is not a date (YYYY-MM-DD).` }),
  kind: (value: unknown): Bilingual => ({ pl: `Rodzaj zapisu „${String(value)}” musi być kodem wielkimi literami, np. LOAN_DISBURSEMENT.`, en: `Entry kind "${String(value)}" must be an upper-case code such as LOAN_DISBURSEMENT.` }),
  memo: (): Bilingual => ({ pl: 'Opis zapisu jest pusty albo dłuższy niż 1000 znaków.', en: 'The entry memo is empty or longer than 1000 characters.' }),
  periodClosed: (month: string): Bilingual => ({ pl: `Okres ${month} jest zamknięty; nie można w nim księgować.`, en: `The accounting period ${month} is closed; nothing can be posted in it.` }),
  notMonthEnd: (date: string): Bilingual => ({ pl: `${date} nie jest ostatnim dniem miesiąca.`, en: `${date} is not the last day of a month.` }),
  notFound: (id: string): Bilingual => ({ pl: `Nie ma zapisu ${id}.`, en: `There is no journal entry ${id}.` }),
  alreadyReversed: (id: string): Bilingual => ({ pl: `Zapis ${id} został już wystornowany.`, en: `Entry ${id} has already been reversed.` }),
  reversalOfReversal: (id: string): Bilingual => ({ pl: `Zapis ${id} jest stornem; storna się nie stornuje.`, en: `Entry ${id} is a reversal; a reversal is not reversed.` }),
  reversalBefore: (date: string): Bilingual => ({ pl: `Storno nie może mieć daty wcześniejszej niż zapis stornowany (${date}).`, en: `A reversal cannot be dated before the entry it reverses (${date}).` }),
};
