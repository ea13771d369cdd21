import type { Resolvers } from '../../generated/graphql.js';
import { parseId } from '../../graphql/errors.js';
import { enumValues } from '../../graphql/enum-values.js';
import { DateScalar, KronorScalar } from '../../graphql/scalars.js';
import {
  ancestors,
  children,
  getKommun,
  getUnit,
  listKommuner,
  readablePeriodsOf,
  resolveScope,
  rootUnit,
} from './organisation.service.js';

export const organisationResolvers: Resolvers = {
  Kronor: KronorScalar,
  Date: DateScalar,
  UnitKind: enumValues.UnitKind,
  PeriodKind: enumValues.PeriodKind,
  Query: {
    kommuner: (_, __, ctx) => listKommuner(ctx),
    kommun: (_, { id }, ctx) => getKommun(ctx, parseId(id, 'id')),
    unit: (_, { id }, ctx) => getUnit(ctx, parseId(id, 'id')),
  },
  Kommun: {
    root: (kommun, _, ctx) => rootUnit(ctx, kommun),
    periods: (kommun, _, ctx) => readablePeriodsOf(ctx, kommun.id),
    latestPeriod: async (kommun, _, ctx) => (await readablePeriodsOf(ctx, kommun.id))[0] ?? null,
  },
  OrgUnit: {
    kommun: (unit, _, ctx) => getKommun(ctx, unit.kommun.id),
    parent: async (unit, _, ctx) => (unit.parent ? ((await ancestors(ctx, unit)).at(-1) ?? null) : null),
    ancestors: (unit, _, ctx) => ancestors(ctx, unit),
    children: (unit, _, ctx) => children(ctx, unit),
    followUp: (unit, { periodId }, ctx) =>
      resolveScope(ctx, unit, periodId == null ? null : parseId(periodId, 'periodId')),
  },
  UnitFollowUp: {
    id: (scope) => `${scope.unit.id}:${scope.period.id}`,
    unit: (scope) => scope.unit,
    period: (scope) => scope.period,
  },
};
