/**
 * The investments a file's projects become: per unit × project number, the period's
 * Investment row, planned and applied beside the economy tables' lines (ledger-write.ts) with
 * the same statuses, in the same transaction and audit. A project is on the unit its
 * kostnadsställe is mapped to, not on the office above it: the seeded reports (001) keep each
 * project on its verksamhet (IT, Räddningstjänst), and the unit page shows them there.
 *
 * Only the figures the file carries are written: a project's name and position, its parent
 * category, the staff's comment and the project's lifetime figures (total budget, total
 * forecast, accumulated outcome: a year's ledger does not have them) stay as they are, and a
 * project of the period the file does not mention is left alone, since a ledger has amounts
 * only for the projects that had transactions.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditChange } from '../audit/record-changes.js';
import { Investment, type IInvestment } from '../economy/economy.entity.js';
import type { InvestmentAmountField } from '../economy/economy-figures.js';
import type { LedgerMeasure } from './ledger-amount.js';
import { oreToKronor, type LedgerTotals } from './ledger-totals.js';
import { createdChanges, type LineStatus, type UnitNames } from './ledger-write.js';

/**
 * The Investment column each ledger measure is written to. The year's budget and forecast are
 * the project's budget and forecast for the year; the outcome of the period (the year to the
 * period's last month) is the year's outcome so far; the previous year's outcome of the same
 * period is the previous year's outcome, so that "Diff. utfall" compares like with like. The
 * month's figures and the period's budget have no column of an investment.
 */
export const investmentColumnOf = {
  budgetFullYear: 'budgetYear',
  forecastFullYear: 'forecastYear',
  outcomePeriod: 'outcomeYear',
  outcomePreviousYearPeriod: 'outcomePreviousYear',
} as const satisfies Partial<Record<LedgerMeasure, InvestmentAmountField>>;

type WrittenMeasure = keyof typeof investmentColumnOf;
export type InvestmentColumn = (typeof investmentColumnOf)[WrittenMeasure];
const writtenMeasures = Object.keys(investmentColumnOf) as WrittenMeasure[];
export const investmentColumns = writtenMeasures.map((m) => investmentColumnOf[m]);

export type InvestmentFigures = Record<InvestmentColumn, number | null>;

export interface PlannedInvestment {
  unitId: number;
  unitName: string;
  projectNumber: string;
  name: string;
  /** The written columns as they will be, whole kronor: the file's, else what the row has. */
  figures: InvestmentFigures;
  status: Exclude<LineStatus, 'cleared'>;
}

const keyOf = (unitId: number, projectNumber: string) => `${unitId}:${projectNumber}`;

const figuresOf = (row: IInvestment | undefined): InvestmentFigures =>
  Object.fromEntries(investmentColumns.map((c) => [c, row?.[c] ?? null])) as InvestmentFigures;

/** The period's investments of the file's projects, by unit × project number. */
export async function existingInvestments(em: EntityManager, periodId: number, totals: LedgerTotals) {
  const projects = [...totals.projects.values()];
  if (projects.length === 0) return new Map<string, IInvestment>();
  const rows = await em.find(Investment, {
    period: periodId,
    unit: { $in: [...new Set(projects.map((p) => p.unitId))] },
    projectNumber: { $in: [...new Set(projects.map((p) => p.project))] },
  });
  return new Map(rows.map((r) => [keyOf(r.unit.id, r.projectNumber!), r]));
}

export function planInvestments(
  totals: LedgerTotals,
  existing: ReadonlyMap<string, IInvestment>,
  names: UnitNames,
  /** The measures the file's format has; the columns of the others stay as they are. */
  carried: readonly LedgerMeasure[],
): PlannedInvestment[] {
  const planned: PlannedInvestment[] = [];
  for (const project of totals.projects.values()) {
    const found = existing.get(keyOf(project.unitId, project.project));
    const figures = figuresOf(found);
    for (const m of writtenMeasures) {
      const sum = project.sums[m];
      if (carried.includes(m) && sum != null) figures[investmentColumnOf[m]] = oreToKronor(sum);
    }
    const name = (project.name ?? found?.name ?? `Projekt ${project.project}`).slice(0, 300);
    const unchanged = found && name === found.name && investmentColumns.every((c) => figures[c] === found[c]);
    planned.push({
      unitId: project.unitId,
      unitName: names.nameOf(project.unitId),
      projectNumber: project.project,
      name,
      figures,
      status: !found ? 'new' : unchanged ? 'unchanged' : 'changed',
    });
  }
  return planned;
}

/** Writes the planned investments in the caller's transaction; answers their audit rows. */
export async function applyInvestments(
  em: EntityManager,
  periodId: number,
  planned: readonly PlannedInvestment[],
  existing: ReadonlyMap<string, IInvestment>,
): Promise<AuditChange[]> {
  const changes: AuditChange[] = [];
  const made: IInvestment[] = [];
  const positions = new Map<number, number>();
  for (const plan of planned) {
    if (plan.status === 'unchanged') continue;
    const found = existing.get(keyOf(plan.unitId, plan.projectNumber));
    if (found) {
      const before = { name: found.name, ...figuresOf(found) };
      em.assign(found, { name: plan.name, ...plan.figures });
      changes.push({
        entity: 'Investment',
        entityId: found.id,
        action: 'update',
        before,
        after: { name: plan.name, ...plan.figures },
      });
      continue;
    }
    // After the unit's rows of the period, in the file's order.
    let position = positions.get(plan.unitId);
    if (position == null) {
      const [row] = await em
        .getConnection()
        .execute<{ max: number | null }[]>(
          `select max(position) as max from investment where period_id = ? and unit_id = ?`,
          [periodId, plan.unitId],
        );
      position = row?.max ?? -1;
    }
    positions.set(plan.unitId, ++position);
    made.push(
      em.create(Investment, {
        unit: plan.unitId,
        period: periodId,
        key: `ledger-${plan.projectNumber}`.slice(0, 80),
        position,
        projectNumber: plan.projectNumber,
        name: plan.name,
        ...plan.figures,
      }),
    );
  }
  await em.flush();
  return [
    ...changes,
    ...createdChanges('Investment', made, (row) => ({ name: row.name, ...figuresOf(row) })),
  ];
}
