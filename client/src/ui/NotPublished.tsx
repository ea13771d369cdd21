import { CombinedGraphQLErrors, type ErrorLike } from '@apollo/client';
import { Link, useLocation, useSearch } from 'wouter';

/**
 * Whether the server refused because nothing published shows this: without signing in only
 * the published reports are readable (UNAUTHENTICATED; with PUBLIC_REPORTS=false, anything),
 * and someone of another kommun reads them too (FORBIDDEN).
 */
export function refusalOf(error: ErrorLike | undefined): 'sign-in' | 'other-kommun' | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const codes = error.errors.map((e) => e.extensions?.code);
  if (codes.includes('UNAUTHENTICATED')) return 'sign-in';
  if (codes.includes('FORBIDDEN')) return 'other-kommun';
  return null;
}

/** What is not published yet, and the way in: signing in, then back here. */
export function NotPublished({ refusal = 'sign-in' }: { refusal?: 'sign-in' | 'other-kommun' }) {
  const [path] = useLocation();
  const search = useSearch();
  const here = search ? `${path}?${search}` : path;
  return (
    <div role="status" className="not-published">
      <h2>Inte publicerad ännu</h2>
      {refusal === 'sign-in' ? (
        <p>
          Uppföljningen här ingår inte i någon publicerad rapport.{' '}
          <Link href={`/logga-in?till=${encodeURIComponent(here)}`}>Logga in för att läsa</Link>.
        </p>
      ) : (
        <p>Uppföljningen här ingår inte i någon publicerad rapport och hör till en annan kommun.</p>
      )}
      <p>
        <Link href="/">Till startsidan</Link>
      </p>
    </div>
  );
}
