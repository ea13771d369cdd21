import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';

const StartQuery = graphql(`
  query Start {
    kommuner {
      id
      name
      koladaCode
    }
  }
`);

/** Choose a kommun. */
export function StartPage() {
  const { data, error, loading } = useQuery(StartQuery);
  if (loading && !data) return <p>Laddar…</p>;
  if (error && !data) return <p role="alert">Kunde inte hämta kommunerna. Försök igen.</p>;
  return (
    <main>
      <h1>Välj kommun</h1>
      <ul>
        {data?.kommuner.map((k) => (
          <li key={k.id}>{k.name}</li>
        ))}
      </ul>
    </main>
  );
}
