/** `pnpm user:create --email … --name … --role redaktör --kommun norrtalje --unit ksk-stab` */
import { parseArgs } from 'node:util';
import { askPassword, requireOptions, runOnDatabase } from './cli-support.js';
import { createUser } from './user.service.js';
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

requireOptions(
  values,
  ['email', 'name', 'kommun'],
  'pnpm user:create --email E --name N --kommun KOMMUN [--role läsare|redaktör|administratör] [--unit ENHET …]',
);

await runOnDatabase(async (em, config) => {
  const user = await createUser(em, {
    email: values.email!,
    name: values.name!,
    role: values.role as Role,
    kommunKey: values.kommun!,
    unitKeys: values.unit,
    password: await askPassword(),
    production: config.NODE_ENV === 'production',
  });
  return `Skapade ${user.role} ${user.email}.`;
});
