import type { EntityManager } from '@mikro-orm/postgresql';
import { Report, ReportSection, type IReport, type reportTypes } from './report.entity.js';

export interface NewDraftReport {
  kommunId: number;
  unitId: number;
  periodId: number;
  key: string;
  type: (typeof reportTypes)[number];
  title: string;
}

/**
 * The headings a unit's first report starts with, those the source reports open with: without
 * them a kommun's first draft would have nothing to write in and could never be published.
 */
export const firstReportHeadings = ['Sammanfattning', 'Viktiga händelser', 'Riskanalys'] as const;

/**
 * A draft report whose narrative sections start as those of the unit's latest report:
 * the headings stay year to year, and editors rewrite the text. A first report starts with
 * the usual headings and no text.
 */
export async function createDraftReport(em: EntityManager, spec: NewDraftReport): Promise<IReport> {
  const previous = await em.findOne(
    Report,
    { unit: spec.unitId, period: { id: { $ne: spec.periodId } } },
    { orderBy: { period: { endDate: 'desc' } }, populate: ['sections'] },
  );
  const report = em.create(Report, {
    kommun: spec.kommunId,
    unit: spec.unitId,
    period: spec.periodId,
    key: spec.key,
    type: spec.type,
    title: spec.title,
    status: 'draft',
    publishedAt: null,
    source: null,
  });
  const sections = previous
    ? previous.sections.getItems()
    : firstReportHeadings.map((heading, position) => ({ heading, position, body: '' }));
  for (const section of sections) {
    em.create(ReportSection, {
      report,
      position: section.position,
      heading: section.heading,
      body: section.body,
    });
  }
  await em.flush();
  return report;
}
