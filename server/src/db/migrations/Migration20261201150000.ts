import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 11, accounts: an administratör can disable a user (and who did it is kept), and a
 * person sees their own sessions by device and last use.
 */
export class Migration20261201150000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "app_user" add column "disabled_at" timestamptz null, add column "disabled_by_id" int null;`,
    );
    this.addSql(
      `alter table "app_user" add constraint "app_user_disabled_by_id_foreign" foreign key ("disabled_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "session" add column "last_used_at" timestamptz not null default current_timestamp, add column "device" varchar(100) not null default '';`,
    );
    // Sessions from before: last used, as far as is known, when they began.
    this.addSql(`update "session" set "last_used_at" = "created_at";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "app_user" drop constraint "app_user_disabled_by_id_foreign";`);
    this.addSql(`alter table "app_user" drop column "disabled_at", drop column "disabled_by_id";`);
    this.addSql(`alter table "session" drop column "last_used_at", drop column "device";`);
  }
}
