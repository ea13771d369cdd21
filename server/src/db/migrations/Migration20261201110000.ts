import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 10, source fidelity: the inriktningsmål an assignment is listed under is a fact of
 * each period's follow-up (goals change from one Mål och budget to the next), and a
 * follow-up holds the "Ny försenad tidplan" its period's report decided.
 */
export class Migration20261201110000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "assignment_follow_up" add column "goal_id" int null;`);
    this.addSql(
      `alter table "assignment_follow_up" add constraint "assignment_follow_up_goal_id_foreign" foreign key ("goal_id") references "goal" ("id") on update cascade on delete set null;`,
    );
    this.addSql(`create index "assignment_follow_up_goal_id_index" on "assignment_follow_up" ("goal_id");`);
    // Until now one goal served every period: each follow-up starts with it.
    this.addSql(`
      update "assignment_follow_up" f set "goal_id" = a."goal_id"
        from "assignment" a
       where a."id" = f."assignment_id" and a."goal_id" is not null;`);
    this.addSql(`alter table "assignment" drop constraint "assignment_goal_id_foreign";`);
    this.addSql(`drop index "assignment_goal_id_index";`);
    this.addSql(`alter table "assignment" drop column "goal_id";`);

    this.addSql(`alter table "assignment_follow_up" add column "new_timeline" text null;`);
    this.addSql(`alter table "assignment_follow_up" add column "new_due_date" date null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "assignment" add column "goal_id" int null;`);
    this.addSql(
      `alter table "assignment" add constraint "assignment_goal_id_foreign" foreign key ("goal_id") references "goal" ("id") on update cascade on delete set null;`,
    );
    this.addSql(`create index "assignment_goal_id_index" on "assignment" ("goal_id");`);
    // One goal per assignment again: the one of its latest follow-up.
    this.addSql(`
      update "assignment" a set "goal_id" = latest."goal_id"
        from (select distinct on (f."assignment_id") f."assignment_id", f."goal_id"
                from "assignment_follow_up" f join "period" p on p."id" = f."period_id"
               order by f."assignment_id", p."end_date" desc) latest
       where latest."assignment_id" = a."id";`);
    this.addSql(`alter table "assignment_follow_up" drop constraint "assignment_follow_up_goal_id_foreign";`);
    this.addSql(`alter table "assignment_follow_up" drop column "goal_id";`);
    this.addSql(`alter table "assignment_follow_up" drop column "new_timeline";`);
    this.addSql(`alter table "assignment_follow_up" drop column "new_due_date";`);
  }
}
