import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { ScalarInputError } from './errors.js';

function badScalar(name: string, value: unknown): GraphQLError {
  return new GraphQLError(`Ogiltigt värde för ${name}: ${JSON.stringify(value)?.slice(0, 40)}`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/** Whole kronor as a JSON number; safe integers only, so no amount is ever rounded. */
export const KronorScalar = new GraphQLScalarType<number, number>({
  name: 'Kronor',
  description: 'Whole kronor.',
  serialize(value) {
    const n = typeof value === 'string' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw badScalar('Kronor', value);
    return n;
  },
  parseValue(value) {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw badScalar('Kronor', value);
    return value;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.INT) throw badScalar('Kronor', 'kind' in ast ? ast.kind : ast);
    const n = Number(ast.value);
    if (!Number.isSafeInteger(n)) throw badScalar('Kronor', ast.value);
    return n;
  },
});

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) =>
  isoDate.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/**
 * The dates a follow-up can mean. PostgreSQL would take year 0 as 1 BC or refuse it, and a
 * due date in year 9999 is a typing error, not a plan.
 */
export const DATE_RANGE = { first: '1900-01-01', last: '2200-12-31' } as const;

const dateRefusal = (value: unknown) =>
  new ScalarInputError(
    `Ange ett datum mellan ${DATE_RANGE.first} och ${DATE_RANGE.last} som ÅÅÅÅ-MM-DD (fick ${JSON.stringify(value)?.slice(0, 40)}).`,
  );

const dateInput = (value: unknown): string => {
  if (typeof value !== 'string' || !validDate(value) || value < DATE_RANGE.first || value > DATE_RANGE.last)
    throw dateRefusal(value);
  return value;
};

/** A calendar date without time zone, YYYY-MM-DD (as the reports print them). */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'string' && validDate(value.slice(0, 10))) return value.slice(0, 10);
    throw badScalar('Date', value);
  },
  parseValue: dateInput,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw dateRefusal('value' in ast ? ast.value : ast.kind);
    return dateInput(ast.value);
  },
});
