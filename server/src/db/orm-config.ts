import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { fileURLToPath } from 'node:url';
import { entities } from './entities.js';
import { migrationsList } from './migrations/index.js';

const migrationsDir = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * The ORM settings shared by the server, the CLI scripts, the tests and the benchmark.
 * `writesSnapshot` is for `migration:create` alone: the migrator rewrites the committed
 * schema snapshot whenever it applies migrations, and a server start or a test run must not
 * change the source tree.
 */
export function ormConfig(
  clientUrl: string,
  overrides: Partial<Options> = {},
  { writesSnapshot = false } = {},
): Options {
  return defineConfig({
    clientUrl,
    entities,
    extensions: [Migrator],
    migrations: {
      path: migrationsDir,
      pathTs: migrationsDir,
      migrationsList,
      transactional: true,
      silent: true,
      allOrNothing: true,
      snapshot: writesSnapshot,
      emit: 'ts',
      snapshotName: '.snapshot',
    },
    // The schema is only ever changed by committed migrations.
    ensureDatabase: false,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    pool: { min: 0, max: 10 },
    ...overrides,
  });
}
