import type { Resolvers } from '../../generated/graphql.js';
import { enumValues } from '../../graphql/enum-values.js';
import { parseId } from '../../graphql/errors.js';
import { loaded } from '../../graphql/loaded.js';
import { unitAsOf, unitOf } from '../organisation/organisation.service.js';
import { editResultType, runEdit } from '../editing/edit-record.js';
import { editableFields } from '../editing/resolvers.js';
import { assessmentContradictsValues } from './indicator-assessment.js';
import { indicatorFollowUpKind, outcomeYear } from './indicator-edit.js';
import {
  followUpsOfIndicator,
  getIndicator,
  indicatorValues,
  indicatorsInScope,
  type IndicatorValueRow,
} from './indicator.service.js';

export const indicatorResolvers: Resolvers = {
  Direction: enumValues.Direction,
  IndicatorOrigin: enumValues.IndicatorOrigin,
  Query: {
    indicator: (_, { id }, ctx) => getIndicator(ctx, parseId(id, 'id')),
  },
  UnitFollowUp: {
    indicators: (scope, _, ctx) => indicatorsInScope(ctx, scope),
  },
  IndicatorFollowUp: {
    indicator: (f) => f.indicator,
    unit: (f, _, ctx) => unitOf(ctx, f.unit),
    unitInPeriod: (f, _, ctx) => unitAsOf(ctx, f.unit, f.period),
    responsibleUnitInPeriod: (f, _, ctx) => unitAsOf(ctx, f.indicator.responsibleUnit, f.period),
    period: (f) => loaded(f.period),
    assessmentContradictsValues: async (f, _, ctx) =>
      assessmentContradictsValues(
        f.assessment,
        f.indicator.direction,
        await indicatorValues(ctx, f.indicator),
      ),
    outcome: async (f, _, ctx) => {
      const year = outcomeYear(await loaded(f.period));
      // What the unit reported in this period, else the series' figure for the year.
      if (f.outcome != null) {
        const reported: IndicatorValueRow = {
          indicatorId: f.indicator.id,
          kind: 'outcome',
          year,
          value: f.outcome,
          preliminary: true,
          label: null,
          note: null,
        };
        return reported;
      }
      const values = await indicatorValues(ctx, f.indicator);
      return values.find((v) => v.kind === 'outcome' && v.year === year) ?? null;
    },
    ...editableFields(indicatorFollowUpKind),
  },
  IndicatorFollowUpEditResult: { __resolveType: editResultType('IndicatorFollowUp') },
  Mutation: {
    editIndicatorFollowUp: (_, { input }, ctx) => runEdit(ctx, indicatorFollowUpKind, input),
  },
  Indicator: {
    goal: (i) => loaded(i.goal),
    responsibleUnit: (i, _, ctx) => unitOf(ctx, i.responsibleUnit),
    outcomes: async (i, _, ctx) => (await indicatorValues(ctx, i)).filter((v) => v.kind === 'outcome'),
    targets: async (i, _, ctx) => (await indicatorValues(ctx, i)).filter((v) => v.kind === 'target'),
    followUps: (i, _, ctx) => followUpsOfIndicator(ctx, i),
  },
};
