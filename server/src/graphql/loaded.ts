import { wrap } from '@mikro-orm/core';

/**
 * A relation that the list queries populate is returned as it is; one that was not (a
 * detail page reaching further) is loaded on demand. Keeps resolvers one line long.
 */
export async function loaded<T extends object>(entity: T): Promise<T> {
  const wrapped = wrap(entity, true);
  if (wrapped.isInitialized()) return entity;
  await wrapped.init();
  return entity;
}

export async function loadedOrNull<T extends object>(entity: T | null | undefined): Promise<T | null> {
  return entity ? loaded(entity) : null;
}
