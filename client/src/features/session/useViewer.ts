import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';

export const ViewerQuery = graphql(`
  query Viewer {
    me {
      id
      name
      email
      role
      kommun {
        id
        name
      }
      units {
        id
        name
      }
    }
  }
`);

/**
 * The signed-in person, or null for a public reader (also when the server cannot be
 * reached); undefined until the first answer, so no one sees "Logga in" flash by.
 * Signing in or out resets the Apollo store, which refetches this query.
 */
export function useViewer() {
  const { data, loading } = useQuery(ViewerQuery, { fetchPolicy: 'cache-first' });
  if (loading && !data) return undefined;
  return data?.me ?? null;
}
