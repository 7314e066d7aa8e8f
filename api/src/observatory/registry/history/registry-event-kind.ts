import { registerEnumType } from 'type-graphql';

/** What happened to an entity on a date, as the registry records it. */
export enum RegistryEventKind {
  FOUNDED = 'FOUNDED',
  LEGAL_FORM_CHANGED = 'LEGAL_FORM_CHANGED',
  SEAT_CHANGED = 'SEAT_CHANGED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  SOCIAL_ENTERPRISE_GRANTED = 'SOCIAL_ENTERPRISE_GRANTED',
  SOCIAL_ENTERPRISE_WITHDRAWN = 'SOCIAL_ENTERPRISE_WITHDRAWN',
  LIQUIDATION_STARTED = 'LIQUIDATION_STARTED',
  DISSOLVED = 'DISSOLVED',
}
registerEnumType(RegistryEventKind, {
  name: 'RegistryEventKind',
  description: 'A dated event in the life of a social economy entity.',
  valuesConfig: {
    FOUNDED: { description: 'Founded or first registered, with its first legal form and seat.' },
    LEGAL_FORM_CHANGED: { description: 'Changed its legal form (e.g. an association turned into a foundation).' },
    SEAT_CHANGED: { description: 'Moved its registered seat to another territorial unit.' },
    STATUS_CHANGED: { description: 'Suspended or resumed its activity (or another change of status).' },
    SOCIAL_ENTERPRISE_GRANTED: { description: 'Granted social enterprise status by the voivode (Act of 5 August 2022 on the social economy; before it took effect, entry on the ministry’s list of social enterprises).' },
    SOCIAL_ENTERPRISE_WITHDRAWN: { description: 'Lost social enterprise status (withdrawn by the voivode, or given up).' },
    LIQUIDATION_STARTED: { description: 'Put into liquidation (w likwidacji): still registered, being wound up.' },
    DISSOLVED: { description: 'Struck off the register: the entity no longer exists.' },
  },
});
