import type { RequestContext } from '../../context.js';
import { unitFamily } from '../organisation/organisation.service.js';
import {
  ancestorIds,
  isInSubtree,
  scopeKey,
  subtreePattern,
  type UnitScope,
} from '../organisation/unit-scope.js';
import {
  EconomyTable,
  Investment,
  type IEconomyLine,
  type IEconomyTable,
  type IInvestment,
} from './economy.entity.js';

/** An economy table as a page shows it: possibly only the lines about one department. */
export interface EconomyTableView {
  /**
   * The table's id when it is shown whole; the table's and the unit's when only the lines
   * about a unit below it are shown. An id is one record in the app's cache, so a part of a
   * table must never answer under the id of the whole.
   */
  id: string;
  unit: IEconomyTable['unit'];
  ledger: IEconomyTable['ledger'];
  dimension: IEconomyTable['dimension'];
  forecastLabel: string | null;
  lines: IEconomyLine[];
}

const view = (
  table: IEconomyTable,
  lines: IEconomyLine[],
  partFor?: UnitScope['unit'],
): EconomyTableView => ({
  id: partFor ? `${table.id}:${partFor.id}` : String(table.id),
  unit: table.unit,
  ledger: table.ledger,
  dimension: table.dimension,
  forecastLabel: table.forecastLabel ?? null,
  lines,
});

/**
 * The economy of a unit for a period:
 * - its own tables, when its report has them (an office);
 * - otherwise the lines about it in the tables of the units above (a department is a line
 *   in its office's table "per verksamhet");
 * - otherwise the tables of the nearest units below that have them (a board whose
 *   offices report).
 * One statement reads every table of the period along the unit's branch, lines included.
 */
export function economyInScope(ctx: RequestContext, scope: UnitScope): Promise<EconomyTableView[]> {
  return ctx.memo(scopeKey(scope, 'economy'), async () => {
    const family = await unitFamily(ctx, scope.unit);
    const subtreeIds = new Set(family.filter((u) => isInSubtree(u, scope.unit)).map((u) => u.id));
    const tables = await ctx.em.find(
      EconomyTable,
      {
        period: scope.period,
        $or: [
          { unit: { id: { $in: ancestorIds(scope.unit) } } },
          { unit: { path: { $like: subtreePattern(scope.unit) } } },
        ],
      },
      { populate: ['lines', 'unit'], orderBy: { id: 'asc', lines: { position: 'asc' } } },
    );
    const whole = (t: IEconomyTable) => view(t, t.lines.getItems());

    const own = tables.filter((t) => t.unit.id === scope.unit.id);
    if (own.length > 0) return own.map(whole);

    const above = tables
      .filter((t) => !isInSubtree(t.unit, scope.unit))
      .map((t) =>
        view(
          t,
          t.lines.getItems().filter((l) => subtreeIds.has(l.unit.id)),
          scope.unit,
        ),
      )
      .filter((v) => v.lines.length > 0);
    if (above.length > 0) return above;

    const below = tables.filter((t) => isInSubtree(t.unit, scope.unit));
    const shallowest = Math.min(...below.map((t) => t.unit.path.length));
    return below.filter((t) => t.unit.path.length === shallowest).map(whole);
  });
}

type Amount = number | null;
/** A total is only as complete as its lines: one line without the figure makes it unknown. */
const sumComplete = (values: Amount[]): Amount =>
  values.length > 0 && values.every((v) => v !== null) ? values.reduce<number>((acc, v) => acc + v, 0) : null;
/** Deviations add up over the lines that have one (a blank forecast column means no deviation told). */
const sumKnown = (values: Amount[]): Amount =>
  values.some((v) => v !== null) ? values.reduce<number>((acc, v) => acc + (v ?? 0), 0) : null;
const minus = (a: Amount, b: Amount): Amount => (a === null || b === null ? null : a - b);

export const deviationPeriod = (l: Pick<IEconomyLine, 'outcomePeriod' | 'budgetPeriod'>) =>
  minus(l.outcomePeriod ?? null, l.budgetPeriod ?? null);
export const deviationForecast = (l: Pick<IEconomyLine, 'forecastFullYear' | 'budgetFullYear'>) =>
  minus(l.forecastFullYear ?? null, l.budgetFullYear ?? null);

/**
 * Totals of a table, computed from its lines: sub-lines ("varav kapitalkostnader") are part
 * of another line and lines the report leaves out of its total are not added.
 */
export function economyTotals(table: EconomyTableView) {
  const counted = table.lines.filter((l) => l.partOf === null && l.countsInTotal);
  const total = (pick: (l: IEconomyLine) => Amount) => sumComplete(counted.map(pick));
  return {
    budgetPeriod: total((l) => l.budgetPeriod ?? null),
    outcomePeriod: total((l) => l.outcomePeriod ?? null),
    deviationPeriod: sumKnown(counted.map(deviationPeriod)),
    outcomePreviousYearPeriod: total((l) => l.outcomePreviousYearPeriod ?? null),
    budgetFullYear: total((l) => l.budgetFullYear ?? null),
    forecastFullYear: total((l) => l.forecastFullYear ?? null),
    deviationForecast: sumKnown(counted.map(deviationForecast)),
  };
}

/** The unit's own investment lines, else those of the units below it. */
export function investmentsInScope(ctx: RequestContext, scope: UnitScope): Promise<IInvestment[]> {
  return ctx.memo(scopeKey(scope, 'investments'), async () => {
    const rows = await ctx.em.find(
      Investment,
      { period: scope.period, unit: { path: { $like: subtreePattern(scope.unit) } } },
      { orderBy: { unit: { path: 'asc' }, position: 'asc' } },
    );
    const own = rows.filter((r) => r.unit.id === scope.unit.id);
    return own.length > 0 ? own : rows;
  });
}
