import { registerEnumType } from 'type-graphql';
import { DomainError } from '../shared/errors';
import type { Locale } from '../shared/i18n';
import type { Text2 } from './instruments/instrument-model';

/** Why a diagnostics command was refused. */
export enum DiagnosticsErrorCode {
  INVALID_XLSFORM = 'INVALID_XLSFORM',
  VERSION_FROZEN = 'VERSION_FROZEN',
  VERSION_OUTDATED = 'VERSION_OUTDATED',
  UNKNOWN_PREVIOUS_NAME = 'UNKNOWN_PREVIOUS_NAME',
  NOT_FOUND = 'NOT_FOUND',
  CAMPAIGN_NOT_DRAFT = 'CAMPAIGN_NOT_DRAFT',
  CAMPAIGN_NOT_LAUNCHED = 'CAMPAIGN_NOT_LAUNCHED',
  TOKEN_INVALID = 'TOKEN_INVALID',
  INVITATION_EXPIRED = 'INVITATION_EXPIRED',
  ALREADY_SUBMITTED = 'ALREADY_SUBMITTED',
  INVALID_ANSWER = 'INVALID_ANSWER',
  PSEUDONYM_KEY_MISSING = 'PSEUDONYM_KEY_MISSING',
  INVALID_INPUT = 'INVALID_INPUT',
}
registerEnumType(DiagnosticsErrorCode, {
  name: 'DiagnosticsErrorCode',
  description: 'Why a survey, campaign, privacy or strategy command was refused.',
  valuesConfig: {
    INVALID_XLSFORM: { description: 'The XLSForm file has problems (listed with sheet and row).' },
    VERSION_FROZEN: { description: 'That instrument version has been used in a launched campaign and can no longer change; import it as a new version.' },
    VERSION_OUTDATED: { description: 'A newer version of the instrument already exists.' },
    UNKNOWN_PREVIOUS_NAME: { description: 'A question says it was renamed or merged from a code no earlier version has.' },
    NOT_FOUND: { description: 'No such instrument, campaign or strategy.' },
    CAMPAIGN_NOT_DRAFT: { description: 'The campaign has already been launched.' },
    CAMPAIGN_NOT_LAUNCHED: { description: 'The campaign is not open for answers.' },
    TOKEN_INVALID: { description: 'The survey link is not valid.' },
    INVITATION_EXPIRED: { description: 'The survey link has expired.' },
    ALREADY_SUBMITTED: { description: 'The answers have already been sent; the link works once.' },
    INVALID_ANSWER: { description: 'An answer breaks the question’s rules; the field says which question.' },
    PSEUDONYM_KEY_MISSING: { description: 'The server has no DIAGNOSTICS_PSEUDONYM_KEY, so respondents cannot be pseudonymised.' },
    INVALID_INPUT: { description: 'The input is malformed.' },
  },
});

const MESSAGES: Record<DiagnosticsErrorCode, Text2> = {
  INVALID_XLSFORM: { pl: 'Plik XLSForm zawiera błędy.', en: 'The XLSForm file has errors.' },
  VERSION_FROZEN: { pl: 'Ta wersja narzędzia została już użyta w badaniu i nie może się zmienić. Zaimportuj nową wersję.', en: 'This instrument version has been used in a campaign and cannot change. Import a new version.' },
  VERSION_OUTDATED: { pl: 'Istnieje już nowsza wersja tego narzędzia.', en: 'A newer version of this instrument exists.' },
  UNKNOWN_PREVIOUS_NAME: { pl: 'Pytanie wskazuje poprzednią nazwę, której nie ma w żadnej wcześniejszej wersji.', en: 'A question names a previous code no earlier version has.' },
  NOT_FOUND: { pl: 'Nie znaleziono.', en: 'Not found.' },
  CAMPAIGN_NOT_DRAFT: { pl: 'Badanie zostało już uruchomione.', en: 'The campaign has already been launched.' },
  CAMPAIGN_NOT_LAUNCHED: { pl: 'Badanie nie przyjmuje odpowiedzi.', en: 'The campaign is not accepting answers.' },
  TOKEN_INVALID: { pl: 'Link do ankiety jest nieprawidłowy.', en: 'The survey link is not valid.' },
  INVITATION_EXPIRED: { pl: 'Link do ankiety wygasł.', en: 'The survey link has expired.' },
  ALREADY_SUBMITTED: { pl: 'Odpowiedzi zostały już wysłane. Link działa tylko raz.', en: 'The answers have already been sent. The link works only once.' },
  INVALID_ANSWER: { pl: 'Odpowiedź jest nieprawidłowa.', en: 'The answer is not valid.' },
  PSEUDONYM_KEY_MISSING: { pl: 'Serwer nie ma klucza pseudonimizacji (DIAGNOSTICS_PSEUDONYM_KEY).', en: 'The server has no pseudonymisation key (DIAGNOSTICS_PSEUDONYM_KEY).' },
  INVALID_INPUT: { pl: 'Nieprawidłowe dane wejściowe.', en: 'Malformed input.' },
};

/** A refused diagnostics command; `detail` adds specifics (e.g. XLSForm rows) to the message. */
export class DiagnosticsError extends DomainError<DiagnosticsErrorCode> {
  constructor(code: DiagnosticsErrorCode, locale: Locale | 'pl' | 'en' = 'pl', field: string[] = [], detail?: string) {
    super(code, detail ? `${MESSAGES[code][locale]} ${detail}` : MESSAGES[code][locale], field);
    this.name = 'DiagnosticsError';
  }
}
