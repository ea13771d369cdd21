/**
 * Browser tests run against the real product: the built PWA served by the real server on a
 * fresh database with the demo data (embedded PostgreSQL, or TEST_DATABASE_URL's server).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import {
  asAppRole,
  createDatabase,
  dropDatabase,
  freePort,
  startTestServer,
} from '../../server/test/test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The PostgreSQL server's maintenance database, for a test that needs a database of its own. */
    adminDatabaseUrl: string;
  }
}

const serverDir = fileURLToPath(new URL('../../server/', import.meta.url));
const clientDist = fileURLToPath(new URL('../dist/', import.meta.url));

export default async function setup(project: TestProject) {
  const pg = await startTestServer();
  const name = `uppfoljning_e2e_${process.pid}`;
  const url = await createDatabase(pg.adminUrl, name);
  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      // As in a deployment: the server migrates as the owner and serves as the app's role.
      DATABASE_URL: await asAppRole(url),
      MIGRATION_DATABASE_URL: url,
      PORT: String(port),
      CLIENT_DIST_DIR: clientDist,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || server.exitCode !== null) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 250));
  }
  project.provide('baseUrl', baseUrl);
  project.provide('adminDatabaseUrl', pg.adminUrl);
  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await dropDatabase(pg.adminUrl, name);
    await pg.stop();
  };
}
