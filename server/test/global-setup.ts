import type { TestProject } from 'vitest/node';
import { dropDatabase, seededDatabase, startTestServer } from './test-database.js';

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
  const url = await seededDatabase(server.adminUrl, name);
  project.provide('demoDatabaseUrl', url);
  project.provide('adminDatabaseUrl', server.adminUrl);
  return async () => {
    await dropDatabase(server.adminUrl, name);
    await server.stop();
  };
}
