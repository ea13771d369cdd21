import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { OrgUnit, Period } from '../organisation/org-unit.entity.js';

export const figureScopes = ['unit', 'kommun'] as const;

/** Sick leave in percent for a group (total, women, an age band …) and a month or period. */
export const SickLeave = defineEntity({
  name: 'SickLeave',
  tableName: 'sick_leave',
  properties: {
    id: p.integer().primary(),
    unit: () => p.manyToOne(OrgUnit),
    period: () => p.manyToOne(Period),
    position: p.integer(),
    measured: p.string().length(40),
    group: p.string().length(60),
    /** The unit's own figure, or the whole kommun's printed beside it for comparison. */
    scope: p.enum([...figureScopes]).length(10),
    percent: p.decimal('number').precision(6).scale(2).nullable(),
  },
  uniques: [{ properties: ['unit', 'period', 'position'] }],
  indexes: [{ properties: ['period', 'unit'] }],
});
export type ISickLeave = InferEntity<typeof SickLeave>;

/** Staff turnover in percent (external, internal, total) for a year. */
export const StaffTurnover = defineEntity({
  name: 'StaffTurnover',
  tableName: 'staff_turnover',
  properties: {
    id: p.integer().primary(),
    unit: () => p.manyToOne(OrgUnit),
    period: () => p.manyToOne(Period),
    position: p.integer(),
    year: p.smallint(),
    kind: p.string().length(40),
    scope: p.enum([...figureScopes]).length(10),
    percent: p.decimal('number').precision(6).scale(2).nullable(),
  },
  uniques: [{ properties: ['unit', 'period', 'position'] }],
  indexes: [{ properties: ['period', 'unit'] }],
});
export type IStaffTurnover = InferEntity<typeof StaffTurnover>;
