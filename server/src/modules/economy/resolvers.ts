import type { Resolvers } from '../../generated/graphql.js';
import { enumValues } from '../../graphql/enum-values.js';
import { unitOf } from '../organisation/organisation.service.js';
import { editResultType, runEdit } from '../editing/edit-record.js';
import { editableFields } from '../editing/resolvers.js';
import { economyLineKind } from './economy-edit.js';
import {
  deviationForecast,
  deviationPeriod,
  economyInScope,
  economyTotals,
  investmentsInScope,
} from './economy.service.js';

export const economyResolvers: Resolvers = {
  Ledger: enumValues.Ledger,
  EconomyDimension: enumValues.EconomyDimension,
  UnitFollowUp: {
    economy: (scope, _, ctx) => economyInScope(ctx, scope),
    investments: (scope, _, ctx) => investmentsInScope(ctx, scope),
  },
  EconomyTable: {
    unit: (table, _, ctx) => unitOf(ctx, table.unit),
    totals: (table) => economyTotals(table),
  },
  EconomyLine: {
    unit: (line, _, ctx) => unitOf(ctx, line.unit),
    deviationPeriod: (line) => deviationPeriod(line),
    deviationForecast: (line) => deviationForecast(line),
    ...editableFields(economyLineKind),
  },
  EconomyLineEditResult: { __resolveType: editResultType('EconomyLine') },
  Mutation: {
    editEconomyLine: (_, { input }, ctx) => runEdit(ctx, economyLineKind, input),
  },
  Investment: {
    parentId: (inv) => inv.parent?.id ?? null,
    deviationTotal: (inv) =>
      inv.forecastTotal == null || inv.budgetTotal == null ? null : inv.forecastTotal - inv.budgetTotal,
  },
};
