/**
 * Whether the app is reading from the device, and which report it shows: the offline
 * banner's state. A tiny store for useSyncExternalStore.
 */
import { useSyncExternalStore } from 'react';

export interface OfflineState {
  online: boolean;
  /** The stored report the last answer came from; null once the network answers again. */
  servedFrom: { title: string; publishedAt: string | null } | null;
}

let state: OfflineState = { online: typeof navigator === 'undefined' || navigator.onLine, servedFrom: null };
const listeners = new Set<() => void>();

function update(next: Partial<OfflineState>) {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

export const servedFromDevice = (report: OfflineState['servedFrom']) =>
  update({ online: false, servedFrom: report ?? state.servedFrom });
export const answeredByNetwork = () => state.online || update({ online: true, servedFrom: null });

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => update({ online: true }));
  window.addEventListener('offline', () => update({ online: false }));
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const useOfflineState = () => useSyncExternalStore(subscribe, () => state);
