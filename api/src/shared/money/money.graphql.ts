import { Field, ObjectType } from 'type-graphql';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { Money } from './money';

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** `Decimal`: an exact decimal number written as a string, so no client turns it into a float. */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number written as a string, e.g. "1250.00" or "-3.5" (a string so that no client rounds it through a float).',
  serialize(value) {
    if (typeof value !== 'string' || !DECIMAL.test(value)) throw new GraphQLError(`Decimal cannot represent ${String(value)}`);
    return value;
  },
  parseValue(value) {
    if (typeof value !== 'string' || !DECIMAL.test(value)) throw new GraphQLError('A Decimal is a string such as "1250.00"');
    return value;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING || !DECIMAL.test(ast.value)) throw new GraphQLError('A Decimal is a string such as "1250.00"', { nodes: ast });
    return ast.value;
  },
});

/** How money appears in GraphQL: `Money { amount: "1250.00", currency: "PLN" }`. */
@ObjectType('Money', { description: 'An amount of money: an exact decimal amount in major units (złoty, not grosze) and its ISO 4217 currency.' })
export class MoneyObject {
  @Field(() => DecimalScalar, { description: 'The amount in major units with the currency’s decimals, e.g. "1250.00"; negative for a loss.' })
  amount!: string;

  @Field({ description: 'ISO 4217 currency code, e.g. "PLN".' })
  currency!: string;
}

export function toMoneyObject(money: Money): MoneyObject;
export function toMoneyObject(money: Money | null): MoneyObject | null;
export function toMoneyObject(money: Money | null): MoneyObject | null {
  return money ? Object.assign(new MoneyObject(), { amount: money.toDecimal(), currency: money.currency }) : null;
}
