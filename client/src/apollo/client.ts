import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { BatchHttpLink } from '@apollo/client/link/batch-http';
import { ErrorLink } from '@apollo/client/link/error';
import { forgetSession } from '../features/session/forget-session';
import { ViewerQuery } from '../features/session/useViewer';
import possibleTypes from '../gql/possible-types';
import { offlineLink, type RecordingContext } from '../pwa/offline-link';

/**
 * The server answers UNAUTHENTICATED where the app thought it was signed in: the session
 * ended elsewhere (signed out everywhere, the password changed on another device, the account
 * disabled). The app then behaves as after signing out, once, after the current operation.
 */
function sessionEndedLink(client: () => ApolloClient) {
  let forgetting = false;
  return new ErrorLink(({ error }) => {
    if (forgetting || !CombinedGraphQLErrors.is(error)) return;
    if (!error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) return;
    if (!client().cache.readQuery({ query: ViewerQuery })?.me) return;
    forgetting = true;
    setTimeout(() => {
      void forgetSession(client()).finally(() => (forgetting = false));
    });
  });
}

/**
 * One Apollo client for the app; data masking on, so a component sees only its fragment.
 * Queries the network cannot answer are answered from the reports stored on the device.
 */
export function createApolloClient() {
  const client: ApolloClient = new ApolloClient({
    link: ApolloLink.from([
      sessionEndedLink(() => client),
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
  return client;
}
