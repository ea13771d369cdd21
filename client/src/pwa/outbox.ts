/**
 * Edits made without a connection wait here, on the device (IndexedDB), until they can be
 * sent: also after the app was closed. Each carries the version it was made from and an
 * idempotency key, so the server applies it once however often it arrives; a conflict or a
 * refusal stays here until the editor has dealt with it. Sending is edit-outbox.ts's job.
 */
import { useSyncExternalStore } from 'react';
import { createStore, del, set, values } from 'idb-keyval';

export interface OutboxEdit {
  /** Also the idempotency key the server sees. */
  key: string;
  typename: string;
  id: string;
  /** The mutation's input as it will be sent: id, version and the fields. */
  input: Record<string, unknown>;
  /** The form's values, to show and to edit again. */
  values: Record<string, string | number | null>;
  /** "Kommentar: …", for the pending notice. */
  summary: string;
  createdAt: string;
  state: 'pending' | 'conflict' | 'refused';
  /** Why it was not saved, in the server's words. */
  problem?: string;
}

const store = createStore('uppfoljning-outbox', 'edits');
let edits: OutboxEdit[] = [];
const listeners = new Set<() => void>();

function publish(next: OutboxEdit[]) {
  edits = next.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const listener of listeners) listener();
}

/** Reads the outbox into memory; the app calls it once at start. */
export async function loadOutbox(): Promise<OutboxEdit[]> {
  publish(await values<OutboxEdit>(store).catch(() => []));
  return edits;
}

export async function putEdit(edit: OutboxEdit): Promise<void> {
  await set(edit.key, edit, store);
  publish([...edits.filter((e) => e.key !== edit.key), edit]);
}

export async function removeEdit(key: string): Promise<void> {
  await del(key, store);
  publish(edits.filter((e) => e.key !== key));
}

export const outboxEdits = () => edits;

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const useOutbox = () => useSyncExternalStore(subscribe, outboxEdits);

/** The waiting edit of one record, if any. */
export const useOutboxEdit = (typename: string, id: string) =>
  useOutbox().find((e) => e.typename === typename && e.id === id);

/**
 * Sends what waits when the app starts and whenever the connection returns. The sending
 * code is loaded only when there is something to send.
 */
export function startOutbox(send: () => Promise<unknown>) {
  const flush = () => {
    if (navigator.onLine && edits.some((e) => e.state === 'pending')) void send();
  };
  window.addEventListener('online', flush);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && flush());
  void loadOutbox().then(flush);
}
