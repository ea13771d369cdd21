import type { IndicatorValueRow } from './indicator.service.js';

type Direction = 'higher' | 'lower' | 'none';

/**
 * Whether a unit's assessment says the opposite of its figures: the latest outcome against the
 * latest target (what the list shows beside each other), read in the indicator's direction.
 * An indicator without a direction, an outcome or a target cannot contradict anything.
 */
export function assessmentContradictsValues(
  assessment: string | null | undefined,
  direction: Direction,
  values: IndicatorValueRow[],
): boolean {
  if (direction === 'none' || (assessment !== 'Uppfyllt' && assessment !== 'Ej uppfyllt')) return false;
  const latest = (kind: IndicatorValueRow['kind']) =>
    values.filter((v) => v.kind === kind && v.value != null).at(-1)?.value ?? null;
  const outcome = latest('outcome');
  const target = latest('target');
  if (outcome === null || target === null) return false;
  const reached = direction === 'lower' ? outcome <= target : outcome >= target;
  return assessment === 'Uppfyllt' ? !reached : reached;
}
