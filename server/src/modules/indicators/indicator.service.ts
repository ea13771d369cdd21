import type { RequestContext } from '../../context.js';
import { notFound } from '../../graphql/errors.js';
import { readablePeriodIds } from '../organisation/organisation.service.js';
import { inSubtree, scopeKey, scopeTree, type UnitScope } from '../organisation/unit-scope.js';
import {
  Indicator,
  IndicatorFollowUp,
  type IIndicator,
  type IIndicatorFollowUp,
} from './indicator.entity.js';
import { compareGoalCodes } from '../organisation/swedish-order.js';
import { notPublished, readableRows, readsWorkingData } from '../access/read-access.js';
import { indicatorFollowUpKind } from './indicator-edit.js';

/**
 * Indicator follow-ups of a period that the unit or a unit below it made, or whose
 * indicator a unit below it is responsible for (a department sees its own indicators in
 * its office's report).
 */
export function indicatorsInScope(ctx: RequestContext, scope: UnitScope): Promise<IIndicatorFollowUp[]> {
  return ctx.memo(scopeKey(scope, 'indicators'), async () => {
    const tree = await scopeTree(ctx, scope);
    const rows = await ctx.em.find(
      IndicatorFollowUp,
      {
        period: scope.period,
        $or: [{ unit: inSubtree(tree) }, { indicator: { responsibleUnit: inSubtree(tree) } }],
      },
      { populate: ['indicator', 'indicator.goal', 'unit'] },
    );
    return rows.sort(
      (a, b) =>
        compareGoalCodes(a.indicator.goal.code, b.indicator.goal.code) || a.indicator.id - b.indicator.id,
    );
  });
}

/** One point of an indicator's series, read as a plain row: pages only display it. */
export interface IndicatorValueRow {
  indicatorId: number;
  kind: 'outcome' | 'target';
  year: number;
  value: number | null;
  preliminary: boolean;
  label: string | null;
  note: string | null;
}

/**
 * The yearly outcomes and targets of an indicator; one statement for all on a page. A
 * large page has thousands of points, so they skip entity hydration.
 */
export function indicatorValues(ctx: RequestContext, indicator: IIndicator): Promise<IndicatorValueRow[]> {
  return ctx
    .loader<number, IndicatorValueRow[]>('indicator-values', async (ids) => {
      const rows = await ctx.em.execute<IndicatorValueRow[]>(
        `select indicator_id as "indicatorId", kind, year, value::float8 as value, preliminary, label, note
           from indicator_value where indicator_id in (?) order by indicator_id, year`,
        [[...ids]],
      );
      const byIndicator = new Map<number, IndicatorValueRow[]>(ids.map((id) => [id, []]));
      for (const row of rows) byIndicator.get(row.indicatorId)?.push(row);
      return ids.map((id) => byIndicator.get(id)!);
    })
    .load(indicator.id);
}

/** The indicator's follow-ups the request may read, latest period first. */
export function followUpsOfIndicator(
  ctx: RequestContext,
  indicator: IIndicator,
): Promise<IIndicatorFollowUp[]> {
  return ctx.memo(`indicator-follow-ups:${indicator.id}`, async () => {
    const rows = await ctx.em.find(
      IndicatorFollowUp,
      { indicator, period: { $in: await readablePeriodIds(ctx, indicator.kommun.id) } },
      {
        populate: ['period', 'unit', 'indicator.responsibleUnit'],
        orderBy: { period: { endDate: 'desc' } },
      },
    );
    return readableRows(ctx, indicator.kommun.id, rows, (f) => ({
      period: f.period,
      units: indicatorFollowUpKind.unitsOf(f),
    }));
  });
}

/** An indicator is readable where one of its follow-ups is: its series come with it. */
export async function mayReadIndicator(ctx: RequestContext, indicator: IIndicator): Promise<boolean> {
  if (readsWorkingData(ctx, indicator.kommun.id)) return true;
  return (await followUpsOfIndicator(ctx, indicator)).length > 0;
}

/** An indicator; without signing in, only one a published report shows. */
export async function getIndicator(ctx: RequestContext, id: number): Promise<IIndicator> {
  const indicator = await ctx.em.findOne(Indicator, { id }, { populate: ['goal', 'responsibleUnit'] });
  if (!indicator) throw notFound('Indikatorn', id);
  if (!(await mayReadIndicator(ctx, indicator))) throw notPublished(ctx, 'Indikatorn är inte publicerad');
  return indicator;
}
