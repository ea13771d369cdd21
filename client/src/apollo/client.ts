import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

/** One Apollo client for the app; data masking on, so a component sees only its fragment. */
export function createApolloClient() {
  return new ApolloClient({
    link: new HttpLink({ uri: '/graphql' }),
    cache: new InMemoryCache(),
    dataMasking: true,
  });
}
