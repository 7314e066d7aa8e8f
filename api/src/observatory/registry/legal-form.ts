import { registerEnumType } from 'type-graphql';

/** Legal (or organisational) form of a social economy entity. */
export enum LegalForm {
  SOCIAL_COOPERATIVE = 'SOCIAL_COOPERATIVE',
  WORKER_COOPERATIVE = 'WORKER_COOPERATIVE',
  COOPERATIVE_OF_DISABLED_OR_BLIND = 'COOPERATIVE_OF_DISABLED_OR_BLIND',
  ASSOCIATION = 'ASSOCIATION',
  FOUNDATION = 'FOUNDATION',
  NON_PROFIT_COMPANY = 'NON_PROFIT_COMPANY',
  CIS = 'CIS',
  KIS = 'KIS',
  ZAZ = 'ZAZ',
  WTZ = 'WTZ',
  RURAL_HOUSEWIVES_CIRCLE = 'RURAL_HOUSEWIVES_CIRCLE',
  OTHER = 'OTHER',
}
registerEnumType(LegalForm, {
  name: 'LegalForm',
  description: 'Legal or organisational form of a social economy entity.',
  valuesConfig: {
    SOCIAL_COOPERATIVE: { description: 'Social cooperative (spółdzielnia socjalna).' },
    WORKER_COOPERATIVE: { description: 'Worker cooperative (spółdzielnia pracy).' },
    COOPERATIVE_OF_DISABLED_OR_BLIND: { description: 'Cooperative of disabled or blind persons (spółdzielnia inwalidów, spółdzielnia niewidomych).' },
    ASSOCIATION: { description: 'Association (stowarzyszenie).' },
    FOUNDATION: { description: 'Foundation (fundacja).' },
    NON_PROFIT_COMPANY: { description: 'Non-profit company (spółka non-profit), a company that does not distribute profit.' },
    CIS: { description: 'Social integration centre (Centrum Integracji Społecznej).' },
    KIS: { description: 'Social integration club (Klub Integracji Społecznej).' },
    ZAZ: { description: 'Vocational activity establishment (Zakład Aktywności Zawodowej).' },
    WTZ: { description: 'Occupational therapy workshop (Warsztat Terapii Zajęciowej).' },
    RURAL_HOUSEWIVES_CIRCLE: { description: 'Rural housewives’ circle (koło gospodyń wiejskich, KGW).' },
    OTHER: { description: 'Another form.' },
  },
});

/** Where an entity stands in its legal life. */
export enum SocialEconomyEntityStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  IN_LIQUIDATION = 'IN_LIQUIDATION',
  DISSOLVED = 'DISSOLVED',
}
registerEnumType(SocialEconomyEntityStatus, {
  name: 'SocialEconomyEntityStatus',
  description: 'Whether a social economy entity operates, has paused, is being wound up or no longer exists.',
  valuesConfig: {
    ACTIVE: { description: 'Operating.' },
    SUSPENDED: { description: 'Registered but not operating (activity suspended, or no revenue and no staff).' },
    IN_LIQUIDATION: { description: 'Being wound up (w likwidacji).' },
    DISSOLVED: { description: 'Struck off the register.' },
  },
});
