import type { EntityManager } from '@mikro-orm/postgresql';
import { executeBound } from '../../db/bound-query.js';

/** One audit row of a batch: what was created (no `before`) or updated (the changed fields). */
export interface AuditChange {
  entity: string;
  entityId: number;
  action: 'create' | 'update';
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

/**
 * The audit rows of many changes in one statement, in the caller's transaction: a plan or an
 * import of thousands of rows is audited as edits are, at the cost of one insert.
 */
export async function recordChanges(
  em: EntityManager,
  by: { userId: number | null; requestId: string | null },
  changes: readonly AuditChange[],
): Promise<void> {
  if (changes.length === 0) return;
  await executeBound(
    em,
    `insert into audit_log (user_id, entity, entity_id, action, before, after, request_id)
     select ?, v.entity, v.entity_id, v.action, v.before, v.after, ?
       from jsonb_to_recordset(?::jsonb) as v(entity text, entity_id int, action text, before jsonb, after jsonb)`,
    [
      by.userId,
      by.requestId,
      JSON.stringify(
        changes.map((c) => ({
          entity: c.entity,
          entity_id: c.entityId,
          action: c.action,
          before: c.before,
          after: c.after,
        })),
      ),
    ],
  );
}
