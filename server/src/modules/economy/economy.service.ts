import type { RequestContext } from '../../context.js';
import { depthIn, inSubtree, scopeKey, scopeTree, type UnitScope } from '../organisation/unit-scope.js';
import {
  EconomyTable,
  Investment,
  type EconomySubtotalSpec,
  type IEconomyLine,
  type IEconomyTable,
  type IInvestment,
} from './economy.entity.js';
import {
  derive,
  investmentAmountFields,
  investmentDerivations,
  investmentSums,
  kronorArithmetic,
  lineAmountFields,
  lineDerivations,
  lineTotals,
  percent,
  type Figures,
  type InvestmentAmountField,
  type LineAmountField,
} from './economy-figures.js';

/** An economy table as a page shows it: possibly only the lines about one department. */
export interface EconomyTableView {
  /**
   * The table's id when it is shown whole; the table's and the unit's when only the lines
   * about a unit below it are shown. An id is one record in the app's cache, so a part of a
   * table must never answer under the id of the whole.
   */
  id: string;
  unit: IEconomyTable['unit'];
  period: IEconomyTable['period'];
  ledger: IEconomyTable['ledger'];
  dimension: IEconomyTable['dimension'];
  forecastLabel: string | null;
  monthLabel: string | null;
  subtotalSpecs: EconomySubtotalSpec[];
  lines: IEconomyLine[];
}

const view = (
  table: IEconomyTable,
  lines: IEconomyLine[],
  partFor?: UnitScope['unit'],
): EconomyTableView => ({
  id: partFor ? `${table.id}:${partFor.id}` : String(table.id),
  unit: table.unit,
  period: table.period,
  ledger: table.ledger,
  dimension: table.dimension,
  forecastLabel: table.forecastLabel ?? null,
  monthLabel: table.monthLabel ?? null,
  subtotalSpecs: table.subtotals ?? [],
  lines,
});

/** Figures as the API answers them: kronor, and percentages as numbers. */
type Answered = Record<string, number | null>;
const answered = (figures: Figures<number>): Answered =>
  Object.fromEntries(
    Object.entries(figures).map(([k, v]) => [k, v === null || typeof v === 'number' ? v : percent(v)]),
  );

const lineAmounts = (l: IEconomyLine) =>
  Object.fromEntries(lineAmountFields.map((f) => [f, l[f] ?? null])) as Record<
    LineAmountField,
    number | null
  >;

/** A line's deviations, changes and percentages, computed from its amounts. */
export const lineFigures = (l: IEconomyLine): Answered =>
  answered(derive(lineDerivations, lineAmounts(l), kronorArithmetic));

const totalsOf = (lines: IEconomyLine[]): Answered =>
  answered(lineTotals(lines.map(lineAmounts), kronorArithmetic));

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
    const tree = await scopeTree(ctx, scope);
    const { subtreeIds } = tree;
    const tables = await ctx.em.find(
      EconomyTable,
      {
        period: scope.period,
        $or: [{ unit: { $in: tree.ancestorIds } }, { unit: inSubtree(tree) }],
      },
      { populate: ['lines', 'unit'], orderBy: { id: 'asc', lines: { position: 'asc' } } },
    );
    const whole = (t: IEconomyTable) => view(t, t.lines.getItems());

    const own = tables.filter((t) => t.unit.id === scope.unit.id);
    if (own.length > 0) return own.map(whole);

    const above = tables
      .filter((t) => !subtreeIds.has(t.unit.id))
      .map((t) =>
        view(
          t,
          t.lines.getItems().filter((l) => subtreeIds.has(l.unit.id)),
          scope.unit,
        ),
      )
      .filter((v) => v.lines.length > 0);
    if (above.length > 0) return above;

    const below = tables.filter((t) => subtreeIds.has(t.unit.id));
    const shallowest = Math.min(...below.map((t) => depthIn(tree, t.unit.id)));
    return below.filter((t) => depthIn(tree, t.unit.id) === shallowest).map(whole);
  });
}

export const deviationPeriod = (l: IEconomyLine) => lineFigures(l).deviationPeriod ?? null;
export const deviationForecast = (l: IEconomyLine) => lineFigures(l).deviationForecast ?? null;

/**
 * Totals of a table, computed from its lines: sub-lines ("varav kapitalkostnader") are part
 * of another line and lines the report leaves out of its total are not added.
 */
export function economyTotals(table: EconomyTableView): Answered {
  return totalsOf(table.lines.filter((l) => l.partOf === null && l.countsInTotal));
}

/** The subtotals the report prints, each from its lines; one whose lines are not all shown is left out. */
export function economySubtotals(table: EconomyTableView) {
  const byPosition = new Map(table.lines.map((l) => [l.position, l]));
  return table.subtotalSpecs.flatMap((spec) => {
    const lines = spec.lines.map((p) => byPosition.get(p));
    if (lines.some((l) => l === undefined)) return [];
    const present = lines as IEconomyLine[];
    return [{ label: spec.label, lineIds: present.map((l) => l.id), totals: totalsOf(present) }];
  });
}

/** An investment line with its amounts: a category line's are the sums of the lines under it. */
export type InvestmentView = IInvestment &
  Record<InvestmentAmountField, number | null> & { figures: Answered };

function investmentViews(rows: IInvestment[]): InvestmentView[] {
  const children = new Map<number, IInvestment[]>();
  for (const r of rows) {
    if (r.parent) children.set(r.parent.id, [...(children.get(r.parent.id) ?? []), r]);
  }
  const amountsOf = (r: IInvestment): Record<InvestmentAmountField, number | null> => {
    const under = children.get(r.id);
    if (under) return investmentSums(under.map(amountsOf), kronorArithmetic);
    return Object.fromEntries(investmentAmountFields.map((f) => [f, r[f] ?? null])) as Record<
      InvestmentAmountField,
      number | null
    >;
  };
  return rows.map((r) => {
    const amounts = amountsOf(r);
    return Object.assign(Object.create(r) as IInvestment, amounts, {
      figures: answered(derive(investmentDerivations, amounts, kronorArithmetic)),
    });
  });
}

/** The unit's own investment lines, else those of the units below it. */
export function investmentsInScope(ctx: RequestContext, scope: UnitScope): Promise<InvestmentView[]> {
  return ctx.memo(scopeKey(scope, 'investments'), async () => {
    const tree = await scopeTree(ctx, scope);
    const found = await ctx.em.find(
      Investment,
      { period: scope.period, unit: inSubtree(tree) },
      { orderBy: { position: 'asc', id: 'asc' } },
    );
    // By unit in the period's tree order, as the report lists them, then by position.
    const pathOf = (r: IInvestment) => tree.versions.get(r.unit.id)?.path ?? '';
    const rows = found.sort((a, b) => (pathOf(a) < pathOf(b) ? -1 : pathOf(a) > pathOf(b) ? 1 : 0));
    const own = rows.filter((r) => r.unit.id === scope.unit.id);
    return investmentViews(own.length > 0 ? own : rows);
  });
}
