import type { Resolvers } from '../../generated/graphql.js';
import { enumValues } from '../../graphql/enum-values.js';
import { parseId } from '../../graphql/errors.js';
import { loaded } from '../../graphql/loaded.js';
import { unitOf } from '../organisation/organisation.service.js';
import { editResultType, runEdit } from '../editing/edit-record.js';
import { editableFields } from '../editing/resolvers.js';
import { reportSectionKind } from './report-edit.js';
import { getReport, keyFiguresOf, reportsOf, sectionsOf } from './report.service.js';

export const reportResolvers: Resolvers = {
  ReportType: enumValues.ReportType,
  ReportStatus: enumValues.ReportStatus,
  Query: {
    report: (_, { id }, ctx) => getReport(ctx, parseId(id, 'id')),
  },
  OrgUnit: {
    reports: (unit, _, ctx) => reportsOf(ctx, unit),
  },
  Report: {
    unit: (r, _, ctx) => unitOf(ctx, r.unit),
    period: (r) => loaded(r.period),
    sections: (r, _, ctx) => sectionsOf(ctx, r),
    keyFigures: (r, _, ctx) => keyFiguresOf(ctx, r),
  },
  ReportSection: editableFields(reportSectionKind),
  ReportSectionEditResult: { __resolveType: editResultType('ReportSection') },
  Mutation: {
    editReportSection: (_, { input }, ctx) => runEdit(ctx, reportSectionKind, input),
  },
  ReportKeyFigure: {
    value: (f) => Number(f.value),
  },
};
