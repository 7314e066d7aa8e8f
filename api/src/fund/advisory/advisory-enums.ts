import { registerEnumType } from 'type-graphql';

/** What an advisory case is about. */
export enum AdvisoryKind {
  ECONOMIC = 'ECONOMIC',
  LEGAL = 'LEGAL',
  ACCOUNTING = 'ACCOUNTING',
  MARKETING = 'MARKETING',
}
registerEnumType(AdvisoryKind, {
  name: 'AdvisoryKind',
  description: 'The kind of advice a case gives.',
  valuesConfig: {
    ECONOMIC: { description: 'Economic advice (doradztwo ekonomiczne): business plan, financing, pricing.' },
    LEGAL: { description: 'Legal advice (doradztwo prawne): founding, statutes, contracts, employment.' },
    ACCOUNTING: { description: 'Accounting and reporting advice.' },
    MARKETING: { description: 'Marketing and sales advice.' },
  },
});

/** How an advisory session was held. */
export enum AdvisorySessionMode {
  IN_PERSON = 'IN_PERSON',
  ONLINE = 'ONLINE',
  PHONE = 'PHONE',
}
registerEnumType(AdvisorySessionMode, {
  name: 'AdvisorySessionMode',
  description: 'How an advisory session was held.',
  valuesConfig: { IN_PERSON: { description: 'Face to face.' }, ONLINE: { description: 'By video call.' }, PHONE: { description: 'By telephone.' } },
});

/** What an advisory case achieved. */
export enum AdvisoryOutcomeKind {
  ENTITY_FOUNDED = 'ENTITY_FOUNDED',
  JOBS_CREATED = 'JOBS_CREATED',
  BUSINESS_PLAN_PREPARED = 'BUSINESS_PLAN_PREPARED',
  FINANCING_OBTAINED = 'FINANCING_OBTAINED',
  OTHER = 'OTHER',
}
registerEnumType(AdvisoryOutcomeKind, {
  name: 'AdvisoryOutcomeKind',
  description: 'A result an advisory case achieved.',
  valuesConfig: {
    ENTITY_FOUNDED: { description: 'A social economy entity was founded; linked to its registry entry.' },
    JOBS_CREATED: { description: 'Jobs were created; with their number.' },
    BUSINESS_PLAN_PREPARED: { description: 'A business plan was prepared.' },
    FINANCING_OBTAINED: { description: 'Financing (a grant or a loan) was obtained.' },
    OTHER: { description: 'Another result, described in words.' },
  },
});
