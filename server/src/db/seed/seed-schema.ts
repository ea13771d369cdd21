/**
 * The shape of the demo data files in `seed-data/`.
 *
 * Each file is a transcription of (part of) one source report. Records refer to each other
 * by `key`: short, stable, human-readable slugs that are unique within a kommun. Several
 * files may describe the same kommun; the loader merges them by key, so a goal defined in
 * one file can be followed up in another.
 *
 * Economy figures are written exactly as printed: tkr (whole numbers) and percentages, with
 * the deviations and totals the table prints. Beside them each line holds its amounts in
 * kronor, chosen by `solve-kronor.ts` so that every printed figure rounds to what the
 * source prints; the loader checks that they do. Economy and investment tables say which
 * sign convention their source used, and the loader normalises to ours (income +, cost and
 * outlay −, deviation = outcome − budget, positive favourable).
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
import {
  investmentAmountFields,
  investmentDerivations,
  lineAmountFields,
  lineDerivations,
} from '../../modules/economy/economy-figures.js';
import { reportTypes } from '../../modules/reports/report.entity.js';

const key = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'keys are lower-case slugs');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD');
const year = z.number().int().min(1990).max(2100);
const text = z.string().min(1);

export const signConventions = [
  /** Income positive, costs (and outlays) negative, deviation = outcome − budget (000, 001, 003's operating account). */
  'incomePositive',
  /**
   * Net costs (and outlays) positive, deviation = budget − outcome: the monthly follow-up
   * in 002 and 003's investments.
   */
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

/** A figure as printed: whole tkr, or a percentage; null where the report prints a blank or a dash. */
const printed = z.number().nullable().optional();
const printedFigures = <K extends string>(fields: readonly K[]) =>
  Object.fromEntries(fields.map((f) => [f, printed])) as Record<K, typeof printed>;
/** Whole kronor, chosen by `solve-kronor.ts` so that every printed figure of the table comes out. */
const kronorOf = <K extends string>(fields: readonly K[]) =>
  z
    .object(
      Object.fromEntries(fields.map((f) => [f, z.number().int().nullable().optional()])) as Record<
        K,
        z.ZodOptional<z.ZodNullable<z.ZodNumber>>
      >,
    )
    .strict();

export const lineFigureFields = [
  ...lineAmountFields,
  ...(Object.keys(lineDerivations) as (keyof typeof lineDerivations)[]),
] as const;
export const investmentFigureFields = [
  ...investmentAmountFields,
  ...(Object.keys(investmentDerivations) as (keyof typeof investmentDerivations)[]),
] as const;

/**
 * A printed figure that no kronor can give, found by `solve-kronor.ts`: the loader checks
 * that it indeed does not come out, and that every figure not listed does.
 */
export const seedUnreproduced = z
  .object({
    /** The label of the line (or subtotal, or total) as printed. */
    line: text,
    figure: z.enum([...lineFigureFields, ...investmentFigureFields]),
    /** The figures it cannot hold together with. */
    reason: text,
  })
  .strict();

export const seedEconomyLine = z
  .object({
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
    /**
     * The figures as printed, in the source's sign convention: amounts (absent where the
     * table has no such column) and the deviations, changes and percentages beside them.
     */
    ...printedFigures(lineFigureFields),
    /** The amounts in kronor; without them, the printed tkr × 1000. */
    kronor: kronorOf(lineAmountFields).optional(),
    /**
     * A line the report prints as the sum of other lines of the table (002's TIA-avdelningen
     * of the four rows below it), by their labels: its kronor are their sum.
     */
    sumOf: z.array(text).min(2).optional(),
    /** "Avvikelse budget och utfall för perioden". */
    deviationExplanation: text.optional(),
    /** "Prognosavvikelse". */
    forecastExplanation: text.optional(),
    /**
     * false for a line the report prints but leaves out of its total row (002's total for
     * Kommunledningsstaben adds the rows under TIA-avdelningen instead); `note` says so.
     */
    countsInTotal: z.boolean().optional(),
    note: text.optional(),
  })
  .strict();

/** A printed row that adds up lines: a subtotal of some, or the table's total. */
export const seedPrintedSum = z
  .object({
    label: text,
    ...printedFigures(lineFigureFields),
  })
  .strict();

export const seedEconomyTable = z
  .object({
    /** The unit whose report the table is in (the office). */
    unit: key,
    period: key,
    /** The source file in shared/seeds the table was transcribed from, e.g. "000". */
    source: z.string().regex(/^\d{3}$/),
    /** "drift" (operating account) or "exploatering" (land development, kept apart). */
    ledger: z.enum(['drift', 'exploatering']),
    /** "per verksamhet" or "per kontogrupp". */
    dimension: z.enum(['unit', 'accountGroup']),
    signConvention: z.enum(signConventions),
    /** "Prognos 3", "Prognos efter aug" … */
    forecastLabel: text.nullable(),
    /** The month of the month columns as the headings print it ("nov"), for a monthly follow-up. */
    monthLabel: text.optional(),
    /** Decimals of the printed percentages. */
    percentDecimals: z.number().int().min(0).max(2).optional(),
    lines: z.array(seedEconomyLine).min(1),
    /** Printed subtotals, each of the lines it names (by label), printed below the last of them. */
    subtotals: z.array(seedPrintedSum.extend({ lines: z.array(text).min(2) })).optional(),
    /** The printed total row. */
    total: seedPrintedSum.optional(),
    unreproduced: z.array(seedUnreproduced).optional(),
  })
  .strict();

export const seedInvestment = z
  .object({
    key,
    unit: key,
    /** The category line this project is part of (its key), if any. */
    parent: key.nullable(),
    projectNumber: text.nullable(),
    name: text,
    /** As printed, in the list's sign convention; a category line's are those of its projects. */
    ...printedFigures(investmentFigureFields),
    /** The amounts in kronor; never on a category line, whose amounts are its projects' sums. */
    kronor: kronorOf(investmentAmountFields).optional(),
    /**
     * Amounts the source prints with the opposite sign to the rest of its list, while its
     * own deviation treats them like the others (001's project 20008); `note` says why.
     */
    signReversed: z.array(z.enum(investmentAmountFields)).optional(),
    note: text.optional(),
    comment: text.optional(),
  })
  .strict();

/** The investments table of a unit's report for a period. */
export const seedInvestmentTable = z
  .object({
    /** The unit whose report the table is in. */
    unit: key,
    period: key,
    source: z.string().regex(/^\d{3}$/),
    /** 001 prints outlays negative (incomePositive), 003 positive (netCostPositive). */
    signConvention: z.enum(signConventions),
    percentDecimals: z.number().int().min(0).max(2).optional(),
    /** In printed order; category lines ("Totalt …") are computed from the lines under them. */
    lines: z.array(seedInvestment).min(1),
    unreproduced: z.array(seedUnreproduced).optional(),
  })
  .strict();

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
    investmentTables: z.array(seedInvestmentTable).optional(),
    sickLeave: z.array(seedSickLeave).optional(),
    staffTurnover: z.array(seedStaffTurnover).optional(),
    internalControls: z.array(seedInternalControl).optional(),
    reports: z.array(seedReport).optional(),
    workingPeriods: z.array(seedWorkingPeriod).optional(),
  })
  .strict();

export type SeedFile = z.infer<typeof seedFile>;
