import { registerEnumType } from 'type-graphql';

/** Who a fund client is. */
export enum FundClientKind {
  ENTITY = 'ENTITY',
  FOUNDING_GROUP = 'FOUNDING_GROUP',
}
registerEnumType(FundClientKind, {
  name: 'FundClientKind',
  description: 'Whether a fund client is an entity already in the registry or a founding group that intends to set one up.',
  valuesConfig: {
    ENTITY: { description: 'A social economy entity from the Observatory registry.' },
    FOUNDING_GROUP: { description: 'A founding group (grupa inicjatywna): people who intend to found an entity.' },
  },
});
