import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Kommun, OrgUnit, Period } from '../organisation/org-unit.entity.js';
import { editableProperties } from '../../db/editable-properties.js';

export const goalAssessments = ['Uppfyllt', 'Delvis uppfyllt', 'Ej uppfyllt', 'Ej bedömd'] as const;
export const trends = ['Positiv', 'Negativ', 'Oförändrad', 'Ej utvärderad'] as const;

/** Målområde: a KF-level goal area ("1. Norrtälje ska ha en sund och hållbar ekonomi i balans"). */
export const GoalArea = defineEntity({
  name: 'GoalArea',
  tableName: 'goal_area',
  properties: {
    id: p.integer().primary(),
    kommun: () => p.manyToOne(Kommun),
    key: p.string().length(80),
    code: p.string().length(20),
    title: p.text(),
    agenda2030: p
      .array((v) => Number(v))
      .columnType('smallint[]')
      .default('{}'),
  },
  uniques: [{ properties: ['kommun', 'key'] }],
});
export type IGoalArea = InferEntity<typeof GoalArea>;

/** Inriktningsmål: a goal under a goal area ("1.1 En ekonomi i balans"). */
export const Goal = defineEntity({
  name: 'Goal',
  tableName: 'goal',
  properties: {
    id: p.integer().primary(),
    kommun: () => p.manyToOne(Kommun),
    area: () => p.manyToOne(GoalArea).index(),
    key: p.string().length(80),
    code: p.string().length(20),
    title: p.text(),
  },
  uniques: [{ properties: ['kommun', 'key'] }],
});
export type IGoal = InferEntity<typeof Goal>;

/** A unit's assessment of a goal for one period, with the analysis behind it. */
export const GoalFollowUp = defineEntity({
  name: 'GoalFollowUp',
  tableName: 'goal_follow_up',
  properties: {
    id: p.integer().primary(),
    goal: () => p.manyToOne(Goal),
    unit: () => p.manyToOne(OrgUnit),
    period: () => p.manyToOne(Period),
    assessment: p.enum([...goalAssessments]).length(20),
    trend: p
      .enum([...trends])
      .length(20)
      .nullable(),
    analysis: p.text().nullable(),
    ...editableProperties(),
  },
  uniques: [{ properties: ['goal', 'unit', 'period'] }],
  indexes: [{ properties: ['unit', 'period'] }],
});
export type IGoalFollowUp = InferEntity<typeof GoalFollowUp>;
