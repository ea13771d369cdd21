import { useQuery } from '@apollo/client/react';
import { Link } from 'wouter';
import { graphql } from '../../gql';
import { QueryState } from '../../ui/QueryState';
import { usePageTitle } from '../../ui/page-title';

const StartQuery = graphql(`
  query Start {
    kommuner {
      id
      name
      root {
        id
      }
    }
  }
`);

const REMEMBERED = 'uppfoljning.kommun';

/** Choose a kommun; the choice is remembered on the device for the next visit. */
export function StartPage() {
  const { data, error, loading, refetch } = useQuery(StartQuery);
  usePageTitle('');
  if (!data) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  const remembered = data.kommuner.find((k) => k.id === localStorage.getItem(REMEMBERED));
  return (
    <main>
      <h1>Uppföljning</h1>
      {remembered && (
        <p>
          <Link href={`/enhet/${remembered.root.id}`} className="button">
            Fortsätt till {remembered.name}
          </Link>
        </p>
      )}
      {data.kommuner.length === 0 ? (
        // A new installation, deployed without the demo data: no kommun until it is set up.
        <p>
          Ingen kommun är inställd ännu. Den som driftar tjänsten skapar den första med länken som servern
          skriver i sin logg vid start (/installera), eller med kommandot pnpm kommun:create.
        </p>
      ) : (
        <>
          <h2>Välj kommun</h2>
          <ul className="link-list">
            {data.kommuner.map((k) => (
              <li key={k.id}>
                <Link href={`/enhet/${k.root.id}`} onClick={() => localStorage.setItem(REMEMBERED, k.id)}>
                  {k.name}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}
