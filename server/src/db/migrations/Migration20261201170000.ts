import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 12, the organisation per period: a unit's name, short name, parent, path, position
 * and closing are versioned per period (org_unit_version), so a change from a period leaves
 * what a published report of an earlier period shows as it was. org_unit keeps the identity
 * (kommun, key, kind) and the latest period's names and tree for period-less reads.
 *
 * Every existing unit gets a version in every period of its kommun, as its one tree was
 * until now. The published rule (Migration20261201140000) moves from org_unit to the
 * versions: a version is final when a published report of its period shows it (its unit,
 * above or below), and no version may be added to or moved into such a report's tree.
 * org_unit itself then only refuses deletion. The functions are restated whole, as a
 * migration never changes once applied; the SQLSTATE stays UF001.
 */
export class Migration20261201170000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "org_unit_version" ("id" serial primary key, "unit_id" int not null, "period_id" int not null, "name" varchar(200) not null, "short_name" varchar(40) null, "parent_id" int null, "path" varchar(400) not null default '', "position" int not null default 0, "closed" boolean not null default false);`,
    );
    this.addSql(
      `create index "org_unit_version_period_id_parent_id_index" on "org_unit_version" ("period_id", "parent_id");`,
    );
    this.addSql(
      `create index "org_unit_version_path_prefix" on "org_unit_version" ("period_id", "path" text_pattern_ops);`,
    );
    this.addSql(
      `alter table "org_unit_version" add constraint "org_unit_version_unit_id_period_id_unique" unique ("unit_id", "period_id");`,
    );
    this.addSql(
      `alter table "org_unit_version" add constraint "org_unit_version_unit_id_foreign" foreign key ("unit_id") references "org_unit" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "org_unit_version" add constraint "org_unit_version_period_id_foreign" foreign key ("period_id") references "period" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "org_unit_version" add constraint "org_unit_version_parent_id_foreign" foreign key ("parent_id") references "org_unit" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "org_unit" add column "closed" boolean not null default false;`);
    this.addSql(`
      insert into "org_unit_version" ("unit_id", "period_id", "name", "short_name", "parent_id", "path", "position", "closed")
      select u.id, p.id, u.name, u.short_name, u.parent_id, u.path, u.position, false
        from "org_unit" u join "period" p on p.kommun_id = u.kommun_id;`);

    this.addSql(`
      create or replace function "shown_in_published_report"(of_period int, of_units int[]) returns boolean
      language sql stable set search_path = public, pg_temp as $$
        select exists (
          select 1 from (select r.unit_id from report r where r.period_id = of_period and r.status = 'published' offset 0) r
            join org_unit_version top on top.unit_id = r.unit_id and top.period_id = of_period
            join org_unit_version u on u.period_id = of_period and u.unit_id = any(of_units)
           where starts_with(u.path, top.path))
      $$;`);
    this.addSql(`
      create or replace function "frozen_by_published_report"(tbl text, r jsonb) returns boolean
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
        when 'org_unit_version' then
          -- A report shows its unit, the units above it (the breadcrumb) and below it, as
          -- they are in the report's period.
          -- From the period's few published reports to their units' versions: "offset 0"
          -- keeps the planner from scanning the period's versions for each row written,
          -- which an import of thousands of units would pay for quadratically.
          return exists (select 1
              from (select x.unit_id from report x
                     where x.status = 'published' and x.period_id = (r ->> 'period_id')::int offset 0) x
              join org_unit_version top on top.unit_id = x.unit_id and top.period_id = (r ->> 'period_id')::int
            where starts_with(r ->> 'path', top.path) or (r ->> 'path' <> '' and starts_with(top.path, r ->> 'path')));
        when 'org_unit' then
          -- Its names and tree are the versions'; the unit itself is final while one is.
          return exists (select 1 from org_unit_version v where v.unit_id = row_id
            and frozen_by_published_report('org_unit_version', to_jsonb(v)));
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

    this.addSql(`drop trigger "org_unit_published_is_final" on "org_unit";`);
    this.addSql(
      `create trigger "org_unit_published_is_final" before delete on "org_unit" for each row execute function "refuse_change_shown_in_published_report"();`,
    );
    // org_unit's names and tree are a copy of the latest period's version: they change
    // only with it, so no name reaches a page but through a version, and a published
    // period's versions are final.
    this.addSql(`
      create function "org_unit_follows_latest_version"() returns trigger
      language plpgsql set search_path = public, pg_temp as $$
      declare
        latest org_unit_version;
      begin
        select v.* into latest from org_unit_version v join period p on p.id = v.period_id
         where v.unit_id = new.id order by p.end_date desc, p.start_date limit 1;
        if found and (new.name, new.short_name, new.parent_id, new.path, new.position, new.closed)
             is distinct from (latest.name, latest.short_name, latest.parent_id, latest.path, latest.position, latest.closed) then
          raise exception 'En enhets namn och plats ändras från en period (org_unit_version), inte i org_unit.'
            using errcode = 'UF001';
        end if;
        return new;
      end $$;`);
    this.addSql(
      `create trigger "org_unit_follows_latest_version" before update on "org_unit" for each row execute function "org_unit_follows_latest_version"();`,
    );
    this.addSql(
      `create trigger "org_unit_version_published_is_final" before insert or update or delete on "org_unit_version" for each row execute function "refuse_change_shown_in_published_report"('and-additions');`,
    );
    this.addSql(
      `create trigger "org_unit_version_published_no_truncate" before truncate on "org_unit_version" for each statement execute function "refuse_truncate_with_published_reports"();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "org_unit_follows_latest_version" on "org_unit";`);
    this.addSql(`drop function if exists "org_unit_follows_latest_version"();`);
    this.addSql(`drop table if exists "org_unit_version" cascade;`);
    this.addSql(`alter table "org_unit" drop column "closed";`);
  }
}
