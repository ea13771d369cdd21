import type { TestProject } from 'vitest/node';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../src/db/orm-config.js';
import { loadDemoData } from '../src/db/seed/demo-data-loader.js';
import { createDatabase, dropDatabase, startTestServer } from './test-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated database with all the demo data, shared by the read-only test files. */
    demoDatabaseUrl: string;
    /** The server's maintenance database, for tests that need a database of their own. */
    adminDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const name = `uppfoljning_test_${process.pid}`;
  const url = await createDatabase(server.adminUrl, name);
  const orm = await MikroORM.init(ormConfig(url));
  await orm.getMigrator().up();
  await loadDemoData(orm.em.fork());
  await orm.close(true);
  project.provide('demoDatabaseUrl', url);
  project.provide('adminDatabaseUrl', server.adminUrl);
  return async () => {
    await dropDatabase(server.adminUrl, name);
    await server.stop();
  };
}
