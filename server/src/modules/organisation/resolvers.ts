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
  unitInPeriodFor,
  unitOf,
  versionOrLatest,
} from './organisation.service.js';
import { OrgUnit } from './org-unit.entity.js';
import { okOrValidationError } from '../editing/validation.js';
import {
  closeUnit,
  createUnit,
  moveUnit,
  organisationInPeriod,
  renameUnit,
} from './organisation-admin.service.js';
import { ancestorsInPeriod, childrenInPeriod, parentInPeriod } from './unit-in-period.js';
import { scopeTree } from './unit-scope.js';

export const organisationResolvers: Resolvers = {
  Kronor: KronorScalar,
  Date: DateScalar,
  UnitKind: enumValues.UnitKind,
  PeriodKind: enumValues.PeriodKind,
  Query: {
    kommuner: (_, __, ctx) => listKommuner(ctx),
    kommun: (_, { id }, ctx) => getKommun(ctx, parseId(id, 'id')),
    unit: (_, { id }, ctx) => getUnit(ctx, parseId(id, 'id')),
    organisationInPeriod: (_, { periodId }, ctx) => organisationInPeriod(ctx, periodId),
  },
  Mutation: {
    createUnit: async (_, { input }, ctx) => okOrValidationError(await createUnit(ctx, input)),
    renameUnit: async (_, { input }, ctx) => okOrValidationError(await renameUnit(ctx, input)),
    moveUnit: async (_, { input }, ctx) => okOrValidationError(await moveUnit(ctx, input)),
    closeUnit: async (_, { input }, ctx) => okOrValidationError(await closeUnit(ctx, input)),
  },
  UnitChangeResult: {
    __resolveType: (result) => ('fieldErrors' in result ? 'ValidationError' : 'UnitInPeriod'),
  },
  UnitInPeriod: {
    id: (v) => `${v.unitId}:${v.periodId}`,
    unitId: (v) => String(v.unitId),
    parentId: (v) => (v.parentId == null ? null : String(v.parentId)),
    unit: (v, _, ctx) => unitOf(ctx, ctx.em.getReference(OrgUnit, v.unitId)),
    parent: (v, _, ctx) => parentInPeriod(ctx, v),
    ancestors: (v, _, ctx) => ancestorsInPeriod(ctx, v),
    children: (v, _, ctx) => childrenInPeriod(ctx, v),
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
    inPeriod: (unit, { periodId }, ctx) =>
      unitInPeriodFor(ctx, unit, periodId == null ? null : parseId(periodId, 'periodId')),
    followUp: (unit, { periodId }, ctx) =>
      resolveScope(ctx, unit, periodId == null ? null : parseId(periodId, 'periodId')),
  },
  UnitFollowUp: {
    id: (scope) => `${scope.unit.id}:${scope.period.id}`,
    unit: (scope) => scope.unit,
    period: (scope) => scope.period,
    // From the tree the page's lists read anyway: no statement of its own.
    unitInPeriod: async (scope, _, ctx) =>
      (await scopeTree(ctx, scope)).versions.get(scope.unit.id) ??
      versionOrLatest(ctx, scope.unit, scope.period),
  },
};
