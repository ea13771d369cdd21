/**
 * The administratör's list of the kommun's users, where a user is added, or disabled (signed
 * out at once, refused at sign-in) or enabled again, each after a confirmation. An `edit-` chunk.
 */
import { CombinedGraphQLErrors } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { graphql } from '../../gql';
import { dateTime } from '../../ui/format';
import { roleLabel } from '../../ui/labels';
import { useViewer } from '../session/useViewer';
import { NewUserForm } from './NewUserForm';

const KommunUsersQuery = graphql(`
  query KommunUsers {
    kommunUsers {
      id
      name
      email
      role
      disabledAt
      disabledBy
    }
  }
`);

// Each asks back what the list shows, so the cache (normalised by id) updates the row.
graphql(`
  fragment UserAccountState on UserAccount {
    id
    disabledAt
    disabledBy
  }
`);

const DisableUserMutation = graphql(`
  mutation DisableUser($id: ID!) {
    disableUser(id: $id) {
      __typename
      ...UserAccountState @unmask
      ...FieldErrors @unmask
    }
  }
`);

const EnableUserMutation = graphql(`
  mutation EnableUser($id: ID!) {
    enableUser(id: $id) {
      __typename
      ...UserAccountState @unmask
      ...FieldErrors @unmask
    }
  }
`);

interface Pending {
  id: string;
  name: string;
  disable: boolean;
}

export default function UsersPage() {
  const viewer = useViewer();
  const isAdmin = viewer?.role === 'ADMINISTRATOR';
  const { data, error, refetch } = useQuery(KommunUsersQuery, {
    skip: !isAdmin,
    fetchPolicy: 'cache-and-network',
  });
  const [disableUser] = useMutation(DisableUserMutation);
  const [enableUser] = useMutation(EnableUserMutation);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; failed: boolean }>();
  const dialog = useRef<HTMLDialogElement>(null);
  /** The button the confirmation was opened from: focus returns there. */
  const opener = useRef<HTMLButtonElement | null>(null);
  const status = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (pending) dialog.current?.showModal();
  }, [pending]);
  // The row's button changed its words: the outcome is said where focus goes.
  useEffect(() => {
    if (message) status.current?.focus();
  }, [message]);

  function close() {
    dialog.current?.close();
    setPending(null);
  }

  if (viewer === undefined) return <p aria-live="polite">Laddar…</p>;
  if (!isAdmin) {
    return (
      <main>
        <h1>Användare</h1>
        {viewer ? (
          <p>Bara en administratör kan se och ändra användarna.</p>
        ) : (
          <p>
            <Link href={`/logga-in?till=${encodeURIComponent('/anvandare')}`}>Logga in</Link> som
            administratör för att se användarna.
          </p>
        )}
      </main>
    );
  }

  async function confirm() {
    if (!pending) return;
    setBusy(true);
    const variables = { id: pending.id };
    let text: string;
    let failed = true;
    try {
      const result = pending.disable
        ? (await disableUser({ variables })).data?.disableUser
        : (await enableUser({ variables })).data?.enableUser;
      if (result?.__typename === 'ValidationError') {
        text = result.fieldErrors.map((e) => e.message).join(' ') || result.message;
      } else {
        failed = false;
        text = pending.disable
          ? `${pending.name} är avstängd och har loggats ut.`
          : `${pending.name} kan logga in igen.`;
      }
    } catch (e) {
      text = CombinedGraphQLErrors.is(e)
        ? (e.errors[0]?.message ?? 'Det gick inte.')
        : 'Det gick inte att nå servern. Inget ändrades; försök igen.';
    }
    setBusy(false);
    close();
    setMessage({ text, failed });
  }

  function cancel() {
    close();
    opener.current?.focus();
  }

  return (
    <main className="users-page">
      <h1>Användare</h1>
      <p>
        Användarna i {viewer.kommun.name}. En avstängd användare loggas ut direkt och kan inte logga in förrän
        kontot aktiveras igen.
      </p>
      <p ref={status} tabIndex={-1} role="status" className={message?.failed ? 'error' : undefined}>
        {message?.text}
      </p>
      {error && !data && <p role="alert">Det gick inte att hämta användarna.</p>}
      {data && (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Användare</caption>
            <thead>
              <tr>
                <th scope="col">Namn</th>
                <th scope="col">E-post</th>
                <th scope="col">Roll</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Åtgärd</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.kommunUsers.map((user) => (
                <tr key={user.id} className={user.disabledAt ? 'disabled' : undefined}>
                  <th scope="row">{user.name}</th>
                  <td>{user.email}</td>
                  <td>{roleLabel[user.role]}</td>
                  <td>
                    {user.disabledAt
                      ? `Avstängd ${dateTime(user.disabledAt)}${user.disabledBy ? ` av ${user.disabledBy}` : ''}`
                      : 'Aktiv'}
                  </td>
                  <td>
                    {user.id === viewer.id ? (
                      <span className="muted">Du</span>
                    ) : (
                      <button
                        type="button"
                        className="button secondary"
                        aria-label={`${user.disabledAt ? 'Aktivera' : 'Stäng av'} ${user.name}`}
                        onClick={(event) => {
                          opener.current = event.currentTarget;
                          setMessage(undefined);
                          setPending({ id: user.id, name: user.name, disable: !user.disabledAt });
                        }}
                      >
                        {user.disabledAt ? 'Aktivera' : 'Stäng av'}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NewUserForm kommunId={viewer.kommun.id} onCreated={() => void refetch()} />
      {/* A modal dialog: focus stays inside until it is answered, Escape cancels. */}
      <dialog
        ref={dialog}
        className="confirm-dialog"
        aria-labelledby="confirm-question"
        onCancel={(event) => {
          event.preventDefault();
          if (!busy) cancel();
        }}
      >
        {pending && (
          <>
            <h2 id="confirm-question">
              {pending.disable ? `Stänga av ${pending.name}?` : `Aktivera ${pending.name}?`}
            </h2>
            <p>
              {pending.disable
                ? `${pending.name} loggas ut på alla enheter direkt och kan inte logga in förrän kontot aktiveras igen.`
                : `${pending.name} kan logga in igen med sitt lösenord.`}
            </p>
            <div className="actions">
              <button
                type="button"
                className={pending.disable ? 'button danger' : 'button'}
                disabled={busy}
                onClick={() => void confirm()}
              >
                {pending.disable ? 'Stäng av' : 'Aktivera'}
              </button>
              <button type="button" className="button secondary" disabled={busy} onClick={cancel}>
                Avbryt
              </button>
            </div>
          </>
        )}
      </dialog>
    </main>
  );
}
