import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Goal, goalAssessments, trends } from '../goals/goal.entity.js';
import { Kommun, OrgUnit, Period } from '../organisation/org-unit.entity.js';
import { editableProperties } from '../../db/editable-properties.js';

export const directions = ['higher', 'lower', 'none'] as const;
export const indicatorOrigins = ['KF', 'Nämnd'] as const;

/** A measure under an inriktningsmål, decided by the council (KF) or the board (Nämnd). */
export const Indicator = defineEntity({
  name: 'Indicator',
  tableName: 'indicator',
  properties: {
    id: p.integer().primary(),
    kommun: () => p.manyToOne(Kommun),
    goal: () => p.manyToOne(Goal).index(),
    key: p.string().length(80),
    name: p.text(),
    unitOfMeasure: p.string().length(60),
    /** Which way is better: "lower" for response times and rankings, "higher" for most shares. */
    direction: p.enum([...directions]).length(10),
    origin: p.enum([...indicatorOrigins]).length(10),
    responsibleUnit: () => p.manyToOne(OrgUnit).index(),
    koladaKpiId: p.string().length(10).nullable(),
    /** Decimals the kommun shows its values with; null: as entered. */
    decimals: p.smallint().nullable(),
  },
  uniques: [{ properties: ['kommun', 'key'] }],
});
export type IIndicator = InferEntity<typeof Indicator>;

export const indicatorValueKinds = ['outcome', 'target'] as const;

/**
 * One yearly outcome or target. A missing value stays null with its note: "no value" must
 * never read as zero.
 */
export const IndicatorValue = defineEntity({
  name: 'IndicatorValue',
  tableName: 'indicator_value',
  properties: {
    id: p.integer().primary(),
    indicator: () => p.manyToOne(Indicator),
    kind: p.enum([...indicatorValueKinds]).length(10),
    year: p.smallint(),
    value: p.decimal('number').precision(14).scale(4).nullable(),
    preliminary: p.boolean().default(false),
    label: p.string().length(40).nullable(),
    note: p.text().nullable(),
    ...editableProperties(),
  },
  uniques: [{ properties: ['indicator', 'kind', 'year'] }],
});
export type IIndicatorValue = InferEntity<typeof IndicatorValue>;

/**
 * A unit's assessment of an indicator for one period, with its dated comment. The outcome
 * the unit reports belongs to the follow-up, not to the yearly series: a later period's
 * figure for the same year must never change what a published report of an earlier one said.
 */
export const IndicatorFollowUp = defineEntity({
  name: 'IndicatorFollowUp',
  tableName: 'indicator_follow_up',
  properties: {
    id: p.integer().primary(),
    indicator: () => p.manyToOne(Indicator),
    unit: () => p.manyToOne(OrgUnit),
    period: () => p.manyToOne(Period),
    /** The outcome reported in this period for the year it ends in; preliminary by nature. */
    outcome: p.decimal('number').precision(14).scale(4).nullable(),
    assessment: p
      .enum([...goalAssessments])
      .length(20)
      .nullable(),
    trend: p
      .enum([...trends])
      .length(20)
      .nullable(),
    comment: p.text().nullable(),
    commentDate: p.date().nullable(),
    ...editableProperties(),
  },
  uniques: [{ properties: ['indicator', 'unit', 'period'] }],
  indexes: [{ properties: ['unit', 'period'] }],
});
export type IIndicatorFollowUp = InferEntity<typeof IndicatorFollowUp>;
