/**
 * "Mitt konto": the signed-in person changes their password and sees where they are signed
 * in, and signs out there or everywhere. An `edit-` chunk: readers never download it.
 */
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { graphql } from '../../gql';
import { fieldErrors } from '../../ui/field-errors';
import { dateTime } from '../../ui/format';
import { roleLabel } from '../../ui/labels';
import { forgetSession } from '../session/forget-session';
import { useViewer } from '../session/useViewer';

const MySessionsQuery = graphql(`
  query MySessions {
    mySessions {
      id
      createdAt
      lastUsedAt
      device
      current
    }
  }
`);

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      __typename
      ... on PasswordChanged {
        endedSessions
      }
      ...FieldErrors @unmask
    }
  }
`);

const SignOutEverywhereMutation = graphql(`
  mutation SignOutEverywhere {
    signOutEverywhere
  }
`);

const SignOutSessionMutation = graphql(`
  mutation SignOutSession($id: ID!) {
    signOutSession(id: $id)
  }
`);

const UNREACHABLE = 'Det gick inte att nå servern. Kontrollera anslutningen och försök igen.';

export default function AccountPage() {
  const viewer = useViewer();
  // Kept across the store's reset, which turns the viewer into a public reader.
  const [signedOutEverywhere, setSignedOutEverywhere] = useState(false);
  const notice = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (signedOutEverywhere && viewer === null) notice.current?.focus();
  }, [signedOutEverywhere, viewer]);

  if (viewer === undefined) return <p aria-live="polite">Laddar…</p>;
  if (viewer === null) {
    return (
      <main>
        <h1>Mitt konto</h1>
        {signedOutEverywhere ? (
          <p ref={notice} tabIndex={-1} role="status">
            Du är nu utloggad på alla enheter.
          </p>
        ) : (
          <p>Du är inte inloggad.</p>
        )}
        <p>
          <Link href={`/logga-in?till=${encodeURIComponent('/mitt-konto')}`}>Logga in</Link>
        </p>
      </main>
    );
  }
  return (
    <main className="account-page">
      <h1>Mitt konto</h1>
      <p>
        {viewer.name}, {viewer.email}
        <br />
        <span className="muted">
          {roleLabel[viewer.role]} i {viewer.kommun.name}
        </span>
      </p>
      <ChangePasswordForm />
      <Sessions onSignedOutEverywhere={() => setSignedOutEverywhere(true)} />
    </main>
  );
}

type Problems = Partial<Record<'currentPassword' | 'newPassword' | 'repeated' | 'form', string>>;

function ChangePasswordForm() {
  const [change] = useMutation(ChangePasswordMutation, { refetchQueries: [MySessionsQuery] });
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  const [done, setDone] = useState<string>();
  const status = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done) status.current?.focus();
  }, [done]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const input = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
    const show = (found: Problems) => {
      setProblems(found);
      const first = (['currentPassword', 'newPassword', 'repeated'] as const).find((f) => found[f]);
      if (first) input(first).focus();
    };
    setDone(undefined);
    if (input('newPassword').value !== input('repeated').value) {
      show({ repeated: 'Det upprepade lösenordet är inte samma som det nya.' });
      return;
    }
    setBusy(true);
    try {
      const { data } = await change({
        variables: {
          currentPassword: input('currentPassword').value,
          newPassword: input('newPassword').value,
        },
      });
      const result = data?.changePassword;
      if (result?.__typename === 'ValidationError') {
        const found: Problems = {};
        for (const e of result.fieldErrors) found[e.field as keyof Problems] = e.message;
        show(Object.keys(found).length ? found : { form: result.message });
      } else if (result?.__typename === 'PasswordChanged') {
        setProblems({});
        form.reset();
        const others = result.endedSessions;
        setDone(
          others === 0
            ? 'Lösenordet är bytt.'
            : `Lösenordet är bytt. Du loggades ut på ${others === 1 ? '1 annan enhet' : `${others} andra enheter`}.`,
        );
      }
    } catch {
      show({ form: UNREACHABLE });
    } finally {
      setBusy(false);
    }
  }

  const { described, fieldError } = fieldErrors<keyof Problems>(problems);
  return (
    <section aria-labelledby="change-password">
      <h2 id="change-password">Byt lösenord</h2>
      {/* The server's Swedish messages replace the browser's own validation. */}
      <form className="sign-in" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="currentPassword">Nuvarande lösenord</label>
        <input
          id="currentPassword"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          {...described('currentPassword')}
        />
        {fieldError('currentPassword')}
        <label htmlFor="newPassword">Nytt lösenord</label>
        <input
          id="newPassword"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          {...described('newPassword')}
        />
        {fieldError('newPassword')}
        <label htmlFor="repeated">Upprepa det nya lösenordet</label>
        <input
          id="repeated"
          name="repeated"
          type="password"
          autoComplete="new-password"
          {...described('repeated')}
        />
        {fieldError('repeated')}
        {problems.form && (
          <p role="alert" className="error">
            {problems.form}
          </p>
        )}
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Byter lösenord…' : 'Byt lösenord'}
        </button>
      </form>
      {done && (
        <p ref={status} tabIndex={-1} role="status">
          {done}
        </p>
      )}
    </section>
  );
}

function Sessions({ onSignedOutEverywhere }: { onSignedOutEverywhere: () => void }) {
  const client = useApolloClient();
  const { data, error, refetch } = useQuery(MySessionsQuery, { fetchPolicy: 'cache-and-network' });
  const [signOutEverywhere] = useMutation(SignOutEverywhereMutation);
  const [signOutSession] = useMutation(SignOutSessionMutation);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  async function everywhere() {
    setBusy(true);
    setFailure('');
    try {
      await signOutEverywhere();
    } catch {
      setFailure(UNREACHABLE);
      setBusy(false);
      return;
    }
    onSignedOutEverywhere();
    await forgetSession(client);
  }

  async function one(id: string, current: boolean) {
    setBusy(true);
    setFailure('');
    try {
      await signOutSession({ variables: { id } });
    } catch {
      setFailure(UNREACHABLE);
      setBusy(false);
      return;
    }
    if (current) {
      await forgetSession(client);
      return;
    }
    await refetch().catch(() => undefined);
    setBusy(false);
    // The button pressed is gone with its row.
    heading.current?.focus();
  }

  return (
    <section aria-labelledby="sessions">
      <h2 id="sessions" ref={heading} tabIndex={-1}>
        Inloggad på
      </h2>
      {error && !data && <p role="alert">Det gick inte att hämta dina inloggningar.</p>}
      {data && (
        <ul className="sessions">
          {data.mySessions.map((s) => (
            <li key={s.id}>
              <div>
                <strong>{s.device}</strong>
                {s.current && ' (den här enheten)'}
                <br />
                <span className="muted">
                  Inloggad {dateTime(s.createdAt)}, senast använd {dateTime(s.lastUsedAt)}
                </span>
              </div>
              <button
                type="button"
                className="button secondary"
                disabled={busy}
                aria-label={`Logga ut ${s.current ? 'den här enheten' : `${s.device}, inloggad ${dateTime(s.createdAt)}`}`}
                onClick={() => void one(s.id, s.current)}
              >
                Logga ut
              </button>
            </li>
          ))}
        </ul>
      )}
      {failure && <p role="alert">{failure}</p>}
      <button type="button" className="button" disabled={busy} onClick={() => void everywhere()}>
        Logga ut överallt
      </button>
    </section>
  );
}
