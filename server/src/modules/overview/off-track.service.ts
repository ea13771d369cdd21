import type { RequestContext } from '../../context.js';
import { toTkr } from '../economy/economy-figures.js';
import { assignmentsInScope, isDeviation } from '../assignments/assignment.service.js';
import { deviationForecast, deviationPeriod, economyInScope } from '../economy/economy.service.js';
import { goalsInScope } from '../goals/goal.service.js';
import type { UnitScope } from '../organisation/unit-scope.js';
import type { IEconomyLine } from '../economy/economy.entity.js';

export type Severity = 'HIGH' | 'MEDIUM' | 'LOW';

export interface OffTrackItem {
  kind: 'GOAL' | 'ASSIGNMENT' | 'ECONOMY';
  severity: Severity;
  title: string;
  reason: string;
  comment: string | null;
  targetId: number;
  amount: number | null;
}

const severityRank: Record<Severity, number> = { HIGH: 0, MEDIUM: 1, LOW: 2 };
const kindRank = { GOAL: 0, ASSIGNMENT: 1, ECONOMY: 2 } as const;

/** A budget deviation counts as serious from this share of the budget. */
const SERIOUS_ECONOMY_SHARE = 0.05;

const tkr = (kronor: number) =>
  `${new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 }).format(toTkr(kronor))} tkr`;

/**
 * How far off an economy line is. The full-year forecast decides where there is one: a
 * period's deficit the forecast says is made up by the year's end is a note, not a deviation.
 * Where there is no forecast, the period's deviation decides, and the reason says that it is
 * one, so that nobody reads it as the year's outcome.
 */
export function economyOffTrack(line: IEconomyLine): OffTrackItem | null {
  const period = deviationPeriod(line);
  const forecast = deviationForecast(line);
  const item = (severity: Severity, reason: string, amount: number, comment?: string | null) => ({
    kind: 'ECONOMY' as const,
    severity,
    title: line.label,
    reason,
    comment: comment ?? null,
    targetId: line.id,
    amount,
  });
  const bySize = (deviation: number, budget?: number | null): Severity => {
    const base = Math.abs(budget ?? 0);
    return base === 0 || Math.abs(deviation) >= base * SERIOUS_ECONOMY_SHARE ? 'HIGH' : 'MEDIUM';
  };
  if (forecast !== null && forecast < 0) {
    const inPeriod = period !== null && period < 0 ? `, periodens avvikelse ${tkr(period)}` : '';
    return item(
      bySize(forecast, line.budgetFullYear),
      `Ogynnsam prognosavvikelse för helåret ${tkr(forecast)}${inPeriod}`,
      forecast,
      line.forecastExplanation,
    );
  }
  if (period === null || period >= 0) return null;
  if (forecast !== null) {
    return item(
      'LOW',
      `Periodens avvikelse ${tkr(period)}; helårsprognosen är ${forecast === 0 ? 'i nivå med budget' : `gynnsam, ${tkr(forecast)}`}`,
      period,
      line.deviationExplanation,
    );
  }
  return item(
    bySize(period, line.budgetPeriod),
    `Periodens avvikelse ${tkr(period)} (ingen helårsprognos)`,
    period,
    line.deviationExplanation,
  );
}

/**
 * What a politician must see first: goals not met, assignments deviating from plan, and
 * economy lines with an unfavourable deviation. Computed from the items, never stored;
 * worst first (severity, then the size of the money, then the order of the report).
 */
export async function offTrack(ctx: RequestContext, scope: UnitScope): Promise<OffTrackItem[]> {
  const [goals, assignments, economy] = await Promise.all([
    goalsInScope(ctx, scope),
    assignmentsInScope(ctx, scope),
    economyInScope(ctx, scope),
  ]);
  const items: OffTrackItem[] = [];

  for (const g of goals) {
    if (g.assessment !== 'Ej uppfyllt' && g.assessment !== 'Delvis uppfyllt') continue;
    items.push({
      kind: 'GOAL',
      severity: g.assessment === 'Ej uppfyllt' ? 'HIGH' : 'MEDIUM',
      title: `${g.goal.code} ${g.goal.title}`,
      reason: `Bedömning: ${g.assessment}${g.trend ? `, trend ${g.trend.toLocaleLowerCase('sv')}` : ''}`,
      comment: g.analysis ?? null,
      targetId: g.id,
      amount: null,
    });
  }

  for (const f of assignments) {
    if (!isDeviation(f)) continue;
    items.push({
      kind: 'ASSIGNMENT',
      severity: 'MEDIUM',
      title: f.assignment.title,
      reason: `Avvikelse från plan (${f.status.toLocaleLowerCase('sv')})`,
      comment: f.deviationReason ?? f.comment ?? null,
      targetId: f.assignment.id,
      amount: null,
    });
  }

  for (const view of economy) {
    for (const line of view.lines) {
      if (line.partOf !== null) continue;
      const item = economyOffTrack(line);
      if (item) items.push(item);
    }
  }

  return items
    .map((item, order) => ({ item, order }))
    .sort(
      (a, b) =>
        severityRank[a.item.severity] - severityRank[b.item.severity] ||
        (a.item.amount ?? 0) - (b.item.amount ?? 0) ||
        kindRank[a.item.kind] - kindRank[b.item.kind] ||
        a.order - b.order,
    )
    .map(({ item }) => item);
}
