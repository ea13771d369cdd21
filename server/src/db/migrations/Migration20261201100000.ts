import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 10, the economy figures as the sources print them: the month columns of a monthly
 * follow-up, the subtotals a table prints between its lines, and a note on how an
 * investment's cells were read. Investment category lines no longer store amounts (they are
 * the sums of their projects), and outlays are costs, so negative: the seed reload writes
 * both, so existing rows are left to it.
 */
export class Migration20261201100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "economy_table" add column "month_label" varchar(60) null, add column "subtotals" jsonb null;`,
    );
    this.addSql(
      `alter table "economy_line" add column "budget_month" bigint null, add column "outcome_month" bigint null;`,
    );
    this.addSql(`alter table "investment" add column "note" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "investment" drop column "note";`);
    this.addSql(`alter table "economy_line" drop column "budget_month", drop column "outcome_month";`);
    this.addSql(`alter table "economy_table" drop column "month_label", drop column "subtotals";`);
  }
}
