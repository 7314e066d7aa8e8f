import { registerEnumType } from 'type-graphql';
import type { Bilingual } from '../../shared/i18n';

/** Why a fund client could not be registered. */
export enum FundClientErrorCode {
  ENTITY_NOT_FOUND = 'ENTITY_NOT_FOUND',
  ALREADY_CLIENT = 'ALREADY_CLIENT',
  NAME_REQUIRED = 'NAME_REQUIRED',
  MEMBERS_REQUIRED = 'MEMBERS_REQUIRED',
  MEMBER_NAME_REQUIRED = 'MEMBER_NAME_REQUIRED',
  MEMBER_ROLE_REQUIRED = 'MEMBER_ROLE_REQUIRED',
  INVALID_EMAIL = 'INVALID_EMAIL',
  INVALID_TERYT_CODE = 'INVALID_TERYT_CODE',
  TERRITORY_NOT_FOUND = 'TERRITORY_NOT_FOUND',
  CLIENT_NOT_FOUND = 'CLIENT_NOT_FOUND',
}
registerEnumType(FundClientErrorCode, {
  name: 'FundClientErrorCode',
  description: 'Why a fund client could not be registered or found.',
  valuesConfig: {
    ENTITY_NOT_FOUND: { description: 'No registry entity has this id.' },
    ALREADY_CLIENT: { description: 'The entity is already a client of the fund.' },
    NAME_REQUIRED: { description: 'The founding group needs a name.' },
    MEMBERS_REQUIRED: { description: 'A founding group needs at least one member.' },
    MEMBER_NAME_REQUIRED: { description: 'A member’s name is empty.' },
    MEMBER_ROLE_REQUIRED: { description: 'A member’s role in the group is empty.' },
    INVALID_EMAIL: { description: 'A member’s email is not an email address.' },
    INVALID_TERYT_CODE: { description: 'Not a TERYT code (2, 4 or 7 digits).' },
    TERRITORY_NOT_FOUND: { description: 'The hub holds no territorial unit with this TERYT code.' },
    CLIENT_NOT_FOUND: { description: 'No fund client has this id.' },
  },
});

export const fundClientMessages: Record<FundClientErrorCode, Bilingual> = {
  ENTITY_NOT_FOUND: { pl: 'W rejestrze nie ma podmiotu o tym identyfikatorze.', en: 'The registry holds no entity with this id.' },
  ALREADY_CLIENT: { pl: 'Ten podmiot jest już klientem Kasy.', en: 'This entity is already a client of the fund.' },
  NAME_REQUIRED: { pl: 'Podaj nazwę grupy inicjatywnej.', en: 'Give the founding group a name.' },
  MEMBERS_REQUIRED: { pl: 'Grupa inicjatywna musi mieć co najmniej jednego członka.', en: 'A founding group needs at least one member.' },
  MEMBER_NAME_REQUIRED: { pl: 'Podaj imię i nazwisko członka grupy.', en: 'Give the member’s name.' },
  MEMBER_ROLE_REQUIRED: { pl: 'Podaj rolę członka w grupie.', en: 'Give the member’s role in the group.' },
  INVALID_EMAIL: { pl: 'To nie jest poprawny adres e-mail.', en: 'This is not a valid email address.' },
  INVALID_TERYT_CODE: { pl: '„{code}” nie jest kodem TERYT (2, 4 lub 7 cyfr).', en: '"{code}" is not a TERYT code (2, 4 or 7 digits).' },
  TERRITORY_NOT_FOUND: { pl: 'Nie ma jednostki terytorialnej o kodzie {code}.', en: 'There is no territorial unit with code {code}.' },
  CLIENT_NOT_FOUND: { pl: 'Nie ma klienta Kasy o tym identyfikatorze.', en: 'No fund client has this id.' },
};
