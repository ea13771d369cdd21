import type { RequestContext } from '../../context.js';
import { notFound } from '../../graphql/errors.js';
import { unitFamily } from '../organisation/organisation.service.js';
import { scopeKey, subtreePattern, type UnitScope } from '../organisation/unit-scope.js';
import {
  Indicator,
  IndicatorFollowUp,
  IndicatorValue,
  type IIndicator,
  type IIndicatorFollowUp,
  type IIndicatorValue,
} from './indicator.entity.js';

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
        a.indicator.goal.code.localeCompare(b.indicator.goal.code, 'sv', { numeric: true }) ||
        a.indicator.id - b.indicator.id,
    );
  });
}

/** The yearly outcomes and targets of an indicator; one statement for all on a page. */
export function indicatorValues(ctx: RequestContext, indicator: IIndicator): Promise<IIndicatorValue[]> {
  return ctx
    .loader<number, IIndicatorValue[]>('indicator-values', async (ids) => {
      const rows = await ctx.em.find(
        IndicatorValue,
        { indicator: { $in: [...ids] } },
        { orderBy: { year: 'asc' } },
      );
      return ids.map((id) => rows.filter((r) => r.indicator.id === id));
    })
    .load(indicator.id);
}

export async function getIndicator(ctx: RequestContext, id: number): Promise<IIndicator> {
  const indicator = await ctx.em.findOne(Indicator, { id }, { populate: ['goal', 'responsibleUnit'] });
  if (!indicator) throw notFound('Indikatorn', id);
  return indicator;
}
