import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * The one-time token that opens the set-up page while no kommun exists. One row at most
 * (`slot` is always 1), so a new start replaces the token instead of adding one; only its
 * SHA-256 is kept, so that every process of the installation accepts it and a copy of the
 * table does not open the page.
 */
export const SetupToken = defineEntity({
  name: 'SetupToken',
  tableName: 'setup_token',
  properties: {
    slot: p.integer().primary().autoincrement(false),
    tokenHash: p.string().length(64),
    createdAt: p
      .datetime()
      .defaultRaw('current_timestamp')
      .onCreate(() => new Date()),
  },
});
export type ISetupToken = InferEntity<typeof SetupToken>;
