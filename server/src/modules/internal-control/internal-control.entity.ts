import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { OrgUnit, Period } from '../organisation/org-unit.entity.js';

/** One risk of the internal-control plan and how it was followed up in a period. */
export const InternalControl = defineEntity({
  name: 'InternalControl',
  tableName: 'internal_control',
  properties: {
    id: p.integer().primary(),
    unit: () => p.manyToOne(OrgUnit),
    period: () => p.manyToOne(Period),
    position: p.integer(),
    risk: p.text(),
    description: p.text(),
    riskValue: p.smallint().nullable(),
    followUp: p.text().nullable(),
    result: p.text().nullable(),
    assessment: p.text().nullable(),
    action: p.text().nullable(),
  },
  uniques: [{ properties: ['unit', 'period', 'position'] }],
  indexes: [{ properties: ['period', 'unit'] }],
});
export type IInternalControl = InferEntity<typeof InternalControl>;
