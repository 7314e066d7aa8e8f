import { registerEnumType } from 'type-graphql';
import type { Bilingual } from '../../shared/i18n';

/** Why a loan product could not be configured. */
export enum LoanProductErrorCode {
  CODE_REQUIRED = 'CODE_REQUIRED',
  CODE_TAKEN = 'CODE_TAKEN',
  NAME_REQUIRED = 'NAME_REQUIRED',
  INVALID_AMOUNT = 'INVALID_AMOUNT',
  AMOUNT_BOUNDS_REVERSED = 'AMOUNT_BOUNDS_REVERSED',
  INSTALMENT_BOUNDS_INVALID = 'INSTALMENT_BOUNDS_INVALID',
  INTEREST_INVALID = 'INTEREST_INVALID',
  GRACE_INVALID = 'GRACE_INVALID',
  FEE_INVALID = 'FEE_INVALID',
  PENALTY_RATE_INVALID = 'PENALTY_RATE_INVALID',
  ALLOCATION_ORDER_INVALID = 'ALLOCATION_ORDER_INVALID',
  REMISSION_INVALID = 'REMISSION_INVALID',
  QUORUM_INVALID = 'QUORUM_INVALID',
}
registerEnumType(LoanProductErrorCode, {
  name: 'LoanProductErrorCode',
  description: 'Why a loan product could not be configured.',
  valuesConfig: {
    CODE_REQUIRED: { description: 'The product code is empty.' },
    CODE_TAKEN: { description: 'Another product already has this code.' },
    NAME_REQUIRED: { description: 'The product name is empty.' },
    INVALID_AMOUNT: { description: 'An amount is not a positive amount in złoty with at most two decimals.' },
    AMOUNT_BOUNDS_REVERSED: { description: 'The smallest amount is larger than the largest.' },
    INSTALMENT_BOUNDS_INVALID: { description: 'The instalment bounds are not whole numbers with 1 ≤ min ≤ max ≤ 600.' },
    INTEREST_INVALID: { description: 'The interest settings do not fit the interest kind (a fixed rate, or a reference rate, margin and floor).' },
    GRACE_INVALID: { description: 'The grace settings are inconsistent (no grace kind but periods allowed, or a negative count).' },
    FEE_INVALID: { description: 'The arrangement fee is both a share and a fixed amount, or negative.' },
    PENALTY_RATE_INVALID: { description: 'The penalty rate is negative or implausibly high.' },
    ALLOCATION_ORDER_INVALID: { description: 'The allocation order is not an ordering of PENALTY, FEE, INTEREST and PRINCIPAL, each exactly once.' },
    REMISSION_INVALID: { description: 'The remission share is outside 0–100 %, or a remission has no deadline for keeping the promised jobs.' },
    QUORUM_INVALID: { description: 'The committee quorum is not a whole number of at least 1.' },
  },
});

export const loanProductMessages: Record<LoanProductErrorCode, Bilingual> = {
  CODE_REQUIRED: { pl: 'Podaj kod produktu.', en: 'Give the product a code.' },
  CODE_TAKEN: { pl: 'Produkt o kodzie {code} już istnieje.', en: 'A product with code {code} already exists.' },
  NAME_REQUIRED: { pl: 'Podaj nazwę produktu.', en: 'Give the product a name.' },
  INVALID_AMOUNT: { pl: 'Kwota musi być dodatnia, w złotych, z najwyżej dwoma miejscami po przecinku.', en: 'The amount must be positive, in złoty, with at most two decimals.' },
  AMOUNT_BOUNDS_REVERSED: { pl: 'Kwota minimalna jest większa od maksymalnej.', en: 'The smallest amount is larger than the largest.' },
  INSTALMENT_BOUNDS_INVALID: { pl: 'Liczba rat: od 1 do 600, minimum nie większe niż maksimum.', en: 'Instalments: 1 to 600, the minimum not above the maximum.' },
  INTEREST_INVALID: { pl: 'Oprocentowanie stałe wymaga stopy rocznej; zmienne — stopy referencyjnej, marży i stopy minimalnej (bez stopy stałej).', en: 'Fixed interest needs an annual rate; reference-rate interest needs a reference rate, a margin and a floor (and no fixed rate).' },
  GRACE_INVALID: { pl: 'Karencja: bez rodzaju karencji nie można dopuścić okresów karencji; liczba okresów nie może być ujemna.', en: 'Grace: periods need a grace kind, and the count cannot be negative.' },
  FEE_INVALID: { pl: 'Prowizja może być procentem kwoty albo kwotą stałą, nie jednym i drugim, i nie może być ujemna.', en: 'The arrangement fee is either a share of the principal or a fixed amount, not both, and not negative.' },
  PENALTY_RATE_INVALID: { pl: 'Stopa odsetek karnych musi mieścić się w przedziale 0–100 % rocznie.', en: 'The penalty rate must be between 0 and 100 % a year.' },
  ALLOCATION_ORDER_INVALID: { pl: 'Kolejność zaliczania wpłat musi zawierać każdą z pozycji PENALTY, FEE, INTEREST, PRINCIPAL dokładnie raz.', en: 'The allocation order must list each of PENALTY, FEE, INTEREST, PRINCIPAL exactly once.' },
  REMISSION_INVALID: { pl: 'Umorzenie: udział od 0 do 100 %, a przy umorzeniu — termin utrzymania miejsc pracy w miesiącach.', en: 'Remission: a share from 0 to 100 %, and with a remission a deadline in months for keeping the jobs.' },
  QUORUM_INVALID: { pl: 'Kworum komitetu musi wynosić co najmniej 1.', en: 'The committee quorum must be at least 1.' },
};
