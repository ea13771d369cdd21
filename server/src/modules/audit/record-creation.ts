import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEntry } from './audit.entity.js';

/**
 * The audit row of something an administratör created (a user, a period, a kommun): no
 * `before`, and `after` as the record was made. Written in the caller's transaction.
 */
export function recordCreation(
  em: EntityManager,
  creation: {
    /** Null for what the demo data wrote. */
    by: number | null;
    entity: string;
    entityId: number;
    after: Record<string, unknown>;
    requestId?: string | null;
  },
): void {
  em.create(AuditEntry, {
    user: creation.by,
    entity: creation.entity,
    entityId: creation.entityId,
    action: 'create',
    before: null,
    after: creation.after,
    requestId: creation.requestId ?? null,
  });
}
