/**
 * PUBLIC_REPORTS=false: a closed installation, where nothing is read without signing in.
 * Each operation of a request that carries no session is refused before any resolver runs,
 * whatever it asks for, except signing in and out, asking who is signed in (the sign-in
 * screen needs them) and the first start's set-up. One check for the whole API, so that no field can be forgotten.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode, type SelectionSetNode } from 'graphql';
import type { RequestContext } from '../context.js';

/**
 * The root fields an anonymous request may still ask for; `__` fields describe the schema.
 * The first start's set-up comes before there is anyone to sign in as.
 */
export const WITHOUT_SIGNING_IN: ReadonlySet<string> = new Set(['signIn', 'signOut', 'me', 'setup', 'setUp']);

export const SIGN_IN_REQUIRED = 'Logga in för att läsa uppföljningen.';

/** The names of the root fields an operation selects, fragments included. */
function rootFields(document: DocumentNode, set: SelectionSetNode, seen = new Set<string>()): string[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(document, selection.selectionSet, seen);
    const name = selection.name.value;
    if (seen.has(name)) return [];
    seen.add(name);
    const fragment = document.definitions.find(
      (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === name,
    );
    return fragment && fragment.kind === Kind.FRAGMENT_DEFINITION
      ? rootFields(document, fragment.selectionSet, seen)
      : [];
  });
}

export const signInRequired: ApolloServerPlugin<RequestContext> = {
  requestDidStart: () =>
    Promise.resolve({
      didResolveOperation: ({ contextValue, document, operation }) => {
        if (contextValue.publicReports || contextValue.viewer || !operation) return Promise.resolve();
        const refused = rootFields(document, operation.selectionSet).some(
          (field) => !field.startsWith('__') && !WITHOUT_SIGNING_IN.has(field),
        );
        if (!refused) return Promise.resolve();
        // 200 as for any other refusal in the answer: the app reads it and offers to sign in.
        return Promise.reject(
          new GraphQLError(SIGN_IN_REQUIRED, {
            extensions: { code: 'UNAUTHENTICATED', http: { status: 200 } },
          }),
        );
      },
    }),
};
