import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * The expected failures of the read API. Their messages are Swedish and safe to show;
 * anything else is masked (see server.ts).
 */
export const expectedErrorCodes = new Set([
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'PUBLISHED',
]);

/** Not signed in where signing in is needed. */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });
}

/**
 * Signed in but not allowed. The message never depends on the data asked for, so a refusal
 * tells nothing about what is there.
 */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

export function notFound(what: string, id: string | number): GraphQLError {
  return new GraphQLError(`${what} med id ${id} finns inte.`, {
    extensions: { code: 'NOT_FOUND' },
  });
}

export function badInput(field: string, message: string): GraphQLError {
  return new GraphQLError(`Ogiltigt värde för ${field}: ${message}`, {
    extensions: { code: 'BAD_USER_INPUT', field },
  });
}

/** Ids are positive integers; anything else is bad input naming the field. */
export function parseId(value: string | number, field: string): number {
  const text = String(value).trim();
  if (!/^\d{1,9}$/.test(text) || Number(text) === 0) {
    throw badInput(field, `"${String(value).slice(0, 40)}" är inget giltigt id.`);
  }
  return Number(text);
}

/**
 * A scalar's refusal of a value, in Swedish. graphql-js puts it after its own English
 * sentence; swedishCoercionError keeps it, after the Swedish sentence naming the field.
 */
export class ScalarInputError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT' } });
  }
}

function scalarRefusalIn(error: unknown): ScalarInputError | undefined {
  for (let e = error; e instanceof GraphQLError; e = e.originalError) {
    if (e instanceof ScalarInputError) return e;
  }
  return undefined;
}

/**
 * graphql-js answers a variable of the wrong type or an unknown enum value in English
 * before any resolver runs. The message becomes Swedish and names the field; the original
 * stays in `detail` for developers.
 */
export function swedishCoercionError(
  formatted: GraphQLFormattedError,
  error?: unknown,
): GraphQLFormattedError {
  const match = /^Variable "\$(\w+)" got invalid value .*?(?: at "([^"]+)")?;/s.exec(formatted.message);
  if (!match) return formatted;
  const field = match[2] ?? match[1]!;
  return {
    ...formatted,
    message: [`Ogiltigt värde för ${field}.`, scalarRefusalIn(error)?.message].filter(Boolean).join(' '),
    extensions: { ...formatted.extensions, field, detail: formatted.message },
  };
}
