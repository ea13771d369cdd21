/**
 * Demo users of each role, for trying the product (listed in the README). The server
 * refuses to start in production mode while any user still has their password.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { DEMO_PASSWORD, verifyPassword } from '../../modules/auth/password.js';
import { User } from '../../modules/auth/user.entity.js';
import { createUser, type NewUser } from '../../modules/auth/user.service.js';

export { DEMO_PASSWORD };

export const demoUsers: Omit<NewUser, 'password' | 'demo'>[] = [
  { email: 'politiker@norrtalje.demo', name: 'Pia Politiker', role: 'läsare', kommunKey: 'norrtalje' },
  {
    // The office's controller: KSK's goals and report, and all its departments.
    email: 'kontor@norrtalje.demo',
    name: 'Karin Kontor',
    role: 'redaktör',
    kommunKey: 'norrtalje',
    unitKeys: ['ksk'],
  },
  {
    email: 'stab@norrtalje.demo',
    name: 'Sara Stab',
    role: 'redaktör',
    kommunKey: 'norrtalje',
    unitKeys: ['ksk-stab'],
  },
  {
    email: 'ekonomi@norrtalje.demo',
    name: 'Erik Ekonomi',
    role: 'redaktör',
    kommunKey: 'norrtalje',
    unitKeys: ['ksk-ekonomi'],
  },
  { email: 'admin@norrtalje.demo', name: 'Anna Admin', role: 'administratör', kommunKey: 'norrtalje' },
];

/** Adds the demo users that are missing; leaves existing ones (and their passwords) alone. */
export async function loadDemoUsers(em: EntityManager): Promise<number> {
  let created = 0;
  for (const user of demoUsers) {
    if (await em.count(User, { email: user.email })) continue;
    await createUser(em, { ...user, password: DEMO_PASSWORD, demo: true });
    created++;
  }
  return created;
}

/** scrypt costs 32 MiB and tens of milliseconds; libuv's pool runs four at a time anyway. */
const HASHES_AT_ONCE = 4;

/**
 * The e-mail addresses of users whose password is the published demo password, whatever
 * their `demo` flag says: the flag is a column anyone can clear, the password is what an
 * attacker would try.
 */
export async function usersWithDemoPassword(em: EntityManager): Promise<string[]> {
  const users = await em.find(User, {}, { fields: ['email', 'passwordHash'], orderBy: { email: 'asc' } });
  const found: string[] = [];
  for (let i = 0; i < users.length; i += HASHES_AT_ONCE) {
    const chunk = users.slice(i, i + HASHES_AT_ONCE);
    const known = await Promise.all(chunk.map((u) => verifyPassword(DEMO_PASSWORD, u.passwordHash)));
    found.push(...chunk.filter((_, j) => known[j]).map((u) => u.email));
  }
  return found;
}
