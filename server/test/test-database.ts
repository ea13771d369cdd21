/**
 * Where the tests' PostgreSQL comes from: TEST_DATABASE_URL (a server the tests may create
 * databases on, e.g. postgresql://postgres@127.0.0.1:5432/test) or, without it, an embedded
 * PostgreSQL in a temporary folder. Each call makes a fresh, empty database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { ormConfig } from '../src/db/orm-config.js';
import { loadDemoData } from '../src/db/seed/demo-data-loader.js';
import { embeddedAppRole, startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { ensureAppRole, grantAppRole, withRole } from '../src/db/database-roles.js';

export interface TestServer {
  /** A URL of the server's maintenance database. */
  adminUrl: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

let exitCodeKept = false;

/**
 * embedded-postgres stops its clusters through async-exit-hook, which ends the process with
 * `process.exit(0)` on 'beforeExit' whatever exit code the test runner had set: failed tests
 * would end in success, and CI would pass them. The runner's code is put back on exit.
 */
function keepTheRunnersExitCode() {
  if (exitCodeKept) return;
  exitCodeKept = true;
  let code: typeof process.exitCode;
  process.prependListener('beforeExit', () => (code = process.exitCode));
  process.on('exit', () => {
    if (code) process.exitCode = code;
  });
}

export async function startTestServer(): Promise<TestServer> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) return { adminUrl: external, stop: async () => {} };
  keepTheRunnersExitCode();
  const dataDir = mkdtempSync(join(tmpdir(), 'uppfoljning-test-'));
  const db = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'postgres' });
  return {
    adminUrl: db.url,
    stop: async () => {
      await db.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
}

/**
 * The database of `ownerUrl` as the app's role, which the product's server connects as:
 * the role is made on the cluster if missing (several test workers may ask at once).
 */
export async function asAppRole(ownerUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await ensureAppRole(client, embeddedAppRole);
  } finally {
    await client.end();
  }
  return withRole(ownerUrl, embeddedAppRole);
}

/** The same database as the owner (the admin), for what only the owner may do. */
export const asOwner = (appUrl: string, adminUrl: string) => {
  const url = new URL(adminUrl);
  url.pathname = new URL(appUrl).pathname;
  return url.toString();
};

/**
 * A fresh database with the migrations and all the demo data, for a test file that writes:
 * the read-only files share the one from the global setup. Migrated and seeded as the
 * owner; the URL returned is the app's role's, so every test runs the app with the
 * privileges it has in the product.
 */
export async function seededDatabase(adminUrl: string, name: string): Promise<string> {
  const url = await createDatabase(adminUrl, name);
  const appUrl = await asAppRole(url);
  const orm = await MikroORM.init(ormConfig(url));
  try {
    await orm.getMigrator().up();
    await grantAppRole(orm.em.getConnection(), embeddedAppRole.name);
    await loadDemoData(orm.em.fork());
  } finally {
    await orm.close(true);
  }
  return appUrl;
}
