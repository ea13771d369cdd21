import { z } from 'zod';
import { mayReadReport } from '../access/read-access.js';
import type { EditableKind } from '../editing/edit-record.js';
import { columnLength } from '../../db/column-length.js';
import { requiredText } from '../editing/validation.js';
import { ReportSection, type IReportSection } from './report.entity.js';

const changes = z.object({
  heading: requiredText('Rubriken', columnLength(ReportSection, 'heading')),
  body: requiredText('Texten', 20000),
});

/** A section of a draft report; publishing the report freezes it. */
export const reportSectionKind: EditableKind<IReportSection, z.infer<typeof changes>> = {
  entity: ReportSection,
  typename: 'ReportSection',
  populate: ['report.unit'],
  unitsOf: (s) => [s.report.unit],
  periodOf: () => null,
  treePeriodOf: (s) => s.report.period,
  published: (s) => s.report.status === 'published',
  mayRead: (ctx, s) => mayReadReport(ctx, s.report),
  input: changes,
};
