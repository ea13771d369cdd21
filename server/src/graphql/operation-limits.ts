/**
 * What one GraphQL operation may ask for. The endpoint faces the internet and published
 * reports are readable without signing in, so a single small query must not be able to
 * keep the database and the process busy: `unit { children { parent { children … } } }`
 * grows with every level, and aliases repeat a whole page in one request.
 *
 * Every limit is checked before a resolver runs (while parsing, validating or resolving the
 * operation), so a refused operation costs no SQL statement. The rules come from
 * libraries made for this: graphql-js's own token limit, GraphQL Armor's depth, alias and
 * directive rules, and graphql-query-complexity's cost with an estimator that multiplies a
 * list's selection by the number of items a list is assumed to hold.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  getNullableType,
  GraphQLError,
  isListType,
  OperationTypeNode,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { Config } from '../config.js';

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  maxBatch: number;
}

export function operationLimitsOf(config: Config): OperationLimits {
  return {
    maxDepth: config.GRAPHQL_MAX_DEPTH,
    maxAliases: config.GRAPHQL_MAX_ALIASES,
    maxDirectives: config.GRAPHQL_MAX_DIRECTIVES,
    maxTokens: config.GRAPHQL_MAX_TOKENS,
    maxCost: config.GRAPHQL_MAX_COST,
    maxBatch: config.GRAPHQL_MAX_BATCH,
  };
}

/**
 * Items a list is assumed to hold when the cost is estimated. The schema's lists have no
 * page size; a unit has a handful of children, a follow-up some tens of goals or assignments.
 */
export const ASSUMED_LIST_SIZE = 10;

/** A refusal of the limits: Swedish, with its own code and the limit it met. */
export class OperationRefused extends GraphQLError {
  constructor(
    readonly code: string,
    message: string,
    readonly limit?: number,
  ) {
    // Apollo answers an error thrown while resolving the operation with its `http` status.
    super(message, {
      extensions: { code, ...(limit === undefined ? {} : { limit }), http: { status: 400 } },
    });
  }

  /** As the client gets it. */
  answer(locations?: GraphQLFormattedError['locations']): GraphQLFormattedError {
    const extensions = { code: this.code, ...(this.limit === undefined ? {} : { limit: this.limit }) };
    return { message: this.message, ...(locations ? { locations } : {}), extensions };
  }
}

export const refusals = {
  depth: (n: number) =>
    new OperationRefused('QUERY_TOO_DEEP', `Frågan är för djup: högst ${n} nivåer är tillåtna.`, n),
  aliases: (n: number) =>
    new OperationRefused('TOO_MANY_ALIASES', `Frågan har för många alias: högst ${n} är tillåtna.`, n),
  directives: (n: number) =>
    new OperationRefused('TOO_MANY_DIRECTIVES', `Frågan har för många direktiv: högst ${n} är tillåtna.`, n),
  tokens: (n: number) =>
    new OperationRefused('TOO_MANY_TOKENS', `Frågan är för lång: högst ${n} symboler är tillåtna.`, n),
  cost: (n: number, cost: number) =>
    new OperationRefused(
      'QUERY_TOO_COMPLEX',
      `Frågan är för omfattande (beräknad kostnad ${cost}, högst ${n} är tillåtet). Dela upp den i mindre frågor.`,
      n,
    ),
  batch: (n: number) =>
    new OperationRefused('BATCH_TOO_LARGE', `För många frågor i ett anrop: högst ${n} är tillåtna.`, n),
  batchedMutation: () =>
    new OperationRefused(
      'BATCHED_MUTATION',
      'En ändring kan inte skickas tillsammans med andra frågor. Skicka den för sig.',
    ),
  bodyTooLarge: (limit: string) =>
    new OperationRefused('PAYLOAD_TOO_LARGE', `Anropet är för stort: högst ${limit} tas emot.`),
  notJson: () =>
    new OperationRefused('INVALID_JSON', 'Anropet kunde inte läsas: innehållet är inte giltig JSON.'),
  unreadableBody: () => new OperationRefused('BAD_REQUEST', 'Anropet kunde inte läsas.'),
  introspection: () =>
    new OperationRefused('INTROSPECTION_DISABLED', 'Schemat kan inte läsas ut från den här servern.'),
};

/** A list's selection counts once per item it is assumed to hold; anything else once. */
const listAwareEstimator: ComplexityEstimator = ({ field, childComplexity }) =>
  (1 + childComplexity) * (isListType(getNullableType(field.type)) ? ASSUMED_LIST_SIZE : 1);

/** The estimated cost of the operation `operationName` of a document, as the limit counts it. */
export function operationCost(
  schema: GraphQLSchema,
  query: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
): number {
  return getComplexity({ schema, query, variables, operationName, estimators: [listAwareEstimator] });
}

/** What the limits measured of an accepted operation; the tests read it as evidence. */
export type Measure = 'depth' | 'aliases' | 'directives';
export type Observer = (measure: Measure, value: number) => void;

/** The plugins and validation rules that hold an operation to the limits. */
export function operationLimits(
  limits: OperationLimits,
  observe?: Observer,
): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  // GraphQL Armor hands its refusals, in English, to these callbacks; ours reports the
  // Swedish one instead (propagateOnRejection: false keeps Armor from throwing its own).
  const rule = (measure: Measure, refusal: () => GraphQLError) => ({
    propagateOnRejection: false,
    onReject: [(ctx: ValidationContext | null) => ctx?.reportError(refusal())],
    onAccept: observe ? [(_ctx: unknown, details: { n: number }) => observe(measure, details.n)] : [],
  });
  const validationRules: ValidationRule[] = [
    // A fragment is no level of its own: the depth is that of the fields as answered.
    maxDepthRule({
      n: limits.maxDepth,
      flattenFragments: true,
      ...rule('depth', () => refusals.depth(limits.maxDepth)),
    }),
    maxAliasesRule({ n: limits.maxAliases, ...rule('aliases', () => refusals.aliases(limits.maxAliases)) }),
    maxDirectivesRule({
      n: limits.maxDirectives,
      ...rule('directives', () => refusals.directives(limits.maxDirectives)),
    }),
  ];
  // Tokens are counted by graphql-js's parser itself (parseOptions in server.ts): Armor's
  // Apollo token plugin throws outside the request pipeline, which Apollo answers with a
  // 500. Armor's cost counts list sizes only from `first`/`last` arguments, which this
  // schema does not have, so the cost is graphql-query-complexity's.

  const costAndBatch: ApolloServerPlugin = {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ request, document, schema, requestIsBatched, operation }) => {
          // A batch runs its operations side by side: a mutation in it would race the others
          // and escape the one-at-a-time order the app's edits rely on.
          if (requestIsBatched && operation && operation.operation !== OperationTypeNode.QUERY)
            return Promise.reject(refusals.batchedMutation());
          let cost: number;
          try {
            cost = operationCost(schema, document, request.variables, request.operationName ?? undefined);
          } catch {
            // Variables that do not fit the operation: execution refuses them before any
            // resolver runs, with the usual message naming the field.
            return Promise.resolve();
          }
          return cost > limits.maxCost
            ? Promise.reject(refusals.cost(limits.maxCost, cost))
            : Promise.resolve();
        },
      }),
  };
  return { plugins: [costAndBatch], validationRules };
}

/** English refusals of graphql-js and Apollo that the limits rely on, made Swedish. */
const builtInRefusals: [RegExp, (limits: OperationLimits) => OperationRefused][] = [
  [/^Syntax Error: Document contains more th(?:at|an) \d+ tokens/, (l) => refusals.tokens(l.maxTokens)],
  [/^GraphQL introspection is not allowed/, () => refusals.introspection()],
];

/**
 * The answer's form of a refusal of the limits, or undefined for any other error. Apollo
 * wraps a validation rule's error in its own (code GRAPHQL_VALIDATION_FAILED); the
 * refusal's code is the one the client gets.
 */
export function formatRefusal(
  formatted: GraphQLFormattedError,
  error: unknown,
  limits: OperationLimits,
): GraphQLFormattedError | undefined {
  let refusal: OperationRefused | undefined;
  for (let e: unknown = error; e instanceof Error && !refusal; e = (e as GraphQLError).originalError) {
    if (e instanceof OperationRefused) refusal = e;
  }
  refusal ??= builtInRefusals.find(([pattern]) => pattern.test(formatted.message))?.[1](limits);
  return refusal?.answer(formatted.locations);
}
