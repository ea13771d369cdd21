/**
 * Sessions: a random token in an httpOnly cookie; the database keeps only its SHA-256, so
 * a leaked table cannot be replayed. Attempts are counted per account and per address
 * before the password is checked, and answered with THROTTLED while a delay runs
 * (sign-in-throttle.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { verifyPassword } from './password.js';
import { admitSignIn, signInSucceeded, swedishWait } from './sign-in-throttle.js';
import { Session, User, type IUser } from './user.entity.js';

export const SESSION_COOKIE = 'uppf_session';
export const SESSION_HOURS = 12;

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

export async function viewerForToken(em: EntityManager, token: string | undefined): Promise<IUser | null> {
  if (!token || token.length > 100) return null;
  const session = await em.findOne(
    Session,
    { tokenHash: sha256(token), expiresAt: { $gt: new Date() } },
    { populate: ['user', 'user.kommun', 'user.units'] },
  );
  return session?.user ?? null;
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
  input: { email: string; password: string; address: string },
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
    return {
      ok: false,
      errorCode: 'THROTTLED',
      message: `För många misslyckade inloggningar. Försök igen om ${swedishWait(wait)}.`,
    };
  }

  const user = await em.findOne(User, { email }, { populate: ['kommun', 'units'] });
  // Hash even when there is no such user, so the answer takes as long either way.
  const valid = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid) return INVALID;

  const session = await startSession(em, user);
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
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3_600_000);
  em.create(Session, { tokenHash: sha256(token), user, expiresAt });
  await em.flush();
  return { token, expiresAt };
}

export async function signOut(em: EntityManager, token: string | undefined): Promise<boolean> {
  if (!token) return false;
  return (await em.nativeDelete(Session, { tokenHash: sha256(token) })) > 0;
}

/** A valid scrypt hash of a random password, for timing when the account does not exist. */
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
