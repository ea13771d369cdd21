/**
 * Sessions: a random token in an httpOnly cookie; the database keeps only its SHA-256, so
 * a leaked table cannot be replayed. Failed sign-ins are counted per account and per
 * address within a window, and answered with THROTTLED past a limit.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { verifyPassword } from './password.js';
import { Session, SignInFailure, User, type IUser } from './user.entity.js';

export const SESSION_COOKIE = 'uppf_session';
export const SESSION_HOURS = 12;
export const THROTTLE_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

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

  const since = new Date(Date.now() - THROTTLE_WINDOW_MINUTES * 60_000);
  const [forAccount, forAddress] = await Promise.all([
    em.count(SignInFailure, { email, at: { $gt: since } }),
    em.count(SignInFailure, { address: input.address, at: { $gt: since } }),
  ]);
  if (forAccount >= MAX_FAILURES_PER_ACCOUNT || forAddress >= MAX_FAILURES_PER_ADDRESS) {
    return {
      ok: false,
      errorCode: 'THROTTLED',
      message: `För många misslyckade inloggningar. Vänta ${THROTTLE_WINDOW_MINUTES} minuter och försök igen.`,
    };
  }

  const user = await em.findOne(User, { email }, { populate: ['kommun', 'units'] });
  // Hash even when there is no such user, so the answer takes as long either way.
  const valid = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid) {
    em.create(SignInFailure, { email, address: input.address });
    await em.flush();
    return INVALID;
  }

  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3_600_000);
  em.create(Session, { tokenHash: sha256(token), user, expiresAt });
  await em.nativeDelete(SignInFailure, { email });
  await em.flush();
  return { ok: true, user, token, expiresAt };
}

export async function signOut(em: EntityManager, token: string | undefined): Promise<boolean> {
  if (!token) return false;
  return (await em.nativeDelete(Session, { tokenHash: sha256(token) })) > 0;
}

/** A valid scrypt hash of a random password, for timing when the account does not exist. */
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
