import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 11, sign-in throttling: one row per account and per client address, updated in
 * place by an atomic upsert, instead of a row per failure that was counted before and
 * written after the password check (so parallel guesses all got through).
 */
export class Migration20261201130000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "sign_in_throttle" ("kind" varchar(10) not null, "key" varchar(254) not null, "failures" int not null, "last_attempt_at" timestamptz not null, "next_attempt_at" timestamptz not null, constraint "sign_in_throttle_pkey" primary key ("kind", "key"));`,
    );
    this.addSql(
      `create index "sign_in_throttle_last_attempt_at_index" on "sign_in_throttle" ("last_attempt_at");`,
    );
    this.addSql(`drop table if exists "sign_in_failure" cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `create table "sign_in_failure" ("id" serial primary key, "email" varchar(254) not null, "address" varchar(64) not null, "at" timestamptz not null default current_timestamp);`,
    );
    this.addSql(`create index "sign_in_failure_email_index" on "sign_in_failure" ("email");`);
    this.addSql(`create index "sign_in_failure_address_index" on "sign_in_failure" ("address");`);
    this.addSql(`create index "sign_in_failure_at_index" on "sign_in_failure" ("at");`);
    this.addSql(`drop table if exists "sign_in_throttle" cascade;`);
  }
}
