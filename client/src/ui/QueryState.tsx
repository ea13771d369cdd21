import type { ErrorLike } from '@apollo/client';
import { NotFound } from '../features/not-found/NotFound';

/** Loading, a failed request with a retry, or a Swedish 404 for an id that does not exist. */
export function QueryState(props: {
  loading: boolean;
  error?: ErrorLike;
  retry: () => void;
  notFound?: boolean;
}) {
  if (props.loading) return <p aria-live="polite">Laddar…</p>;
  if (props.error) {
    const missing = /finns inte/.test(props.error.message);
    if (missing && props.notFound) return <NotFound />;
    return (
      <div role="alert">
        <p>Det gick inte att hämta uppgifterna. Kontrollera anslutningen och försök igen.</p>
        <button type="button" onClick={props.retry}>
          Försök igen
        </button>
      </div>
    );
  }
  return <NotFound />;
}
