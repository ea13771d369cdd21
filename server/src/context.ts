import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';

/**
 * What every resolver gets for one request: its own EntityManager fork (its own identity
 * map), and a memo for what the request has loaded already, so that one unit's goals,
 * assignments and economy are read once even when several fields (the lists, the summary,
 * the off-track list) need them. Nothing here outlives the request.
 */
export interface RequestContext {
  em: EntityManager;
  requestId: string;
  log: Logger;
  memo<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** A DataLoader made once per request: loads asked for in one tick become one query. */
  loader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V>;
}

export function createRequestContext(em: EntityManager, requestId: string, log: Logger): RequestContext {
  const cache = new Map<string, Promise<unknown>>();
  const loaders = new Map<string, DataLoader<unknown, unknown>>();
  return {
    em: em.fork(),
    requestId,
    log: log.child({ requestId }),
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
