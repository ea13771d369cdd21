/**
 * Starts the product: settings, database (embedded unless DATABASE_URL), migrations, demo
 * data on an empty database, then HTTP. A start that cannot succeed exits non-zero with a
 * message that says why.
 */
import { pino } from 'pino';
import { ConfigError, loadConfig } from './config.js';
import { DatabaseUnavailableError, openDatabase, StartupRefusedError } from './db/database.js';
import { createHttpApp } from './http.js';

const log = pino({ level: process.env.LOG_LEVEL ?? 'info' });

async function main() {
  const config = loadConfig();
  const db = await openDatabase(config, log);
  const { app, stop } = await createHttpApp(config, db.orm, log);
  const server = app.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    log.info(`Uppföljning kör på http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`);
  });
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
    error instanceof StartupRefusedError
  ) {
    console.error(error.message);
  } else {
    log.fatal({ err: error }, 'the server could not start');
  }
  process.exit(1);
});
