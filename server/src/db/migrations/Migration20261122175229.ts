import { Migration } from '@mikro-orm/migrations';

export class Migration20261122175229 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "kommun" ("id" serial primary key, "kolada_code" varchar(4) null, "key" varchar(80) not null, "name" varchar(200) not null);`,
    );
    this.addSql(`alter table "kommun" add constraint "kommun_kolada_code_unique" unique ("kolada_code");`);
    this.addSql(`alter table "kommun" add constraint "kommun_key_unique" unique ("key");`);

    this.addSql(
      `create table "goal_area" ("id" serial primary key, "kommun_id" int not null, "key" varchar(80) not null, "code" varchar(20) not null, "title" text not null, "agenda2030" smallint[] not null default '{}');`,
    );
    this.addSql(
      `alter table "goal_area" add constraint "goal_area_kommun_id_key_unique" unique ("kommun_id", "key");`,
    );

    this.addSql(
      `create table "goal" ("id" serial primary key, "kommun_id" int not null, "area_id" int not null, "key" varchar(80) not null, "code" varchar(20) not null, "title" text not null);`,
    );
    this.addSql(`create index "goal_area_id_index" on "goal" ("area_id");`);
    this.addSql(`alter table "goal" add constraint "goal_kommun_id_key_unique" unique ("kommun_id", "key");`);

    this.addSql(
      `create table "org_unit" ("id" serial primary key, "kommun_id" int not null, "parent_id" int null, "key" varchar(80) not null, "name" varchar(200) not null, "short_name" varchar(40) null, "kind" text check ("kind" in ('kommun', 'nämnd', 'kontor', 'avdelning', 'enhet', 'verksamhet')) not null, "path" varchar(400) not null default '', "position" int not null default 0);`,
    );
    this.addSql(`create index "org_unit_parent_id_index" on "org_unit" ("parent_id");`);
    this.addSql(`create index "org_unit_path_prefix" on "org_unit" ("path" text_pattern_ops);`);
    this.addSql(
      `alter table "org_unit" add constraint "org_unit_kommun_id_key_unique" unique ("kommun_id", "key");`,
    );

    this.addSql(
      `create table "indicator" ("id" serial primary key, "kommun_id" int not null, "goal_id" int not null, "key" varchar(80) not null, "name" text not null, "unit_of_measure" varchar(60) not null, "direction" text check ("direction" in ('higher', 'lower', 'none')) not null, "origin" text check ("origin" in ('KF', 'Nämnd')) not null, "responsible_unit_id" int not null, "kolada_kpi_id" varchar(10) null);`,
    );
    this.addSql(`create index "indicator_goal_id_index" on "indicator" ("goal_id");`);
    this.addSql(`create index "indicator_responsible_unit_id_index" on "indicator" ("responsible_unit_id");`);
    this.addSql(
      `alter table "indicator" add constraint "indicator_kommun_id_key_unique" unique ("kommun_id", "key");`,
    );

    this.addSql(
      `create table "indicator_value" ("id" serial primary key, "indicator_id" int not null, "kind" text check ("kind" in ('outcome', 'target')) not null, "year" smallint not null, "value" numeric(14,4) null, "preliminary" boolean not null default false, "label" varchar(40) null, "note" text null, "version" int not null default 1, "updated_at" timestamptz not null default current_timestamp);`,
    );
    this.addSql(
      `alter table "indicator_value" add constraint "indicator_value_indicator_id_kind_year_unique" unique ("indicator_id", "kind", "year");`,
    );

    this.addSql(
      `create table "assignment" ("id" serial primary key, "kommun_id" int not null, "key" varchar(80) not null, "kind" text check ("kind" in ('uppdrag', 'nämndinitiativ')) not null, "title" text not null, "goal_id" int null, "owner_unit_id" int not null, "responsible_unit_id" int null, "due_date" date null, "origin_year" smallint null, "successor_id" int null);`,
    );
    this.addSql(`create index "assignment_goal_id_index" on "assignment" ("goal_id");`);
    this.addSql(`create index "assignment_owner_unit_id_index" on "assignment" ("owner_unit_id");`);
    this.addSql(
      `create index "assignment_responsible_unit_id_index" on "assignment" ("responsible_unit_id");`,
    );
    this.addSql(
      `alter table "assignment" add constraint "assignment_kommun_id_key_unique" unique ("kommun_id", "key");`,
    );

    this.addSql(
      `create table "period" ("id" serial primary key, "kommun_id" int not null, "key" varchar(40) not null, "label" varchar(80) not null, "kind" text check ("kind" in ('år', 'delår', 'tertial', 'månad')) not null, "start_date" date not null, "end_date" date not null);`,
    );
    this.addSql(`create index "period_kommun_id_end_date_index" on "period" ("kommun_id", "end_date");`);
    this.addSql(
      `alter table "period" add constraint "period_kommun_id_key_unique" unique ("kommun_id", "key");`,
    );

    this.addSql(
      `create table "investment" ("id" serial primary key, "unit_id" int not null, "period_id" int not null, "key" varchar(80) not null, "parent_id" int null, "position" int not null, "project_number" varchar(40) null, "name" varchar(300) not null, "budget_total" bigint null, "forecast_total" bigint null, "outcome_accumulated" bigint null, "budget_year" bigint null, "forecast_year" bigint null, "outcome_year" bigint null, "outcome_previous_year" bigint null, "comment" text null);`,
    );
    this.addSql(
      `create index "investment_period_id_unit_id_index" on "investment" ("period_id", "unit_id");`,
    );
    this.addSql(
      `alter table "investment" add constraint "investment_unit_id_period_id_key_unique" unique ("unit_id", "period_id", "key");`,
    );

    this.addSql(
      `create table "internal_control" ("id" serial primary key, "unit_id" int not null, "period_id" int not null, "position" int not null, "risk" text not null, "description" text not null, "risk_value" smallint null, "follow_up" text null, "result" text null, "assessment" text null, "action" text null);`,
    );
    this.addSql(
      `create index "internal_control_period_id_unit_id_index" on "internal_control" ("period_id", "unit_id");`,
    );
    this.addSql(
      `alter table "internal_control" add constraint "internal_control_unit_id_period_id_position_unique" unique ("unit_id", "period_id", "position");`,
    );

    this.addSql(
      `create table "indicator_follow_up" ("id" serial primary key, "indicator_id" int not null, "unit_id" int not null, "period_id" int not null, "assessment" text check ("assessment" in ('Uppfyllt', 'Delvis uppfyllt', 'Ej uppfyllt', 'Ej bedömd')) null, "trend" text check ("trend" in ('Positiv', 'Negativ', 'Oförändrad', 'Ej utvärderad')) null, "comment" text null, "comment_date" date null, "version" int not null default 1, "updated_at" timestamptz not null default current_timestamp);`,
    );
    this.addSql(
      `create index "indicator_follow_up_unit_id_period_id_index" on "indicator_follow_up" ("unit_id", "period_id");`,
    );
    this.addSql(
      `alter table "indicator_follow_up" add constraint "indicator_follow_up_indicator_id_unit_id_period_id_unique" unique ("indicator_id", "unit_id", "period_id");`,
    );

    this.addSql(
      `create table "goal_follow_up" ("id" serial primary key, "goal_id" int not null, "unit_id" int not null, "period_id" int not null, "assessment" text check ("assessment" in ('Uppfyllt', 'Delvis uppfyllt', 'Ej uppfyllt', 'Ej bedömd')) not null, "trend" text check ("trend" in ('Positiv', 'Negativ', 'Oförändrad', 'Ej utvärderad')) null, "analysis" text null, "version" int not null default 1, "updated_at" timestamptz not null default current_timestamp);`,
    );
    this.addSql(
      `create index "goal_follow_up_unit_id_period_id_index" on "goal_follow_up" ("unit_id", "period_id");`,
    );
    this.addSql(
      `alter table "goal_follow_up" add constraint "goal_follow_up_goal_id_unit_id_period_id_unique" unique ("goal_id", "unit_id", "period_id");`,
    );

    this.addSql(
      `create table "economy_table" ("id" serial primary key, "unit_id" int not null, "period_id" int not null, "ledger" text check ("ledger" in ('drift', 'exploatering')) not null, "dimension" text check ("dimension" in ('unit', 'accountGroup')) not null, "forecast_label" varchar(60) null);`,
    );
    this.addSql(
      `create index "economy_table_period_id_unit_id_index" on "economy_table" ("period_id", "unit_id");`,
    );
    this.addSql(
      `alter table "economy_table" add constraint "economy_table_unit_id_period_id_ledger_dimension_unique" unique ("unit_id", "period_id", "ledger", "dimension");`,
    );

    this.addSql(
      `create table "economy_line" ("id" serial primary key, "table_id" int not null, "unit_id" int not null, "account_group" varchar(80) null, "part_of" varchar(80) null, "label" varchar(200) not null, "position" int not null, "budget_period" bigint null, "outcome_period" bigint null, "outcome_previous_year_period" bigint null, "budget_full_year" bigint null, "forecast_full_year" bigint null, "deviation_explanation" text null, "forecast_explanation" text null, "counts_in_total" boolean not null default true, "note" text null, "version" int not null default 1, "updated_at" timestamptz not null default current_timestamp);`,
    );
    this.addSql(`create index "economy_line_unit_id_index" on "economy_line" ("unit_id");`);
    this.addSql(
      `alter table "economy_line" add constraint "economy_line_table_id_position_unique" unique ("table_id", "position");`,
    );

    this.addSql(
      `create table "assignment_follow_up" ("id" serial primary key, "assignment_id" int not null, "period_id" int not null, "status" text check ("status" in ('Ej påbörjad', 'Påbörjad', 'Slutförd', 'Pausad', 'Kvarstående', 'Struken', 'Stängs och övergår i nytt uppdrag')) not null, "forecast" text check ("forecast" in ('Enligt plan', 'Avvikelse från plan')) null, "comment" text null, "comment_date" date null, "deviation_reason" text null, "version" int not null default 1, "updated_at" timestamptz not null default current_timestamp);`,
    );
    this.addSql(
      `create index "assignment_follow_up_period_id_index" on "assignment_follow_up" ("period_id");`,
    );
    this.addSql(
      `alter table "assignment_follow_up" add constraint "assignment_follow_up_assignment_id_period_id_unique" unique ("assignment_id", "period_id");`,
    );

    this.addSql(
      `create table "report" ("id" serial primary key, "kommun_id" int not null, "key" varchar(80) not null, "unit_id" int not null, "period_id" int not null, "type" text check ("type" in ('månadsuppföljning', 'tertialrapport', 'delårsrapport', 'verksamhetsberättelse', 'tjänsteskrivelse')) not null, "title" varchar(300) not null, "status" text check ("status" in ('draft', 'published')) not null default 'draft', "published_at" date null, "source" varchar(20) null);`,
    );
    this.addSql(`create index "report_unit_id_index" on "report" ("unit_id");`);
    this.addSql(
      `alter table "report" add constraint "report_kommun_id_key_unique" unique ("kommun_id", "key");`,
    );

    this.addSql(
      `create table "report_key_figure" ("id" serial primary key, "report_id" int not null, "position" int not null, "label" varchar(300) not null, "value" numeric(16,4) not null, "unit" varchar(20) not null);`,
    );
    this.addSql(
      `alter table "report_key_figure" add constraint "report_key_figure_report_id_position_unique" unique ("report_id", "position");`,
    );

    this.addSql(
      `create table "report_section" ("id" serial primary key, "report_id" int not null, "position" int not null, "heading" varchar(300) not null, "body" text not null, "version" int not null default 1, "updated_at" timestamptz not null default current_timestamp);`,
    );
    this.addSql(
      `alter table "report_section" add constraint "report_section_report_id_position_unique" unique ("report_id", "position");`,
    );

    this.addSql(
      `create table "sick_leave" ("id" serial primary key, "unit_id" int not null, "period_id" int not null, "position" int not null, "measured" varchar(40) not null, "group" varchar(60) not null, "scope" text check ("scope" in ('unit', 'kommun')) not null, "percent" numeric(6,2) null);`,
    );
    this.addSql(
      `create index "sick_leave_period_id_unit_id_index" on "sick_leave" ("period_id", "unit_id");`,
    );
    this.addSql(
      `alter table "sick_leave" add constraint "sick_leave_unit_id_period_id_position_unique" unique ("unit_id", "period_id", "position");`,
    );

    this.addSql(
      `create table "staff_turnover" ("id" serial primary key, "unit_id" int not null, "period_id" int not null, "position" int not null, "year" smallint not null, "kind" varchar(40) not null, "scope" text check ("scope" in ('unit', 'kommun')) not null, "percent" numeric(6,2) null);`,
    );
    this.addSql(
      `create index "staff_turnover_period_id_unit_id_index" on "staff_turnover" ("period_id", "unit_id");`,
    );
    this.addSql(
      `alter table "staff_turnover" add constraint "staff_turnover_unit_id_period_id_position_unique" unique ("unit_id", "period_id", "position");`,
    );

    this.addSql(
      `alter table "goal_area" add constraint "goal_area_kommun_id_foreign" foreign key ("kommun_id") references "kommun" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "goal" add constraint "goal_kommun_id_foreign" foreign key ("kommun_id") references "kommun" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "goal" add constraint "goal_area_id_foreign" foreign key ("area_id") references "goal_area" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "org_unit" add constraint "org_unit_kommun_id_foreign" foreign key ("kommun_id") references "kommun" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "org_unit" add constraint "org_unit_parent_id_foreign" foreign key ("parent_id") references "org_unit" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "indicator" add constraint "indicator_kommun_id_foreign" foreign key ("kommun_id") references "kommun" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "indicator" add constraint "indicator_goal_id_foreign" foreign key ("goal_id") references "goal" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "indicator" add constraint "indicator_responsible_unit_id_foreign" foreign key ("responsible_unit_id") references "org_unit" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "indicator_value" add constraint "indicator_value_indicator_id_foreign" foreign key ("indicator_id") references "indicator" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "assignment" add constraint "assignment_kommun_id_foreign" foreign key ("kommun_id") references "kommun" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "assignment" add constraint "assignment_goal_id_foreign" foreign key ("goal_id") references "goal" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "assignment" add constraint "assignment_owner_unit_id_foreign" foreign key ("owner_unit_id") references "org_unit" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "assignment" add constraint "assignment_responsible_unit_id_foreign" foreign key ("responsible_unit_id") references "org_unit" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "assignment" add constraint "assignment_successor_id_foreign" foreign key ("successor_id") references "assignment" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "period" add constraint "period_kommun_id_foreign" foreign key ("kommun_id") references "kommun" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "investment" add constraint "investment_unit_id_foreign" foreign key ("unit_id") references "org_unit" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "investment" add constraint "investment_period_id_foreign" foreign key ("period_id") references "period" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "investment" add constraint "investment_parent_id_foreign" foreign key ("parent_id") references "investment" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "internal_control" add constraint "internal_control_unit_id_foreign" foreign key ("unit_id") references "org_unit" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "internal_control" add constraint "internal_control_period_id_foreign" foreign key ("period_id") references "period" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "indicator_follow_up" add constraint "indicator_follow_up_indicator_id_foreign" foreign key ("indicator_id") references "indicator" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "indicator_follow_up" add constraint "indicator_follow_up_unit_id_foreign" foreign key ("unit_id") references "org_unit" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "indicator_follow_up" add constraint "indicator_follow_up_period_id_foreign" foreign key ("period_id") references "period" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "goal_follow_up" add constraint "goal_follow_up_goal_id_foreign" foreign key ("goal_id") references "goal" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "goal_follow_up" add constraint "goal_follow_up_unit_id_foreign" foreign key ("unit_id") references "org_unit" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "goal_follow_up" add constraint "goal_follow_up_period_id_foreign" foreign key ("period_id") references "period" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "economy_table" add constraint "economy_table_unit_id_foreign" foreign key ("unit_id") references "org_unit" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "economy_table" add constraint "economy_table_period_id_foreign" foreign key ("period_id") references "period" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "economy_line" add constraint "economy_line_table_id_foreign" foreign key ("table_id") references "economy_table" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "economy_line" add constraint "economy_line_unit_id_foreign" foreign key ("unit_id") references "org_unit" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "assignment_follow_up" add constraint "assignment_follow_up_assignment_id_foreign" foreign key ("assignment_id") references "assignment" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "assignment_follow_up" add constraint "assignment_follow_up_period_id_foreign" foreign key ("period_id") references "period" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "report" add constraint "report_kommun_id_foreign" foreign key ("kommun_id") references "kommun" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "report" add constraint "report_unit_id_foreign" foreign key ("unit_id") references "org_unit" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "report" add constraint "report_period_id_foreign" foreign key ("period_id") references "period" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "report_key_figure" add constraint "report_key_figure_report_id_foreign" foreign key ("report_id") references "report" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "report_section" add constraint "report_section_report_id_foreign" foreign key ("report_id") references "report" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "sick_leave" add constraint "sick_leave_unit_id_foreign" foreign key ("unit_id") references "org_unit" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "sick_leave" add constraint "sick_leave_period_id_foreign" foreign key ("period_id") references "period" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "staff_turnover" add constraint "staff_turnover_unit_id_foreign" foreign key ("unit_id") references "org_unit" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "staff_turnover" add constraint "staff_turnover_period_id_foreign" foreign key ("period_id") references "period" ("id") on update cascade;`,
    );
  }
}
