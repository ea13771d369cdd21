/**
 * The server as a process sees it: settings checked at start, a database that is missing at
 * start or goes away while the server runs.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { startEmbeddedPostgres, type RunningDatabase } from '../src/db/embedded-postgres.js';
import { migrationsList } from '../src/db/migrations/index.js';
import { createHttpApp } from '../src/http.js';
import { createDatabase, freePort } from './test-database.js';

const run = promisify(execFile);
const serverDir = join(import.meta.dirname, '..');

/** A server started as a child process, with everything it printed. */
interface ServerProcess {
  output(): string;
  /** Resolves with the server's address once it listens; fails if it exits first or within `ms`. */
  listening(ms?: number): Promise<string>;
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
}

const children = new Set<ServerProcess>();

function spawnServer(env: Record<string, string>): ServerProcess {
  // Only the database the test names: without one, the server runs its embedded PostgreSQL.
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: serverDir,
    env: { ...inherited, LOG_LEVEL: 'info', NODE_ENV: 'test', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const server: ServerProcess = {
    output: () => output,
    exited,
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
    async listening(ms = 90_000) {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline) {
        const address = /kör på (http:\/\/[^"\s]+)/.exec(output)?.[1];
        if (address) return address;
        if (child.exitCode !== null) throw new Error(`the server exited ${child.exitCode}:\n${output}`);
        await sleep(100);
      }
      throw new Error(`the server did not listen within ${ms} ms:\n${output}`);
    },
  };
  children.add(server);
  void exited.then(() => children.delete(server));
  return server;
}

/** Stops a server as a deployer would (SIGTERM) and waits for it, SIGKILL after 20 s. */
async function stopServer(server: ServerProcess): Promise<number | null> {
  server.kill('SIGTERM');
  const code = await Promise.race([server.exited, sleep(20_000).then(() => 'late' as const)]);
  if (code !== 'late') return code;
  server.kill('SIGKILL');
  return server.exited;
}

afterAll(async () => {
  await Promise.all([...children].map(stopServer));
});

/** The postmaster's pid from PostgreSQL's lock file, if a postmaster still runs on it. */
function livePostmaster(databaseDir: string): number | null {
  const file = join(databaseDir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/** The postmaster and its backends: every process serving a test's own embedded database. */
function postgresProcesses(databaseDir: string): number[] {
  const postmaster = livePostmaster(databaseDir);
  if (!postmaster) throw new Error(`no PostgreSQL runs on ${databaseDir}`);
  const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(postmaster)], { encoding: 'utf8' });
  return [postmaster, ...children.split('\n').filter(Boolean).map(Number)];
}

async function startServerProcess(env: Record<string, string>) {
  try {
    await run(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      cwd: serverDir,
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

  it('answers a malformed session cookie as not signed in, never with an error', async () => {
    const cookies = [
      'uppf_session=%E0%A4%A', // bad percent-encoding
      'uppf_session=%', // a lone percent sign
      `uppf_session=${'a'.repeat(8_000)}`, // huge
      'uppf_session=abc%00def', // NUL
      'uppf_session=abc%00', // NUL at the end
      'uppf_session', // no value at all
      'uppf_session==;=;;', // wrong format
      'uppf_session=a=b=c; uppf_session=x', // twice
      'other=%E0%A4%A; uppf_session=%ZZ', // another cookie broken too
    ];
    for (const cookie of cookies) {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query: '{ me { name } }' }),
      });
      expect({ cookie: cookie.slice(0, 40), status: response.status, body: await response.json() }).toEqual({
        cookie: cookie.slice(0, 40),
        status: 200,
        body: { data: { me: null } },
      });
    }
  });

  it('cancels a statement that runs longer than DB_STATEMENT_TIMEOUT_MS', async () => {
    const show = await db.orm.em
      .getConnection()
      .execute<{ statement_timeout: string }[]>('show statement_timeout');
    expect(show[0]!.statement_timeout).toBe('30s');

    const log = pino({ level: 'silent' });
    const strict = await openDatabase(
      loadConfig({ DATABASE_URL: pg.url, SEED_DEMO_DATA: 'false', DB_STATEMENT_TIMEOUT_MS: '300' }),
      log,
    );
    try {
      await expect(strict.orm.em.getConnection().execute('select pg_sleep(3)')).rejects.toThrow(
        /statement timeout/,
      );
    } finally {
      await strict.close();
    }
    for (const bad of ['0', 'snabbt', '-1']) {
      expect(() => loadConfig({ DB_STATEMENT_TIMEOUT_MS: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ DB_STATEMENT_TIMEOUT_MS: bad })).toThrow(/DB_STATEMENT_TIMEOUT_MS/);
    }
  });

  it('answers /readyz with 503 within 2 s while the database is frozen, and 200 again when it thaws', async () => {
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const frozen = postgresProcesses(join(pg.dataDir, 'postgres'));
    try {
      for (const pid of frozen) process.kill(pid, 'SIGSTOP');
      const timings: number[] = [];
      // Twice: a probe while the first one still hangs must not wait behind it.
      for (let probe = 0; probe < 2; probe++) {
        const started = performance.now();
        const response = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(10_000) });
        timings.push(Math.round(performance.now() - started));
        expect(response.status).toBe(503);
        expect(await response.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
      }
      console.info(`readyz answered 503 in ${timings.join(' and ')} ms while the database was frozen`);
      expect(Math.max(...timings)).toBeLessThan(2_000);
    } finally {
      for (const pid of frozen) process.kill(pid, 'SIGCONT');
    }
    let status = 0;
    for (let attempt = 0; attempt < 40 && status !== 200; attempt++) {
      if (attempt > 0) await sleep(250);
      status = (await fetch(`${base}/readyz`)).status;
    }
    expect(status).toBe(200);
    expect(await query()).toEqual({ data: { kommuner: [] } });
  });

  it('exits 1 naming the port and the setting when the port is taken', async () => {
    const taken: TcpServer = createTcpServer();
    const port = await new Promise<number>((resolve) =>
      taken.listen(0, '127.0.0.1', () => resolve((taken.address() as { port: number }).port)),
    );
    try {
      const result = await startServerProcess({
        DATABASE_URL: pg.url,
        SEED_DEMO_DATA: 'false',
        HOST: '127.0.0.1',
        PORT: String(port),
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `Servern kan inte lyssna på port ${port} på 127.0.0.1: porten används redan av ett annat program.`,
      );
      expect(result.stderr).toContain('PORT=');
    } finally {
      taken.close();
    }
  });

  it('brings up three servers started at once on an empty database, migrating and seeding it once', async () => {
    const url = await createDatabase(pg.url, 'uppfoljning_three');
    const servers = [1, 2, 3].map(() =>
      spawnServer({ DATABASE_URL: url, SEED_DEMO_DATA: 'true', PORT: '0', DB_POOL_MAX: '2' }),
    );
    try {
      const addresses = await Promise.all(servers.map((s) => s.listening()));
      for (const address of addresses) expect((await fetch(`${address}/readyz`)).status).toBe(200);
      const outputs = servers.map((s) => s.output());
      expect(outputs.filter((o) => o.includes('"msg":"migrations applied"'))).toHaveLength(1);
      expect(
        outputs.filter((o) => o.includes('"msg":"demo data loaded into the empty database"')),
      ).toHaveLength(1);
      const check = await openDatabase(
        loadConfig({ DATABASE_URL: url, SEED_DEMO_DATA: 'false' }),
        pino({ level: 'silent' }),
      );
      try {
        const applied = await check.orm.em
          .getConnection()
          .execute<{ name: string; n: number }[]>(
            'select name, count(*)::int as n from mikro_orm_migrations group by name order by name',
          );
        expect(applied).toEqual(migrationsList.map((m) => ({ name: m.name, n: 1 })));
      } finally {
        await check.close();
      }
    } finally {
      const codes = await Promise.all(servers.map(stopServer));
      expect(codes).toEqual([0, 0, 0]);
    }
  });

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

describe('an embedded PostgreSQL left running by a killed server', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'uppfoljning-orphan-'));
    // Reachable by the postgres user under root, so the data stays where the test looks.
    chmodSync(dataDir, 0o755);
  });

  afterAll(() => {
    const orphan = livePostmaster(join(dataDir, 'postgres'));
    if (orphan) process.kill(orphan, 'SIGINT');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is found through postmaster.pid and stopped, and the next start comes up and says so', async () => {
    const env = {
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      PORT: '0',
      SEED_DEMO_DATA: 'false',
    };
    const first = spawnServer(env);
    await first.listening();
    first.kill('SIGKILL');
    await first.exited;
    const orphan = livePostmaster(join(dataDir, 'postgres'));
    expect(orphan).not.toBeNull();

    const second = spawnServer(env);
    const address = await second.listening();
    expect((await fetch(`${address}/readyz`)).status).toBe(200);
    expect(second.output()).toContain(
      'found an embedded PostgreSQL left running by a server that was killed; stopping it before starting again',
    );
    expect(second.output()).toContain(`"pid":${orphan}`);
    expect(livePostmaster(join(dataDir, 'postgres'))).not.toBe(orphan);

    expect(await stopServer(second)).toBe(0);
    expect(livePostmaster(join(dataDir, 'postgres'))).toBeNull();
  });
});
