/**
 * Starts the product: settings, database (embedded unless DATABASE_URL), migrations, demo
 * data on an empty database, then HTTP, and the set-up link while there is no kommun. A
 * start that cannot succeed exits non-zero with a message that says why.
 */
import { pino } from 'pino';
import { ConfigError, loadConfig } from './config.js';
import { DatabaseUnavailableError, openDatabase, StartupRefusedError } from './db/database.js';
import { createHttpApp, listen, ListenError } from './http.js';
import { withoutSecrets } from './log.js';
import { offerSetup } from './modules/setup/kommun-setup.service.js';

const log = withoutSecrets(pino({ level: process.env.LOG_LEVEL ?? 'info' }));

async function main() {
  const config = loadConfig();
  const db = await openDatabase(config, log);
  const { app, stop } = await createHttpApp(config, db.orm, log);
  let server: Awaited<ReturnType<typeof listen>>;
  try {
    server = await listen(app, config.HOST, config.PORT);
  } catch (error) {
    await stop();
    await db.close();
    throw error;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const baseUrl = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`;
  log.info(`Uppföljning kör på ${baseUrl}`);
  // With no kommun yet, the log gets the one-time link to the set-up page.
  await offerSetup(db.orm.em.fork(), log, baseUrl);
  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    server.close();
    await stop();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (
    error instanceof ConfigError ||
    error instanceof DatabaseUnavailableError ||
    error instanceof StartupRefusedError ||
    error instanceof ListenError
  ) {
    console.error(error.message);
  } else {
    log.fatal({ err: error }, 'the server could not start');
    // Unexpected, so the log above has the details; the person starting it needs a next step.
    console.error(
      `Servern kunde inte starta: ${error instanceof Error ? error.message : String(error)}. ` +
        'Detaljerna finns i loggen ovan (LOG_LEVEL=debug ger mer); kontrollera inställningarna i README.md.',
    );
  }
  process.exit(1);
});
