/**
 * "Changes since the previous report": what a politician who read the last published report
 * needs to read in this one. Each side is read with the same scope functions the report's own
 * follow-up pages use (memoised per request), so the comparison covers exactly what the two
 * reports show: two statements per kind, one per period, whatever the number of records.
 */
import type { RequestContext } from '../../context.js';
import { badInput } from '../../graphql/errors.js';
import { loaded } from '../../graphql/loaded.js';
import { mayReadReport } from '../access/read-access.js';
import type { IAssignment, IAssignmentFollowUp } from '../assignments/assignment.entity.js';
import { assignmentsInScope } from '../assignments/assignment.service.js';
import type { IEconomyLine } from '../economy/economy.entity.js';
import {
  deviationForecast,
  deviationPeriod,
  economyInScope,
  type EconomyTableView,
} from '../economy/economy.service.js';
import type { IGoal, IGoalFollowUp } from '../goals/goal.entity.js';
import { goalsInScope } from '../goals/goal.service.js';
import type { IIndicator, IIndicatorFollowUp } from '../indicators/indicator.entity.js';
import { indicatorsInScope } from '../indicators/indicator.service.js';
import type { IOrgUnit, IPeriod } from '../organisation/org-unit.entity.js';
import { unitOf } from '../organisation/organisation.service.js';
import { scopeTrees, type UnitScope } from '../organisation/unit-scope.js';
import { Report, type IReport } from '../reports/report.entity.js';

/**
 * 1 000 tkr in kronor. The reports comment deviations in mnkr; a department's budget is tens
 * of mnkr, and the printed figures reconcile only within about 1 tkr a line, so a smaller
 * move is noise to a politician.
 */
export const DEFAULT_ECONOMY_THRESHOLD = 1_000_000;

export type ChangeMark = 'NEW' | 'STATUS' | 'FORECAST' | 'ASSESSMENT' | 'COMMENT';

interface Compared<F> {
  marks: ChangeMark[];
  before: F | null;
  after: F;
}
/** `periodId`: the report's, whose names and tree the change's unit is shown with. */
type FollowUpChange<F> = Compared<F> & { unit: IOrgUnit; periodId: number };
export type AssignmentChange = FollowUpChange<IAssignmentFollowUp> & { assignment: IAssignment };
export type GoalChange = FollowUpChange<IGoalFollowUp> & { goal: IGoal };
export type IndicatorChange = FollowUpChange<IIndicatorFollowUp> & { indicator: IIndicator };
export interface EconomyLineChange {
  unit: IOrgUnit;
  periodId: number;
  before: IEconomyLine;
  after: IEconomyLine;
  deviationBefore: number;
  deviationAfter: number;
  deviationChange: number;
}
export interface ReportChanges {
  economyThreshold: number;
  assignments: AssignmentChange[];
  goals: GoalChange[];
  indicators: IndicatorChange[];
  economyLines: EconomyLineChange[];
}

/**
 * The latest published report of the same unit whose period ends before this one's ends.
 * "Ends before the end", not "before the start": the year's draft compares with the Jan–Jul
 * report of the same year. Only published reports count, for a draft too: they are what
 * readers have seen. Memoised because `previousReport` and `changes` both need it.
 */
export function previousReport(ctx: RequestContext, report: IReport): Promise<IReport | null> {
  return ctx.memo(`previous-report:${report.id}`, async () => {
    const period = await loaded(report.period);
    const previous = await ctx.em.findOne(
      Report,
      { unit: report.unit.id, status: 'published', period: { endDate: { $lt: period.endDate } } },
      { populate: ['period'], orderBy: { period: { endDate: 'desc' }, id: 'desc' } },
    );
    return previous && mayReadReport(ctx, previous) ? previous : null;
  });
}

export async function reportChanges(
  ctx: RequestContext,
  report: IReport,
  economyThreshold: number | null | undefined,
): Promise<ReportChanges> {
  const threshold = economyThreshold ?? DEFAULT_ECONOMY_THRESHOLD;
  if (threshold < 0) throw badInput('economyThreshold', 'tröskeln får inte vara negativ.');
  const changes: ReportChanges = {
    economyThreshold: threshold,
    assignments: [],
    goals: [],
    indicators: [],
    economyLines: [],
  };
  const previous = await previousReport(ctx, report);
  if (!previous) return changes;

  const unit = await unitOf(ctx, report.unit);
  const now: UnitScope = { unit, period: await loaded(report.period) };
  const then: UnitScope = { unit, period: await loaded(previous.period) };
  // Both periods' trees in one statement, before the lists ask for them one by one.
  await scopeTrees(ctx, [now, then]);
  const both = <T>(inScope: (ctx: RequestContext, scope: UnitScope) => Promise<T>) =>
    Promise.all([inScope(ctx, now), inScope(ctx, then)]);
  const [assignments, goals, indicators, economy] = await Promise.all([
    both(assignmentsInScope),
    both(goalsInScope),
    both(indicatorsInScope),
    both(economyInScope),
  ]);

  changes.assignments = compare(
    assignments,
    (f) => `${f.assignment.id}`,
    (f) => f.comment,
    (before, after) => [
      ...(before.status !== after.status ? (['STATUS'] as const) : []),
      ...(before.forecast !== after.forecast ? (['FORECAST'] as const) : []),
    ],
    // Closed into a new assignment ("Stängs och övergår i nytt uppdrag"): the reader of the
    // previous report knows it as that one.
    (f) => (f.assignment.successor ? `${f.assignment.successor.id}` : null),
  ).map((c) => ({
    ...c,
    assignment: c.after.assignment,
    unit: c.after.assignment.responsibleUnit ?? c.after.assignment.ownerUnit,
    periodId: now.period.id,
  }));
  changes.goals = compare(
    goals,
    (f) => `${f.goal.id}:${f.unit.id}`,
    (f) => f.analysis,
    (before, after) => (before.assessment !== after.assessment ? ['ASSESSMENT'] : []),
  ).map((c) => ({ ...c, goal: c.after.goal, unit: c.after.unit, periodId: now.period.id }));
  changes.indicators = compare(
    indicators,
    (f) => `${f.indicator.id}:${f.unit.id}`,
    (f) => f.comment,
    (before, after) => ((before.assessment ?? null) !== (after.assessment ?? null) ? ['ASSESSMENT'] : []),
  ).map((c) => ({
    ...c,
    indicator: c.after.indicator,
    unit: c.after.indicator.responsibleUnit,
    periodId: now.period.id,
  }));
  changes.economyLines = economyChanges(economy, [now.period, then.period], threshold);
  return changes;
}

/**
 * Pairs each follow-up of this report with the same record's in the previous one, or else
 * with the one of a record that continues as it (`continuesAs`), and marks what changed. A
 * record with no follow-up before is NEW (there is nothing to compare its status with), and
 * its comment, if any, is new too. Records only in the previous report (an assignment
 * finished last year drops off the list) are not changes of this report.
 */
function compare<F>(
  [now, then]: [F[], F[]],
  identity: (f: F) => string,
  comment: (f: F) => string | null | undefined,
  changed: (before: F, after: F) => readonly ChangeMark[],
  continuesAs: (f: F) => string | null = () => null,
): Compared<F>[] {
  const previous = new Map(then.map((f) => [identity(f), f]));
  const continued = new Map(
    then.flatMap((f) => {
      const next = continuesAs(f);
      return next === null ? [] : [[next, f] as const];
    }),
  );
  return now.flatMap((after) => {
    const before = previous.get(identity(after)) ?? continued.get(identity(after)) ?? null;
    const marks: ChangeMark[] = before ? [...changed(before, after)] : ['NEW'];
    if (isNewComment(comment(after), before && comment(before))) marks.push('COMMENT');
    return marks.length > 0 ? [{ marks, before, after }] : [];
  });
}

/** Whitespace at the ends is not a new comment; an emptied comment is nothing to read. */
function isNewComment(after: string | null | undefined, before: string | null | undefined): boolean {
  const text = after?.trim() ?? '';
  return text !== '' && text !== (before?.trim() ?? '');
}

/**
 * Economy lines are rows of per-period tables with no identity across periods: a line is the
 * same when it is in the same unit's table of the same ledger and dimension and is about the
 * same department (per verksamhet) or account group (per kontogrupp). The label is printed
 * text that may be reworded between reports, so it only tells apart lines that are otherwise
 * alike (sub-lines of one department).
 */
function lineIdentity(table: EconomyTableView, line: IEconomyLine): string {
  const what = line.accountGroup ?? (table.dimension === 'unit' && !line.partOf ? '' : line.label);
  return [table.unit.id, table.ledger, table.dimension, line.unit.id, line.partOf ?? '', what].join('|');
}

/**
 * The year's deviation as the report tells it: forecast − budget; in a whole-year report
 * without a forecast, outcome − budget, since the year is over. A period deviation alone is
 * not comparable between periods of different length.
 */
function fullYearDeviation(line: IEconomyLine, period: IPeriod): number | null {
  return deviationForecast(line) ?? (period.kind === 'år' ? deviationPeriod(line) : null);
}

function economyChanges(
  [now, then]: [EconomyTableView[], EconomyTableView[]],
  [nowPeriod, thenPeriod]: [IPeriod, IPeriod],
  threshold: number,
): EconomyLineChange[] {
  const previous = new Map(
    then.flatMap((table) => table.lines.map((line) => [lineIdentity(table, line), line] as const)),
  );
  return now.flatMap((table) =>
    table.lines.flatMap((after) => {
      const before = previous.get(lineIdentity(table, after));
      const deviationBefore = before ? fullYearDeviation(before, thenPeriod) : null;
      const deviationAfter = fullYearDeviation(after, nowPeriod);
      if (!before || deviationBefore === null || deviationAfter === null) return [];
      const deviationChange = deviationAfter - deviationBefore;
      if (Math.abs(deviationChange) <= threshold) return [];
      return [
        {
          unit: after.unit,
          periodId: nowPeriod.id,
          before,
          after,
          deviationBefore,
          deviationAfter,
          deviationChange,
        },
      ];
    }),
  );
}
