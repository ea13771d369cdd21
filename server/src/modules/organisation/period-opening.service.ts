/**
 * Opening a new follow-up period. Staff never start a period from a blank page: every goal,
 * indicator and assignment follow-up and every economy table starts as its latest earlier
 * version, and editors change what moved. Set-based SQL, as a period copies hundreds of rows.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { finishedStatuses } from '../assignments/assignment.entity.js';
import { Period, type IPeriod, type periodKinds } from './org-unit.entity.js';

export interface NewPeriod {
  key: string;
  label: string;
  kind: (typeof periodKinds)[number];
  start: string;
  end: string;
}

/** The latest row per `partition` among the kommun's other periods that end no later. */
const latestEarlier = (table: string, partition: string) => `
  select distinct on (${partition}) t.*, p.end_date as source_end
    from ${table} t join period p on p.id = t.period_id
   where p.kommun_id = :kommun and p.id <> :period and p.end_date <= :end
   order by ${partition}, p.end_date desc`;

/**
 * A version, as the unit is now, for each unit without one in the period (`:period`), or in
 * every period of the kommun when that is null: a kommun's first period, and the demo loader
 * that writes units and periods directly. A unit created from a later period has no version
 * in the earlier ones, and gets none here when a period is opened.
 */
export const unversionedUnits = `
  insert into org_unit_version (unit_id, period_id, name, short_name, parent_id, path, position, closed)
  select u.id, p.id, u.name, u.short_name, u.parent_id, u.path, u.position, u.closed
    from org_unit u join period p on p.kommun_id = u.kommun_id
   where u.kommun_id = :kommun and (:period::int is null or p.id = :period::int)
     and not exists (select 1 from org_unit_version v where v.unit_id = u.id and v.period_id = p.id)`;

export async function openPeriod(em: EntityManager, kommunId: number, spec: NewPeriod): Promise<IPeriod> {
  const period = em.create(Period, {
    kommun: kommunId,
    key: spec.key,
    label: spec.label,
    kind: spec.kind,
    startDate: spec.start,
    endDate: spec.end,
  });
  await em.flush();
  const params = {
    kommun: kommunId,
    start: spec.start,
    end: spec.end,
    period: period.id,
    finished: [...finishedStatuses],
  };
  const knex = em.getKnex();
  const run = (sql: string) => em.execute(knex.raw(sql, params));

  // The organisation too: each unit starts with its latest earlier name and place (closed
  // stays closed); a unit no earlier period has (a new kommun's root) with its own.
  await run(`
    insert into org_unit_version (unit_id, period_id, name, short_name, parent_id, path, position, closed)
    select unit_id, :period, name, short_name, parent_id, path, position, closed
      from (${latestEarlier('org_unit_version', 't.unit_id')}) f`);
  await em.execute(knex.raw(unversionedUnits, params));

  // An assignment finished in an earlier year is off the new year's list; one finished
  // earlier in the same year stays, since the year's report accounts for it. It starts under
  // the goal its latest report listed it under. A "Ny försenad tidplan" is not carried: it is
  // what that earlier report decided, and stays with it.
  await run(`
    insert into assignment_follow_up (assignment_id, period_id, goal_id, status, forecast, comment, comment_date, deviation_reason)
    select assignment_id, :period, goal_id, status, forecast, comment, comment_date, deviation_reason
      from (${latestEarlier('assignment_follow_up', 't.assignment_id')}) f
     where extract(year from f.source_end) = extract(year from :start::date)
        or f.status not in (:finished)`);
  await run(`
    insert into goal_follow_up (goal_id, unit_id, period_id, assessment, trend, analysis)
    select goal_id, unit_id, :period, assessment, trend, analysis
      from (${latestEarlier('goal_follow_up', 't.goal_id, t.unit_id')}) f`);
  await run(`
    insert into indicator_follow_up (indicator_id, unit_id, period_id, assessment, trend, comment, comment_date)
    select indicator_id, unit_id, :period, assessment, trend, comment, comment_date
      from (${latestEarlier('indicator_follow_up', 't.indicator_id, t.unit_id')}) f`);
  await run(`
    with source as (${latestEarlier('economy_table', 't.unit_id, t.ledger, t.dimension')}),
    copied as (
      insert into economy_table (unit_id, period_id, ledger, dimension, forecast_label, month_label, subtotals)
      select unit_id, :period, ledger, dimension, forecast_label, month_label, subtotals from source
      returning id, unit_id, ledger, dimension
    )
    insert into economy_line (table_id, unit_id, account_group, part_of, label, position, budget_month,
      outcome_month, budget_period, outcome_period, outcome_previous_year_period, budget_full_year,
      forecast_full_year, deviation_explanation, forecast_explanation, counts_in_total, note)
    select c.id, l.unit_id, l.account_group, l.part_of, l.label, l.position, l.budget_month,
      l.outcome_month, l.budget_period, l.outcome_period, l.outcome_previous_year_period,
      l.budget_full_year, l.forecast_full_year,
      l.deviation_explanation, l.forecast_explanation, l.counts_in_total, l.note
      from copied c
      join source s on s.unit_id = c.unit_id and s.ledger = c.ledger and s.dimension = c.dimension
      join economy_line l on l.table_id = s.id`);
  return period;
}
