import { CombinedGraphQLErrors, type ErrorLike } from '@apollo/client';
import { Link, useSearch } from 'wouter';
import { NotFound, PeriodNotFound } from '../features/not-found/NotFound';
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
  const periodId = new URLSearchParams(useSearch()).get('period');
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
    // A bad link is answered as one, not blamed on the connection: the server's NOT_FOUND for
    // an id, or its refusal of a `?period=` that is not the unit's kommun's.
    const bad = badLink(props.error);
    if (bad === 'period' && periodId) return <PeriodNotFound periodId={periodId} />;
    if (bad && props.notFound) return <NotFound />;
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

/** Whether the server answered that the link names nothing: an id, or the period asked for. */
function badLink(error: ErrorLike): 'period' | 'id' | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  for (const e of error.errors) {
    const code = e.extensions?.code;
    if (code === 'BAD_USER_INPUT' && e.extensions?.field === 'periodId') return 'period';
    // A reading query's only input is the address: bad input there is an id that is no id.
    if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT') return 'id';
  }
  return null;
}
