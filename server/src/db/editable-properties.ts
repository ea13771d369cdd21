import { p } from '@mikro-orm/core';
import { User } from '../modules/auth/user.entity.js';

/**
 * The properties every record that staff edit carries: a version for optimistic locking (a
 * stale edit is refused, never silently applied), and who changed it last and when.
 */
export const editableProperties = () => ({
  version: p.integer().version(),
  updatedAt: p
    .datetime()
    .defaultRaw('current_timestamp')
    .onCreate(() => new Date())
    .onUpdate(() => new Date()),
  /** Null for what the demo data or an import wrote. */
  updatedBy: () => p.manyToOne(User).nullable(),
});
