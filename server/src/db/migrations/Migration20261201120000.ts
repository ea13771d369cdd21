import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 11, idempotency: an edit's key is kept with a digest of what the edit asked for, so
 * a key sent again with a different text is refused instead of answered as saved. Rows
 * written before have none and are answered as before.
 */
export class Migration20261201120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "audit_log" add column "idempotency_payload" varchar(64) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "audit_log" drop column "idempotency_payload";`);
  }
}
