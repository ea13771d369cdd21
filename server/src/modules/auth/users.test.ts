import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { graphqlClient, type GraphQLTestClient } from '../../../test/graphql-client.js';
import { loadConfig } from '../../config.js';
import { openDatabase, StartupRefusedError } from '../../db/database.js';
import { DEMO_PASSWORD, demoUsers } from '../../db/seed/demo-users.js';
import { pino } from 'pino';
import { verifyPassword } from './password.js';
import { User } from './user.entity.js';
import { createUser, UserInputError } from './user.service.js';

let client: GraphQLTestClient;
beforeAll(async () => {
  client = await graphqlClient();
});
afterAll(() => client.close());

describe('users', () => {
  it('seeds a demo user of each role with a hashed password', async () => {
    const em = client.orm.em.fork();
    const users = await em.find(User, { demo: true }, { populate: ['units'], orderBy: { email: 'asc' } });
    expect(users.map((u) => u.role).sort()).toEqual([
      'administratör',
      'läsare',
      'redaktör',
      'redaktör',
      'redaktör',
    ]);
    expect(users.length).toBe(demoUsers.length);
    const stab = users.find((u) => u.email === 'stab@norrtalje.demo')!;
    expect(stab.units.getItems().map((u) => u.name)).toEqual(['Stab- och planeringsavdelningen']);
    expect(stab.passwordHash).not.toContain(DEMO_PASSWORD);
    expect(await verifyPassword(DEMO_PASSWORD, stab.passwordHash)).toBe(true);
  });

  it.each([
    [{ email: 'inte-en-adress' }, 'email', 'Ange en giltig e-postadress.'],
    [{ password: 'kort' }, 'password', 'Lösenordet måste ha minst 12 tecken.'],
    [{ role: 'chef' }, 'role', 'Rollen ska vara en av: läsare, redaktör, administratör.'],
    [{ unitKeys: [] }, 'units', 'En redaktör behöver minst en enhet att redigera.'],
    [{ unitKeys: ['finns-inte'] }, 'units', 'Enheterna finns inte: finns-inte.'],
    [{ email: 'STAB@norrtalje.demo' }, 'email', 'E-postadressen stab@norrtalje.demo används redan.'],
  ])('refuses a bad new user (%o), naming the field, and changes nothing', async (change, field, message) => {
    const em = client.orm.em.fork();
    const before = await em.count(User);
    const error = await createUser(em, {
      email: 'ny@norrtalje.demo',
      name: 'Ny Användare',
      password: 'ett långt lösenord',
      role: 'redaktör',
      kommunKey: 'norrtalje',
      unitKeys: ['ksk-it'],
      ...change,
    } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserInputError);
    expect(error).toMatchObject({ field, message });
    expect(await client.orm.em.fork().count(User)).toBe(before);
  });

  it('keeps the server from starting in production mode while demo users exist', async () => {
    const result = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      cwd: join(import.meta.dirname, '../../..'),
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: inject('demoDatabaseUrl'),
        PORT: '0',
        LOG_LEVEL: 'silent',
      },
      timeout: 60_000,
    }).catch((e: { code: number; stderr: string }) => e);
    expect(result).toMatchObject({ code: 1 });
    expect((result as { stderr: string }).stderr).toContain('har demolösenordet');
  });

  it('refuses a production start while any user has the demo password, whatever the demo flag says', async () => {
    const em = client.orm.em.fork();
    // Clearing the flag is what someone does to get past a check on the flag alone.
    await em.nativeUpdate(User, { demo: true }, { demo: false });
    try {
      const config = loadConfig({
        NODE_ENV: 'production',
        DATABASE_URL: inject('demoDatabaseUrl'),
        SEED_DEMO_DATA: 'false',
      });
      const started = await openDatabase(config, pino({ level: 'silent' })).catch((e: Error) => e);
      if (!(started instanceof Error)) await started.close();
      expect(started).toBeInstanceOf(StartupRefusedError);
      const message = (started as Error).message;
      expect(message).toContain('demolösenordet');
      // Names the accounts, so the administratör knows which to change or remove.
      for (const user of demoUsers) expect(message).toContain(user.email);
    } finally {
      await em.nativeUpdate(User, { email: { $in: demoUsers.map((u) => u.email) } }, { demo: true });
    }
  });
});
