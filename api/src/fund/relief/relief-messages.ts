import { registerEnumType } from 'type-graphql';
import { DomainError } from '../../shared/errors';
import { type Bilingual, type Locale, DEFAULT_LOCALE, pick } from '../../shared/i18n';

/** Machine-readable reasons a relief campaign command is refused. */
export enum ReliefCampaignErrorCode {
  CAMPAIGN_NOT_FOUND = 'CAMPAIGN_NOT_FOUND',
  INVALID_NAME = 'INVALID_NAME',
  INVALID_DATE = 'INVALID_DATE',
  INVALID_PARAMETERS = 'INVALID_PARAMETERS',
  INVALID_TARGET = 'INVALID_TARGET',
  NOT_PREVIEWED = 'NOT_PREVIEWED',
  ALREADY_APPLIED = 'ALREADY_APPLIED',
  STALE_PREVIEW = 'STALE_PREVIEW',
  NO_LOANS_AFFECTED = 'NO_LOANS_AFFECTED',
  PREVIEW_MISMATCH = 'PREVIEW_MISMATCH',
}
registerEnumType(ReliefCampaignErrorCode, {
  name: 'ReliefCampaignErrorCode',
  description: 'Why a relief campaign command was refused.',
  valuesConfig: {
    CAMPAIGN_NOT_FOUND: { description: 'No relief campaign has this id.' },
    INVALID_NAME: { description: 'The name must be 1–300 characters.' },
    INVALID_DATE: { description: 'The date is not a calendar date (YYYY-MM-DD).' },
    INVALID_PARAMETERS: { description: 'The parameters do not fit the campaign kind (e.g. a rate cut without a rate).' },
    INVALID_TARGET: { description: 'The target names an unknown territory, or is empty in a way that would select nothing.' },
    NOT_PREVIEWED: { description: 'A campaign must be previewed before it is applied.' },
    ALREADY_APPLIED: { description: 'The campaign was already applied; it is never applied twice.' },
    STALE_PREVIEW: { description: 'A targeted loan changed since the preview (repayment, close of business, status, new loan in the target): preview again.' },
    NO_LOANS_AFFECTED: { description: 'The preview found no loan the campaign would change.' },
    PREVIEW_MISMATCH: { description: 'The application would have differed from the preview; nothing was changed.' },
  },
});

export const reliefMessages: Record<ReliefCampaignErrorCode, Bilingual> = {
  CAMPAIGN_NOT_FOUND: { pl: 'Nie znaleziono akcji pomocowej.', en: 'Relief campaign not found.' },
  INVALID_NAME: { pl: 'Nazwa musi mieć od 1 do 300 znaków.', en: 'The name must be 1–300 characters.' },
  INVALID_DATE: { pl: 'Data musi mieć postać RRRR-MM-DD.', en: 'The date must read YYYY-MM-DD.' },
  INVALID_PARAMETERS: { pl: 'Parametry nie pasują do rodzaju akcji.', en: 'The parameters do not fit the campaign kind.' },
  INVALID_TARGET: { pl: 'Nieprawidłowy zakres akcji (np. nieznany kod terytorialny).', en: 'The target is invalid (e.g. an unknown territory code).' },
  NOT_PREVIEWED: { pl: 'Przed zastosowaniem akcji trzeba obejrzeć jej podgląd.', en: 'Preview the campaign before applying it.' },
  ALREADY_APPLIED: { pl: 'Akcja została już zastosowana; nie stosuje się jej ponownie.', en: 'The campaign was already applied; it is not applied again.' },
  STALE_PREVIEW: { pl: 'Od podglądu zmieniły się pożyczki objęte akcją. Wykonaj podgląd ponownie.', en: 'Loans in the campaign changed since the preview. Preview again.' },
  NO_LOANS_AFFECTED: { pl: 'Akcja nie zmieniłaby żadnej pożyczki.', en: 'The campaign would change no loan.' },
  PREVIEW_MISMATCH: { pl: 'Skutek akcji różniłby się od podglądu; niczego nie zmieniono.', en: 'The effect would differ from the preview; nothing was changed.' },
};

/** A refused relief campaign command; `code` is what clients match on, the message is in the request's language. */
export class ReliefCampaignError extends DomainError<ReliefCampaignErrorCode> {
  constructor(code: ReliefCampaignErrorCode, locale: Locale = DEFAULT_LOCALE, field: string[] = [], detail?: string) {
    super(code, detail ? `${pick(reliefMessages[code], locale)} (${detail})` : pick(reliefMessages[code], locale), field);
    this.name = 'ReliefCampaignError';
  }
}
