export { Money } from './money';
export { DecimalScalar, MoneyObject, toMoneyObject } from './money.graphql';
