/**
 * The operations the PWA sends, as codegen generates them from its components, and the way
 * Apollo Client puts them on the wire. Tests run these rather than a copy of them, so that a
 * test breaks when a screen and the API part.
 */
import { Kind, print, visit, type DocumentNode } from 'graphql';

export * from '../../client/src/gql/graphql.js';

/**
 * The directives Apollo Client keeps to itself and takes out of a document before it sends
 * it (its QueryManager's `serverQuery`); the server knows none of them.
 */
const CLIENT_ONLY_DIRECTIVES = new Set(['client', 'connection', 'nonreactive', 'unmask']);

/** A document without the directives only the client knows. */
const withoutClientDirectives = (document: DocumentNode): DocumentNode =>
  visit(document, {
    [Kind.DIRECTIVE]: (node) => (CLIENT_ONLY_DIRECTIVES.has(node.name.value) ? null : undefined),
  });

/**
 * The text of a document as Apollo Client sends it, but for the `__typename` its cache adds
 * to every selection set: tests compare answers with plain objects.
 */
export const asSent = (document: DocumentNode): string => print(withoutClientDirectives(document));

/**
 * A document exactly as Apollo Client sends it, `__typename` in every selection set
 * included: for tests of what the cache makes of the answers.
 */
export function documentAsSent(document: DocumentNode): DocumentNode {
  return visit(withoutClientDirectives(document), {
    [Kind.SELECTION_SET](node, _key, parent) {
      if (parent && 'kind' in parent && parent.kind === Kind.OPERATION_DEFINITION) return undefined;
      if (node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename'))
        return undefined;
      const typename = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } } as const;
      return { ...node, selections: [...node.selections, typename] };
    },
  });
}
