import { raw } from '@mikro-orm/core';
import type { RequestContext } from '../../context.js';
import type { IOrgUnit, IPeriod } from './org-unit.entity.js';
import { treeInPeriod, treesInPeriods, type TreeInPeriod } from './unit-in-period.js';

/**
 * A unit and a period: what a follow-up page shows. Every list on it covers the unit and
 * the units below it in the period's tree (org_unit_version), so a unit moved or renamed from
 * a later period stays where it was on the earlier periods' pages.
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

export type ScopeTree = TreeInPeriod;

/** A LIKE pattern that matches the unit itself and everything below it. */
export const subtreePattern = (unit: Pick<IOrgUnit, 'path'>) => `${unit.path}%`;

/** The scope's tree: its unit, the units above it and those below it in the scope's period. */
export const scopeTree = (ctx: RequestContext, scope: UnitScope): Promise<ScopeTree> =>
  treeInPeriod(ctx, scope.unit.id, scope.period.id);

/** The trees of scopes of one unit in several periods, in one statement (see treesInPeriods). */
export const scopeTrees = (ctx: RequestContext, scopes: readonly UnitScope[]): Promise<ScopeTree[]> =>
  treesInPeriods(
    ctx,
    scopes[0]!.unit.id,
    scopes.map((s) => s.period.id),
  );

/**
 * The condition on a unit column of a list's statement (`{ unit: inSubtree(tree) }`): the
 * unit is in the tree's subtree in its period. A subquery on the period's paths, a prefix
 * match on the index org_unit_version_path_prefix, inside the list's own statement.
 */
export function inSubtree(tree: ScopeTree): { $in: number[] } {
  if (tree.path === null) return { $in: [] };
  return {
    // Typed as the ids it stands for: the ORM writes it into `in (…)` as it is.
    $in: raw<object, number[]>(
      'select s.unit_id from org_unit_version s where s.period_id = ? and s.path like ?',
      [tree.periodId, `${tree.path}%`],
    ),
  };
}

/** The depth of a unit of the tree in its period (the root is 1); 0 for one not in it. */
export const depthIn = (tree: ScopeTree, unitId: number) =>
  tree.versions.get(unitId)?.path.split('/').filter(Boolean).length ?? 0;
