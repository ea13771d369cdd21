/**
 * Passwords are hashed with scrypt (memory-hard, in Node's own crypto: no native add-on to
 * build). The stored form carries its parameters, so they can be raised later without
 * breaking existing hashes.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCallback(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key))),
  );

/** 2^15 × 8 × 128 bytes = 32 MiB per hash: OWASP's scrypt recommendation. */
const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
const maxmem = 64 * 1024 * 1024;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, { ...COST, maxmem });
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem,
  });
  return timingSafeEqual(key, expected);
}

/** The demo users' password, published in the README (the seed gives it to them). */
export const DEMO_PASSWORD = 'Uppfoljning-demo-2025';

/**
 * The rule for every password a person sets (a new user's, a changed one): a Swedish message
 * naming what is wrong, or null when the password is acceptable. In production the published
 * demo password is refused, as the server refuses to start while a user has it.
 */
export function passwordProblem(password: string, rules: { production?: boolean } = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `Lösenordet måste ha minst ${MIN_PASSWORD_LENGTH} tecken.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Lösenordet får ha högst ${MAX_PASSWORD_LENGTH} tecken.`;
  if (rules.production && password === DEMO_PASSWORD)
    return 'Demolösenordet från README:n kan inte användas i produktion. Välj ett eget lösenord.';
  return null;
}
