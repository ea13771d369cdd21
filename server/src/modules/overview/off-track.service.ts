import type { RequestContext } from '../../context.js';
import { toTkr } from '../economy/economy-figures.js';
import { assignmentsInScope } from '../assignments/assignment.service.js';
import { deviationForecast, deviationPeriod, economyInScope } from '../economy/economy.service.js';
import { goalsInScope } from '../goals/goal.service.js';
import type { UnitScope } from '../organisation/unit-scope.js';

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
    if (f.forecast !== 'Avvikelse från plan') continue;
    const finished = f.status === 'Slutförd';
    items.push({
      kind: 'ASSIGNMENT',
      // Finished late is history; still running late is what a meeting can act on.
      severity: finished ? 'LOW' : 'MEDIUM',
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
      const period = deviationPeriod(line);
      const forecast = deviationForecast(line);
      const worst = Math.min(period ?? 0, forecast ?? 0);
      if (worst >= 0) continue;
      const base = Math.abs((worst === forecast ? line.budgetFullYear : line.budgetPeriod) ?? 0);
      const serious = base === 0 || Math.abs(worst) >= base * SERIOUS_ECONOMY_SHARE;
      const parts = [
        period !== null && period < 0 ? `avvikelse mot budget ${tkr(period)}` : null,
        forecast !== null && forecast < 0 ? `prognosavvikelse ${tkr(forecast)}` : null,
      ].filter(Boolean);
      items.push({
        kind: 'ECONOMY',
        severity: serious ? 'HIGH' : 'MEDIUM',
        title: line.label,
        reason: `Ogynnsam ${parts.join(', ')}`,
        comment: (worst === forecast ? line.forecastExplanation : line.deviationExplanation) ?? null,
        targetId: line.id,
        amount: worst,
      });
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
