import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { OrgUnit, Period } from '../organisation/org-unit.entity.js';
import { editableProperties } from '../../db/editable-properties.js';

/** Whole kronor. bigint in the database; a JS number is exact far beyond any municipal budget. */
const kronor = () => p.bigint('number').nullable();

export const ledgers = ['drift', 'exploatering'] as const;

export interface EconomySubtotalSpec {
  label: string;
  /** Positions of the lines it adds up. */
  lines: number[];
}
export const economyDimensions = ['unit', 'accountGroup'] as const;

/**
 * One printed economy table of a unit's report for a period: the operating account per
 * department ("per verksamhet") or per account group, or the land-development account.
 * Totals are never stored: they are computed from the lines.
 */
export const EconomyTable = defineEntity({
  name: 'EconomyTable',
  tableName: 'economy_table',
  properties: {
    id: p.integer().primary(),
    unit: () => p.manyToOne(OrgUnit),
    period: () => p.manyToOne(Period),
    ledger: p.enum([...ledgers]).length(20),
    dimension: p.enum([...economyDimensions]).length(20),
    /** "Prognos 3", "Prognos efter aug". */
    forecastLabel: p.string().length(60).nullable(),
    /** The month of a monthly follow-up's month columns, as its headings print it ("nov"). */
    monthLabel: p.string().length(60).nullable(),
    /**
     * The subtotals the report prints between the lines ("Verksamhetens kostnader"), each of
     * the lines at the given positions; computed from them like the total, never stored.
     */
    subtotals: p.json<EconomySubtotalSpec[]>().nullable(),
    lines: () => p.oneToMany(EconomyLine).mappedBy('table'),
  },
  uniques: [{ properties: ['unit', 'period', 'ledger', 'dimension'] }],
  indexes: [{ properties: ['period', 'unit'] }],
});
export type IEconomyTable = InferEntity<typeof EconomyTable>;

/**
 * One line of an economy table, in our sign convention: income +, costs −, and
 * deviation = outcome − budget, so a positive deviation is favourable.
 */
export const EconomyLine = defineEntity({
  name: 'EconomyLine',
  tableName: 'economy_line',
  properties: {
    id: p.integer().primary(),
    table: () => p.manyToOne(EconomyTable),
    /** The department the line is about, or the table's own unit for account-group lines. */
    unit: () => p.manyToOne(OrgUnit).index(),
    accountGroup: p.string().length(80).nullable(),
    /** The label of the line this one is part of (kapitalkostnader of kostnader). */
    partOf: p.string().length(80).nullable(),
    label: p.string().length(200),
    position: p.integer(),
    /** The month columns of a monthly follow-up (002: "Budget nov", "Redovisning nov"). */
    budgetMonth: kronor(),
    outcomeMonth: kronor(),
    budgetPeriod: kronor(),
    outcomePeriod: kronor(),
    outcomePreviousYearPeriod: kronor(),
    budgetFullYear: kronor(),
    forecastFullYear: kronor(),
    /** "Avvikelse budget och utfall för perioden". */
    deviationExplanation: p.text().nullable(),
    /** "Prognosavvikelse". */
    forecastExplanation: p.text().nullable(),
    /** false for a line the report prints but leaves out of its total. */
    countsInTotal: p.boolean().default(true),
    note: p.text().nullable(),
    ...editableProperties(),
  },
  uniques: [{ properties: ['table', 'position'] }],
});
export type IEconomyLine = InferEntity<typeof EconomyLine>;

/**
 * An investment project or category line of a unit's report for a period, in the
 * convention of every amount here: an outlay is a cost, so negative (Norrtälje prints them
 * so; Alingsås prints them positive and the loader turns them). Deviations are forecast −
 * budget, positive favourable (spending less than budgeted). A category line ("Totalt …")
 * stores no amounts: they are the sums of the lines under it.
 */
export const Investment = defineEntity({
  name: 'Investment',
  tableName: 'investment',
  properties: {
    id: p.integer().primary(),
    unit: () => p.manyToOne(OrgUnit),
    period: () => p.manyToOne(Period),
    key: p.string().length(80),
    parent: () => p.manyToOne(Investment).nullable(),
    position: p.integer(),
    projectNumber: p.string().length(40).nullable(),
    name: p.string().length(300),
    budgetTotal: kronor(),
    forecastTotal: kronor(),
    outcomeAccumulated: kronor(),
    budgetYear: kronor(),
    forecastYear: kronor(),
    outcomeYear: kronor(),
    outcomePreviousYear: kronor(),
    comment: p.text().nullable(),
    /** About the transcription: how a cell of the source was read. */
    note: p.text().nullable(),
  },
  uniques: [{ properties: ['unit', 'period', 'key'] }],
  indexes: [{ properties: ['period', 'unit'] }],
});
export type IInvestment = InferEntity<typeof Investment>;
