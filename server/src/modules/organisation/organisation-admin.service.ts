/**
 * The administratör's forms for the organisation: create, rename, move and close a unit from
 * a period on. Each form says what it changes; the unit's other fields stay as the period has
 * them, and applyUnitStates (unit-change.service.ts) checks and writes it, as it does the
 * spreadsheet import's rows. Authorisation is here, once: an administratör of the unit's
 * kommun, FORBIDDEN otherwise.
 */
import { GraphQLError } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../context.js';
import { parseId } from '../../graphql/errors.js';
import { PUBLISHED_MESSAGE } from '../editing/edit-record.js';
import { refuse, requireAdministrator } from '../editing/edit-access.js';
import type { FieldError, Outcome } from '../editing/validation.js';
import type { UnitKind } from './org-unit.entity.js';
import { applyUnitStates, keyFromName, type UnitField, type UnitState } from './unit-change.service.js';
import { byPosition, queryVersions, type UnitInPeriodModel } from './unit-in-period.js';

/** The form's field for each field of a change. */
const formField: Record<UnitField, string> = {
  fromPeriod: 'fromPeriodId',
  unit: 'unitId',
  key: 'key',
  name: 'name',
  shortName: 'shortName',
  kind: 'kind',
  parent: 'parentId',
  closed: 'unitId',
};

const published = (message: string) =>
  new GraphQLError(`${PUBLISHED_MESSAGE} ${message}`, { extensions: { code: 'PUBLISHED' } });

const version = async (em: EntityManager, unitId: number, periodId: number) =>
  (await queryVersions({ em }, 'where v.unit_id = ? and v.period_id = ?', [unitId, periodId]))[0];

/** An id of the form, or the field error that names it. */
function idOf(value: string, field: string): number | FieldError {
  try {
    return parseId(value, field);
  } catch {
    return { field, message: 'Ogiltigt id.' };
  }
}

interface Change {
  unitId?: string;
  fromPeriodId: string;
  /** The state from the unit's current one in the period (or null for a new unit). */
  to(
    current: UnitInPeriodModel | null,
    keyOfParent: (id: number) => Promise<string | null>,
    keyTaken: (key: string) => Promise<boolean>,
  ): Promise<UnitState | FieldError>;
}

async function change(ctx: RequestContext, input: Change): Promise<Outcome<UnitInPeriodModel>> {
  const admin = requireAdministrator(ctx);
  const fromPeriodId = idOf(input.fromPeriodId, 'fromPeriodId');
  if (typeof fromPeriodId !== 'number') return { invalid: [fromPeriodId] };
  return ctx.em.transactional(async (em) => {
    let current: UnitInPeriodModel | null = null;
    const unitId = input.unitId === undefined ? null : idOf(input.unitId, 'unitId');
    if (unitId !== null) {
      if (typeof unitId !== 'number') return { invalid: [unitId] };
      const owner = await em.execute<{ kommun_id: number }[]>(`select kommun_id from org_unit where id = ?`, [
        unitId,
      ]);
      // Another kommun's unit is refused as one that does not exist: a refusal reveals nothing.
      if (Number(owner[0]?.kommun_id) !== admin.kommun.id) throw refuse();
    }
    const period = await em.execute<{ kommun_id: number }[]>(`select kommun_id from period where id = ?`, [
      fromPeriodId,
    ]);
    if (Number(period[0]?.kommun_id) !== admin.kommun.id) {
      return { invalid: [{ field: 'fromPeriodId', message: 'Perioden finns inte i din kommun.' }] };
    }
    if (typeof unitId === 'number') {
      current = (await version(em, unitId, fromPeriodId)) ?? null;
      if (!current)
        return { invalid: [{ field: 'fromPeriodId', message: 'Enheten finns inte i den perioden.' }] };
    }
    const keyOfParent = async (id: number) => {
      const rows = await em.execute<{ key: string }[]>(
        `select key from org_unit where id = ? and kommun_id = ?`,
        [id, admin.kommun.id],
      );
      return rows[0]?.key ?? null;
    };
    const keyTaken = async (key: string) =>
      (
        await em.execute<{ id: number }[]>(`select id from org_unit where kommun_id = ? and key = ?`, [
          admin.kommun.id,
          key,
        ])
      ).length > 0;
    const state = await input.to(current, keyOfParent, keyTaken);
    if (!('key' in state)) return { invalid: [state] };
    const target = { kommunId: admin.kommun.id, fromPeriodId, userId: admin.id, requestId: ctx.requestId };
    const [outcome] = await applyUnitStates(em, target, [state]);
    if (outcome!.status === 'wrong') {
      const refusal = outcome!.problems.find((p) => p.published);
      if (refusal) throw published(refusal.message);
      return {
        invalid: outcome!.problems.map((p) => ({
          field: p.field ? formField[p.field] : 'unitId',
          message: p.message,
        })),
      };
    }
    return { ok: (await version(em, outcome!.unitId, fromPeriodId))! };
  });
}

/** The parent's key for a form's parentId, or the error naming the field. */
async function parentKey(keyOfParent: (id: number) => Promise<string | null>, parentId: string) {
  const id = idOf(parentId, 'parentId');
  if (typeof id !== 'number') return id;
  return (
    (await keyOfParent(id)) ?? {
      field: 'parentId',
      message: 'Den överordnade enheten finns inte i din kommun.',
    }
  );
}

const stateOf = (current: UnitInPeriodModel, parent: string | null): UnitState => ({
  key: current.key,
  name: current.name,
  shortName: current.shortName,
  kind: current.kind,
  parentKey: parent,
  closed: current.closed,
});

const trimmedOrNull = (text: string | null | undefined) => (text?.trim() ? text.trim() : null);

export function createUnit(
  ctx: RequestContext,
  input: {
    fromPeriodId: string;
    parentId: string;
    name: string;
    shortName?: string | null;
    kind: UnitKind;
    key?: string | null;
  },
) {
  return change(ctx, {
    fromPeriodId: input.fromPeriodId,
    to: async (_, keyOfParent, keyTaken) => {
      const parent = await parentKey(keyOfParent, input.parentId);
      if (typeof parent !== 'string') return parent;
      const name = input.name.trim();
      const key = trimmedOrNull(input.key) ?? keyFromName(name);
      // A key names a unit: a new one with a key in use would change that unit instead.
      if (await keyTaken(key)) {
        return {
          field: 'key',
          message: `Koden ${key} används redan av en enhet i kommunen. Ange en annan kod.`,
        };
      }
      return {
        key,
        name,
        shortName: trimmedOrNull(input.shortName),
        kind: input.kind,
        parentKey: parent,
        closed: false,
      };
    },
  });
}

export function renameUnit(
  ctx: RequestContext,
  input: { unitId: string; fromPeriodId: string; name: string; shortName?: string | null },
) {
  return change(ctx, {
    unitId: input.unitId,
    fromPeriodId: input.fromPeriodId,
    to: async (current, keyOfParent) => ({
      ...stateOf(current!, current!.parentId == null ? null : await keyOfParent(current!.parentId)),
      name: input.name.trim(),
      shortName: trimmedOrNull(input.shortName),
    }),
  });
}

export function moveUnit(
  ctx: RequestContext,
  input: { unitId: string; fromPeriodId: string; parentId: string },
) {
  return change(ctx, {
    unitId: input.unitId,
    fromPeriodId: input.fromPeriodId,
    to: async (current, keyOfParent) => {
      const parent = await parentKey(keyOfParent, input.parentId);
      return typeof parent === 'string' ? stateOf(current!, parent) : parent;
    },
  });
}

export function closeUnit(ctx: RequestContext, input: { unitId: string; fromPeriodId: string }) {
  return change(ctx, {
    unitId: input.unitId,
    fromPeriodId: input.fromPeriodId,
    to: async (current, keyOfParent) => ({
      ...stateOf(current!, current!.parentId == null ? null : await keyOfParent(current!.parentId)),
      closed: true,
    }),
  });
}

/** The kommun's tree in the period, in depth-first order, for the administration's page. */
export async function organisationInPeriod(
  ctx: RequestContext,
  periodIdText: string,
): Promise<UnitInPeriodModel[]> {
  const admin = requireAdministrator(ctx);
  const periodId = parseId(periodIdText, 'periodId');
  const rows = await queryVersions(ctx, 'where u.kommun_id = ? and v.period_id = ?', [
    admin.kommun.id,
    periodId,
  ]);
  const childrenOf = new Map<number | null, UnitInPeriodModel[]>();
  for (const r of rows) childrenOf.set(r.parentId, [...(childrenOf.get(r.parentId) ?? []), r]);
  const ordered: UnitInPeriodModel[] = [];
  const visit = (parent: number | null) => {
    for (const child of (childrenOf.get(parent) ?? []).sort(byPosition)) {
      ordered.push(child);
      visit(child.unitId);
    }
  };
  visit(null);
  return ordered;
}
