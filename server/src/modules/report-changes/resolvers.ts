import type { RequestContext } from '../../context.js';
import type { Resolvers } from '../../generated/graphql.js';
import type { IOrgUnit } from '../organisation/org-unit.entity.js';
import { unitOf } from '../organisation/organisation.service.js';
import { unitInPeriod } from '../organisation/unit-in-period.js';
import { previousReport, reportChanges } from './report-changes.service.js';

// A change holds its unit as a reference; the scoped lists have usually loaded it already.
// Its unitInPeriod has the names and tree of the report's period, as the report was published.
const unitField = {
  unit: (change: { unit: IOrgUnit }, _: unknown, ctx: RequestContext) => unitOf(ctx, change.unit),
  unitInPeriod: async (change: { unit: IOrgUnit; periodId: number }, _: unknown, ctx: RequestContext) =>
    unitInPeriod(ctx, change.unit.id, change.periodId),
};

export const reportChangeResolvers: Resolvers = {
  Report: {
    previousReport: (r, _, ctx) => previousReport(ctx, r),
    changes: (r, { economyThreshold }, ctx) => reportChanges(ctx, r, economyThreshold),
  },
  AssignmentChange: unitField,
  GoalChange: unitField,
  IndicatorChange: unitField,
  EconomyLineChange: unitField,
};
