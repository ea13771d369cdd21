/**
 * What a published report shows: the follow-up of its unit and the units below it, for its
 * period. One rule for two consequences: what it shows can never change (edit-access.ts),
 * and what it shows is a public document anyone may read (read-access.ts).
 */
import type { RequestContext } from '../../context.js';
import type { IOrgUnit, IPeriod } from '../organisation/org-unit.entity.js';

/**
 * Every unit a published report of the kommun shows, by period: the report's unit and those
 * below it in the tree of the report's period (org_unit_version), so a unit moved in a later
 * period is judged by where it was. One statement per request.
 */
function publishedUnits(ctx: RequestContext, kommunId: number): Promise<Map<number, Set<number>>> {
  return ctx.memo(`published-units:${kommunId}`, async () => {
    const rows = await ctx.em.getConnection().execute<{ period_id: number; unit_id: number }[]>(
      `select distinct r.period_id, s.unit_id
         from report r
         join org_unit_version top on top.unit_id = r.unit_id and top.period_id = r.period_id
         join org_unit_version s on s.period_id = r.period_id and starts_with(s.path, top.path)
        where r.kommun_id = ? and r.status = 'published'`,
      [kommunId],
    );
    const byPeriod = new Map<number, Set<number>>();
    for (const r of rows) {
      const period = Number(r.period_id);
      if (!byPeriod.has(period)) byPeriod.set(period, new Set());
      byPeriod.get(period)!.add(Number(r.unit_id));
    }
    return byPeriod;
  });
}

/**
 * Whether a published report of the period shows a record of these units: one of them is a
 * report's unit or lies below it in that period. A period without any published report
 * costs no statement.
 */
export async function shownInPublishedReport(
  ctx: RequestContext,
  period: IPeriod,
  units: readonly Pick<IOrgUnit, 'id'>[],
): Promise<boolean> {
  if (!period.hasPublishedReport) return false;
  const shown = (await publishedUnits(ctx, period.kommun.id)).get(period.id);
  return shown !== undefined && units.some((unit) => shown.has(unit.id));
}
