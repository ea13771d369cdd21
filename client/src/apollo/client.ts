import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import possibleTypes from '../gql/possible-types';

/** One Apollo client for the app; data masking on, so a component sees only its fragment. */
export function createApolloClient() {
  return new ApolloClient({
    link: new HttpLink({ uri: '/graphql' }),
    cache: new InMemoryCache({ possibleTypes: possibleTypes.possibleTypes }),
    dataMasking: true,
  });
}
