import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 12, first start: the one-time token of the set-up page (at most one row, its hash).
 */
export class Migration20261201160000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "setup_token" ("slot" int not null, "token_hash" varchar(64) not null, "created_at" timestamptz not null default current_timestamp, constraint "setup_token_pkey" primary key ("slot"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "setup_token" cascade;`);
  }
}
