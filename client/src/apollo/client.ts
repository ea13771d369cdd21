import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import possibleTypes from '../gql/possible-types';
import { offlineLink } from '../pwa/offline-link';

/**
 * One Apollo client for the app; data masking on, so a component sees only its fragment.
 * Queries the network cannot answer are answered from the reports stored on the device.
 */
export function createApolloClient() {
  return new ApolloClient({
    link: ApolloLink.from([offlineLink, new HttpLink({ uri: '/graphql' })]),
    cache: new InMemoryCache({ possibleTypes: possibleTypes.possibleTypes }),
    dataMasking: true,
  });
}
