import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { User } from '../auth/user.entity.js';

/**
 * Every change to the follow-up data: who, what, before, after, when. Written in the same
 * transaction as the change, so there is never a change without its row or the reverse.
 * It is also the history of a comment: its earlier versions are the `before` values.
 */
export const AuditEntry = defineEntity({
  name: 'AuditEntry',
  tableName: 'audit_log',
  properties: {
    id: p.bigint('number').primary(),
    at: p
      .datetime()
      .defaultRaw('current_timestamp')
      .onCreate(() => new Date()),
    user: () => p.manyToOne(User).nullable(),
    /** The entity's name ("AssignmentFollowUp") and its id. */
    entity: p.string().length(60),
    entityId: p.integer(),
    action: p.enum(['create', 'update', 'delete']).length(10),
    before: p.json<Record<string, unknown>>().nullable(),
    after: p.json<Record<string, unknown>>().nullable(),
    requestId: p.string().length(64).nullable(),
    /**
     * The key a device sent with an edit it may send again (an offline outbox replaying):
     * unique, so the same edit is never applied twice.
     */
    idempotencyKey: p.string().length(64).nullable().unique(),
    /** SHA-256 of what the keyed edit asked for: the same key with other values is refused. */
    idempotencyPayload: p.string().length(64).nullable(),
  },
  indexes: [{ properties: ['entity', 'entityId', 'at'] }],
});
export type IAuditEntry = InferEntity<typeof AuditEntry>;
