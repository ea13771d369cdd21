import type { RequestContext } from '../../context.js';
import { notFound } from '../../graphql/errors.js';
import { mayReadReport } from '../access/read-access.js';
import { raw } from '@mikro-orm/core';
import type { IOrgUnit } from '../organisation/org-unit.entity.js';
import { Report, ReportKeyFigure, ReportSection, type IReport } from './report.entity.js';

/**
 * The reports of the unit and the units below it that the request may read: each report of a
 * unit that was below it in the report's own period, so that a unit moved from a later period
 * leaves its earlier reports where they were.
 */
export async function reportsOf(ctx: RequestContext, unit: IOrgUnit): Promise<IReport[]> {
  const reports = await ctx.em.find(
    Report,
    {
      [raw(
        (alias) =>
          `(${alias}.unit_id, ${alias}.period_id) in (
             select s.unit_id, s.period_id from org_unit_version top
               join org_unit_version s on s.period_id = top.period_id and starts_with(s.path, top.path)
              where top.unit_id = ? and top.path <> '')`,
        [unit.id],
      )]: [],
    },
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
