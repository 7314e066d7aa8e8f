import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isCalendarDate, type CalendarDate } from './calendar-date';

const refuse = (value: unknown) => new GraphQLError(`A Date is a calendar date written YYYY-MM-DD, e.g. "2024-03-31"; got ${JSON.stringify(value)}`);

/** `Date`: a calendar date without time or time zone, YYYY-MM-DD. */
export const DateScalar = new GraphQLScalarType<CalendarDate, string>({
  name: 'Date',
  description: 'A calendar date without a time of day, written YYYY-MM-DD (e.g. "2024-03-31").',
  serialize(value) {
    if (typeof value !== 'string' || !isCalendarDate(value)) throw refuse(value);
    return value;
  },
  parseValue(value) {
    if (typeof value !== 'string' || !isCalendarDate(value)) throw refuse(value);
    return value;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING || !isCalendarDate(ast.value)) throw refuse(ast.kind === Kind.STRING ? ast.value : ast.kind);
    return ast.value;
  },
});
