import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 12, the plan of a year: an indicator's number of decimals as the kommun shows it,
 * and who decided an assignment and when ("KF", "Kommunstyrelsen"; the day of the decision).
 * All nullable: what the demo's sources do not say stays unknown.
 */
export class Migration20261201171000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "indicator" add column "decimals" smallint null;`);
    this.addSql(
      `alter table "assignment" add column "decided_by" varchar(60) null, add column "decided_on" date null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "indicator" drop column "decimals";`);
    this.addSql(`alter table "assignment" drop column "decided_by", drop column "decided_on";`);
  }
}
