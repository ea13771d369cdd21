import type { RequestContext } from '../../context.js';
import { notFound } from '../../graphql/errors.js';
import type { IOrgUnit } from '../organisation/org-unit.entity.js';
import { subtreePattern } from '../organisation/unit-scope.js';
import { Report, ReportKeyFigure, ReportSection, type IReport } from './report.entity.js';

export function reportsOf(ctx: RequestContext, unit: IOrgUnit): Promise<IReport[]> {
  return ctx.em.find(
    Report,
    { unit: { path: { $like: subtreePattern(unit) } } },
    { populate: ['period'], orderBy: { period: { endDate: 'desc' }, unit: { path: 'asc' }, id: 'asc' } },
  );
}

export async function getReport(ctx: RequestContext, id: number): Promise<IReport> {
  const report = await ctx.em.findOne(Report, { id }, { populate: ['period', 'unit'] });
  if (!report) throw notFound('Rapporten', id);
  return report;
}

export const sectionsOf = (ctx: RequestContext, report: IReport) =>
  ctx.em.find(ReportSection, { report }, { orderBy: { position: 'asc' } });

export const keyFiguresOf = (ctx: RequestContext, report: IReport) =>
  ctx.em.find(ReportKeyFigure, { report }, { orderBy: { position: 'asc' } });
