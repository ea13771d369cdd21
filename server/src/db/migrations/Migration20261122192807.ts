import { Migration } from '@mikro-orm/migrations';

export class Migration20261122192807 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "sign_in_failure" ("id" serial primary key, "email" varchar(254) not null, "address" varchar(64) not null, "at" timestamptz not null default current_timestamp);`,
    );
    this.addSql(`create index "sign_in_failure_email_index" on "sign_in_failure" ("email");`);
    this.addSql(`create index "sign_in_failure_address_index" on "sign_in_failure" ("address");`);
    this.addSql(`create index "sign_in_failure_at_index" on "sign_in_failure" ("at");`);

    this.addSql(
      `create table "app_user" ("id" serial primary key, "kommun_id" int not null, "email" varchar(254) not null, "name" varchar(200) not null, "role" text check ("role" in ('läsare', 'redaktör', 'administratör')) not null, "password_hash" varchar(300) not null, "demo" boolean not null default false, "created_at" timestamptz not null default current_timestamp);`,
    );
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);

    this.addSql(
      `create table "session" ("id" serial primary key, "token_hash" varchar(64) not null, "user_id" int not null, "created_at" timestamptz not null default current_timestamp, "expires_at" timestamptz not null);`,
    );
    this.addSql(`alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "session_expires_at_index" on "session" ("expires_at");`);

    this.addSql(
      `create table "audit_log" ("id" bigserial primary key, "at" timestamptz not null default current_timestamp, "user_id" int null, "entity" varchar(60) not null, "entity_id" int not null, "action" text check ("action" in ('create', 'update', 'delete')) not null, "before" jsonb null, "after" jsonb null, "request_id" varchar(64) null);`,
    );
    this.addSql(
      `create index "audit_log_entity_entity_id_at_index" on "audit_log" ("entity", "entity_id", "at");`,
    );

    this.addSql(
      `create table "app_user_unit" ("user_id" int not null, "org_unit_id" int not null, constraint "app_user_unit_pkey" primary key ("user_id", "org_unit_id"));`,
    );

    this.addSql(
      `alter table "app_user" add constraint "app_user_kommun_id_foreign" foreign key ("kommun_id") references "kommun" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "audit_log" add constraint "audit_log_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "app_user_unit" add constraint "app_user_unit_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "app_user_unit" add constraint "app_user_unit_org_unit_id_foreign" foreign key ("org_unit_id") references "org_unit" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(`alter table "report_section" add column "updated_by_id" int null;`);
    this.addSql(
      `alter table "report_section" add constraint "report_section_updated_by_id_foreign" foreign key ("updated_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "indicator_value" add column "updated_by_id" int null;`);
    this.addSql(
      `alter table "indicator_value" add constraint "indicator_value_updated_by_id_foreign" foreign key ("updated_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "indicator_follow_up" add column "updated_by_id" int null;`);
    this.addSql(
      `alter table "indicator_follow_up" add constraint "indicator_follow_up_updated_by_id_foreign" foreign key ("updated_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "goal_follow_up" add column "updated_by_id" int null;`);
    this.addSql(
      `alter table "goal_follow_up" add constraint "goal_follow_up_updated_by_id_foreign" foreign key ("updated_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "economy_line" add column "updated_by_id" int null;`);
    this.addSql(
      `alter table "economy_line" add constraint "economy_line_updated_by_id_foreign" foreign key ("updated_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "assignment_follow_up" add column "updated_by_id" int null;`);
    this.addSql(
      `alter table "assignment_follow_up" add constraint "assignment_follow_up_updated_by_id_foreign" foreign key ("updated_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "session" drop constraint "session_user_id_foreign";`);

    this.addSql(`alter table "report_section" drop constraint "report_section_updated_by_id_foreign";`);

    this.addSql(`alter table "indicator_value" drop constraint "indicator_value_updated_by_id_foreign";`);

    this.addSql(
      `alter table "indicator_follow_up" drop constraint "indicator_follow_up_updated_by_id_foreign";`,
    );

    this.addSql(`alter table "goal_follow_up" drop constraint "goal_follow_up_updated_by_id_foreign";`);

    this.addSql(`alter table "economy_line" drop constraint "economy_line_updated_by_id_foreign";`);

    this.addSql(`alter table "audit_log" drop constraint "audit_log_user_id_foreign";`);

    this.addSql(
      `alter table "assignment_follow_up" drop constraint "assignment_follow_up_updated_by_id_foreign";`,
    );

    this.addSql(`alter table "app_user_unit" drop constraint "app_user_unit_user_id_foreign";`);

    this.addSql(`drop table if exists "sign_in_failure" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "session" cascade;`);

    this.addSql(`drop table if exists "audit_log" cascade;`);

    this.addSql(`drop table if exists "app_user_unit" cascade;`);

    this.addSql(`alter table "assignment_follow_up" drop column "updated_by_id";`);

    this.addSql(`alter table "economy_line" drop column "updated_by_id";`);

    this.addSql(`alter table "goal_follow_up" drop column "updated_by_id";`);

    this.addSql(`alter table "indicator_follow_up" drop column "updated_by_id";`);

    this.addSql(`alter table "indicator_value" drop column "updated_by_id";`);

    this.addSql(`alter table "report_section" drop column "updated_by_id";`);
  }
}
