/**
 * What a kommun's published reports show, as sets: the database's rule
 * (shown_in_published_report and frozen_by_published_report, Migration20261201170000)
 * restated for all rows at once. The triggers ask the rule of the one row they guard; the
 * plan's forms and the spreadsheet import ask it of thousands of rows before writing, and
 * a call of the row-wise function per row cost seconds on an import of 10 000 rows. Here it
 * is a few hash joins from the kommun's published reports, whatever the number of rows,
 * and nearly nothing for a kommun without any. plan.test.ts holds the sets to the
 * function's answer, row by row, on the seeded data.
 *
 * `shownSets` is a `with` list taking the kommun as its one parameter; a query names the
 * sets it needs (an unused one is not computed):
 *
 * - shown_unit (period_id, unit_id): a unit's follow-up of a period that a published report
 *   of the period shows: the report's unit and the units below it, in that period's tree.
 * - shown_indicator_follow_up (id, indicator_id, period_id), shown_assignment_follow_up
 *   (id, assignment_id, goal_id): follow-ups a published report shows, by their own unit or
 *   the indicator's responsible unit, the assignment's owner or responsible unit.
 * - shown_goal (goal_id): goals a published report shows, through their own follow-ups,
 *   the follow-ups of the assignments under them, or the indicators under them. A goal
 *   area is shown when one of its goals is.
 */
/** A follow-up (f) shown through either of two units: its own, or its record's (r). */
const shownThrough = (table: string, record: string, columns: string, units: readonly [string, string]) => `
    select ${columns}
      from ${table} f join ${record} r on r.id = f.${record}_id
     where f.period_id in (select period_id from shown_unit)
       and ((f.period_id, ${units[0]}) in (select period_id, unit_id from shown_unit)
         or (f.period_id, ${units[1]}) in (select period_id, unit_id from shown_unit))`;

export const shownSets = `
  shown_unit as materialized (
    select distinct u.period_id, u.unit_id
      from report r
      join period p on p.id = r.period_id
      join org_unit_version top on top.unit_id = r.unit_id and top.period_id = r.period_id
      join org_unit_version u on u.period_id = r.period_id and starts_with(u.path, top.path)
     where r.status = 'published' and p.kommun_id = ?),
  shown_indicator_follow_up as materialized (${shownThrough(
    'indicator_follow_up',
    'indicator',
    'f.id, f.indicator_id, f.period_id',
    ['f.unit_id', 'r.responsible_unit_id'],
  )}),
  shown_assignment_follow_up as materialized (${shownThrough(
    'assignment_follow_up',
    'assignment',
    'f.id, f.assignment_id, f.goal_id',
    ['r.owner_unit_id', 'r.responsible_unit_id'],
  )}),
  shown_goal as materialized (
    select f.goal_id from goal_follow_up f
     where (f.period_id, f.unit_id) in (select period_id, unit_id from shown_unit)
    union
    select goal_id from shown_assignment_follow_up where goal_id is not null
    union
    select i.goal_id from indicator i
     where i.goal_id is not null and i.id in (select indicator_id from shown_indicator_follow_up))`;
