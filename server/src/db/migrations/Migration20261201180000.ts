import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 13, economy from the ledger: the kommun's mapping of its ledger export (settings,
 * kostnadsställen to units, accounts to kontogrupper) and the files imported into a period.
 */
export class Migration20261201180000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "ledger_mapping" ("id" serial primary key, "kommun_id" int not null, "delimiter" varchar(2) not null, "decimal_comma" boolean not null, "scale" text check ("scale" in ('kr', 'tkr')) not null, "sign_convention" text check ("sign_convention" in ('costsPositive', 'costsNegative')) not null, "columns" jsonb not null, "updated_at" timestamptz not null default current_timestamp);`,
    );
    this.addSql(
      `alter table "ledger_mapping" add constraint "ledger_mapping_kommun_id_unique" unique ("kommun_id");`,
    );
    this.addSql(
      `create table "ledger_cost_centre" ("id" serial primary key, "kommun_id" int not null, "code" varchar(40) not null, "unit_id" int not null);`,
    );
    this.addSql(
      `alter table "ledger_cost_centre" add constraint "ledger_cost_centre_kommun_id_code_unique" unique ("kommun_id", "code");`,
    );
    this.addSql(
      `create table "ledger_account_group" ("id" serial primary key, "kommun_id" int not null, "account" varchar(20) not null, "account_group" varchar(80) not null);`,
    );
    this.addSql(
      `alter table "ledger_account_group" add constraint "ledger_account_group_kommun_id_account_unique" unique ("kommun_id", "account");`,
    );
    this.addSql(
      `create table "ledger_import" ("id" serial primary key, "period_id" int not null, "file_name" varchar(200) not null, "file_hash" varchar(64) not null, "format" varchar(10) not null, "imported_at" timestamptz not null default current_timestamp, "imported_by_id" int null);`,
    );
    this.addSql(`create index "ledger_import_period_id_index" on "ledger_import" ("period_id");`);
    this.addSql(
      `alter table "ledger_mapping" add constraint "ledger_mapping_kommun_id_foreign" foreign key ("kommun_id") references "kommun" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "ledger_cost_centre" add constraint "ledger_cost_centre_kommun_id_foreign" foreign key ("kommun_id") references "kommun" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "ledger_cost_centre" add constraint "ledger_cost_centre_unit_id_foreign" foreign key ("unit_id") references "org_unit" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "ledger_account_group" add constraint "ledger_account_group_kommun_id_foreign" foreign key ("kommun_id") references "kommun" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "ledger_import" add constraint "ledger_import_period_id_foreign" foreign key ("period_id") references "period" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "ledger_import" add constraint "ledger_import_imported_by_id_foreign" foreign key ("imported_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "ledger_import" cascade;`);
    this.addSql(`drop table if exists "ledger_account_group" cascade;`);
    this.addSql(`drop table if exists "ledger_cost_centre" cascade;`);
    this.addSql(`drop table if exists "ledger_mapping" cascade;`);
  }
}
