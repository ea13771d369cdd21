// The built server reads the GraphQL schema files, the demo data and Kolada's list of
// municipalities next to its code.
import { cpSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const src = new URL('../src/', import.meta.url).pathname;
const dist = new URL('../dist/', import.meta.url).pathname;

for (const module of readdirSync(join(src, 'modules'))) {
  const schema = join(src, 'modules', module, 'schema.graphql');
  if (existsSync(schema)) cpSync(schema, join(dist, 'modules', module, 'schema.graphql'));
}
cpSync(join(src, 'db', 'seed-data'), join(dist, 'db', 'seed-data'), { recursive: true });
cpSync(join(src, 'db', 'kolada'), join(dist, 'db', 'kolada'), { recursive: true });
