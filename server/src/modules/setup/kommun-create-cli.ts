/**
 * `pnpm kommun:create --kolada 1489 --email E --name N`: a kommun from Kolada's list and its
 * first administratör, on any database (an installation holds any number of kommuner).
 */
import { parseArgs } from 'node:util';
import { askPassword, requireOptions, runOnDatabase } from '../auth/cli-support.js';
import { createKommun } from './kommun-setup.service.js';

const { values } = parseArgs({
  options: {
    kolada: { type: 'string' },
    email: { type: 'string' },
    name: { type: 'string' },
  },
});

requireOptions(
  values,
  ['kolada', 'email', 'name'],
  'pnpm kommun:create --kolada KOMMUNKOD --email E --name N (lösenordet frågas efter, eller läses från PASSWORD)',
);

await runOnDatabase(async (em, config) => {
  const { kommun, admin } = await createKommun(em, {
    koladaCode: values.kolada!,
    admin: { email: values.email!, name: values.name!, password: await askPassword() },
    production: config.NODE_ENV === 'production',
  });
  return `Skapade ${kommun.name} (${kommun.koladaCode}, nyckel ${kommun.key}) med administratören ${admin.email}.`;
});
