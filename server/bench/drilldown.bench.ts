/**
 * `pnpm bench`: the office drill-down under load. Seeds the demo data and a generated large
 * kommun into a fresh database (embedded, or a server given by BENCH_DATABASE_URL), serves
 * the API over real HTTP, and reports for the office drill-down query:
 *   - p50/p95/max latency with 20 concurrent clients,
 *   - the number of SQL statements per request.
 * Figures are printed and written to bench-results/; nothing here asserts a timing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MikroORM } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import { loadConfig } from '../src/config.js';
import { ormConfig } from '../src/db/orm-config.js';
import { loadDemoData } from '../src/db/seed/demo-data-loader.js';
import { createHttpApp } from '../src/http.js';
import { OFFICE_DRILL_DOWN } from '../test/office-drill-down.js';
import { createDatabase, dropDatabase, freePort, startTestServer } from '../test/test-database.js';
import { fullSize, generateLargeKommun } from './large-kommun.js';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const REQUESTS_PER_CLIENT = Number(process.env.BENCH_REQUESTS ?? 25);
const WARMUP = 10;

if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
const server = await startTestServer();
const dbName = `uppfoljning_bench_${process.pid}`;
const url = await createDatabase(server.adminUrl, dbName);

let statements = 0;
const orm = await MikroORM.init(
  ormConfig(url, {
    pool: { min: 0, max: 10 },
    onQuery: (sql: string) => {
      statements++;
      return sql;
    },
  }),
);
let http: Server | undefined;
try {
  await orm.getMigrator().up();
  const seedStart = performance.now();
  await loadDemoData(orm.em.fork());
  const large = await generateLargeKommun(orm.em.fork(), fullSize);
  const seedSeconds = (performance.now() - seedStart) / 1000;

  const offices = (
    await orm.em
      .fork()
      .getConnection()
      .execute<{ id: number }[]>(
        `select id from org_unit where kommun_id = ? and kind = 'kontor' order by id`,
        [large.kommunId],
      )
  ).map((r) => r.id);

  const log = pino({ level: 'warn' });
  const config = loadConfig({ DATABASE_URL: url, PORT: '0' });
  const app = await createHttpApp(config, orm, log);
  const port = await freePort();
  http = await new Promise<Server>((resolve) => {
    const s = app.app.listen(port, '127.0.0.1', () => resolve(s));
  });
  const endpoint = `http://127.0.0.1:${port}/graphql`;

  const request = async (unitId: number) => {
    const started = performance.now();
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: OFFICE_DRILL_DOWN, variables: { unitId: String(unitId) } }),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return { ms: performance.now() - started, bytes: Number(response.headers.get('content-length') ?? 0) };
  };

  // Statements per request, measured one request at a time so that none overlap.
  const perOffice: number[] = [];
  for (const office of offices) {
    statements = 0;
    await request(office);
    perOffice.push(statements);
  }
  for (let i = 0; i < WARMUP; i++) await request(offices[i % offices.length]!);

  const latencies: number[] = [];
  let bytes = 0;
  const loadStart = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      for (let r = 0; r < REQUESTS_PER_CLIENT; r++) {
        const result = await request(offices[(c + r) % offices.length]!);
        latencies.push(result.ms);
        bytes = result.bytes;
      }
    }),
  );
  const seconds = (performance.now() - loadStart) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;

  const results = {
    query: 'OfficeDrillDown (unit page of an office, latest period)',
    data: { rowsGenerated: large.rows, offices: offices.length, seedSeconds: Number(seedSeconds.toFixed(1)) },
    clients: CLIENTS,
    requests: latencies.length,
    throughputPerSecond: Number((latencies.length / seconds).toFixed(1)),
    latencyMs: {
      p50: Number(at(0.5).toFixed(1)),
      p95: Number(at(0.95).toFixed(1)),
      max: Number(latencies.at(-1)!.toFixed(1)),
    },
    sqlStatementsPerRequest: { min: Math.min(...perOffice), max: Math.max(...perOffice) },
    responseKiB: Number((bytes / 1024).toFixed(1)),
    node: process.version,
  };
  console.log(JSON.stringify(results, null, 2));
  const dir = join(import.meta.dirname, '..', '..', 'bench-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'drilldown.json'), `${JSON.stringify(results, null, 2)}\n`);
  await app.stop();
} finally {
  http?.close();
  await orm.close(true);
  await dropDatabase(server.adminUrl, dbName);
  await server.stop();
}
