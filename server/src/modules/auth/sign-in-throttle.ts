/**
 * Slows down password guessing per account and per client address, without locking the
 * owner out. Every attempt takes a place in the counter *before* its password is checked,
 * in one atomic upsert: parallel requests, aliases in one operation and retries all pass
 * through the same row lock, so none of them is tried uncounted. After a few free attempts
 * the next one must wait 2^(n−free) seconds, at most MAX_DELAY_SECONDS; an attempt that
 * comes too early is refused without touching the counter, so hammering cannot push the
 * owner's wait beyond that cap.
 */
import type { EntityManager } from '@mikro-orm/postgresql';

export const FREE_ATTEMPTS_PER_ACCOUNT = 5;
/** An office behind one NAT shares an address: more room there than for one account. */
export const FREE_ATTEMPTS_PER_ADDRESS = 20;
/** The longest wait: short enough for the owner, 12 guesses an hour for a guesser. */
export const MAX_DELAY_SECONDS = 300;
/** A counter that has seen no tried attempt for this long starts again from zero. */
export const FORGET_AFTER_MINUTES = 60;

export type ThrottleKind = 'account' | 'address';

const freeAttempts: Record<ThrottleKind, number> = {
  account: FREE_ATTEMPTS_PER_ACCOUNT,
  address: FREE_ATTEMPTS_PER_ADDRESS,
};

/**
 * The time at evaluation, not now()'s time at statement start: an attempt that waited for
 * another's row lock would otherwise compare its older start with the time the other one
 * wrote, and be refused although no delay applies.
 */
const clock = 'clock_timestamp()';

const forgotten = `t.last_attempt_at <= ${clock} - interval '${FORGET_AFTER_MINUTES} minutes'`;

/** The wait after the n-th counted attempt, as SQL (n and free are expressions or numbers). */
const delayAfter = (n: string, free: number) =>
  `make_interval(secs => case when ${n} < ${free} then 0 else least(power(2, ${n} - ${free}), ${MAX_DELAY_SECONDS}) end)`;

/** The counter after one more attempt; a forgotten one starts again at 1. */
const nextCount = `case when ${forgotten} then 1 else t.failures + 1 end`;

/**
 * Takes a place for one attempt, or returns how many seconds to wait. One statement: the
 * upsert's row lock orders concurrent attempts, and the WHERE is evaluated again on the row
 * as the previous attempt left it, so exactly the allowed number gets through.
 */
async function admit(em: EntityManager, kind: ThrottleKind, key: string): Promise<number | null> {
  const free = freeAttempts[kind];
  const [row] = await em.getConnection().execute<{ admitted: number | null; wait: string | null }[]>(
    `with admitted as (
       insert into sign_in_throttle as t (kind, key, failures, last_attempt_at, next_attempt_at)
       values (?, ?, 1, ${clock}, ${clock} + ${delayAfter('1', free)})
       on conflict (kind, key) do update set
         failures = ${nextCount},
         last_attempt_at = ${clock},
         next_attempt_at = ${clock} + ${delayAfter(nextCount, free)}
       where t.next_attempt_at <= ${clock} or ${forgotten}
       returning t.failures
     )
     select (select failures from admitted) as admitted,
       (select ceil(extract(epoch from next_attempt_at - ${clock})) from sign_in_throttle
         where kind = ? and key = ?) as wait`,
    [kind, key, kind, key],
  );
  if (row?.admitted != null) return null;
  return Math.max(1, Number(row?.wait ?? 1));
}

/**
 * Seconds to wait before the next attempt from this address on this account, or null when
 * the attempt may go ahead (and is now counted). The address is asked first, so an address
 * that is waiting cannot use up an account's attempts.
 */
export async function admitSignIn(
  em: EntityManager,
  account: string,
  address: string,
): Promise<number | null> {
  return (await admit(em, 'address', address)) ?? (await admit(em, 'account', account));
}

/**
 * Seconds to wait, or null when the attempt may go ahead (and is now counted), for a guess
 * at something other than a password that is counted per address only (the set-up's
 * one-time token): the same counter as sign-ins from that address.
 */
export function admitFromAddress(em: EntityManager, address: string): Promise<number | null> {
  return admit(em, 'address', address);
}

/**
 * A right password takes back its own place in both counters, and only that: a guesser who
 * signs in to an account of their own between guesses is counted as before.
 */
export async function signInSucceeded(em: EntityManager, account: string, address: string): Promise<void> {
  const connection = em.getConnection();
  for (const kind of ['account', 'address'] as const) {
    const n = 'greatest(t.failures - 1, 0)';
    await connection.execute(
      `update sign_in_throttle as t set failures = ${n},
         next_attempt_at = t.last_attempt_at + ${delayAfter(n, freeAttempts[kind])}
       where kind = ? and key = ?`,
      [kind, kind === 'account' ? account : address],
    );
  }
  // Counters nobody has used for long are gone anyway; clearing them here keeps the table small.
  await connection.execute(`delete from sign_in_throttle as t where ${forgotten}`);
}

/** "1 sekund", "2 sekunder", "5 minuter": the wait as a person reads it. */
export function swedishWait(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 sekund' : `${seconds} sekunder`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minut' : `${minutes} minuter`;
}

/** The answer to an attempt that came too early: a sign-in, or a password change's check. */
export const throttledMessage = (seconds: number) =>
  `För många misslyckade inloggningar. Försök igen om ${swedishWait(seconds)}.`;
