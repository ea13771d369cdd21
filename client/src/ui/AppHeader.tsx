import { useApolloClient } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { forgetSession } from '../features/session/forget-session';
import { useViewer } from '../features/session/useViewer';
import { graphql } from '../gql';
import { roleLabel } from './labels';

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

/** The slim bar above every page: home, and who is signed in (or a way to sign in). */
export function AppHeader() {
  const viewer = useViewer();
  const client = useApolloClient();
  const [path] = useLocation();
  const search = useSearch();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const signInLink = useRef<HTMLAnchorElement>(null);
  const focusSignIn = useRef(false);

  // The "Logga ut" button vanishes on signing out; keyboard focus moves to what replaces it.
  useEffect(() => {
    if (viewer === null && focusSignIn.current) {
      focusSignIn.current = false;
      signInLink.current?.focus();
    }
  }, [viewer]);

  async function signOut() {
    setBusy(true);
    setFailed(false);
    try {
      await client.mutate({ mutation: SignOutMutation });
    } catch {
      setFailed(true);
      setBusy(false);
      return;
    }
    focusSignIn.current = true;
    await forgetSession(client);
    setBusy(false);
  }

  const here = search ? `${path}?${search}` : path;
  return (
    <header className="app-header">
      <div>
        <Link href="/" className="home">
          Uppföljning
        </Link>
        {viewer ? (
          <div className="account">
            <span>
              {viewer.name} <span className="muted">({roleLabel[viewer.role]})</span>
            </span>
            <Link href="/mitt-konto">Mitt konto</Link>
            {viewer.role === 'ADMINISTRATOR' && (
              <>
                <Link href="/anvandare">Användare</Link>
                <Link href="/organisation">Organisation</Link>
                <Link href="/import">Importera</Link>
                <Link href="/huvudbok">Huvudbok</Link>
                <Link href="/plan">Plan och perioder</Link>
              </>
            )}
            <button type="button" onClick={() => void signOut()} disabled={busy}>
              Logga ut
            </button>
            {failed && <span role="alert">Det gick inte att logga ut. Försök igen.</span>}
          </div>
        ) : (
          viewer === null &&
          path !== '/logga-in' && (
            <Link ref={signInLink} href={`/logga-in?till=${encodeURIComponent(here)}`}>
              Logga in
            </Link>
          )
        )}
      </div>
    </header>
  );
}
