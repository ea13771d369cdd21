import { wrap } from '@mikro-orm/core';
import { notFound, badInput } from '../../graphql/errors.js';
import { loaded } from '../../graphql/loaded.js';
import type { RequestContext } from '../../context.js';
import { Kommun, OrgUnit, Period, type IKommun, type IOrgUnit, type IPeriod } from './org-unit.entity.js';
import { ancestorIds, subtreePattern, type UnitScope } from './unit-scope.js';
import { compareSwedish } from './swedish-order.js';
import { unitInPeriod, type UnitInPeriodModel } from './unit-in-period.js';
import {
  assertMayReadFollowUp,
  assertMayReadPeriod,
  mayReadFollowUp,
  mayReadPeriod,
  notPublishedFollowUp,
} from '../access/read-access.js';

export async function listKommuner(ctx: RequestContext): Promise<IKommun[]> {
  return ctx.em.find(Kommun, {}, { orderBy: { name: 'asc' } });
}

export async function getKommun(ctx: RequestContext, id: number): Promise<IKommun> {
  const kommun = await ctx.em.findOne(Kommun, { id });
  if (!kommun) throw notFound('Kommunen', id);
  return kommun;
}

export async function getUnit(ctx: RequestContext, id: number): Promise<IOrgUnit> {
  const unit = await ctx.em.findOne(OrgUnit, { id }, { populate: ['kommun'] });
  if (!unit) throw notFound('Enheten', id);
  return unit;
}

export async function rootUnit(ctx: RequestContext, kommun: IKommun): Promise<IOrgUnit> {
  const root = await ctx.em.findOne(OrgUnit, { kommun, parent: null });
  if (!root) throw notFound('Kommunens organisation', kommun.id);
  return root;
}

/**
 * The unit's ancestors and its whole subtree in one statement. The breadcrumb, the
 * children, and the responsible departments of the unit's goals, indicators and
 * assignments are then all in the identity map.
 */
export function unitFamily(ctx: RequestContext, unit: IOrgUnit): Promise<IOrgUnit[]> {
  return ctx.memo(`family:${unit.id}`, () =>
    ctx.em.find(
      OrgUnit,
      { $or: [{ id: { $in: ancestorIds(unit) } }, { path: { $like: subtreePattern(unit) } }] },
      { orderBy: { path: 'asc' } },
    ),
  );
}

export async function ancestors(ctx: RequestContext, unit: IOrgUnit): Promise<IOrgUnit[]> {
  const ids = ancestorIds(unit);
  const family = await unitFamily(ctx, unit);
  const byId = new Map(family.map((u) => [u.id, u]));
  return ids.map((id) => byId.get(id)).filter((u): u is IOrgUnit => u !== undefined);
}

export async function children(ctx: RequestContext, unit: IOrgUnit): Promise<IOrgUnit[]> {
  const family = await unitFamily(ctx, unit);
  return family
    .filter((u) => u.parent?.id === unit.id && !u.closed)
    .sort((a, b) => a.position - b.position || compareSwedish(a.name, b.name));
}

export function periodsOf(ctx: RequestContext, kommunId: number): Promise<IPeriod[]> {
  return ctx.memo(`periods:${kommunId}`, () =>
    ctx.em.find(Period, { kommun: kommunId }, { orderBy: { endDate: 'desc', startDate: 'asc' } }),
  );
}

/** The kommun's periods this request may read (see access/read-access.ts), latest first. */
export async function readablePeriodsOf(ctx: RequestContext, kommunId: number): Promise<IPeriod[]> {
  return (await periodsOf(ctx, kommunId)).filter((p) => mayReadPeriod(ctx, p));
}

/** The ids of those periods, for a `period: { $in: … }` condition on follow-up rows. */
export async function readablePeriodIds(ctx: RequestContext, kommunId: number): Promise<number[]> {
  return (await readablePeriodsOf(ctx, kommunId)).map((p) => p.id);
}

/**
 * The period asked for, which must be one of the kommun's and one whose follow-up of the
 * unit the request may read; else the latest such period: the working period for the
 * kommun's own staff, the latest one a published report shows the unit in for everyone else.
 */
export async function resolveScope(
  ctx: RequestContext,
  unit: IOrgUnit,
  periodId: number | null,
): Promise<UnitScope> {
  const kommunId = unit.kommun.id;
  const periods = await periodsOf(ctx, kommunId);
  if (periodId !== null) {
    const period = periods.find((p) => p.id === periodId);
    if (!period) throw badInput('periodId', `perioden ${periodId} hör inte till enhetens kommun.`);
    await assertMayReadFollowUp(ctx, unit, period);
    return { unit, period };
  }
  const offered = periods.filter((p) => mayReadPeriod(ctx, p));
  const latest = await latestReadableFollowUp(ctx, unit, offered);
  if (latest) return { unit, period: latest };
  if (periods[0] && offered.length === 0) assertMayReadPeriod(ctx, periods[0]);
  if (offered.length > 0) throw notPublishedFollowUp(ctx, unit, null);
  throw notFound('Uppföljningsperiod för kommunen', kommunId);
}

/** The latest of the periods in which the request may read the unit's follow-up. */
async function latestReadableFollowUp(ctx: RequestContext, unit: IOrgUnit, offered: IPeriod[]) {
  const readable = await Promise.all(offered.map((p) => mayReadFollowUp(ctx, p, [unit])));
  return offered.find((_, i) => readable[i]) ?? null;
}

/**
 * The unit in a period (OrgUnit.inPeriod): the one asked for, else the latest; whoever asks,
 * so that one cache field never holds two answers. The organisation's names and tree are
 * public, as OrgUnit's are. (A follow-up's own period is its unitInPeriod.)
 */
export async function unitInPeriodFor(
  ctx: RequestContext,
  unit: IOrgUnit,
  periodId: number | null,
): Promise<UnitInPeriodModel> {
  const periods = await periodsOf(ctx, unit.kommun.id);
  if (periodId !== null) {
    const asked = periods.find((p) => p.id === periodId);
    if (!asked) throw badInput('periodId', `perioden ${periodId} hör inte till enhetens kommun.`);
    return versionOrLatest(ctx, unit, asked);
  }
  return versionOrLatest(ctx, unit, null);
}

/** The unit's version in the period, or its latest one where the period has none. */
export async function versionOrLatest(
  ctx: RequestContext,
  unit: Pick<IOrgUnit, 'id' | 'kommun'>,
  period: IPeriod | null,
): Promise<UnitInPeriodModel> {
  const periods = await periodsOf(ctx, unit.kommun.id);
  const found = period ? await unitInPeriod(ctx, unit.id, period.id).catch(() => null) : null;
  if (found) return found;
  for (const p of periods) {
    const latest = await unitInPeriod(ctx, unit.id, p.id).catch(() => null);
    if (latest) return latest;
  }
  throw notFound('Enheten', unit.id);
}

/**
 * A unit that a record of a period points at, with the name and place that period gives it
 * (the latest where the unit has no version in it). Versions a list's tree read already
 * cost no statement.
 */
export async function unitAsOf(
  ctx: RequestContext,
  unit: Pick<IOrgUnit, 'id'>,
  period: IPeriod,
): Promise<UnitInPeriodModel> {
  const asOf = await loaded(period);
  return versionOrLatest(ctx, { id: unit.id, kommun: asOf.kommun }, asOf);
}

/**
 * A unit that another record points at. Scoped lists load the unit's family first, so the
 * departments they point at are usually loaded; the rest are fetched together.
 */
export async function unitOf(ctx: RequestContext, ref: IOrgUnit): Promise<IOrgUnit> {
  if (wrap(ref, true).isInitialized()) return ref;
  return ctx
    .loader<number, IOrgUnit>('units', async (ids) => {
      const rows = await ctx.em.find(OrgUnit, { id: { $in: [...ids] } });
      const byId = new Map(rows.map((u) => [u.id, u]));
      return ids.map((id) => byId.get(id) ?? new Error(`Enheten ${id} saknas`)) as IOrgUnit[];
    })
    .load(ref.id);
}
