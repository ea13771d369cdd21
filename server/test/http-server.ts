/** The product's HTTP app, listening on a free port of 127.0.0.1 for one test file. */
import type { Server } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import { pino, type Logger } from 'pino';
import type { Config } from '../src/config.js';
import { createHttpApp } from '../src/http.js';

export interface TestHttpServer {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  base: string;
  close(): Promise<void>;
}

export async function serveForTest(
  config: Config,
  orm: MikroORM,
  log: Logger = pino({ level: 'silent' }),
  options: Parameters<typeof createHttpApp>[3] = {},
): Promise<TestHttpServer> {
  const app = await createHttpApp(config, orm, log, options);
  const http = await new Promise<Server>((resolve) => {
    const server = app.app.listen(0, '127.0.0.1', () => resolve(server));
  });
  return {
    base: `http://127.0.0.1:${(http.address() as { port: number }).port}`,
    close: async () => {
      await new Promise((resolve) => http.close(resolve));
      await app.stop();
    },
  };
}
