/**
 * Sessions: a random token in an httpOnly cookie; the database keeps only its SHA-256, so
 * a leaked table cannot be replayed. Attempts are counted per account and per address
 * before the password is checked, and answered with THROTTLED while a delay runs
 * (sign-in-throttle.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { describeDevice } from './device.js';
import { verifyPassword } from './password.js';
import { admitSignIn, signInSucceeded, throttledMessage } from './sign-in-throttle.js';
import { Session, User, type IUser } from './user.entity.js';

export const SESSION_COOKIE = 'uppf_session';
export const SESSION_HOURS = 12;

/**
 * A session's last use is written at most this often: enough to tell an idle device from
 * one in use, without a write on every request.
 */
export const LAST_USED_MINUTES = 15;

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** The person of a live session; none for a disabled user, whose sessions are gone anyway. */
export async function viewerForToken(em: EntityManager, token: string | undefined): Promise<IUser | null> {
  if (!token || token.length > 100) return null;
  const session = await em.findOne(
    Session,
    { tokenHash: tokenHash(token), expiresAt: { $gt: new Date() }, user: { disabledAt: null } },
    { populate: ['user', 'user.kommun', 'user.units'] },
  );
  if (!session) return null;
  const stale = new Date(Date.now() - LAST_USED_MINUTES * 60_000);
  if (session.lastUsedAt < stale) {
    await em.nativeUpdate(
      Session,
      { id: session.id, lastUsedAt: { $lt: stale } },
      { lastUsedAt: new Date() },
    );
  }
  return session.user;
}

export type SignInOutcome =
  | { ok: true; user: IUser; token: string; expiresAt: Date }
  | {
      ok: false;
      errorCode: 'INVALID_CREDENTIALS' | 'THROTTLED' | 'VALIDATION';
      message: string;
      field?: string;
    };

const INVALID = {
  ok: false,
  errorCode: 'INVALID_CREDENTIALS',
  message: 'Fel e-postadress eller lösenord.',
} as const;

export async function signIn(
  em: EntityManager,
  input: { email: string; password: string; address: string; userAgent?: string },
): Promise<SignInOutcome> {
  const email = input.email.trim().toLowerCase();
  if (!email)
    return { ok: false, errorCode: 'VALIDATION', message: 'Ange din e-postadress.', field: 'email' };
  if (email.length > 254)
    return { ok: false, errorCode: 'VALIDATION', message: 'E-postadressen är för lång.', field: 'email' };
  if (!input.password)
    return { ok: false, errorCode: 'VALIDATION', message: 'Ange ditt lösenord.', field: 'password' };
  if (input.password.length > 200) {
    return { ok: false, errorCode: 'VALIDATION', message: 'Lösenordet är för långt.', field: 'password' };
  }

  // The same for every e-mail address, existing or not, so the answer tells nothing.
  const wait = await admitSignIn(em, email, input.address);
  if (wait !== null) {
    return { ok: false, errorCode: 'THROTTLED', message: throttledMessage(wait) };
  }

  const user = await em.findOne(User, { email }, { populate: ['kommun', 'units'] });
  // Hash even when there is no such user, so the answer takes as long either way.
  const valid = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  // A disabled user hears what a wrong password hears, and the attempt stays counted, so
  // neither the answer nor the throttle tells that the account exists.
  if (!user || !valid || user.disabledAt) return INVALID;

  const session = await startSession(em, user, input.userAgent);
  await signInSucceeded(em, email, input.address);
  return { ok: true, user, ...session };
}

/**
 * A new session for a user whose identity is settled (a right password, or the first
 * administratör the one-time set-up has just created): the token for the cookie.
 */
export async function startSession(
  em: EntityManager,
  user: IUser,
  userAgent: string | undefined,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3_600_000);
  em.create(Session, {
    tokenHash: tokenHash(token),
    user,
    expiresAt,
    device: describeDevice(userAgent),
  });
  await em.flush();
  return { token, expiresAt };
}

export async function signOut(em: EntityManager, token: string | undefined): Promise<boolean> {
  if (!token) return false;
  return (await em.nativeDelete(Session, { tokenHash: tokenHash(token) })) > 0;
}

/** Ends every session of the user but the one of `keepToken`, if given; how many ended. */
export function endSessions(em: EntityManager, userId: number, keepToken?: string): Promise<number> {
  return em.nativeDelete(Session, {
    user: userId,
    ...(keepToken ? { tokenHash: { $ne: tokenHash(keepToken) } } : {}),
  });
}

/** A valid scrypt hash of a random password, for timing when the account does not exist. */
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
