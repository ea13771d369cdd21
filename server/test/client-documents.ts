/**
 * The operations the PWA sends, as codegen generates them from its components. Tests run
 * these rather than a copy of them, so that a test breaks when a screen and the API part.
 */
export * from '../../client/src/gql/graphql.js';
