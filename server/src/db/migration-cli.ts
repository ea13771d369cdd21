/**
 * `pnpm migration:create`: writes a migration for the difference between the entities and the
 * last migration's snapshot. Runs against an embedded PostgreSQL in a temporary folder (or
 * DATABASE_URL), migrated to the latest committed migration first.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { ormConfig } from './orm-config.js';

const dataDir = mkdtempSync(join(tmpdir(), 'uppfoljning-migration-'));
const db = process.env.DATABASE_URL
  ? { url: process.env.DATABASE_URL, stop: async () => {} }
  : await startEmbeddedPostgres({ dataDir, port: 54339 });
const orm = await MikroORM.init(ormConfig(db.url, {}, { writesSnapshot: true }));
try {
  const migrator = orm.getMigrator();
  await migrator.up();
  const result = await migrator.createMigration(undefined, false, process.argv[2] === 'initial');
  console.log(
    result.fileName
      ? `Skrev ${result.fileName}. Lägg till den sist i src/db/migrations/index.ts.`
      : 'Inga ändringar att migrera.',
  );
} finally {
  await orm.close();
  await db.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
