import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { IUser } from './modules/auth/user.entity.js';

/** How a resolver sets or clears the session cookie, whatever carries the request. */
export interface SessionCookie {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

/**
 * What every resolver gets for one request: its own EntityManager fork (its own identity
 * map), the signed-in person if any, and a memo for what the request has loaded already,
 * so that one unit's goals, assignments and economy are read once even when several fields
 * (the lists, the summary, the off-track list) need them. Nothing here outlives the request.
 */
export interface RequestContext {
  em: EntityManager;
  requestId: string;
  log: Logger;
  viewer: IUser | null;
  /** The client's address, for throttling failed sign-ins. */
  address: string;
  /** The browser's User-Agent header, described coarsely for a session made by signing in. */
  userAgent: string | undefined;
  /** NODE_ENV=production: the demo password is refused wherever a password is set. */
  production: boolean;
  sessionToken: string | undefined;
  cookie: SessionCookie;
  /** Whether published reports can be read without signing in (PUBLIC_REPORTS). */
  publicReports: boolean;
  memo<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** A DataLoader made once per request: loads asked for in one tick become one query. */
  loader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V>;
}

export interface RequestContextInput {
  em: EntityManager;
  requestId: string;
  log: Logger;
  viewer?: IUser | null;
  address?: string;
  userAgent?: string;
  production?: boolean;
  sessionToken?: string;
  cookie?: SessionCookie;
  publicReports?: boolean;
}

const noCookie: SessionCookie = { set: () => {}, clear: () => {} };

export function createRequestContext(input: RequestContextInput): RequestContext {
  const cache = new Map<string, Promise<unknown>>();
  const loaders = new Map<string, DataLoader<unknown, unknown>>();
  return {
    em: input.em.fork(),
    requestId: input.requestId,
    log: input.log.child({ requestId: input.requestId }),
    viewer: input.viewer ?? null,
    address: input.address ?? 'unknown',
    userAgent: input.userAgent,
    production: input.production ?? false,
    sessionToken: input.sessionToken,
    cookie: input.cookie ?? noCookie,
    publicReports: input.publicReports ?? true,
    memo<T>(key: string, load: () => Promise<T>): Promise<T> {
      let hit = cache.get(key) as Promise<T> | undefined;
      if (!hit) {
        hit = load();
        cache.set(key, hit);
      }
      return hit;
    },
    loader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
      let found = loaders.get(name) as DataLoader<K, V> | undefined;
      if (!found) {
        found = new DataLoader<K, V>(batch);
        loaders.set(name, found);
      }
      return found;
    },
  };
}
