import type { ErrorLike } from '@apollo/client';
import { Link } from 'wouter';
import { NotFound } from '../features/not-found/NotFound';
import { NotPublished, refusalOf } from './NotPublished';

/**
 * Loading, a failed request with a retry, a Swedish 404 for an id that does not exist, what
 * is not published yet (with the way to sign in), or, offline, a plain word that this was
 * never downloaded to the device.
 */
export function QueryState(props: {
  loading: boolean;
  error?: ErrorLike;
  retry: () => void;
  notFound?: boolean;
}) {
  if (props.loading) return <p aria-live="polite">Laddar…</p>;
  if (props.error?.name === 'NotDownloadedError') {
    return (
      <div role="alert" className="not-downloaded">
        <h1>Inte nedladdad</h1>
        <p>
          Enheten är offline och det här har aldrig laddats ner hit. Den senaste rapporten för varje enhet du
          öppnar sparas för läsning utan uppkoppling, liksom rapporter du sparar med ”Spara för offline”.
        </p>
        <p>
          <Link href="/">Till startsidan</Link>
        </p>
      </div>
    );
  }
  const refusal = refusalOf(props.error);
  if (refusal) return <NotPublished refusal={refusal} />;
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
