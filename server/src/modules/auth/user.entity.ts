import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Kommun, OrgUnit } from '../organisation/org-unit.entity.js';

export const roles = ['läsare', 'redaktör', 'administratör'] as const;
export type Role = (typeof roles)[number];

/**
 * A person who signs in. A läsare reads the working period too; a redaktör edits within the
 * units given (and everything below them); an administratör manages one kommun.
 */
export const User = defineEntity({
  name: 'User',
  tableName: 'app_user',
  properties: {
    id: p.integer().primary(),
    kommun: () => p.manyToOne(Kommun),
    /** Stored lower-cased, so sign-in ignores case. */
    email: p.string().length(254).unique(),
    name: p.string().length(200),
    role: p.enum([...roles]).length(20),
    /** scrypt, with its parameters and salt: `scrypt$N$r$p$salt$hash`. Never leaves the server. */
    passwordHash: p.string().length(300).hidden(),
    /** Marks the seed's users; production refuses any user with the demo password, flag or not. */
    demo: p.boolean().default(false),
    createdAt: p
      .datetime()
      .defaultRaw('current_timestamp')
      .onCreate(() => new Date()),
    units: () => p.manyToMany(OrgUnit).pivotTable('app_user_unit'),
    /** Set by an administratör: the user cannot sign in, and their sessions were ended. */
    disabledAt: p.datetime().nullable(),
    /** The administratör who disabled the user (kept when that administratör is removed). */
    disabledBy: () => p.manyToOne(User).nullable().deleteRule('set null'),
  },
});
export type IUser = InferEntity<typeof User>;

/** A signed-in browser. Only a hash of the cookie's token is stored. */
export const Session = defineEntity({
  name: 'Session',
  tableName: 'session',
  properties: {
    id: p.integer().primary(),
    tokenHash: p.string().length(64).unique(),
    user: () => p.manyToOne(User).deleteRule('cascade'),
    createdAt: p
      .datetime()
      .defaultRaw('current_timestamp')
      .onCreate(() => new Date()),
    expiresAt: p.datetime().index(),
    /** Touched at most every few minutes (session.service.ts), for the list of one's sessions. */
    lastUsedAt: p
      .datetime()
      .defaultRaw('current_timestamp')
      .onCreate(() => new Date()),
    /**
     * Browser and system from the User-Agent at sign-in, e.g. "Firefox på Windows": enough
     * for a person to tell their devices apart; the User-Agent itself is not kept.
     */
    device: p.string().length(100).default(''),
  },
});
export type ISession = InferEntity<typeof Session>;

/**
 * Sign-in attempts counted per account (the e-mail address, whether a user has it or not)
 * and per client address, and when the next one may be tried (sign-in-throttle.ts writes
 * it with one upsert).
 */
export const SignInThrottle = defineEntity({
  name: 'SignInThrottle',
  tableName: 'sign_in_throttle',
  properties: {
    kind: p.string().length(10).primary(),
    key: p.string().length(254).primary(),
    /** Attempts that were tried and not taken back by a success: the failures, in the end. */
    failures: p.integer(),
    lastAttemptAt: p.datetime().index(),
    nextAttemptAt: p.datetime(),
  },
});
export type ISignInThrottle = InferEntity<typeof SignInThrottle>;
