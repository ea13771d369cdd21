/**
 * `pnpm user:create --email … --name … --role redaktör --kommun norrtalje --unit ksk-stab`
 * The password is read from the environment variable PASSWORD or asked for, never taken as
 * an argument (it would end up in the shell's history).
 */
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { pino } from 'pino';
import { loadConfig } from '../../config.js';
import { openDatabase } from '../../db/database.js';
import { withoutSecrets } from '../../log.js';
import { createUser, UserInputError } from './user.service.js';
import type { Role } from './user.entity.js';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', default: 'läsare' },
    kommun: { type: 'string' },
    unit: { type: 'string', multiple: true, default: [] },
  },
});

async function askPassword(): Promise<string> {
  if (process.env.PASSWORD) return process.env.PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question('Lösenord: ');
  } finally {
    rl.close();
  }
}

if (!values.email || !values.name || !values.kommun) {
  console.error(
    'Användning: pnpm user:create --email E --name N --kommun KOMMUN [--role läsare|redaktör|administratör] [--unit ENHET …]',
  );
  process.exit(2);
}

const config = loadConfig();
const db = await openDatabase({ ...config, SEED_DEMO_DATA: false }, withoutSecrets(pino({ level: 'warn' })));
try {
  const user = await createUser(db.orm.em.fork(), {
    email: values.email,
    name: values.name,
    role: values.role as Role,
    kommunKey: values.kommun,
    unitKeys: values.unit,
    password: await askPassword(),
    production: config.NODE_ENV === 'production',
  });
  console.log(`Skapade ${user.role} ${user.email}.`);
} catch (error) {
  if (error instanceof UserInputError) {
    console.error(`${error.field}: ${error.message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
} finally {
  await db.close();
}
