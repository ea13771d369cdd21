import { raw } from '@mikro-orm/core';
import type { RequestContext } from '../../context.js';
import { OrgUnit, type IOrgUnit, type IPeriod } from './org-unit.entity.js';
import {
  ancestorIdsOf,
  primeVersions,
  toModel,
  type UnitInPeriodModel,
  type VersionRow,
} from './unit-in-period.js';

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

/** A LIKE pattern that matches the unit itself and everything below it. */
export const subtreePattern = (unit: Pick<IOrgUnit, 'path'>) => `${unit.path}%`;

/** The scope's unit, the units above it and those below it, as the scope's period has them. */
export interface ScopeTree {
  periodId: number;
  /** The unit's path in the period; null where the unit has no version in it. */
  path: string | null;
  /** The units above in the period, root first. */
  ancestorIds: number[];
  /** The unit and every unit below it in the period, closed ones too. */
  subtreeIds: ReadonlySet<number>;
  /** Every unit of the tree above and below, by id. */
  versions: ReadonlyMap<number, UnitInPeriodModel>;
}

/** What the tree's statement reads: a version, and the unit's own (latest) columns. */
type TreeRow = VersionRow & {
  u_parent_id: number | null;
  u_name: string;
  u_short_name: string | null;
  u_path: string;
  u_position: number;
  u_closed: boolean;
};

/**
 * The scope's tree in one statement: the versions in the period of the unit, of the units
 * whose path starts with its path (below it) and of those its path starts with (above it).
 * The units themselves come along into the identity map, as the lists' rows point at them,
 * and the versions into the request's lookups of units in a period.
 */
export function scopeTree(ctx: RequestContext, scope: UnitScope): Promise<ScopeTree> {
  return ctx.memo(scopeKey(scope, 'tree'), async () => {
    const rows = await ctx.em.execute<TreeRow[]>(
      `select v.unit_id, v.period_id, u.kommun_id, u.key, v.name, v.short_name, u.kind, v.parent_id, v.path,
              v.position, v.closed, u.parent_id as u_parent_id, u.name as u_name, u.short_name as u_short_name,
              u.path as u_path, u.position as u_position, u.closed as u_closed
         from org_unit_version top
         join org_unit_version v on v.period_id = top.period_id
          and (starts_with(v.path, top.path) or (v.path <> '' and starts_with(top.path, v.path)))
         join org_unit u on u.id = v.unit_id
        where top.unit_id = ? and top.period_id = ? and top.path <> ''`,
      [scope.unit.id, scope.period.id],
    );
    const versions = rows.map(toModel);
    for (const r of rows) {
      ctx.em.map(OrgUnit, {
        id: r.unit_id,
        kommun_id: r.kommun_id,
        parent_id: r.u_parent_id,
        key: r.key,
        name: r.u_name,
        short_name: r.u_short_name,
        kind: r.kind,
        path: r.u_path,
        position: r.u_position,
        closed: r.u_closed,
      });
    }
    primeVersions(ctx, versions);
    const top = versions.find((v) => v.unitId === scope.unit.id);
    const above = top ? ancestorIdsOf(top) : [];
    return {
      periodId: scope.period.id,
      path: top?.path ?? null,
      ancestorIds: above,
      subtreeIds: new Set(versions.filter((v) => !above.includes(v.unitId)).map((v) => v.unitId)),
      versions: new Map(versions.map((v) => [v.unitId, v])),
    };
  });
}

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
