/**
 * Sends the edits waiting in the outbox, oldest first, each with its idempotency key: an
 * edit whose answer was lost is sent again and the server recognises it. Stops at the first
 * that cannot reach the server; the rest wait for the next chance.
 */
import type { ApolloClient } from '@apollo/client';
import { loadOutbox, putEdit, removeEdit, type OutboxEdit } from '../../pwa/outbox';
import { editKinds, type EditableTypename } from './edit-kinds';
import { isUnreachable } from '../../pwa/unreachable';
import { failureMessage } from './edit-failure';

interface EditAnswer {
  __typename: string;
  message?: string;
  fieldErrors?: { message: string }[];
}

async function send(client: ApolloClient, edit: OutboxEdit): Promise<'sent' | 'unreachable'> {
  const kind = editKinds[edit.typename as EditableTypename];
  let answer: EditAnswer;
  try {
    const { data } = await client.mutate({
      mutation: kind.document,
      variables: { input: { ...edit.input, idempotencyKey: edit.key } },
    });
    answer = Object.values(data ?? {})[0] as EditAnswer;
  } catch (error) {
    if (isUnreachable(error)) return 'unreachable';
    // Refused (no longer allowed, published meanwhile, signed out): kept for the editor to read.
    await putEdit({ ...edit, state: 'refused', problem: failureMessage(error) });
    return 'sent';
  }
  if (answer.__typename === 'VersionConflict') {
    await putEdit({ ...edit, state: 'conflict', problem: answer.message });
  } else if (answer.__typename === 'ValidationError') {
    const details = answer.fieldErrors?.map((e) => e.message).join(' ') ?? '';
    await putEdit({ ...edit, state: 'refused', problem: `${answer.message} ${details}`.trim() });
  } else {
    await removeEdit(edit.key);
  }
  return 'sent';
}

let sending: Promise<void> | null = null;

export function sendOutbox(client: ApolloClient): Promise<void> {
  sending ??= (async () => {
    for (const edit of await loadOutbox()) {
      if (edit.state !== 'pending') continue;
      if ((await send(client, edit)) === 'unreachable') break;
    }
    // Pages read from the device while offline now show what the server has.
    await client.refetchQueries({ include: 'active' }).catch(() => undefined);
  })().finally(() => (sending = null));
  return sending;
}
