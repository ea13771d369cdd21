/**
 * `pnpm security:check` against a production-mode server on a database of its own (the
 * guesses it sends slow down sign-ins from 127.0.0.1, which the other test files share):
 * every attempt gets the safe answer. How long each took is printed, not asserted.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { ormConfig } from '../src/db/orm-config.js';
import { formatResults, runSecurityCheck } from '../src/security/security-check.js';
import { serveForTest, type TestHttpServer } from './http-server.js';
import { dropDatabase, seededDatabase } from './test-database.js';

const name = `uppfoljning_security_${process.pid}`;
let orm: MikroORM;
let server: TestHttpServer | undefined;

beforeAll(async () => {
  orm = await MikroORM.init(ormConfig(await seededDatabase(inject('adminDatabaseUrl'), name)));
  server = await serveForTest(loadConfig({ NODE_ENV: 'production', PORT: '0' }), orm);
}, 120_000);
afterAll(async () => {
  await server?.close();
  await orm?.close(true);
  await dropDatabase(inject('adminDatabaseUrl'), name);
});

it('gets the safe answer to every abuse attempt of a production-mode server', async () => {
  const results = await runSecurityCheck(server!.base);
  console.log(formatResults(results));
  expect(results.filter((r) => !r.ok)).toEqual([]);
  expect(results).toHaveLength(19);
}, 120_000);
