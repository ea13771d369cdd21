import type { ApolloClient } from '@apollo/client';
import { forgetEverything } from '../../pwa/offline-store';

/**
 * What the app does whenever its session ends: signing out, signing out everywhere, or
 * learning from the server that the session is gone (the account was disabled, or ended on
 * another device). Drops everything fetched while signed in and refetches the page as a
 * public reader; a page whose refetch fails shows that itself. What was stored for offline
 * reading was fetched as this person and may hold the working period, which is not public.
 */
export async function forgetSession(client: ApolloClient): Promise<void> {
  await forgetEverything();
  await client.resetStore().catch(() => undefined);
}
