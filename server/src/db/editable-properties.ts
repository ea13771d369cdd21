import { p } from '@mikro-orm/core';

/**
 * The properties every record that staff edit carries: a version for optimistic locking (a
 * stale edit is refused, never silently applied) and the time of the last change.
 */
export const editableProperties = () => ({
  version: p.integer().version(),
  updatedAt: p
    .datetime()
    .defaultRaw('current_timestamp')
    .onCreate(() => new Date())
    .onUpdate(() => new Date()),
});
