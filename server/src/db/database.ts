/**
 * Opens the database the configuration asks for, migrates it, and loads the demo data into
 * an empty one. Without DATABASE_URL it starts the embedded PostgreSQL.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { User } from '../modules/auth/user.entity.js';
import { Kommun } from '../modules/organisation/org-unit.entity.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { ormConfig } from './orm-config.js';
import { loadDemoData } from './seed/demo-data-loader.js';

export class DatabaseUnavailableError extends Error {}
/** A start that would be unsafe: it is refused with a message that says why. */
export class StartupRefusedError extends Error {}

export interface Database {
  orm: MikroORM;
  url: string;
  close(): Promise<void>;
}

/** The connection string without its password, for messages. */
export const redactUrl = (url: string) => url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');

export async function openDatabase(config: Config, log: Logger): Promise<Database> {
  const embedded = config.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT });
  const url = config.DATABASE_URL ?? embedded!.url;
  if (embedded) log.info({ dataDir: embedded.dataDir }, 'embedded PostgreSQL started');
  if (embedded && embedded.dataDir !== config.DATA_DIR) {
    log.warn(
      { asked: config.DATA_DIR, used: embedded.dataDir },
      'the data folder is not reachable by the postgres user PostgreSQL runs as under root; using a shared folder instead',
    );
  }

  const orm = await MikroORM.init(ormConfig(url, { pool: { min: 0, max: config.DB_POOL_MAX } }));
  const close = async () => {
    await orm.close(true);
    await embedded?.stop();
  };
  try {
    await orm.em.getConnection().execute('select 1');
  } catch (error) {
    await close();
    throw new DatabaseUnavailableError(
      `Databasen ${redactUrl(url)} svarar inte (${(error as Error).message}). ` +
        'Kontrollera DATABASE_URL och att PostgreSQL är igång, eller ta bort DATABASE_URL för att använda den inbyggda databasen.',
    );
  }
  const applied = await orm.getMigrator().up();
  if (applied.length > 0) log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');

  if (config.SEED_DEMO_DATA && (await orm.em.fork().count(Kommun)) === 0) {
    const summary = await loadDemoData(orm.em.fork());
    log.info(summary, 'demo data loaded into the empty database');
  }
  if (config.NODE_ENV === 'production' && (await orm.em.fork().count(User, { demo: true })) > 0) {
    await close();
    throw new StartupRefusedError(
      'Databasen innehåller demoanvändare med kända lösenord. Servern startar inte i produktionsläge ' +
        'förrän de är borttagna (eller starta utan NODE_ENV=production).',
    );
  }
  return { orm, url, close };
}
