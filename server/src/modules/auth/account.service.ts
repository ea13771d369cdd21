/**
 * What a signed-in person does with their own account: change the password, see where they
 * are signed in, and sign out there. Tokens never leave this module: a session is named by
 * its row id, and only its owner can end it.
 */
import type { RequestContext } from '../../context.js';
import { unauthenticated } from '../../graphql/errors.js';
import { AuditEntry } from '../audit/audit.entity.js';
import type { Outcome } from '../editing/validation.js';
import { hashPassword, MAX_PASSWORD_LENGTH, passwordProblem, verifyPassword } from './password.js';
import { endSessions, tokenHash } from './session.service.js';
import { admitSignIn, signInSucceeded, throttledMessage } from './sign-in-throttle.js';
import { Session, User, type IUser } from './user.entity.js';

function requireSignedIn(ctx: RequestContext): IUser {
  if (!ctx.viewer) throw unauthenticated('Logga in för att se och ändra ditt konto.');
  return ctx.viewer;
}

export interface PasswordChangedModel {
  endedSessions: number;
}

export async function changePassword(
  ctx: RequestContext,
  input: { currentPassword: string; newPassword: string },
): Promise<Outcome<PasswordChangedModel>> {
  const viewer = requireSignedIn(ctx);
  const refused = (field: string, message: string) => ({ invalid: [{ field, message }] });
  if (!input.currentPassword) return refused('currentPassword', 'Ange ditt nuvarande lösenord.');
  if (input.currentPassword.length > MAX_PASSWORD_LENGTH)
    return refused('currentPassword', 'Fel nuvarande lösenord.');
  const problem = passwordProblem(input.newPassword, { production: ctx.production });
  if (problem) return refused('newPassword', problem);

  // Checked like a sign-in and counted in the same throttle: a stolen session must not
  // become a way to guess the password without limit.
  const wait = await admitSignIn(ctx.em, viewer.email, ctx.address);
  if (wait !== null) return refused('currentPassword', throttledMessage(wait));
  const user = await ctx.em.findOneOrFail(User, viewer.id);
  if (!(await verifyPassword(input.currentPassword, user.passwordHash)))
    return refused('currentPassword', 'Fel nuvarande lösenord.');
  await signInSucceeded(ctx.em, viewer.email, ctx.address);
  if (input.newPassword === input.currentPassword)
    return refused('newPassword', 'Det nya lösenordet måste skilja sig från det nuvarande.');

  const passwordHash = await hashPassword(input.newPassword);
  return ctx.em.transactional(async (em) => {
    await em.nativeUpdate(User, { id: user.id }, { passwordHash });
    // Whoever else is signed in with the old password is signed out: the point of changing it.
    const endedSessions = await endSessions(em, user.id, ctx.sessionToken);
    em.create(AuditEntry, {
      user: user.id,
      entity: 'User',
      entityId: user.id,
      action: 'update',
      before: null,
      after: { passwordChanged: true, endedSessions },
      requestId: ctx.requestId,
    });
    await em.flush();
    return { ok: { endedSessions } };
  });
}

export interface AccountSessionModel {
  id: number;
  createdAt: string;
  lastUsedAt: string;
  device: string;
  current: boolean;
}

export async function mySessions(ctx: RequestContext): Promise<AccountSessionModel[]> {
  const viewer = requireSignedIn(ctx);
  const sessions = await ctx.em.find(
    Session,
    { user: viewer.id, expiresAt: { $gt: new Date() } },
    { orderBy: { lastUsedAt: 'desc', id: 'desc' } },
  );
  const current = ctx.sessionToken ? tokenHash(ctx.sessionToken) : null;
  return sessions.map((s) => ({
    id: s.id,
    createdAt: s.createdAt.toISOString(),
    lastUsedAt: s.lastUsedAt.toISOString(),
    device: s.device || 'Okänd enhet',
    current: s.tokenHash === current,
  }));
}

/** Every session of the viewer ends, this one too. */
export async function signOutEverywhere(ctx: RequestContext): Promise<number> {
  ctx.cookie.clear();
  if (!ctx.viewer) return 0;
  return endSessions(ctx.em, ctx.viewer.id);
}

export async function signOutSession(ctx: RequestContext, id: string): Promise<boolean> {
  const viewer = requireSignedIn(ctx);
  const sessionId = Number(id);
  if (!Number.isSafeInteger(sessionId)) return false;
  const session = await ctx.em.findOne(Session, { id: sessionId, user: viewer.id });
  if (!session) return false;
  await ctx.em.nativeDelete(Session, { id: session.id });
  if (ctx.sessionToken && session.tokenHash === tokenHash(ctx.sessionToken)) ctx.cookie.clear();
  return true;
}
