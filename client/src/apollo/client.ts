import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { BatchHttpLink } from '@apollo/client/link/batch-http';
import possibleTypes from '../gql/possible-types';
import { offlineLink, type RecordingContext } from '../pwa/offline-link';

/**
 * One Apollo client for the app; data masking on, so a component sees only its fragment.
 * Queries the network cannot answer are answered from the reports stored on the device.
 */
export function createApolloClient() {
  return new ApolloClient({
    link: ApolloLink.from([
      offlineLink,
      // A report kept for offline reading is fetched in batches; everything else one by one.
      ApolloLink.split(
        (operation) => Boolean((operation.getContext() as RecordingContext).record),
        new BatchHttpLink({ uri: '/graphql', batchMax: 25, batchInterval: 20 }),
        new HttpLink({ uri: '/graphql' }),
      ),
    ]),
    cache: new InMemoryCache({ possibleTypes: possibleTypes.possibleTypes }),
    dataMasking: true,
  });
}
