/**
 * The administration of a period's plan: reading it for the plan page, and saving one
 * inriktningsmål, indicator or assignment from its form. A form's row goes through the same
 * domain service as a spreadsheet's rows (goal-plan, indicator-plan, assignment-plan), so
 * both follow one set of rules; this module only checks who asks, validates the form's
 * input and turns the service's outcome into the mutation's answer.
 */
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import type { RequestContext } from '../../context.js';
import { parseId } from '../../graphql/errors.js';
import {
  Assignment,
  AssignmentFollowUp,
  type AssignmentKind,
  type IAssignment,
} from '../assignments/assignment.entity.js';
import { saveAssignments } from '../assignments/assignment-plan.service.js';
import { PUBLISHED_MESSAGE } from '../editing/edit-record.js';
import { refuse, requireAdministrator } from '../editing/edit-access.js';
import type { PlanRowOutcome } from '../editing/plan-rows.js';
import { fieldErrors, type FieldError, type Outcome } from '../editing/validation.js';
import { GoalFollowUp, type IGoal } from '../goals/goal.entity.js';
import { saveGoals } from '../goals/goal-plan.service.js';
import type { ImportTarget, ParsedRow } from '../import/import-kind.js';
import {
  Indicator,
  IndicatorFollowUp,
  type IIndicator,
  type directions,
  type indicatorOrigins,
} from '../indicators/indicator.entity.js';
import { saveIndicators, type YearValue } from '../indicators/indicator-plan.service.js';
import { OrgUnit, Period, type IOrgUnit, type IPeriod } from '../organisation/org-unit.entity.js';
import type { EntityManager } from '@mikro-orm/postgresql';

export interface PeriodPlanModel {
  period: IPeriod;
}
export interface PlanGoalModel {
  periodId: number;
  goal: IGoal;
  units: IOrgUnit[];
}
export interface PlanIndicatorModel {
  periodId: number;
  indicator: IIndicator;
  units: IOrgUnit[];
}
export interface PlanAssignmentModel {
  periodId: number;
  assignment: IAssignment;
  goal: IGoal | null;
}

/** Codes in the order a plan numbers them: 1.2 before 1.10. */
const byCode = (a: string, b: string) => a.localeCompare(b, 'sv-SE', { numeric: true });

/** One of the administratör's periods, else FORBIDDEN (worded as for anything out of reach). */
async function administeredPeriod(ctx: RequestContext, periodId: string): Promise<IPeriod> {
  const admin = requireAdministrator(ctx);
  const period = await ctx.em.findOne(Period, { id: parseId(periodId, 'periodId'), kommun: admin.kommun.id });
  if (!period) throw refuse();
  return period;
}

export async function periodPlan(ctx: RequestContext, periodId: string): Promise<PeriodPlanModel> {
  return { period: await administeredPeriod(ctx, periodId) };
}

/** Follow-ups grouped by what they follow up, in the order of first appearance. */
function grouped<F, T extends { id: number }>(rows: F[], of: (f: F) => T, unit: (f: F) => IOrgUnit) {
  const groups = new Map<number, { item: T; units: IOrgUnit[] }>();
  for (const f of rows) {
    const item = of(f);
    const group = groups.get(item.id) ?? { item, units: [] };
    group.units.push(unit(f));
    groups.set(item.id, group);
  }
  return [...groups.values()];
}

export function planGoals(ctx: RequestContext, period: IPeriod): Promise<PlanGoalModel[]> {
  return ctx.memo(`plan-goals:${period.id}`, async () => {
    const rows = await ctx.em.find(GoalFollowUp, { period: period.id }, { populate: ['goal.area', 'unit'] });
    return grouped(
      rows,
      (f) => f.goal,
      (f) => f.unit,
    )
      .map(({ item, units }) => ({ periodId: period.id, goal: item, units }))
      .sort((a, b) => byCode(a.goal.area.code, b.goal.area.code) || byCode(a.goal.code, b.goal.code));
  });
}

export async function planIndicators(ctx: RequestContext, period: IPeriod): Promise<PlanIndicatorModel[]> {
  const rows = await ctx.em.find(
    IndicatorFollowUp,
    { period: period.id },
    { populate: ['indicator.goal', 'unit'] },
  );
  return grouped(
    rows,
    (f) => f.indicator,
    (f) => f.unit,
  )
    .map(({ item, units }) => ({ periodId: period.id, indicator: item, units }))
    .sort(
      (a, b) =>
        byCode(a.indicator.goal.code, b.indicator.goal.code) ||
        a.indicator.name.localeCompare(b.indicator.name, 'sv-SE'),
    );
}

export async function planAssignments(ctx: RequestContext, period: IPeriod): Promise<PlanAssignmentModel[]> {
  const rows = await ctx.em.find(
    AssignmentFollowUp,
    { period: period.id },
    { populate: ['assignment', 'goal'] },
  );
  return rows
    .map((f) => ({ periodId: period.id, assignment: f.assignment, goal: f.goal ?? null }))
    .sort(
      (a, b) =>
        byCode(a.goal?.code ?? '~', b.goal?.code ?? '~') ||
        a.assignment.title.localeCompare(b.assignment.title, 'sv-SE'),
    );
}

export function planUnitsOf(ctx: RequestContext, period: IPeriod): Promise<IOrgUnit[]> {
  return ctx.em.find(OrgUnit, { kommun: period.kommun.id }, { orderBy: { path: 'asc' } });
}

// ---- Saving one row from a form ----

const text = (label: string, max: number) =>
  z.string().trim().min(1, `${label} måste anges.`).max(max, `${label} får vara högst ${max} tecken.`);
const optional = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} får vara högst ${max} tecken.`)
    .nullish()
    .transform((v) => (v ? v : null));
const year = z.number().int().min(1900, 'Året ska vara 1900–2200.').max(2200, 'Året ska vara 1900–2200.');
const yearValues = (label: string) =>
  z
    .array(
      z.object({
        year,
        value: z
          .number()
          .refine((v) => Math.abs(v) < 1e9, `${label} är orimligt stort.`)
          .transform((v) => Math.round(v * 1e4) / 1e4)
          .nullable()
          .optional()
          .transform((v) => v ?? null),
      }),
    )
    .nullish()
    .transform((v): YearValue[] => v ?? []);

/** The service's field of a unit (a key) is the form's id. */
const formField = (field: string | null) => (field ?? '').replace(/Key$/, 'Id').replace(/Keys$/, 'Ids');

/** Unit ids of the form as the keys the services take; an id of another kommun is an error. */
async function unitKeys(
  em: EntityManager,
  kommunId: number,
  ids: Record<string, string | null | undefined>,
): Promise<{ keys: Record<string, string | null> } | { invalid: FieldError[] }> {
  const wanted = Object.values(ids).filter((id): id is string => !!id && /^\d{1,9}$/.test(id));
  const units = wanted.length
    ? await em.find(OrgUnit, { id: { $in: wanted.map(Number) }, kommun: kommunId })
    : [];
  const keyOf = new Map(units.map((u) => [String(u.id), u.key]));
  const invalid: FieldError[] = [];
  const keys: Record<string, string | null> = {};
  for (const [field, id] of Object.entries(ids)) {
    if (!id) keys[field] = null;
    else if (keyOf.has(id)) keys[field] = keyOf.get(id)!;
    else invalid.push({ field, message: 'Enheten finns inte i din kommun.' });
  }
  return invalid.length ? { invalid } : { keys };
}

/** Writes one row through a plan service; PUBLISHED rolls back and is answered as an error. */
async function saveOne<Row>(
  ctx: RequestContext,
  period: IPeriod,
  row: Row,
  save: (
    em: EntityManager,
    target: ImportTarget,
    rows: readonly ParsedRow<Row>[],
  ) => Promise<PlanRowOutcome[]>,
): Promise<Outcome<number>> {
  const admin = requireAdministrator(ctx);
  const target: ImportTarget = {
    kommunId: admin.kommun.id,
    periodId: period.id,
    userId: admin.id,
    requestId: ctx.requestId,
  };
  return ctx.em.transactional(async (em) => {
    const [outcome] = await save(em, target, [{ row: 1, value: row }]);
    if (!outcome) throw new Error('a plan service answered no outcome');
    if (outcome.status !== 'wrong') return { ok: outcome.id! };
    if (outcome.errors.some((e) => e.published)) {
      throw new GraphQLError(PUBLISHED_MESSAGE, { extensions: { code: 'PUBLISHED' } });
    }
    return { invalid: outcome.errors.map((e) => ({ field: formField(e.field), message: e.message })) };
  });
}

const goalInput = z.object({
  areaCode: text('Målområdets kod', 20),
  areaTitle: text('Målområdets titel', 2000),
  agenda2030: z
    .array(z.number().int().min(1, 'Agenda 2030-målen är 1–17.').max(17, 'Agenda 2030-målen är 1–17.'))
    .nullish()
    .transform((v) => (v ? [...new Set(v)].sort((a, b) => a - b) : null)),
  code: text('Inriktningsmålets kod', 20),
  title: text('Inriktningsmålets titel', 2000),
  unitIds: z.array(z.string()).min(1, 'Välj minst en enhet som följer upp målet.'),
});

export async function savePlanGoal(
  ctx: RequestContext,
  input: { periodId: string } & z.input<typeof goalInput>,
): Promise<Outcome<PlanGoalModel>> {
  const period = await administeredPeriod(ctx, input.periodId);
  const parsed = goalInput.safeParse(input);
  if (!parsed.success) return { invalid: fieldErrors(parsed.error) };
  const ids = Object.fromEntries(parsed.data.unitIds.map((id, i) => [`unitIds.${i}`, id]));
  const units = await unitKeys(ctx.em, period.kommun.id, ids);
  if ('invalid' in units) return { invalid: units.invalid.map((e) => ({ ...e, field: 'unitIds' })) };
  const { areaCode, areaTitle, agenda2030, code, title } = parsed.data;
  const row = {
    areaCode,
    areaTitle,
    agenda2030,
    code,
    title,
    unitKeys: Object.values(units.keys) as string[],
  };
  const saved = await saveOne(ctx, period, row, saveGoals);
  if (!('ok' in saved)) return saved;
  const found = (await planGoalsFresh(ctx, period)).find((g) => g.goal.id === saved.ok);
  return { ok: found! };
}

/** After a save: the plan's goals as they are now, not as the request first read them. */
async function planGoalsFresh(ctx: RequestContext, period: IPeriod): Promise<PlanGoalModel[]> {
  const rows = await ctx.em.find(
    GoalFollowUp,
    { period: period.id },
    { populate: ['goal.area', 'unit'], refresh: true },
  );
  return grouped(
    rows,
    (f) => f.goal,
    (f) => f.unit,
  ).map(({ item, units }) => ({ periodId: period.id, goal: item, units }));
}

const indicatorInput = z.object({
  key: text('Koden', 80),
  name: text('Namnet', 2000),
  goalCode: text('Inriktningsmålet', 20),
  unitOfMeasure: text('Måttenheten', 60),
  direction: z.enum(['higher', 'lower', 'none'] satisfies (typeof directions)[number][]),
  decimals: z
    .number()
    .int('Decimaler ska vara ett heltal 0–4.')
    .min(0, 'Decimaler ska vara ett heltal 0–4.')
    .max(4, 'Decimaler ska vara ett heltal 0–4.')
    .nullish()
    .transform((v) => v ?? null),
  origin: z.enum(['KF', 'Nämnd'] satisfies (typeof indicatorOrigins)[number][]),
  koladaKpiId: optional('Kolada-id', 10).transform((v) => v?.toUpperCase() ?? null),
  targets: yearValues('Målvärdet'),
  outcomes: yearValues('Utfallet'),
});

export async function savePlanIndicator(
  ctx: RequestContext,
  input: { periodId: string; responsibleUnitId: string; followUpUnitId?: string | null } & z.input<
    typeof indicatorInput
  >,
): Promise<Outcome<PlanIndicatorModel>> {
  const period = await administeredPeriod(ctx, input.periodId);
  const parsed = indicatorInput.safeParse(input);
  if (!parsed.success) {
    // A value of a series is named by its year, as the service and the form name it.
    const byYear = (field: string) =>
      field.replace(
        /^(targets|outcomes)\.(\d+)(\..*)?$/,
        (whole, series: 'targets' | 'outcomes', i: string) => {
          const year = input[series]?.[Number(i)]?.year;
          return year === undefined ? whole : `${series}.${year}`;
        },
      );
    return { invalid: fieldErrors(parsed.error).map((e) => ({ ...e, field: byYear(e.field) })) };
  }
  const units = await unitKeys(ctx.em, period.kommun.id, {
    responsibleUnitId: input.responsibleUnitId,
    followUpUnitId: input.followUpUnitId,
  });
  if ('invalid' in units) return units;
  const row = {
    ...parsed.data,
    responsibleUnitKey: units.keys.responsibleUnitId!,
    followUpUnitKey: units.keys.followUpUnitId ?? null,
  };
  const saved = await saveOne(ctx, period, row, saveIndicators);
  if (!('ok' in saved)) return saved;
  const indicator = await ctx.em.findOneOrFail(Indicator, saved.ok, { refresh: true });
  const followUps = await ctx.em.find(
    IndicatorFollowUp,
    { indicator, period: period.id },
    { populate: ['unit'] },
  );
  return { ok: { periodId: period.id, indicator, units: followUps.map((f) => f.unit) } };
}

const assignmentInput = z.object({
  code: optional('Koden', 80),
  kind: z.enum(['uppdrag', 'nämndinitiativ'] satisfies AssignmentKind[]),
  title: text('Titeln', 2000),
  goalCode: optional('Inriktningsmålet', 20),
  dueDate: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  originYear: year.nullish().transform((v) => v ?? null),
  decidedBy: optional('Beslutat av', 60),
  decidedOn: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
});

export async function savePlanAssignment(
  ctx: RequestContext,
  input: { periodId: string; ownerUnitId: string; responsibleUnitId?: string | null } & z.input<
    typeof assignmentInput
  >,
): Promise<Outcome<PlanAssignmentModel>> {
  const period = await administeredPeriod(ctx, input.periodId);
  const parsed = assignmentInput.safeParse(input);
  if (!parsed.success) return { invalid: fieldErrors(parsed.error) };
  const units = await unitKeys(ctx.em, period.kommun.id, {
    ownerUnitId: input.ownerUnitId,
    responsibleUnitId: input.responsibleUnitId,
  });
  if ('invalid' in units) return units;
  const row = {
    ...parsed.data,
    ownerUnitKey: units.keys.ownerUnitId!,
    responsibleUnitKey: units.keys.responsibleUnitId ?? null,
  };
  const saved = await saveOne(ctx, period, row, saveAssignments);
  if (!('ok' in saved)) return saved;
  const assignment = await ctx.em.findOneOrFail(Assignment, saved.ok, { refresh: true });
  const followUp = await ctx.em.findOne(
    AssignmentFollowUp,
    { assignment, period: period.id },
    { populate: ['goal'], refresh: true },
  );
  return { ok: { periodId: period.id, assignment, goal: followUp?.goal ?? null } };
}
