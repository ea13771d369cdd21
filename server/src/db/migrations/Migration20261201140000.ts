import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 11, unchangeable in the database too: every row a published report shows refuses
 * UPDATE, DELETE and TRUNCATE whoever sends them, and the audit log is append-only. The
 * rule is the app's own (editing/edit-access.ts): a record of a period is shown by a
 * published report when one of its units is, or lies below, the unit of a report published
 * for that period. An UPDATE that changes nothing passes (an idempotent seed reload).
 *
 * Errors carry SQLSTATE UF001 (db/published-sqlstate.ts; the literal is repeated here, as a
 * migration must never change once applied). Every function pins its search_path with
 * pg_temp last, so a temporary table named like one of ours cannot stand in for it.
 */

/** The follow-up data of a period: frozen with the period's published reports. */
const followUpTables = [
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
];
/** What a published report names: its kommun, units, period, goals, indicators, assignments. */
const nameTables = ['kommun', 'org_unit', 'period', 'goal_area', 'goal', 'indicator', 'assignment'];
const reportTables = ['report', 'report_section', 'report_key_figure'];

export class Migration20261201140000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create function "shown_in_published_report"(of_period int, of_units int[]) returns boolean
      language sql stable set search_path = public, pg_temp as $$
        select exists (
          select 1 from report r
            join org_unit top on top.id = r.unit_id
            join org_unit u on u.id = any(of_units)
           where r.period_id = of_period and r.status = 'published' and starts_with(u.path, top.path))
      $$;`);

    // One place that knows, for each table, which period and units a row belongs to: the
    // same relations the edit kinds populate (an assignment's follow-up is its owner's and
    // its responsible department's; an economy line its own unit's and its table's).
    this.addSql(`
      create function "frozen_by_published_report"(tbl text, r jsonb) returns boolean
      language plpgsql stable set search_path = public, pg_temp as $$
      declare
        row_id int := (r ->> 'id')::int;
      begin
        case tbl
        when 'assignment_follow_up' then
          return shown_in_published_report((r ->> 'period_id')::int,
            (select array[a.owner_unit_id, a.responsible_unit_id] from assignment a where a.id = (r ->> 'assignment_id')::int));
        when 'indicator_follow_up' then
          return shown_in_published_report((r ->> 'period_id')::int,
            (select array[(r ->> 'unit_id')::int, i.responsible_unit_id] from indicator i where i.id = (r ->> 'indicator_id')::int));
        when 'economy_line' then
          return exists (select 1 from economy_table t where t.id = (r ->> 'table_id')::int
            and shown_in_published_report(t.period_id, array[(r ->> 'unit_id')::int, t.unit_id]));
        when 'goal_follow_up', 'economy_table', 'investment', 'sick_leave', 'staff_turnover', 'internal_control' then
          return shown_in_published_report((r ->> 'period_id')::int, array[(r ->> 'unit_id')::int]);
        when 'indicator_value' then
          -- A published follow-up shows the indicator's whole series; for an INSERT
          -- (tbl_op passed in r as 'tg_op') only the years up to the published period count.
          return exists (select 1 from indicator_follow_up f join period p on p.id = f.period_id
            where f.indicator_id = (r ->> 'indicator_id')::int
              and (r ->> 'tg_op' is distinct from 'INSERT' or extract(year from p.end_date) >= (r ->> 'year')::int)
              and frozen_by_published_report('indicator_follow_up', to_jsonb(f)));
        when 'kommun' then
          return exists (select 1 from report x where x.kommun_id = row_id and x.status = 'published');
        when 'period' then
          return exists (select 1 from report x where x.period_id = row_id and x.status = 'published');
        when 'org_unit' then
          -- A report shows its unit, the units above it (the breadcrumb) and below it. A unit
          -- whose path is not written yet (just inserted) is above nothing.
          return exists (select 1 from report x join org_unit top on top.id = x.unit_id
            where x.status = 'published' and x.kommun_id = (r ->> 'kommun_id')::int
              and (starts_with(r ->> 'path', top.path) or (r ->> 'path' <> '' and starts_with(top.path, r ->> 'path'))));
        when 'assignment' then
          return exists (select 1 from assignment_follow_up f where f.assignment_id = row_id
            and frozen_by_published_report('assignment_follow_up', to_jsonb(f)));
        when 'indicator' then
          return exists (select 1 from indicator_follow_up f where f.indicator_id = row_id
            and frozen_by_published_report('indicator_follow_up', to_jsonb(f)));
        when 'goal' then
          return exists (select 1 from goal_follow_up f where f.goal_id = row_id
                           and frozen_by_published_report('goal_follow_up', to_jsonb(f)))
              or exists (select 1 from assignment_follow_up f where f.goal_id = row_id
                           and frozen_by_published_report('assignment_follow_up', to_jsonb(f)))
              or exists (select 1 from indicator i where i.goal_id = row_id
                           and frozen_by_published_report('indicator', to_jsonb(i)));
        when 'goal_area' then
          return exists (select 1 from goal g where g.area_id = row_id and frozen_by_published_report('goal', to_jsonb(g)));
        end case;
      end $$;`);

    this.addSql(`
      create function "refuse_change_shown_in_published_report"() returns trigger
      language plpgsql set search_path = public, pg_temp as $$
      begin
        if tg_op = 'UPDATE' and new is not distinct from old then return new; end if;
        if tg_op in ('UPDATE', 'DELETE') and frozen_by_published_report(tg_table_name, to_jsonb(old)) then
          raise exception 'Raden i % visas i en publicerad rapport och kan inte ändras eller tas bort. Ändringar görs i arbetsperioden.', tg_table_name
            using errcode = 'UF001';
        end if;
        -- Moving a row into a published report, or adding one to it, changes the report too.
        if tg_op in ('UPDATE', 'INSERT') and tg_argv[0] = 'and-additions'
           and frozen_by_published_report(tg_table_name, to_jsonb(new) || jsonb_build_object('tg_op', tg_op)) then
          raise exception 'En publicerad rapport kan inte få nya rader i %. Ändringar görs i arbetsperioden.', tg_table_name
            using errcode = 'UF001';
        end if;
        return case tg_op when 'DELETE' then old else new end;
      end $$;`);
    for (const table of followUpTables) {
      this.addSql(
        `create trigger "${table}_published_is_final" before insert or update or delete on "${table}" for each row execute function "refuse_change_shown_in_published_report"('and-additions');`,
      );
    }
    // New units, periods, goals … may be added; what a report already names stays.
    for (const table of nameTables) {
      this.addSql(
        `create trigger "${table}_published_is_final" before update or delete on "${table}" for each row execute function "refuse_change_shown_in_published_report"();`,
      );
    }

    // The history of every edit: written once, never rewritten. The one change let through
    // is the foreign key's own: deleting a user sets their rows' user to null.
    this.addSql(`
      create function "refuse_audit_log_change"() returns trigger
      language plpgsql set search_path = public, pg_temp as $$
      begin
        if tg_op = 'UPDATE' and new."user_id" is null and old."user_id" is not null
           and (to_jsonb(new) - 'user_id') = (to_jsonb(old) - 'user_id')
           and not exists (select 1 from app_user u where u.id = old."user_id") then
          return new;
        end if;
        raise exception 'Ändringsloggen kan bara få nya rader; den kan inte ändras eller tömmas.'
          using errcode = 'UF001';
      end $$;`);
    this.addSql(
      `create trigger "audit_log_append_only" before update or delete on "audit_log" for each row execute function "refuse_audit_log_change"();`,
    );
    this.addSql(
      `create trigger "audit_log_append_only_truncate" before truncate on "audit_log" for each statement execute function "refuse_audit_log_change"();`,
    );

    // TRUNCATE fires no row triggers: refused for every table a published report shows,
    // as long as any report is published.
    this.addSql(`
      create function "refuse_truncate_with_published_reports"() returns trigger
      language plpgsql set search_path = public, pg_temp as $$
      begin
        if exists (select 1 from report where status = 'published') then
          raise exception 'Tabellen % visas i publicerade rapporter och kan inte tömmas.', tg_table_name
            using errcode = 'UF001';
        end if;
        return null;
      end $$;`);
    for (const table of [...followUpTables, ...nameTables, ...reportTables]) {
      this.addSql(
        `create trigger "${table}_published_no_truncate" before truncate on "${table}" for each statement execute function "refuse_truncate_with_published_reports"();`,
      );
    }
    // The report tables' own functions (Migration20261123090000) get the same pinned path.
    for (const fn of ['refuse_published_report_change', 'refuse_addition_to_published_report']) {
      this.addSql(`alter function "${fn}"() set search_path = public, pg_temp;`);
    }
  }

  override async down(): Promise<void> {
    for (const table of [...followUpTables, ...nameTables, ...reportTables]) {
      this.addSql(`drop trigger if exists "${table}_published_no_truncate" on "${table}";`);
    }
    for (const table of [...followUpTables, ...nameTables]) {
      this.addSql(`drop trigger if exists "${table}_published_is_final" on "${table}";`);
    }
    this.addSql(`drop trigger if exists "audit_log_append_only" on "audit_log";`);
    this.addSql(`drop trigger if exists "audit_log_append_only_truncate" on "audit_log";`);
    this.addSql(`drop function if exists "refuse_truncate_with_published_reports"();`);
    this.addSql(`drop function if exists "refuse_audit_log_change"();`);
    this.addSql(`drop function if exists "refuse_change_shown_in_published_report"();`);
    this.addSql(`drop function if exists "frozen_by_published_report"(text, jsonb);`);
    this.addSql(`drop function if exists "shown_in_published_report"(int, int[]);`);
  }
}
