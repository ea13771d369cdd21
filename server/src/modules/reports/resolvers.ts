import type { Resolvers } from '../../generated/graphql.js';
import { enumValues } from '../../graphql/enum-values.js';
import { parseId } from '../../graphql/errors.js';
import { loaded } from '../../graphql/loaded.js';
import { unitOf, versionOrLatest } from '../organisation/organisation.service.js';
import { editResultType, runEdit } from '../editing/edit-record.js';
import { editableFields } from '../editing/resolvers.js';
import { okOrValidationError } from '../editing/validation.js';
import { reportSectionKind } from './report-edit.js';
import { getReport, keyFiguresOf, reportsOf, sectionsOf } from './report.service.js';
import { authorOf } from '../editing/history.service.js';
import { getUnit } from '../organisation/organisation.service.js';
import {
  deleteDraftReport,
  draftReport,
  latestPublishedReport,
  publishReport,
} from './report-lifecycle.service.js';

const reportOrInvalid = {
  __resolveType: (r: object) => ('fieldErrors' in r ? 'ValidationError' : 'Report'),
} as const;

export const reportResolvers: Resolvers = {
  ReportType: enumValues.ReportType,
  ReportStatus: enumValues.ReportStatus,
  Query: {
    report: (_, { id }, ctx) => getReport(ctx, parseId(id, 'id')),
    latestPublishedReport: async (_, { unitId }, ctx) =>
      latestPublishedReport(ctx, await getUnit(ctx, parseId(unitId, 'unitId'))),
  },
  OrgUnit: {
    reports: (unit, _, ctx) => reportsOf(ctx, unit),
    latestPublishedReport: (unit, _, ctx) => latestPublishedReport(ctx, unit),
  },
  Report: {
    unit: (r, _, ctx) => unitOf(ctx, r.unit),
    period: (r) => loaded(r.period),
    unitInPeriod: async (r, _, ctx) =>
      versionOrLatest(ctx, await unitOf(ctx, r.unit), await loaded(r.period)),
    publishedBy: (r, _, ctx) => authorOf(ctx, r.publishedBy?.id),
    sections: (r, _, ctx) => sectionsOf(ctx, r),
    keyFigures: (r, _, ctx) => keyFiguresOf(ctx, r),
  },
  ReportSection: editableFields(reportSectionKind),
  ReportSectionEditResult: { __resolveType: editResultType('ReportSection') },
  CreateDraftReportResult: reportOrInvalid,
  PublishReportResult: reportOrInvalid,
  Mutation: {
    editReportSection: (_, { input }, ctx) => runEdit(ctx, reportSectionKind, input),
    createDraftReport: async (_, { input }, ctx) => okOrValidationError(await draftReport(ctx, input)),
    publishReport: async (_, { id }, ctx) => okOrValidationError(await publishReport(ctx, id)),
    deleteDraftReport: (_, { id }, ctx) => deleteDraftReport(ctx, id),
  },
  ReportKeyFigure: {
    value: (f) => Number(f.value),
  },
};
