/**
 * The shape of the demo data files in `seed-data/`.
 *
 * Each file is a transcription of (part of) one source report. Records refer to each other
 * by `key`: short, stable, human-readable slugs that are unique within a kommun. Several
 * files may describe the same kommun; the loader merges them by key, so a goal defined in
 * one file can be followed up in another.
 *
 * Amounts are written in tkr exactly as printed (whole numbers); the loader turns them into
 * whole kronor. Economy tables say which sign convention their source used, and the loader
 * normalises to ours (income +, cost −, deviation = outcome − budget, positive favourable).
 */
import { z } from 'zod';
import {
  assignmentKinds,
  assignmentStatuses,
  forecasts,
} from '../../modules/assignments/assignment.entity.js';
import { goalAssessments, trends } from '../../modules/goals/goal.entity.js';
import { directions, indicatorOrigins } from '../../modules/indicators/indicator.entity.js';
import { periodKinds, unitKinds } from '../../modules/organisation/org-unit.entity.js';
import { reportTypes } from '../../modules/reports/report.entity.js';

const key = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'keys are lower-case slugs');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD');
const year = z.number().int().min(1990).max(2100);
/** An amount in tkr as printed; null where the report prints nothing or a dash. */
const tkr = z.number().int().nullable();
const text = z.string().min(1);

export const signConventions = [
  /** Income positive, costs negative, deviation = outcome − budget (Norrtälje, Alingsås). */
  'incomePositive',
  /** Net costs positive, deviation = budget − outcome (the monthly follow-up in 002). */
  'netCostPositive',
] as const;

export const seedUnit = z.object({
  key,
  name: text,
  kind: z.enum(unitKinds),
  /** The parent unit's key; null only for the kommun itself. */
  parent: key.nullable(),
  shortName: text.optional(),
});

export const seedPeriod = z.object({
  /** e.g. `2024`, `2025-jan-jul`, `2025-11`. */
  key,
  /** As the reports name it: "2024", "Jan–Jul 2025", "Jan–Aug 2024", "November 2025". */
  label: text,
  kind: z.enum(periodKinds),
  start: isoDate,
  end: isoDate,
});

export const seedGoalArea = z.object({
  key,
  /** "1" for Norrtälje's målområde 1, "Mål 1" style numbering is written as "1". */
  code: text,
  title: text,
  agenda2030: z.array(z.number().int().min(1).max(17)).optional(),
});

export const seedGoal = z.object({
  key,
  area: key,
  /** "1.1"; for a kommun whose goal areas are the goals themselves, the area's code. */
  code: text,
  title: text,
});

export const seedGoalFollowUp = z.object({
  goal: key,
  unit: key,
  period: key,
  assessment: z.enum(goalAssessments),
  trend: z.enum(trends).nullable(),
  analysis: text.nullable(),
});

export const seedIndicatorValue = z.object({
  year,
  /** null where the report prints no value ("Inget värde angivet", "*", "-"). */
  value: z.number().nullable(),
  preliminary: z.boolean().optional(),
  /** The column heading when it says more than the year, e.g. "Dec 2024", "Prel 2024". */
  label: text.optional(),
  /** Why the value is missing or what it means, e.g. the footnote behind a "*". */
  note: text.optional(),
});

export const seedIndicator = z.object({
  key,
  goal: key,
  name: text,
  /** As printed: "%", "antal", "kr per invånare", "minuter", "index", "ranking", "dagar" … */
  unit: text,
  direction: z.enum(directions),
  origin: z.enum(indicatorOrigins),
  responsibleUnit: key,
  /** The Kolada KPI id when the indicator is a Kolada measure (see shared/kolada/kpi.csv). */
  koladaKpiId: z
    .string()
    .regex(/^[NU]\d{5}$/)
    .optional(),
  values: z.array(seedIndicatorValue),
  targets: z.array(seedIndicatorValue),
});

export const seedIndicatorFollowUp = z.object({
  indicator: key,
  /** The unit doing the follow-up (the office whose report it is). */
  unit: key,
  period: key,
  assessment: z.enum(goalAssessments).nullable(),
  trend: z.enum(trends).nullable(),
  comment: text.nullable(),
  commentDate: isoDate.nullable(),
});

export const seedAssignment = z.object({
  key,
  kind: z.enum(assignmentKinds),
  title: text,
  /** The office (or board) whose list the assignment is on. */
  ownerUnit: key,
  /** "Ansvarig avdelning". */
  responsibleUnit: key.nullable(),
  dueDate: isoDate.nullable(),
  /**
   * The year of the Mål och budget (or board decision) the assignment comes from, where a
   * source says it; null where none does. One that continues an earlier year's assignment
   * (its `successor`) or was followed up in an earlier year is "kvarvarande" by that alone.
   */
  originYear: year.nullable(),
  /**
   * For "Stängs och övergår i nytt uppdrag": the assignment it continues as, where a source
   * names it (the next year's list carries it on).
   */
  successor: key.nullable().optional(),
});

export const seedAssignmentFollowUp = z.object({
  assignment: key,
  period: key,
  /** The inriktningsmål the period's report lists it under; null where it lists none. */
  goal: key.nullable(),
  status: z.enum(assignmentStatuses),
  forecast: z.enum(forecasts).nullable(),
  comment: text.nullable(),
  commentDate: isoDate.nullable(),
  /** "Orsak till försening" where the report prints it apart from the comment. */
  deviationReason: text.optional(),
  /** "Ny försenad tidplan" as printed, where the report gives the assignment a new one. */
  newTimeline: text.optional(),
  /** The day `newTimeline` names; left out when it names none ("Under 2025 …"). */
  newDueDate: isoDate.optional(),
});

export const seedEconomyLine = z.object({
  /**
   * The unit the line is about: a department for lines "per verksamhet", the table's own
   * unit for lines per account group.
   */
  unit: key,
  /** null for a line per unit; otherwise the account group as printed ("Intäkter" …). */
  accountGroup: text.nullable(),
  /** Lines that are part of another line (kapitalkostnader of kostnader) name it here. */
  partOf: text.optional(),
  label: text,
  budgetPeriod: tkr,
  outcomePeriod: tkr,
  outcomePreviousYearPeriod: tkr,
  budgetFullYear: tkr,
  forecastFullYear: tkr,
  /** "Avvikelse budget och utfall för perioden". */
  deviationExplanation: text.optional(),
  /** "Prognosavvikelse". */
  forecastExplanation: text.optional(),
  /**
   * false for a line the report prints but leaves out of its total row (002's total for
   * Kommunledningsstaben leaves out TIA-avdelningen); `note` says so.
   */
  countsInTotal: z.boolean().optional(),
  note: text.optional(),
});

export const seedEconomyTable = z.object({
  /** The unit whose report the table is in (the office). */
  unit: key,
  period: key,
  /** "drift" (operating account) or "exploatering" (land development, kept apart). */
  ledger: z.enum(['drift', 'exploatering']),
  /** "per verksamhet" or "per kontogrupp". */
  dimension: z.enum(['unit', 'accountGroup']),
  signConvention: z.enum(signConventions),
  /** "Prognos 3", "Prognos efter aug" … */
  forecastLabel: text.nullable(),
  lines: z.array(seedEconomyLine).min(1),
});

export const seedInvestment = z.object({
  key,
  unit: key,
  period: key,
  /** The category line this project is part of (its key), if any. */
  parent: key.nullable(),
  projectNumber: text.nullable(),
  name: text,
  budgetTotal: tkr,
  forecastTotal: tkr,
  outcomeAccumulated: tkr,
  budgetYear: tkr,
  forecastYear: tkr,
  outcomeYear: tkr,
  outcomePreviousYear: tkr,
  comment: text.optional(),
});

export const seedSickLeave = z.object({
  unit: key,
  period: key,
  /** What the figure covers: "2024-03" for a month, "2024" or "2024-01-01/2024-07-31". */
  measured: text,
  /** "Totalt", "Kvinnor", "Män", "<29 år", "30-49 år", "50 år>", "Dag 1-14", "Dag 15-59" … */
  group: text,
  /** Whose figure: the unit's own or the whole kommun's, printed beside it for comparison. */
  scope: z.enum(['unit', 'kommun']),
  percent: z.number().nullable(),
});

export const seedStaffTurnover = z.object({
  unit: key,
  period: key,
  year,
  /** "Extern", "Intern", "Total". */
  kind: text,
  percent: z.number().nullable(),
  scope: z.enum(['unit', 'kommun']),
});

export const seedInternalControl = z.object({
  unit: key,
  period: key,
  risk: text,
  description: text,
  riskValue: z.number().int().nullable(),
  followUp: text.nullable(),
  result: text.nullable(),
  assessment: text.nullable(),
  action: text.nullable(),
});

export const seedReportSection = z.object({
  heading: text,
  body: text,
});

export const seedKeyFigure = z.object({
  label: text,
  value: z.number(),
  /** "tkr", "mnkr", "antal", "%". */
  unit: text,
});

export const seedReport = z.object({
  key,
  unit: key,
  period: key,
  type: z.enum(reportTypes),
  title: text,
  /** The source file in shared/seeds this report was transcribed from, e.g. "001". */
  source: z.string().regex(/^\d{3}$/),
  publishedAt: isoDate.nullable(),
  sections: z.array(seedReportSection),
  keyFigures: z.array(seedKeyFigure).optional(),
});

/**
 * Not from the source reports: the demo's working period, opened the way staff open one
 * (every follow-up starts from its latest earlier version), with draft reports whose
 * sections start from the unit's latest report. It gives editors something to edit,
 * since every transcribed period is covered by a published report and so frozen.
 */
export const seedWorkingPeriod = seedPeriod.extend({
  draftReports: z.array(z.object({ key, unit: key, type: z.enum(reportTypes), title: text }).strict()),
});

export const seedFile = z
  .object({
    kommun: z.object({
      /** Kolada's four-digit code; null for the kommun of 002, which is not named. */
      code: z
        .string()
        .regex(/^\d{4}$/)
        .nullable(),
      name: text,
    }),
    units: z.array(seedUnit).optional(),
    periods: z.array(seedPeriod).optional(),
    goalAreas: z.array(seedGoalArea).optional(),
    goals: z.array(seedGoal).optional(),
    goalFollowUps: z.array(seedGoalFollowUp).optional(),
    indicators: z.array(seedIndicator).optional(),
    indicatorFollowUps: z.array(seedIndicatorFollowUp).optional(),
    assignments: z.array(seedAssignment).optional(),
    assignmentFollowUps: z.array(seedAssignmentFollowUp).optional(),
    economyTables: z.array(seedEconomyTable).optional(),
    investments: z.array(seedInvestment).optional(),
    sickLeave: z.array(seedSickLeave).optional(),
    staffTurnover: z.array(seedStaffTurnover).optional(),
    internalControls: z.array(seedInternalControl).optional(),
    reports: z.array(seedReport).optional(),
    workingPeriods: z.array(seedWorkingPeriod).optional(),
  })
  .strict();

export type SeedFile = z.infer<typeof seedFile>;
