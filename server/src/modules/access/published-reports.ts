/**
 * What a published report shows: the follow-up of its unit and the units below it, for its
 * period. One rule for two consequences: what it shows can never change (edit-access.ts),
 * and what it shows is a public document anyone may read (read-access.ts).
 */
import type { RequestContext } from '../../context.js';
import type { IOrgUnit, IPeriod } from '../organisation/org-unit.entity.js';

interface PublishedScope {
  periodId: number;
  /** The materialised path of the report's unit: its subtree is every path with this prefix. */
  path: string;
}

/** Every published report of the kommun as period and unit path: one statement per request. */
function publishedScopes(ctx: RequestContext, kommunId: number): Promise<PublishedScope[]> {
  return ctx.memo(`published-scopes:${kommunId}`, async () => {
    const rows = await ctx.em.getConnection().execute<{ period_id: number; path: string }[]>(
      `select r.period_id, u.path
         from report r join org_unit u on u.id = r.unit_id
        where r.kommun_id = ? and r.status = 'published'`,
      [kommunId],
    );
    return rows.map((r) => ({ periodId: Number(r.period_id), path: r.path }));
  });
}

/**
 * Whether a published report of the period shows a record of these units: one of them is a
 * report's unit or lies below it (their paths must be loaded). A period without any published
 * report costs no statement.
 */
export async function shownInPublishedReport(
  ctx: RequestContext,
  period: IPeriod,
  units: readonly Pick<IOrgUnit, 'path'>[],
): Promise<boolean> {
  if (!period.hasPublishedReport) return false;
  const scopes = (await publishedScopes(ctx, period.kommun.id)).filter((s) => s.periodId === period.id);
  return units.some((unit) => scopes.some((s) => unit.path.startsWith(s.path)));
}
