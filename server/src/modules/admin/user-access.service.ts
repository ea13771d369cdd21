/**
 * An administratör's list of their kommun's users, and turning a user's access off and on.
 * Disabling ends the user's sessions in the same transaction, so their next request is
 * anonymous; sign-in refuses them as it refuses a wrong password (session.service.ts).
 */
import type { RequestContext } from '../../context.js';
import { AuditEntry } from '../audit/audit.entity.js';
import { endSessions } from '../auth/session.service.js';
import { User, type IUser } from '../auth/user.entity.js';
import { refuse, requireAdministrator } from '../editing/edit-access.js';
import type { Outcome } from '../editing/validation.js';

export async function kommunUsers(ctx: RequestContext): Promise<IUser[]> {
  const admin = requireAdministrator(ctx);
  return ctx.em.find(
    User,
    { kommun: admin.kommun.id },
    { populate: ['disabledBy'], orderBy: { name: 'asc', id: 'asc' } },
  );
}

export async function setUserDisabled(
  ctx: RequestContext,
  id: string,
  disabled: boolean,
): Promise<Outcome<IUser>> {
  const admin = requireAdministrator(ctx);
  const userId = Number(id);
  if (disabled && userId === admin.id) {
    return { invalid: [{ field: 'id', message: 'Du kan inte stänga av ditt eget konto.' }] };
  }
  return ctx.em.transactional(async (em) => {
    const user = Number.isSafeInteger(userId)
      ? await em.findOne(User, { id: userId, kommun: admin.kommun.id }, { populate: ['disabledBy'] })
      : null;
    // Missing or of another kommun: the same refusal, which tells nothing about the id.
    if (!user) throw refuse();
    if (Boolean(user.disabledAt) === disabled) return { ok: user };

    const before = { disabledAt: user.disabledAt?.toISOString() ?? null };
    user.disabledAt = disabled ? new Date() : null;
    user.disabledBy = disabled ? await em.findOneOrFail(User, admin.id) : null;
    em.create(AuditEntry, {
      user: admin.id,
      entity: 'User',
      entityId: user.id,
      action: 'update',
      before,
      after: { disabledAt: user.disabledAt?.toISOString() ?? null },
      requestId: ctx.requestId,
    });
    await em.flush();
    if (disabled) await endSessions(em, user.id);
    return { ok: user };
  });
}
