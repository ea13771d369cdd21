import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 12, imports of thousands of rows: a published report's refusal of added rows is
 * asked once per statement instead of once per row. The row triggers of Migration20261201140000
 * and Migration20261201170000 called frozen_by_published_report for every inserted
 * follow-up, value and unit version: 0.12 ms a row, over a second for an import's 10 000
 * rows, nearly all of them into a period no report is published for.
 *
 * The row triggers now guard UPDATE and DELETE only (as before, moving a row into a
 * published report counts as adding to it). Additions are judged by a statement trigger
 * over the statement's new rows: when none of them belongs to a period with a published
 * report (an indicator value: to an indicator followed up in one), nothing more is asked;
 * otherwise each new row meets the same rule as before. Same refusal, same SQLSTATE UF001.
 */
/** Listed again, not imported: a migration never changes once applied. */
const additionTables = [
  'assignment_follow_up',
  'goal_follow_up',
  'indicator_follow_up',
  'indicator_value',
  'economy_table',
  'economy_line',
  'investment',
  'sick_leave',
  'staff_turnover',
  'internal_control',
  'org_unit_version',
];

export class Migration20261201190000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create function "refuse_addition_shown_in_published_report"() returns trigger
      language plpgsql set search_path = public, pg_temp as $$
      begin
        -- The periods the new rows belong to; the rule is asked only where one of them has
        -- a published report.
        if tg_table_name = 'indicator_value' then
          if not exists (select 1 from added v join indicator_follow_up f on f.indicator_id = v.indicator_id
                           join report r on r.period_id = f.period_id and r.status = 'published') then
            return null;
          end if;
        elsif tg_table_name = 'economy_line' then
          if not exists (select 1 from added l join economy_table t on t.id = l.table_id
                           join report r on r.period_id = t.period_id and r.status = 'published') then
            return null;
          end if;
        elsif not exists (select 1 from report r where r.status = 'published'
                            and r.period_id in (select (to_jsonb(a) ->> 'period_id')::int from added a)) then
          return null;
        end if;
        if exists (select 1 from added a
                    where frozen_by_published_report(tg_table_name, to_jsonb(a) || jsonb_build_object('tg_op', 'INSERT'))) then
          raise exception 'En publicerad rapport kan inte få nya rader i %. Ändringar görs i arbetsperioden.', tg_table_name
            using errcode = 'UF001';
        end if;
        return null;
      end $$;`);
    for (const table of additionTables) {
      this.addSql(`drop trigger "${table}_published_is_final" on "${table}";`);
      this.addSql(
        `create trigger "${table}_published_is_final" before update or delete on "${table}" for each row execute function "refuse_change_shown_in_published_report"('and-additions');`,
      );
      this.addSql(
        `create trigger "${table}_published_no_additions" after insert on "${table}" referencing new table as added for each statement execute function "refuse_addition_shown_in_published_report"();`,
      );
    }
  }

  override async down(): Promise<void> {
    for (const table of additionTables) {
      this.addSql(`drop trigger if exists "${table}_published_no_additions" on "${table}";`);
      this.addSql(`drop trigger if exists "${table}_published_is_final" on "${table}";`);
      this.addSql(
        `create trigger "${table}_published_is_final" before insert or update or delete on "${table}" for each row execute function "refuse_change_shown_in_published_report"('and-additions');`,
      );
    }
    this.addSql(`drop function if exists "refuse_addition_shown_in_published_report"();`);
  }
}
