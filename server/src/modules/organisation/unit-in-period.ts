/**
 * A unit as one period has it: the name, parent and place in the tree of that period's
 * version (org_unit_version). What a page of a period shows (the heading, the breadcrumb,
 * the units below) is read from here, so a change from a later period leaves it as it was.
 * Read with plain SQL joined to org_unit for the kind: a fixed number of statements a page.
 */
import type { RequestContext } from '../../context.js';
import { OrgUnit, type UnitKind } from './org-unit.entity.js';
import { compareSwedish } from './swedish-order.js';

export interface UnitInPeriodModel {
  unitId: number;
  periodId: number;
  kommunId: number;
  key: string;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  parentId: number | null;
  path: string;
  position: number;
  closed: boolean;
}

export interface VersionRow {
  unit_id: number;
  period_id: number;
  kommun_id: number;
  key: string;
  name: string;
  short_name: string | null;
  kind: UnitKind;
  parent_id: number | null;
  path: string;
  position: number;
  closed: boolean;
}

/**
 * An array parameter as PostgreSQL's array literal: the driver layer spreads a JavaScript
 * array into a list, which `any(?)` and `unnest(?)` cannot take.
 */
export const pgIntArray = (ids: readonly number[]) => `{${ids.map((id) => Math.trunc(id)).join(',')}}`;

export const versionSelect = `
  select v.unit_id, v.period_id, u.kommun_id, u.key, v.name, v.short_name, u.kind, v.parent_id, v.path,
         v.position, v.closed
    from org_unit_version v join org_unit u on u.id = v.unit_id`;

export const toModel = (r: VersionRow): UnitInPeriodModel => ({
  unitId: Number(r.unit_id),
  periodId: Number(r.period_id),
  kommunId: Number(r.kommun_id),
  key: r.key,
  name: r.name,
  shortName: r.short_name,
  kind: r.kind,
  parentId: r.parent_id == null ? null : Number(r.parent_id),
  path: r.path,
  position: r.position,
  closed: r.closed,
});

export async function queryVersions(
  ctx: Pick<RequestContext, 'em'>,
  where: string,
  params: unknown[],
): Promise<UnitInPeriodModel[]> {
  const rows = await ctx.em.execute<VersionRow[]>(`${versionSelect} ${where}`, params);
  return rows.map(toModel);
}

/** The request's loader of units' versions, keyed `unit:period`. */
const versionLoader = (ctx: RequestContext) =>
  ctx.loader<string, UnitInPeriodModel>('unit-in-period', async (keys) => {
    const pairs = keys.map((k) => k.split(':').map(Number) as [number, number]);
    const rows = await queryVersions(
      ctx,
      'where (v.unit_id, v.period_id) in (select * from unnest(?::int[], ?::int[]))',
      [pgIntArray(pairs.map((p) => p[0])), pgIntArray(pairs.map((p) => p[1]))],
    );
    const byKey = new Map(rows.map((r) => [`${r.unitId}:${r.periodId}`, r]));
    return keys.map(
      (k) => byKey.get(k) ?? new Error(`Enheten ${k} har ingen version i perioden`),
    ) as UnitInPeriodModel[];
  });

/** The unit's version in the period, batched over a request's lookups. */
export function unitInPeriod(
  ctx: RequestContext,
  unitId: number,
  periodId: number,
): Promise<UnitInPeriodModel> {
  return versionLoader(ctx).load(`${unitId}:${periodId}`);
}

/** Versions read by another statement, so that looking them up again costs none. */
export function primeVersions(ctx: RequestContext, versions: readonly UnitInPeriodModel[]): void {
  const loader = versionLoader(ctx);
  for (const v of versions) loader.prime(`${v.unitId}:${v.periodId}`, v);
}

/** Ids above the unit in its period, root first ("/1/5/9/" → [1, 5]). */
export const ancestorIdsOf = (v: Pick<UnitInPeriodModel, 'unitId' | 'path'>) =>
  v.path
    .split('/')
    .filter(Boolean)
    .map(Number)
    .filter((id) => id !== v.unitId);

/** A unit, the units above it and those below it, as a period has them. */
export interface TreeInPeriod {
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
 * The unit's tree in the period in one statement: the versions of the unit, of the units
 * whose path starts with its path (below it) and of those its path starts with (above it).
 * A follow-up page's lists pick their rows by it, and its breadcrumb and children are read
 * from it. The units themselves come along into the identity map, as the lists' rows point
 * at them, and the versions into the request's lookups of units in a period.
 */
export function treeInPeriod(ctx: RequestContext, unitId: number, periodId: number): Promise<TreeInPeriod> {
  return ctx.memo(`tree:${unitId}:${periodId}`, async () => (await readTrees(ctx, unitId, [periodId]))[0]!);
}

/**
 * The unit's trees in several periods in the one statement, for a page that compares them (a
 * report's changes since the one before it); each is then the period's treeInPeriod.
 */
export function treesInPeriods(
  ctx: RequestContext,
  unitId: number,
  periodIds: readonly number[],
): Promise<TreeInPeriod[]> {
  const all = ctx.memo(`trees:${unitId}:${periodIds.join(',')}`, () => readTrees(ctx, unitId, periodIds));
  return Promise.all(
    periodIds.map((periodId, i) => ctx.memo(`tree:${unitId}:${periodId}`, async () => (await all)[i]!)),
  );
}

async function readTrees(
  ctx: RequestContext,
  unitId: number,
  periodIds: readonly number[],
): Promise<TreeInPeriod[]> {
  const rows = await ctx.em.execute<TreeRow[]>(
    `select v.unit_id, v.period_id, u.kommun_id, u.key, v.name, v.short_name, u.kind, v.parent_id, v.path,
            v.position, v.closed, u.parent_id as u_parent_id, u.name as u_name, u.short_name as u_short_name,
            u.path as u_path, u.position as u_position, u.closed as u_closed
       from org_unit_version top
       join org_unit_version v on v.period_id = top.period_id
        and (starts_with(v.path, top.path) or (v.path <> '' and starts_with(top.path, v.path)))
       join org_unit u on u.id = v.unit_id
      where top.unit_id = ? and top.period_id = any(?::int[]) and top.path <> ''`,
    [unitId, pgIntArray(periodIds)],
  );
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
  const versions = rows.map(toModel);
  primeVersions(ctx, versions);
  return periodIds.map((periodId) => {
    const inPeriod = versions.filter((v) => v.periodId === periodId);
    const top = inPeriod.find((v) => v.unitId === unitId);
    const above = top ? ancestorIdsOf(top) : [];
    return {
      periodId,
      path: top?.path ?? null,
      ancestorIds: above,
      subtreeIds: new Set(inPeriod.filter((v) => !above.includes(v.unitId)).map((v) => v.unitId)),
      versions: new Map(inPeriod.map((v) => [v.unitId, v])),
    };
  });
}

/** The unit's tree in its period: the units above it and those below it. */
const family = async (ctx: RequestContext, v: UnitInPeriodModel) =>
  (await treeInPeriod(ctx, v.unitId, v.periodId)).versions;

export async function ancestorsInPeriod(
  ctx: RequestContext,
  v: UnitInPeriodModel,
): Promise<UnitInPeriodModel[]> {
  const byId = await family(ctx, v);
  return ancestorIdsOf(v)
    .map((id) => byId.get(id))
    .filter((r): r is UnitInPeriodModel => r !== undefined);
}

/** The units right below, open in the period, in their order. */
export const byPosition = (a: UnitInPeriodModel, b: UnitInPeriodModel) =>
  a.position - b.position || compareSwedish(a.name, b.name);

export async function childrenInPeriod(
  ctx: RequestContext,
  v: UnitInPeriodModel,
): Promise<UnitInPeriodModel[]> {
  const rows = [...(await family(ctx, v)).values()];
  return rows.filter((r) => r.parentId === v.unitId && !r.closed).sort(byPosition);
}

export async function parentInPeriod(
  ctx: RequestContext,
  v: UnitInPeriodModel,
): Promise<UnitInPeriodModel | null> {
  if (v.parentId == null) return null;
  return (await ancestorsInPeriod(ctx, v)).at(-1) ?? null;
}
