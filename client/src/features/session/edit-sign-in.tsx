import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { graphql } from '../../gql';
import { useViewer } from './useViewer';

const SignInMutation = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      __typename
      ... on SignInError {
        message
        field
      }
    }
  }
`);

/**
 * Where to go after signing in: `till` if it is a path on this site, else the start page.
 * "//host" and "/\host" begin with "/" yet lead elsewhere, hence the origin check.
 */
function destination(till: string | null) {
  if (!till?.startsWith('/')) return '/';
  const url = new URL(till, location.origin);
  return url.origin === location.origin ? url.pathname + url.search + url.hash : '/';
}

/** Sign-in for redaktörer and administratörer; reading needs no account. */
export default function SignInPage() {
  const viewer = useViewer();
  const client = useApolloClient();
  const [, navigate] = useLocation();
  const target = destination(new URLSearchParams(useSearch()).get('till'));
  const [signIn] = useMutation(SignInMutation);
  // From submit until leaving the page, so the form does not turn into "Du är inloggad som"
  // while the store is reset.
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string | null }>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const input = (name: string) => form.elements.namedItem(name) as HTMLInputElement | null;
    setBusy(true);
    setError(undefined);
    let failure: { message: string; field?: string | null } | undefined;
    try {
      const { data } = await signIn({
        variables: { email: input('email')!.value, password: input('password')!.value },
      });
      if (data?.signIn.__typename === 'SignInError') failure = data.signIn;
    } catch {
      failure = { message: 'Det gick inte att nå servern. Kontrollera anslutningen och försök igen.' };
    }
    if (failure) {
      setError(failure);
      setBusy(false);
      // The disabled button lost focus: put it where the person retypes.
      input(failure.field ?? 'password')?.focus();
      return;
    }
    // Refetch everything with the new session: what was cached for a public reader may lack
    // what a signed-in person sees, and the header must learn who signed in.
    await client.resetStore().catch(() => undefined);
    navigate(target, { replace: true });
  }

  if (viewer && !busy) {
    return (
      <main>
        <h1>Logga in</h1>
        <p>Du är inloggad som {viewer.name}.</p>
        <p>
          <Link href={target}>{target === '/' ? 'Till startsidan' : 'Fortsätt till sidan du kom från'}</Link>
        </p>
      </main>
    );
  }

  const invalid = (field: string) =>
    error?.field === field ? { 'aria-invalid': true, 'aria-describedby': 'sign-in-error' } : {};
  return (
    <main>
      <h1>Logga in</h1>
      <p>För dig som rapporterar i uppföljningen. Att läsa kräver ingen inloggning.</p>
      {/* The server's Swedish messages replace the browser's own validation. */}
      <form className="sign-in" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="email">E-postadress</label>
        <input id="email" name="email" type="email" autoComplete="username" required {...invalid('email')} />
        <label htmlFor="password">Lösenord</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          {...invalid('password')}
        />
        {error && (
          <p id="sign-in-error" role="alert" className="error">
            {error.message}
          </p>
        )}
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Loggar in…' : 'Logga in'}
        </button>
      </form>
    </main>
  );
}
