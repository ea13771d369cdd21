/**
 * The server as a process sees it: settings checked at start, a database that is missing at
 * start or goes away while the server runs.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { startEmbeddedPostgres, type RunningDatabase } from '../src/db/embedded-postgres.js';
import { createHttpApp } from '../src/http.js';
import { freePort } from './test-database.js';

const run = promisify(execFile);

async function startServerProcess(env: Record<string, string>) {
  try {
    await run(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      cwd: join(import.meta.dirname, '..'),
      env: { ...process.env, ...env, LOG_LEVEL: 'silent' },
      timeout: 60_000,
    });
    return { code: 0, stderr: '' };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

describe('starting the server', () => {
  it('exits non-zero with a clear message when the database cannot be reached', async () => {
    const port = await freePort();
    const result = await startServerProcess({
      DATABASE_URL: `postgresql://postgres:secret@127.0.0.1:${port}/uppfoljning`,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `Databasen postgresql://postgres:***@127.0.0.1:${port}/uppfoljning svarar inte`,
    );
    expect(result.stderr).not.toContain('secret');
  });

  it('exits non-zero naming the setting when a setting is invalid', async () => {
    const result = await startServerProcess({ PORT: 'åttio', DATABASE_URL: 'mysql://x' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).toContain('DATABASE_URL: ska börja med postgres://');
  });
});

describe('a database that goes away while the server runs', () => {
  let dataDir: string;
  let pg: RunningDatabase;
  let pgPort: number;
  let db: Database;
  let http: Server;
  let stopApollo: () => Promise<void>;
  let base: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'uppfoljning-resilience-'));
    pgPort = await freePort();
    pg = await startEmbeddedPostgres({ dataDir, port: pgPort });
    const config = loadConfig({ DATABASE_URL: pg.url, SEED_DEMO_DATA: 'false', PORT: '0' });
    const log = pino({ level: 'silent' });
    db = await openDatabase(config, log);
    const app = await createHttpApp(config, db.orm, log);
    stopApollo = app.stop;
    http = await new Promise<Server>((resolve) => {
      const server = app.app.listen(0, '127.0.0.1', () => resolve(server));
    });
    base = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
  });

  afterAll(async () => {
    http?.close();
    await stopApollo?.();
    await db?.orm.close(true);
    await pg?.stop().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  });

  const query = async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ kommuner { id name } }' }),
    });
    return (await response.json()) as {
      data?: unknown;
      errors?: { message: string; extensions: { code: string } }[];
    };
  };

  it('masks the failure while the database is down and recovers by itself when it returns', async () => {
    expect(await query()).toEqual({ data: { kommuner: [] } });
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    await pg.stop();
    const down = await query();
    expect(down.errors?.[0]?.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(down.errors?.[0]?.message).toBe('Ett oväntat fel inträffade. Försök igen om en stund.');
    expect(JSON.stringify(down)).not.toMatch(/ECONNREFUSED|select|stack/i);
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    pg = await startEmbeddedPostgres({ dataDir, port: pgPort });
    let recovered = await query();
    for (let attempt = 0; attempt < 20 && recovered.errors; attempt++) {
      await new Promise((r) => setTimeout(r, 250));
      recovered = await query();
    }
    expect(recovered).toEqual({ data: { kommuner: [] } });
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });
});
