import type { IOrgUnit, IPeriod } from './org-unit.entity.js';

/**
 * A unit and a period: what a follow-up page shows. Every list on it covers the unit and
 * the units below it, found by the prefix of their materialised path.
 */
export interface UnitScope {
  unit: IOrgUnit;
  period: IPeriod;
}

export const scopeKey = (scope: UnitScope, what: string) => `${what}:${scope.unit.id}:${scope.period.id}`;

/** Ids of the units above, root first, read from the path ("/1/5/9/" → [1, 5]). */
export function ancestorIds(unit: Pick<IOrgUnit, 'id' | 'path'>): number[] {
  return unit.path
    .split('/')
    .filter(Boolean)
    .map(Number)
    .filter((id) => id !== unit.id);
}

/** A LIKE pattern that matches the unit itself and everything below it. */
export const subtreePattern = (unit: Pick<IOrgUnit, 'path'>) => `${unit.path}%`;

export const isInSubtree = (candidate: Pick<IOrgUnit, 'path'>, root: Pick<IOrgUnit, 'path'>) =>
  candidate.path.startsWith(root.path);
