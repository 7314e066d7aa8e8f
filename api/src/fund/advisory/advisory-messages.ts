import { registerEnumType } from 'type-graphql';
import type { Bilingual } from '../../shared/i18n';

/** Why an advisory command was refused. */
export enum AdvisoryErrorCode {
  CLIENT_NOT_FOUND = 'CLIENT_NOT_FOUND',
  ADVISOR_NOT_FOUND = 'ADVISOR_NOT_FOUND',
  NOT_AN_ADVISOR = 'NOT_AN_ADVISOR',
  TOPICS_REQUIRED = 'TOPICS_REQUIRED',
  CASE_NOT_FOUND = 'CASE_NOT_FOUND',
  NOT_CASE_ADVISOR = 'NOT_CASE_ADVISOR',
  HOURS_INVALID = 'HOURS_INVALID',
  DATE_BEFORE_CASE = 'DATE_BEFORE_CASE',
  OUTCOME_ENTITY_REQUIRED = 'OUTCOME_ENTITY_REQUIRED',
  OUTCOME_ENTITY_NOT_FOUND = 'OUTCOME_ENTITY_NOT_FOUND',
  JOBS_COUNT_INVALID = 'JOBS_COUNT_INVALID',
  DESCRIPTION_REQUIRED = 'DESCRIPTION_REQUIRED',
}
registerEnumType(AdvisoryErrorCode, {
  name: 'AdvisoryErrorCode',
  description: 'Why an advisory case, session or outcome could not be recorded.',
  valuesConfig: {
    CLIENT_NOT_FOUND: { description: 'No fund client has this id.' },
    ADVISOR_NOT_FOUND: { description: 'No active staff account has this id.' },
    NOT_AN_ADVISOR: { description: 'The staff member named as advisor does not hold the ADVISOR role.' },
    TOPICS_REQUIRED: { description: 'A case needs at least one non-empty topic.' },
    CASE_NOT_FOUND: { description: 'No advisory case has this id.' },
    NOT_CASE_ADVISOR: { description: 'Only the case’s advisor (or a fund officer) may record its sessions and outcomes.' },
    HOURS_INVALID: { description: 'Hours must be a positive number of quarter-hours up to 24 (e.g. "1.75").' },
    DATE_BEFORE_CASE: { description: 'The date is before the case was opened.' },
    OUTCOME_ENTITY_REQUIRED: { description: 'ENTITY_FOUNDED needs the registry entity that was founded.' },
    OUTCOME_ENTITY_NOT_FOUND: { description: 'No registry entity has this id.' },
    JOBS_COUNT_INVALID: { description: 'JOBS_CREATED needs a positive whole number of jobs.' },
    DESCRIPTION_REQUIRED: { description: 'An OTHER outcome needs a description.' },
  },
});

export const advisoryMessages: Record<AdvisoryErrorCode, Bilingual> = {
  CLIENT_NOT_FOUND: { pl: 'Nie ma klienta Kasy o tym identyfikatorze.', en: 'No fund client has this id.' },
  ADVISOR_NOT_FOUND: { pl: 'Nie ma aktywnego konta pracownika o tym identyfikatorze.', en: 'No active staff account has this id.' },
  NOT_AN_ADVISOR: { pl: 'Ten pracownik nie ma roli doradcy.', en: 'This staff member is not an advisor.' },
  TOPICS_REQUIRED: { pl: 'Podaj co najmniej jeden temat doradztwa.', en: 'Give at least one topic.' },
  CASE_NOT_FOUND: { pl: 'Nie ma sprawy doradczej o tym identyfikatorze.', en: 'No advisory case has this id.' },
  NOT_CASE_ADVISOR: { pl: 'Sesje i rezultaty sprawy zapisuje jej doradca (albo pracownik Kasy).', en: 'Only the case’s advisor (or a fund officer) records its sessions and outcomes.' },
  HOURS_INVALID: { pl: 'Czas sesji podaj w godzinach z dokładnością do kwadransa, od 0,25 do 24 (np. „1.75”).', en: 'Give the session length in hours in quarter-hours, from 0.25 to 24 (e.g. "1.75").' },
  DATE_BEFORE_CASE: { pl: 'Data jest wcześniejsza niż otwarcie sprawy ({openedOn}).', en: 'The date is before the case was opened ({openedOn}).' },
  OUTCOME_ENTITY_REQUIRED: { pl: 'Wskaż podmiot z rejestru, który powstał.', en: 'Name the registry entity that was founded.' },
  OUTCOME_ENTITY_NOT_FOUND: { pl: 'W rejestrze nie ma podmiotu o tym identyfikatorze.', en: 'The registry holds no entity with this id.' },
  JOBS_COUNT_INVALID: { pl: 'Podaj liczbę utworzonych miejsc pracy (dodatnią liczbę całkowitą).', en: 'Give the number of jobs created (a positive whole number).' },
  DESCRIPTION_REQUIRED: { pl: 'Opisz rezultat.', en: 'Describe the outcome.' },
};
