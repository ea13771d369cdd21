import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Kommun, OrgUnit, Period } from '../organisation/org-unit.entity.js';
import { editableProperties } from '../../db/editable-properties.js';
import { User } from '../auth/user.entity.js';

export const reportTypes = [
  'månadsuppföljning',
  'tertialrapport',
  'delårsrapport',
  'verksamhetsberättelse',
  'tjänsteskrivelse',
] as const;
export const reportStatuses = ['draft', 'published'] as const;

/** A rapport of one unit for one period. Once published it is a public document. */
export const Report = defineEntity({
  name: 'Report',
  tableName: 'report',
  properties: {
    id: p.integer().primary(),
    kommun: () => p.manyToOne(Kommun),
    key: p.string().length(80),
    unit: () => p.manyToOne(OrgUnit).index(),
    period: () => p.manyToOne(Period),
    type: p.enum([...reportTypes]).length(30),
    title: p.string().length(300),
    status: p
      .enum([...reportStatuses])
      .length(20)
      .default('draft'),
    publishedAt: p.date().nullable(),
    /** The administratör who published it; null for the demo's transcribed reports. */
    publishedBy: () => p.manyToOne(User).nullable(),
    /** The source document in shared/seeds the demo report was transcribed from. */
    source: p.string().length(20).nullable(),
    sections: () => p.oneToMany(ReportSection).mappedBy('report'),
    keyFigures: () => p.oneToMany(ReportKeyFigure).mappedBy('report'),
  },
  uniques: [{ properties: ['kommun', 'key'] }],
});
export type IReport = InferEntity<typeof Report>;

/** A narrative section of a report (Sammanfattning, Viktiga händelser, Riskanalys …). */
export const ReportSection = defineEntity({
  name: 'ReportSection',
  tableName: 'report_section',
  properties: {
    id: p.integer().primary(),
    report: () => p.manyToOne(Report),
    position: p.integer(),
    heading: p.string().length(300),
    body: p.text(),
    ...editableProperties(),
  },
  uniques: [{ properties: ['report', 'position'] }],
});
export type IReportSection = InferEntity<typeof ReportSection>;

/** A figure the report states in its running text ("22,3 mnkr", "13 of 18 goals met"). */
export const ReportKeyFigure = defineEntity({
  name: 'ReportKeyFigure',
  tableName: 'report_key_figure',
  properties: {
    id: p.integer().primary(),
    report: () => p.manyToOne(Report),
    position: p.integer(),
    label: p.string().length(300),
    value: p.decimal('number').precision(16).scale(4),
    unit: p.string().length(20),
  },
  uniques: [{ properties: ['report', 'position'] }],
});
export type IReportKeyFigure = InferEntity<typeof ReportKeyFigure>;
