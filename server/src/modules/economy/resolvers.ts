import type { Resolvers } from '../../generated/graphql.js';
import { enumValues } from '../../graphql/enum-values.js';
import { unitAsOf, unitOf } from '../organisation/organisation.service.js';
import { editResultType, runEdit } from '../editing/edit-record.js';
import { editableFields } from '../editing/resolvers.js';
import { economyLineKind } from './economy-edit.js';
import {
  economyInScope,
  economySubtotals,
  economyTotals,
  investmentsInScope,
  lineFigures,
} from './economy.service.js';

const figure = (name: string) => (line: Parameters<typeof lineFigures>[0]) => lineFigures(line)[name] ?? null;

export const economyResolvers: Resolvers = {
  Ledger: enumValues.Ledger,
  EconomyDimension: enumValues.EconomyDimension,
  UnitFollowUp: {
    economy: (scope, _, ctx) => economyInScope(ctx, scope),
    investments: (scope, _, ctx) => investmentsInScope(ctx, scope),
  },
  EconomyTable: {
    unit: (table, _, ctx) => unitOf(ctx, table.unit),
    unitInPeriod: (table, _, ctx) => unitAsOf(ctx, table.unit, table.period),
    totals: (table) => economyTotals(table),
    subtotals: (table) => economySubtotals(table),
  },
  EconomyLine: {
    unit: (line, _, ctx) => unitOf(ctx, line.unit),
    deviationMonth: figure('deviationMonth'),
    percentOfBudgetMonth: figure('percentOfBudgetMonth'),
    deviationPeriod: figure('deviationPeriod'),
    percentOfBudgetPeriod: figure('percentOfBudgetPeriod'),
    changeFromPreviousYear: figure('changeFromPreviousYear'),
    deviationForecast: figure('deviationForecast'),
    ...editableFields(economyLineKind),
  },
  EconomyLineEditResult: { __resolveType: editResultType('EconomyLine') },
  Mutation: {
    editEconomyLine: (_, { input }, ctx) => runEdit(ctx, economyLineKind, input),
  },
  Investment: {
    parentId: (inv) => inv.parent?.id ?? null,
    deviationTotal: (inv) => inv.figures.deviationTotal ?? null,
    deviationTotalPercent: (inv) => inv.figures.deviationTotalPercent ?? null,
    deviationYear: (inv) => inv.figures.deviationYear ?? null,
    changeFromPreviousYear: (inv) => inv.figures.changeFromPreviousYear ?? null,
  },
};
