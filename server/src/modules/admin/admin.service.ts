/**
 * What an administratör does for their kommun beyond editing: add users and open periods.
 * Each is refused to anyone else, validated with Swedish messages naming the field, and
 * written to the audit log in the same transaction.
 */
import { z } from 'zod';
import type { RequestContext } from '../../context.js';
import { recordCreation } from '../audit/record-creation.js';
import { createUser, emailTaken, isEmailTaken, UserInputError } from '../auth/user.service.js';
import type { IUser, Role } from '../auth/user.entity.js';
import { requireAdministrator } from '../editing/edit-access.js';
import { columnLength } from '../../db/column-length.js';
import { fieldErrors, thousands, type Outcome } from '../editing/validation.js';
import { Kommun, OrgUnit, Period, periodKinds, type IPeriod } from '../organisation/org-unit.entity.js';
import { openPeriod, type NewPeriod } from '../organisation/period-opening.service.js';

export interface UserCreatedModel {
  user: IUser;
}

export async function addUser(
  ctx: RequestContext,
  input: { email: string; name: string; password: string; role: Role; unitIds?: readonly string[] | null },
): Promise<Outcome<IUser>> {
  const admin = requireAdministrator(ctx);
  const adding = ctx.em.transactional(async (em) => {
    const kommun = await em.findOneOrFail(Kommun, admin.kommun.id);
    const ids = (input.unitIds ?? []).map(Number).filter(Number.isInteger);
    // Only units of the administratör's own kommun can be given.
    const units = ids.length ? await em.find(OrgUnit, { id: { $in: ids }, kommun }) : [];
    if (units.length !== new Set(input.unitIds ?? []).size) {
      return { invalid: [{ field: 'unitIds', message: 'Enheterna finns inte i din kommun.' }] };
    }
    try {
      const user = await createUser(em, {
        ...input,
        kommunKey: kommun.key,
        unitKeys: units.map((u) => u.key),
        production: ctx.production,
      });
      recordCreation(em, {
        by: admin.id,
        entity: 'User',
        entityId: user.id,
        after: { email: user.email, name: user.name, role: user.role, units: units.map((u) => u.name) },
        requestId: ctx.requestId,
      });
      await em.flush();
      return { ok: user };
    } catch (error) {
      if (error instanceof UserInputError)
        return { invalid: [{ field: error.field, message: error.message }] };
      throw error;
    }
  });
  // The unique index fails the transaction as a whole, so it is caught outside it.
  return adding.catch((error: unknown) => {
    if (!isEmailTaken(error)) throw error;
    const taken = emailTaken(input.email.trim().toLowerCase());
    return { invalid: [{ field: taken.field, message: taken.message }] };
  });
}

const MAX_LABEL = columnLength(Period, 'label');
const newPeriod = z
  .object({
    key: z
      .string()
      .trim()
      .regex(
        /^[a-z0-9][a-z0-9-]{0,39}$/,
        'Nyckeln ska vara 1–40 tecken: små bokstäver a–z, siffror och bindestreck.',
      ),
    label: z
      .string()
      .trim()
      .min(1, 'Ange en benämning.')
      .max(MAX_LABEL, `Benämningen får vara högst ${thousands(MAX_LABEL)} tecken.`),
    kind: z.enum(periodKinds),
    startDate: z.string(),
    endDate: z.string(),
  })
  .refine((p) => p.startDate <= p.endDate, {
    path: ['endDate'],
    message: 'Slutdatum får inte vara före startdatum.',
  });

export async function openWorkingPeriod(
  ctx: RequestContext,
  input: { key: string; label: string; kind: string; startDate: string; endDate: string },
): Promise<Outcome<IPeriod>> {
  const admin = requireAdministrator(ctx);
  const parsed = newPeriod.safeParse(input);
  if (!parsed.success) return { invalid: fieldErrors(parsed.error) };
  const { key, label, kind, startDate, endDate } = parsed.data;
  return ctx.em.transactional(async (em) => {
    if (await em.count(Period, { kommun: admin.kommun.id, key })) {
      return { invalid: [{ field: 'key', message: `Det finns redan en period med nyckeln ${key}.` }] };
    }
    const spec: NewPeriod = { key, label, kind, start: startDate, end: endDate };
    const period = await openPeriod(em, admin.kommun.id, spec);
    recordCreation(em, {
      by: admin.id,
      entity: 'Period',
      entityId: period.id,
      after: { ...spec },
      requestId: ctx.requestId,
    });
    await em.flush();
    return { ok: period };
  });
}
