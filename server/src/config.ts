/**
 * Every setting of the server, read from the environment once at start and validated, so a
 * typo fails the start with a message that names the variable instead of failing later.
 */
import { isIP } from 'node:net';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** A name Express knows for a range of proxies, or an IPv4/IPv6 address with an optional prefix. */
function isTrustedProxy(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, 'ska börja med postgres:// eller postgresql://');

/** The server, port and database a connection string names (not who connects). */
function databaseOf(url: string): string | null {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return null;
  }
}

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    /**
     * A PostgreSQL connection string, as the app's role: neither superuser nor owner of the
     * tables. Without it the server runs an embedded PostgreSQL with both roles set up.
     */
    DATABASE_URL: postgresUrl.optional(),
    /**
     * The same database as the tables' owner, which runs the migrations and grants the app's
     * role its rows. Without it the migrations run as DATABASE_URL's role (which then owns
     * the tables, and the start says so in a warning).
     */
    MIGRATION_DATABASE_URL: postgresUrl.optional(),
    /** Where the embedded PostgreSQL keeps its data between restarts. */
    DATA_DIR: z.string().min(1).default(`${repoRoot}.data`),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
    /** Load the demo data into an empty database at start. */
    SEED_DEMO_DATA: booleanString.default(true),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Connections per server process; the drill-down needs few, PostgreSQL's default is 100. */
    DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    /**
     * The longest a single SQL statement may run before PostgreSQL cancels it, so a runaway
     * query or a lock held by someone else cannot tie up a connection (and a request) forever.
     */
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
    /**
     * Whether published reports (and the periods they cover) can be read without signing in.
     * Reports are public documents, so on by default; a kommun may keep its app internal.
     */
    PUBLIC_REPORTS: booleanString.default(true),
    /**
     * What one GraphQL operation may ask for (graphql/operation-limits.ts). The defaults let
     * every operation the app sends pass with room to spare (test/operation-limits.test.ts
     * prints what the app needs) and refuse the nested and repeated queries that kept the
     * database busy for minutes.
     */
    GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(1).max(50).default(12),
    GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(15),
    GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().min(0).max(1000).default(10),
    GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).max(100_000).default(1000),
    GRAPHQL_MAX_COST: z.coerce.number().int().min(1).max(100_000_000).default(100_000),
    /** Operations in one batched request; the app's offline download sends up to 25. */
    GRAPHQL_MAX_BATCH: z.coerce.number().int().min(1).max(1000).default(30),
    /**
     * Express's `trust proxy`: which proxies in front may say, in X-Forwarded-Proto and
     * X-Forwarded-For, that a request came over HTTPS and from where (false: none, true: any,
     * a number of hops, or addresses and subnets separated by commas). HSTS is sent only on
     * requests that came over HTTPS.
     */
    TRUST_PROXY: z
      .string()
      .default('false')
      .refine(
        (v) => /^(true|false|\d+)$/.test(v) || v.split(',').every((p) => isTrustedProxy(p.trim())),
        'ska vara true, false, ett antal proxyer eller adresser (t.ex. loopback, 10.0.0.0/8) åtskilda med komma',
      )
      .transform((v): boolean | number | string =>
        v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v,
      ),
    /** The built client to serve, if present. */
    CLIENT_DIST_DIR: z.string().min(1).default(`${repoRoot}client/dist`),
  })
  .superRefine((config, issues) => {
    if (!config.MIGRATION_DATABASE_URL) return;
    if (!config.DATABASE_URL) {
      issues.addIssue({
        code: 'custom',
        path: ['MIGRATION_DATABASE_URL'],
        message: 'kräver DATABASE_URL (appens roll)',
      });
    } else if (databaseOf(config.MIGRATION_DATABASE_URL) !== databaseOf(config.DATABASE_URL)) {
      issues.addIssue({
        code: 'custom',
        path: ['MIGRATION_DATABASE_URL'],
        message: 'ska peka på samma server, port och databas som DATABASE_URL',
      });
    } else if (new URL(config.MIGRATION_DATABASE_URL).username === new URL(config.DATABASE_URL).username) {
      issues.addIssue({
        code: 'custom',
        path: ['MIGRATION_DATABASE_URL'],
        message: 'ska vara en annan roll än DATABASE_URL:s (tabellernas ägare)',
      });
    }
  });

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Ogiltig konfiguration i miljövariablerna:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
