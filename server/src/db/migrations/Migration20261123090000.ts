import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 5, a report's life: who published it, idempotent replays of offline edits, an
 * indicator outcome kept with its period, and a database that refuses to change a
 * published report whatever path a change takes.
 */
export class Migration20261123090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "report" add column "published_by_id" int null;`);
    this.addSql(
      `alter table "report" add constraint "report_published_by_id_foreign" foreign key ("published_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "audit_log" add column "idempotency_key" varchar(64) null;`);
    this.addSql(
      `alter table "audit_log" add constraint "audit_log_idempotency_key_unique" unique ("idempotency_key");`,
    );

    // Outcomes that editors entered went into the yearly series; they move to the
    // follow-up of the not yet published period they were entered in.
    this.addSql(`alter table "indicator_follow_up" add column "outcome" numeric(14,4) null;`);
    this.addSql(`
      update "indicator_follow_up" f set "outcome" = v."value"
        from "indicator_value" v, "period" p
       where v."indicator_id" = f."indicator_id" and v."kind" = 'outcome' and v."updated_by_id" is not null
         and p."id" = f."period_id" and extract(year from p."end_date") = v."year"
         and not exists (select 1 from "report" r where r."period_id" = p."id" and r."status" = 'published');`);
    this.addSql(`
      delete from "indicator_value" v
       where v."kind" = 'outcome' and v."updated_by_id" is not null
         and exists (select 1 from "indicator_follow_up" f join "period" p on p."id" = f."period_id"
                      where f."indicator_id" = v."indicator_id" and f."outcome" = v."value"
                        and extract(year from p."end_date") = v."year");`);

    // A published report is a public document: its row, sections and figures never change
    // and are never deleted. Unchanged rewrites (an idempotent seed reload) pass.
    this.addSql(`
      create function "refuse_published_report_change"() returns trigger language plpgsql as $$
      declare
        -- A section's or figure's report, or the report itself (read by name: one function serves all three tables).
        report_id int := coalesce((to_jsonb(old) ->> 'report_id')::int, (to_jsonb(old) ->> 'id')::int);
      begin
        if tg_op = 'UPDATE' and new is not distinct from old then return new; end if;
        if exists (select 1 from "report" r where r."id" = report_id and r."status" = 'published') then
          raise exception 'Rapport % är publicerad och kan inte ändras eller tas bort.', report_id
            using errcode = 'integrity_constraint_violation';
        end if;
        return case tg_op when 'DELETE' then old else new end;
      end $$;`);
    for (const table of ['report', 'report_section', 'report_key_figure']) {
      this.addSql(
        `create trigger "${table}_published_is_final" before update or delete on "${table}" for each row execute function "refuse_published_report_change"();`,
      );
    }
    this.addSql(`
      create function "refuse_addition_to_published_report"() returns trigger language plpgsql as $$
      declare
        taken boolean;
      begin
        -- An upsert of a row already there (a seed reload) fires this before its conflict
        -- turns it into an update, which the update trigger then judges.
        execute format('select exists (select 1 from %I where "report_id" = $1 and "position" = $2)', tg_table_name)
          into taken using new."report_id", new."position";
        if not taken and exists (select 1 from "report" r where r."id" = new."report_id" and r."status" = 'published') then
          raise exception 'Rapport % är publicerad och kan inte ändras.', new."report_id"
            using errcode = 'integrity_constraint_violation';
        end if;
        return new;
      end $$;`);
    for (const table of ['report_section', 'report_key_figure']) {
      this.addSql(
        `create trigger "${table}_published_no_additions" before insert on "${table}" for each row execute function "refuse_addition_to_published_report"();`,
      );
    }
  }
}
