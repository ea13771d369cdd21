import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import compression from 'compression';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { createRequestContext, type SessionCookie } from './context.js';
import { readCookie } from './cookies.js';
import { refusals, type OperationRefused } from './graphql/operation-limits.js';
import { SESSION_COOKIE, viewerForToken } from './modules/auth/session.service.js';
import { ImportSlots, importRoutes } from './modules/import/import-http.js';
import { ledgerImportRoutes } from './modules/economy-import/ledger-http.js';
import type { ImportKind } from './modules/import/import-kind.js';
import { domainImportKinds } from './modules/import/import-kinds.js';
import { withoutSecrets } from './log.js';
import { createServer } from './server.js';

/** The session cookie: not readable by scripts, not sent cross-site, HTTPS-only off localhost. */
function cookieOptions(hostname: string) {
  const local = hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '::1';
  return { httpOnly: true, sameSite: 'lax' as const, secure: !local, path: '/' };
}

export { readCookie } from './cookies.js';

/** Within the 2 s a load balancer's check usually allows, with room for the round trip. */
export const READY_TIMEOUT_MS = 1_500;

/**
 * Whether the database answers within READY_TIMEOUT_MS. A frozen or unreachable database
 * never answers, and statement_timeout cannot help (it is the server that enforces it), so
 * the check gives up on its own. One check at a time: while a database hangs, probes that
 * arrive share the one in flight instead of piling up on the pool.
 */
function readinessCheck(orm: MikroORM): () => Promise<boolean> {
  let inFlight: Promise<boolean> | null = null;
  return () => {
    inFlight ??= orm.em
      .getConnection()
      .execute('select 1')
      .then(
        () => true,
        () => false,
      )
      .finally(() => (inFlight = null));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>(
      (resolve) => (timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS)),
    );
    return Promise.race([inFlight, timeout]).finally(() => clearTimeout(timer));
  };
}

/** The port is taken or may not be used: the start fails with what to do about it. */
export class ListenError extends Error {}

/** Listens on HOST:PORT, or fails with a message that names the setting to change. */
export function listen(app: Express, host: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: NodeJS.ErrnoException) => {
      if (!error) return resolve(server);
      const where = `port ${port} på ${host}`;
      const fix = 'välj en annan port med inställningen PORT (till exempel PORT=4001)';
      const messages: Record<string, string> = {
        EADDRINUSE: `Servern kan inte lyssna på ${where}: porten används redan av ett annat program. Stoppa det, eller ${fix}.`,
        EACCES: `Servern får inte lyssna på ${where} (behörighet saknas): ${fix}.`,
        EADDRNOTAVAIL: `Servern kan inte lyssna på ${where}: adressen finns inte på den här datorn. Ändra inställningen HOST (till exempel HOST=127.0.0.1).`,
      };
      reject(
        new ListenError(
          messages[error.code ?? ''] ?? `Servern kan inte lyssna på ${where} (${error.message}): ${fix}.`,
        ),
      );
    });
  });
}

/** A refusal answered as GraphQL answers one: `{ errors: [{ message, extensions: { code } }] }`. */
export function sendRefusal(res: express.Response, status: number, refusal: OperationRefused) {
  res.status(status).json({ errors: [refusal.answer()] });
}

/**
 * At most `max` operations in a batch, refused before any of them is parsed: Apollo runs a
 * batch's operations side by side, so each one more is another query at the database.
 */
function batchLimit(max: number): RequestHandler {
  return (req, res, next) => {
    if (Array.isArray(req.body) && req.body.length > max) sendRefusal(res, 400, refusals.batch(max));
    else next();
  };
}

/** The largest request body /graphql reads. */
const BODY_LIMIT = '1mb';

/**
 * A body express.json cannot read is answered like any other refusal, in Swedish and as
 * JSON, instead of Express's English HTML page.
 */
const bodyErrors: ErrorRequestHandler = (error: { type?: string; status?: number }, _req, res, next) => {
  if (error.type === 'entity.too.large') sendRefusal(res, 413, refusals.bodyTooLarge(BODY_LIMIT));
  else if (error.type === 'entity.parse.failed') sendRefusal(res, 400, refusals.notJson());
  else if (error.status && error.status >= 400 && error.status < 500)
    sendRefusal(res, error.status, refusals.unreadableBody());
  else next(error);
};

/**
 * Headers that keep the app's pages to the app (helmet): scripts, styles, the service
 * worker, the manifest and GraphQL only from its own origin (the built index.html has no
 * inline script or style; React sets style properties through the DOM, which CSP allows),
 * never framed, no MIME sniffing, no referrer sent to other sites.
 */
function securityHeaders(): RequestHandler[] {
  const self = ["'self'"];
  const none = ["'none'"];
  const hsts = helmet.strictTransportSecurity({ maxAge: 365 * 24 * 60 * 60 });
  return [
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: self,
          scriptSrc: self,
          scriptSrcAttr: none,
          styleSrc: self,
          imgSrc: self,
          fontSrc: self,
          connectSrc: self,
          manifestSrc: self,
          workerSrc: self,
          objectSrc: none,
          baseUri: self,
          formAction: self,
          frameAncestors: none,
        },
      },
      // Only where the request came over TLS (below): over plain HTTP it means nothing, and
      // on localhost it would send the browser to HTTPS for every port of the machine.
      strictTransportSecurity: false,
      referrerPolicy: { policy: 'no-referrer' },
      xFrameOptions: { action: 'deny' },
    }),
    (req, res, next) => (req.secure ? hsts(req, res, next) : next()),
  ];
}

/**
 * One process, one port: GraphQL at /graphql, health checks, and the built PWA with its
 * client-side routes (every deep link serves index.html).
 */
export async function createHttpApp(
  config: Config,
  orm: MikroORM,
  unsafeLog: Logger,
  { importKinds = domainImportKinds }: { importKinds?: readonly ImportKind<unknown>[] } = {},
): Promise<{ app: Express; stop: () => Promise<void> }> {
  const log = withoutSecrets(unsafeLog);
  const apollo = createServer(log, config);
  await apollo.start();
  const app = express();
  app.disable('x-powered-by');
  // Behind a TLS-terminating proxy, req.secure (HSTS) and req.ip (sign-in throttling) come
  // from the X-Forwarded headers of the proxies trusted here, and from nobody else.
  app.set('trust proxy', config.TRUST_PROXY);
  app.use(securityHeaders());
  // Phones on slow connections: the app's JavaScript and the GraphQL answers shrink to a
  // third or less with gzip.
  app.use(compression());

  /** The process is alive. */
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  /** The database answers: ready for traffic. */
  const databaseAnswers = readinessCheck(orm);
  app.get('/readyz', async (_req, res) => {
    if (await databaseAnswers()) res.json({ status: 'ok', database: 'ok' });
    else res.status(503).json({ status: 'unavailable', database: 'unreachable' });
  });

  app.use(
    '/graphql',
    express.json({ limit: BODY_LIMIT }),
    bodyErrors,
    batchLimit(config.GRAPHQL_MAX_BATCH),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID();
        const sessionToken = readCookie(req.headers.cookie, SESSION_COOKIE);
        const em = orm.em.fork();
        const cookie: SessionCookie = {
          set: (token, expiresAt) =>
            res.cookie(SESSION_COOKIE, token, { ...cookieOptions(req.hostname), expires: expiresAt }),
          clear: () => res.clearCookie(SESSION_COOKIE, cookieOptions(req.hostname)),
        };
        return createRequestContext({
          em,
          requestId,
          log,
          viewer: await viewerForToken(em, sessionToken),
          sessionToken,
          address: req.ip ?? 'unknown',
          userAgent: req.headers['user-agent'],
          production: config.NODE_ENV === 'production',
          cookie,
          publicReports: config.PUBLIC_REPORTS,
        });
      },
    }),
  );

  // Spreadsheet files: their own body limit, and progress answered line by line.
  // The ledger's files take the same places: both hold a file in memory.
  const importSlots = new ImportSlots();
  app.use(importRoutes(orm, log, importKinds, importSlots));
  app.use(ledgerImportRoutes(orm, log, importSlots));

  const clientDir = config.CLIENT_DIST_DIR;
  if (existsSync(join(clientDir, 'index.html'))) {
    app.use(
      express.static(clientDir, {
        index: false,
        setHeaders(res, path) {
          // Hashed assets never change; the shell and the service worker always revalidate.
          res.setHeader(
            'Cache-Control',
            path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      }),
    );
    app.get(/^(?!\/graphql|\/import\/).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(clientDir, 'index.html'));
    });
  } else {
    app.get('/', (_req, res) => {
      res
        .type('text/plain; charset=utf-8')
        .send('Uppföljning: API:t finns på /graphql. Klienten är inte byggd.');
    });
  }
  return { app, stop: () => apollo.stop() };
}
