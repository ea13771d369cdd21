import type { RequestContext } from '../../context.js';
import { notFound } from '../../graphql/errors.js';
import { mayReadReport } from '../access/read-access.js';
import type { IOrgUnit } from '../organisation/org-unit.entity.js';
import { subtreePattern } from '../organisation/unit-scope.js';
import { Report, ReportKeyFigure, ReportSection, type IReport } from './report.entity.js';

/** The reports of the unit and the units below it that the request may read. */
export async function reportsOf(ctx: RequestContext, unit: IOrgUnit): Promise<IReport[]> {
  const reports = await ctx.em.find(
    Report,
    { unit: { path: { $like: subtreePattern(unit) } } },
    { populate: ['period'], orderBy: { period: { endDate: 'desc' }, unit: { path: 'asc' }, id: 'asc' } },
  );
  return reports.filter((r) => mayReadReport(ctx, r));
}

/** A report; a draft the request may not read answers as if there were none. */
export async function getReport(ctx: RequestContext, id: number): Promise<IReport> {
  const report = await ctx.em.findOne(Report, { id }, { populate: ['period', 'unit'] });
  if (!report || !mayReadReport(ctx, report)) throw notFound('Rapporten', id);
  return report;
}

export const sectionsOf = (ctx: RequestContext, report: IReport) =>
  ctx.em.find(ReportSection, { report }, { orderBy: { position: 'asc' } });

export const keyFiguresOf = (ctx: RequestContext, report: IReport) =>
  ctx.em.find(ReportKeyFigure, { report }, { orderBy: { position: 'asc' } });
