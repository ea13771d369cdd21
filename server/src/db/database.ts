/**
 * Opens the database the configuration asks for, migrates it as the tables' owner
 * (MIGRATION_DATABASE_URL), grants the app's role (DATABASE_URL) its rows, and loads the
 * demo data into an empty one. Without DATABASE_URL it starts the embedded PostgreSQL,
 * which has both roles.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { Kommun } from '../modules/organisation/org-unit.entity.js';
import { appRoleTooPowerful, grantAppRole, roleOf } from './database-roles.js';
import { EmbeddedPostgresInUseError, startEmbeddedPostgres } from './embedded-postgres.js';
import { ormConfig } from './orm-config.js';
import { loadDemoData } from './seed/demo-data-loader.js';
import { usersWithDemoPassword } from './seed/demo-users.js';

export class DatabaseUnavailableError extends Error {}
/** A start that would be unsafe: it is refused with a message that says why. */
export class StartupRefusedError extends Error {}

export interface Database {
  /** As the app's role. */
  orm: MikroORM;
  url: string;
  /** The tables' owner's connection string (the same as url where there is one role). */
  ownerUrl: string;
  close(): Promise<void>;
}

/** The connection string without its password, for messages. */
export const redactUrl = (url: string) => url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');

/** The embedded PostgreSQL, or a refusal that says what to do about it. */
async function startEmbedded(config: Config, log: Logger) {
  try {
    return await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, log });
  } catch (error) {
    if (error instanceof EmbeddedPostgresInUseError) throw new StartupRefusedError(error.message);
    throw new DatabaseUnavailableError(
      `Den inbyggda PostgreSQL kunde inte starta (DATA_DIR=${config.DATA_DIR}, EMBEDDED_PG_PORT=${config.EMBEDDED_PG_PORT}): ` +
        `${(error as Error).message}. Kontrollera att porten är ledig eller välj en annan med EMBEDDED_PG_PORT, ` +
        'och att mappen går att skriva i; eller ange DATABASE_URL för att använda en egen PostgreSQL.',
    );
  }
}

/** Any constant will do, as long as every process of the product uses the same one. */
const STARTUP_LOCK = "hashtext('uppfoljning:startup')";
/** How long a process waits for another one's migrations and demo data before giving up. */
const STARTUP_LOCK_WAIT_MS = 5 * 60_000;

/**
 * Runs `work` (migrations, demo data) while holding a PostgreSQL advisory lock, so that any
 * number of processes can start on one database: the first does the work, the others wait
 * and then find nothing left to do. The migrator creates its own table before its
 * transaction begins, so the lock cannot live in that transaction: it is held on a
 * connection of its own, outside the pool (which may have a single connection).
 */
async function whileHoldingStartupLock<T>(orm: MikroORM, log: Logger, work: () => Promise<T>): Promise<T> {
  const client = orm.em.getConnection().getKnex().client as {
    acquireRawConnection(): Promise<LockConnection>;
    destroyRawConnection(connection: LockConnection): Promise<void>;
  };
  const connection = await client.acquireRawConnection();
  try {
    const tried = await connection.query<{ locked: boolean }>(
      `select pg_try_advisory_lock(${STARTUP_LOCK}) as locked`,
    );
    if (!tried.rows[0]?.locked) {
      log.info('another process is migrating the database; waiting for it');
      await connection.query(`set statement_timeout = ${STARTUP_LOCK_WAIT_MS}`);
      try {
        await connection.query(`select pg_advisory_lock(${STARTUP_LOCK})`);
      } catch (error) {
        throw new DatabaseUnavailableError(
          `En annan process har migrerat databasen i mer än ${STARTUP_LOCK_WAIT_MS / 60_000} minuter ` +
            `(${(error as Error).message}). Kontrollera att den inte har hängt sig och starta sedan om.`,
        );
      }
    }
    return await work();
  } finally {
    // Closing the connection releases the lock too; the unlock only makes it prompt.
    await connection.query(`select pg_advisory_unlock_all()`).catch(() => {});
    await client.destroyRawConnection(connection);
  }
}

interface LockConnection {
  query<R>(sql: string): Promise<{ rows: R[] }>;
}

/** The ORM on one of the two connection strings; `setting` names it in the refusal. */
async function connect(config: Config, url: string, setting: string, pool: number): Promise<MikroORM> {
  const orm = await MikroORM.init(
    ormConfig(url, {
      pool: { min: 0, max: pool },
      driverOptions: { connection: { statement_timeout: config.DB_STATEMENT_TIMEOUT_MS } },
    }),
  );
  try {
    await orm.em.getConnection().execute('select 1');
  } catch (error) {
    await orm.close(true);
    throw new DatabaseUnavailableError(
      `Databasen ${redactUrl(url)} svarar inte (${(error as Error).message}). ` +
        `Kontrollera ${setting} och att PostgreSQL är igång, eller ta bort DATABASE_URL för att använda den inbyggda databasen.`,
    );
  }
  return orm;
}

/**
 * As the tables' owner: the migrations, the app role's grants (after every migration run,
 * so a table a later migration adds is covered at once), and the demo data on an empty
 * database. `owner` is the app's own connection when there is only one role.
 */
async function prepareAsOwner(config: Config, log: Logger, owner: MikroORM, appRole: string | null) {
  await whileHoldingStartupLock(owner, log, async () => {
    const applied = await owner.getMigrator().up();
    if (applied.length > 0) log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
    if (appRole) await grantAppRole(owner.em.getConnection(), appRole);
    if (config.SEED_DEMO_DATA && (await owner.em.fork().count(Kommun)) === 0) {
      const summary = await loadDemoData(owner.em.fork());
      log.info(summary, 'demo data loaded into the empty database');
    }
  });
}

export async function openDatabase(config: Config, log: Logger): Promise<Database> {
  const embedded = config.DATABASE_URL ? null : await startEmbedded(config, log);
  const url = config.DATABASE_URL ?? embedded!.appUrl;
  const ownerUrl = config.MIGRATION_DATABASE_URL ?? embedded?.url ?? url;
  if (embedded) log.info({ dataDir: embedded.dataDir }, 'embedded PostgreSQL started');
  if (embedded && embedded.dataDir !== config.DATA_DIR) {
    log.warn(
      { asked: config.DATA_DIR, used: embedded.dataDir },
      'the data folder is not reachable by the postgres user PostgreSQL runs as under root; using a shared folder instead',
    );
  }

  const orm = await connect(config, url, 'DATABASE_URL', config.DB_POOL_MAX).catch(async (error: unknown) => {
    await embedded?.stop();
    throw error;
  });
  const close = async () => {
    await orm.close(true);
    await embedded?.stop();
  };
  try {
    if (ownerUrl === url) {
      await prepareAsOwner(config, log, orm, null);
    } else {
      // The startup lock's own connection and the migrations' transaction.
      const owner = await connect(config, ownerUrl, 'MIGRATION_DATABASE_URL', 2);
      try {
        await prepareAsOwner(config, log, owner, roleOf(url));
      } finally {
        await owner.close(true);
      }
    }
    const tooPowerful = await appRoleTooPowerful(orm.em.getConnection());
    // Facing the internet, a role that could switch the triggers off is no start; on a
    // developer's machine it is a warning.
    if (tooPowerful && config.NODE_ENV === 'production') {
      throw new StartupRefusedError(
        `Appen ansluter med en roll som kan stänga av skyddet för publicerade rapporter (${tooPowerful}). ` +
          'Ge DATABASE_URL en egen roll utan superuser som inte äger tabellerna, och ägaren till ' +
          'MIGRATION_DATABASE_URL (README, Deployment); eller starta utan NODE_ENV=production.',
      );
    }
    if (tooPowerful) {
      log.warn(
        { reason: tooPowerful },
        'the app connects as a role that can switch off the triggers that keep published reports unchanged; ' +
          'give DATABASE_URL a role of its own and the owner to MIGRATION_DATABASE_URL (README, Deployment)',
      );
    }
  } catch (error) {
    await close();
    throw error;
  }
  if (config.NODE_ENV === 'production') {
    const known = await usersWithDemoPassword(orm.em.fork()).catch(async (error: unknown) => {
      await close();
      throw error;
    });
    if (known.length > 0) {
      await close();
      throw new StartupRefusedError(
        `${known.length} användare har demolösenordet från README:n (${known.join(', ')}). ` +
          'Servern startar inte i produktionsläge förrän de har tagits bort ' +
          `(till exempel: delete from app_user where email in (${known.map((e) => `'${e}'`).join(', ')});) ` +
          'eller fått egna lösenord; eller starta utan NODE_ENV=production.',
      );
    }
  }
  return { orm, url, ownerUrl, close };
}
