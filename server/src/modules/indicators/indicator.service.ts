import type { RequestContext } from '../../context.js';
import { notFound } from '../../graphql/errors.js';
import { readablePeriodIds, unitFamily } from '../organisation/organisation.service.js';
import { scopeKey, subtreePattern, type UnitScope } from '../organisation/unit-scope.js';
import {
  Indicator,
  IndicatorFollowUp,
  type IIndicator,
  type IIndicatorFollowUp,
} from './indicator.entity.js';
import { compareGoalCodes } from '../organisation/swedish-order.js';

/**
 * Indicator follow-ups of a period that the unit or a unit below it made, or whose
 * indicator a unit below it is responsible for (a department sees its own indicators in
 * its office's report).
 */
export function indicatorsInScope(ctx: RequestContext, scope: UnitScope): Promise<IIndicatorFollowUp[]> {
  return ctx.memo(scopeKey(scope, 'indicators'), async () => {
    await unitFamily(ctx, scope.unit);
    const subtree = subtreePattern(scope.unit);
    const rows = await ctx.em.find(
      IndicatorFollowUp,
      {
        period: scope.period,
        $or: [
          { unit: { path: { $like: subtree } } },
          { indicator: { responsibleUnit: { path: { $like: subtree } } } },
        ],
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

/** The indicator's follow-ups in the periods the request may read, latest first. */
export async function followUpsOfIndicator(ctx: RequestContext, indicator: IIndicator) {
  return ctx.em.find(
    IndicatorFollowUp,
    { indicator, period: { $in: await readablePeriodIds(ctx, indicator.kommun.id) } },
    { populate: ['period', 'unit'], orderBy: { period: { endDate: 'desc' } } },
  );
}

export async function getIndicator(ctx: RequestContext, id: number): Promise<IIndicator> {
  const indicator = await ctx.em.findOne(Indicator, { id }, { populate: ['goal', 'responsibleUnit'] });
  if (!indicator) throw notFound('Indikatorn', id);
  return indicator;
}
