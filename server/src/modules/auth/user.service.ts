import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { columnLength } from '../../db/column-length.js';
import { Kommun, OrgUnit } from '../organisation/org-unit.entity.js';
import { hashPassword, passwordProblem } from './password.js';
import { roles, User, type IUser, type Role } from './user.entity.js';

export class UserInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export interface NewUser {
  email: string;
  name: string;
  password: string;
  role: Role;
  /** The kommun by its key (the demo data's folder name, e.g. "norrtalje"). */
  kommunKey: string;
  /** Units (by key) a redaktör may edit; ignored for other roles. */
  unitKeys?: string[];
  demo?: boolean;
  /** The server runs with NODE_ENV=production (passwordProblem's rule). */
  production?: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_EMAIL = columnLength(User, 'email');
const MAX_NAME = columnLength(User, 'name');

/** The one answer to an address already in use, whether found first or by the unique index. */
export const emailTaken = (email: string) =>
  new UserInputError('email', `E-postadressen ${email} används redan.`);

/**
 * Whether a failed insert of a user lost a race for its e-mail address: two administratörer
 * adding the same person at once both pass the check, and the unique index refuses one.
 */
export const isEmailTaken = (error: unknown) =>
  error instanceof UniqueConstraintViolationException &&
  (error as { constraint?: string }).constraint === 'app_user_email_unique';

/** Creates a user, or explains in Swedish which field is wrong. Changes nothing on error. */
export async function createUser(em: EntityManager, input: NewUser): Promise<IUser> {
  const email = input.email.trim().toLowerCase();
  if (!EMAIL.test(email) || [...email].length > MAX_EMAIL)
    throw new UserInputError('email', 'Ange en giltig e-postadress.');
  const name = input.name.trim();
  if (!name) throw new UserInputError('name', 'Ange ett namn.');
  if ([...name].length > MAX_NAME)
    throw new UserInputError('name', `Namnet får vara högst ${MAX_NAME} tecken.`);
  if (!roles.includes(input.role)) {
    throw new UserInputError('role', `Rollen ska vara en av: ${roles.join(', ')}.`);
  }
  const problem = passwordProblem(input.password, { production: input.production });
  if (problem) throw new UserInputError('password', problem);
  const kommun = await em.findOne(Kommun, { key: input.kommunKey });
  if (!kommun) throw new UserInputError('kommun', `Kommunen ${input.kommunKey} finns inte.`);
  const unitKeys = input.role === 'redaktör' ? (input.unitKeys ?? []) : [];
  if (input.role === 'redaktör' && unitKeys.length === 0) {
    throw new UserInputError('units', 'En redaktör behöver minst en enhet att redigera.');
  }
  const units = await em.find(OrgUnit, { kommun, key: { $in: unitKeys } });
  const missing = unitKeys.filter((k) => !units.some((u) => u.key === k));
  if (missing.length > 0) throw new UserInputError('units', `Enheterna finns inte: ${missing.join(', ')}.`);
  if (await em.count(User, { email })) throw emailTaken(email);

  const user = em.create(User, {
    kommun,
    email,
    name,
    role: input.role,
    passwordHash: await hashPassword(input.password),
    demo: input.demo ?? false,
  });
  user.units.set(units);
  await em.flush();
  return user;
}
