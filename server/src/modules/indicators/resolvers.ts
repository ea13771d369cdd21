import type { Resolvers } from '../../generated/graphql.js';
import { enumValues } from '../../graphql/enum-values.js';
import { parseId } from '../../graphql/errors.js';
import { loaded } from '../../graphql/loaded.js';
import { unitOf } from '../organisation/organisation.service.js';
import { getIndicator, indicatorValues, indicatorsInScope } from './indicator.service.js';

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
  },
  Indicator: {
    goal: (i) => loaded(i.goal),
    responsibleUnit: (i, _, ctx) => unitOf(ctx, i.responsibleUnit),
    outcomes: async (i, _, ctx) => (await indicatorValues(ctx, i)).filter((v) => v.kind === 'outcome'),
    targets: async (i, _, ctx) => (await indicatorValues(ctx, i)).filter((v) => v.kind === 'target'),
  },
};
