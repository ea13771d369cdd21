/**
 * The import over HTTP, beside /graphql: a file does not fit a GraphQL request, and the
 * answer comes as it is worked out, one JSON line at a time (NDJSON): `{"read": n}` while the
 * rows are read, then `{"result": …}` or `{"error": …}`, so the app shows progress for a
 * file of thousands of rows.
 *
 *   POST /import?period=ID&kind=KIND|workbook&mode=preview|confirm&name=FILE[&fingerprint=F]
 *        the file as the body
 *   GET  /import/template/KIND.xlsx, KIND.csv, alla.xlsx   the templates
 *   GET  /import/kinds   the kinds, by name and sheet name
 *
 * The same session cookie as /graphql signs the request in. Against cross-site requests it
 * takes the stance of Apollo's CSRF prevention on /graphql: a body of a type a plain HTML
 * form can send (form fields, multipart, text/plain) is refused, so a browser only sends the
 * upload from the app's own origin (other origins need a CORS preflight, which nothing
 * answers), and the cookie is SameSite=Lax besides.
 */
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, {
  type ErrorRequestHandler,
  type Request,
  type RequestHandler,
  type Response,
  type Router,
} from 'express';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { ImportKindChoice } from '@uppfoljning/domain';
import { createRequestContext, type RequestContext } from '../../context.js';
import { readCookie } from '../../cookies.js';
import { parseId } from '../../graphql/errors.js';
import { SESSION_COOKIE, viewerForToken } from '../auth/session.service.js';
import { importTarget } from './import-access.js';
import { importKindNames, type ImportKind, type ImportTarget } from './import-kind.js';
import {
  MAX_FILE_BYTES,
  runImport,
  type ImportChoice,
  type ImportFile,
  type ImportMode,
} from './import-run.js';
import { csvTemplate, fileSlug, writeXlsxTemplate } from './import-templates.js';
import { UnreadableFile } from './sheet-rows.js';

/** At most this many imports at once in one process: each holds its file and rows in memory. */
export const MAX_CONCURRENT_IMPORTS = 2;

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PUBLISHED: 409,
  BAD_USER_INPUT: 400,
  FILE_TOO_LARGE: 413,
  BUSY: 503,
};

/** A refusal before any line is sent: answered as GraphQL answers one. */
export function refuseRequest(res: Response, code: string, message: string) {
  res.status(STATUS[code] ?? 400).json({ errors: [{ message, extensions: { code } }] });
}

const megabytes = `${MAX_FILE_BYTES / 1024 / 1024} MB`;
const TOO_LARGE = `Filen är större än ${megabytes}. Dela upp den i flera filer.`;

/** The body types a plain HTML form can send cross-site without a preflight. */
const SIMPLE_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

function formatOf(name: string, body: Buffer): ImportFile['format'] | null {
  if (body.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  // An Excel 97–2003 file (.xls) is an OLE compound document.
  if (/\.xls$/i.test(name) || body.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) return null;
  return 'csv';
}

function choiceOf(kinds: readonly ImportKind<unknown>[], value: unknown): ImportChoice | null {
  if (value === 'workbook') return 'workbook';
  return kinds.find((k) => k.name === value)?.name ?? null;
}

/** Sends one NDJSON line at once, past the compression middleware's buffer. */
function sendLine(res: Response, line: object) {
  res.write(`${JSON.stringify(line)}\n`);
  (res as Response & { flush?: () => void }).flush?.();
}

/**
 * Answers an import as NDJSON: `{"read": n}` lines while `work` reads, then its result, or
 * the error as the client shows it (a file that cannot be read, a refusal, or an unexpected
 * error, logged and masked).
 */
export async function answerLines(
  res: Response,
  ctx: RequestContext,
  what: string,
  work: (onProgress: (read: number) => void) => Promise<object>,
): Promise<void> {
  res.status(200).type('application/x-ndjson; charset=utf-8').setHeader('Cache-Control', 'no-store');
  try {
    sendLine(res, { result: await work((read) => sendLine(res, { read })) });
  } catch (error) {
    if (error instanceof UnreadableFile) {
      sendLine(res, { error: { code: error.code, message: error.message } });
    } else if (error instanceof GraphQLError) {
      sendLine(res, { error: { code: error.extensions.code, message: error.message } });
    } else {
      ctx.log.error({ err: error }, `unexpected error in ${what}`);
      sendLine(res, {
        error: {
          code: 'INTERNAL_SERVER_ERROR',
          message: 'Ett oväntat fel inträffade. Inget importerades; försök igen.',
        },
      });
    }
  } finally {
    res.end();
  }
}

/** The request's context, signed in by the session cookie as on /graphql. */
export async function importContext(orm: MikroORM, unsafeLog: Logger, req: Request): Promise<RequestContext> {
  const requestId = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID();
  const em = orm.em.fork();
  const token = readCookie(req.headers.cookie, SESSION_COOKIE);
  return createRequestContext({ em, requestId, log: unsafeLog, viewer: await viewerForToken(em, token) });
}

/** Signs in and checks the target before the body is read: nobody else costs any work. */
export async function authoriseImport(
  orm: MikroORM,
  unsafeLog: Logger,
  req: Request,
  res: Response,
): Promise<{ ctx: RequestContext; target: ImportTarget } | null> {
  const ctx = await importContext(orm, unsafeLog, req);
  try {
    const periodId = parseId(typeof req.query.period === 'string' ? req.query.period : '', 'period');
    return { ctx, target: await importTarget(ctx, periodId) };
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    refuseRequest(res, String(error.extensions.code), error.message);
    return null;
  }
}

export const readImportBody = express.raw({ type: () => true, limit: MAX_FILE_BYTES });
export const importBodyErrors: ErrorRequestHandler = (error: { type?: string }, _req, res, next) => {
  if (error.type === 'entity.too.large') refuseRequest(res, 'FILE_TOO_LARGE', TOO_LARGE);
  else if (error.type) refuseRequest(res, 'BAD_USER_INPUT', 'Filen kom inte fram hel. Försök igen.');
  else next(error);
};

/**
 * The checks of an upload's headers before anything else: a type a plain HTML form cannot
 * send, and a length within the limit. False when the request was refused.
 */
export function admitUpload(req: Request, res: Response, maxBytes = MAX_FILE_BYTES): boolean {
  const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (!type || SIMPLE_TYPES.includes(type)) {
    refuseRequest(
      res,
      'BAD_USER_INPUT',
      'Filen ska skickas med sin egen filtyp (Content-Type), som appen gör.',
    );
    return false;
  }
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) {
    refuseRequest(
      res,
      'FILE_TOO_LARGE',
      maxBytes === MAX_FILE_BYTES ? TOO_LARGE : `Filen är större än ${maxBytes / (1024 * 1024)} MB.`,
    );
    return false;
  }
  return true;
}

/**
 * The imports running in the process, the spreadsheet's and the ledger's together: each holds
 * its file and rows in memory. Takes a place for the response, given back when it closes.
 */
export class ImportSlots {
  private running = 0;
  take(res: Response): boolean {
    if (this.running >= MAX_CONCURRENT_IMPORTS) {
      refuseRequest(res, 'BUSY', 'Servern importerar redan andra filer. Försök igen om en stund.');
      return false;
    }
    this.running++;
    res.on('close', () => this.running--);
    return true;
  }
}

export function importRoutes(
  orm: MikroORM,
  unsafeLog: Logger,
  kinds: readonly ImportKind<unknown>[],
  slots: ImportSlots = new ImportSlots(),
): Router {
  const router = express.Router();
  const ordered = [...kinds].sort(
    (a, b) => importKindNames.indexOf(a.name) - importKindNames.indexOf(b.name),
  );

  /** The kinds the templates and the upload take, for the import page's choices. */
  router.get('/import/kinds', (_req, res) => {
    const kinds: ImportKindChoice[] = ordered.map((k) => ({ name: k.name, sheetName: k.sheetName }));
    res.json({ kinds });
  });

  router.get('/import/template/:file', async (req, res) => {
    const match = /^([a-z]+)\.(xlsx|csv)$/.exec(req.params.file);
    const all = match?.[1] === 'alla' && match[2] === 'xlsx';
    const kind = ordered.find((k) => k.name === match?.[1]);
    if (!match || (!all && !kind)) {
      refuseRequest(res, 'BAD_USER_INPUT', 'Det finns ingen sådan mall.');
      return;
    }
    const title = all ? 'alla' : fileSlug(kind!.sheetName);
    res.setHeader('Content-Disposition', `attachment; filename="importmall-${title}.${match[2]}"`);
    res.setHeader('Cache-Control', 'no-cache');
    if (match[2] === 'csv') {
      res.type('text/csv; charset=utf-8').send(csvTemplate(kind!));
      return;
    }
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await writeXlsxTemplate(all ? ordered : [kind!], res);
    res.end();
  });

  const admit: RequestHandler = async (req, res, next) => {
    if (!admitUpload(req, res)) return;
    const mode = req.query.mode;
    const choice = choiceOf(ordered, req.query.kind);
    if (mode !== 'preview' && mode !== 'confirm') {
      refuseRequest(res, 'BAD_USER_INPUT', 'Ogiltigt värde för mode: preview eller confirm.');
      return;
    }
    if (!choice) {
      refuseRequest(res, 'BAD_USER_INPUT', 'Ogiltigt värde för kind: välj vad filen innehåller.');
      return;
    }
    const authorised = await authoriseImport(orm, unsafeLog, req, res);
    if (!authorised || !slots.take(res)) return;
    res.locals.import = { ...authorised, mode, choice };
    next();
  };

  const run: RequestHandler = async (req, res) => {
    const { ctx, target, mode, choice } = res.locals.import as {
      ctx: RequestContext;
      target: ImportTarget;
      mode: ImportMode;
      choice: ImportChoice;
    };
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const name = (typeof req.query.name === 'string' ? req.query.name : 'fil').slice(0, 200);
    const format = formatOf(name, body);
    if (body.length === 0) return refuseRequest(res, 'BAD_USER_INPUT', 'Filen är tom.');
    if (!format) {
      return refuseRequest(
        res,
        'BAD_USER_INPUT',
        'Filer från Excel 97–2003 (.xls) kan inte läsas. Spara filen som .xlsx.',
      );
    }
    if (format === 'csv' && choice === 'workbook') {
      return refuseRequest(res, 'BAD_USER_INPUT', 'En CSV-fil har bara ett blad: välj vad filen innehåller.');
    }
    await answerLines(res, ctx, 'spreadsheet import', async (onProgress) => {
      const result = await runImport(ctx.em, ordered, target, { name, format, body }, choice, {
        mode,
        fingerprint: typeof req.query.fingerprint === 'string' ? req.query.fingerprint : null,
        onProgress,
      });
      ctx.log.info(
        { mode, choice, counts: result.counts, committed: result.committed, file: name },
        'spreadsheet import',
      );
      return result;
    });
  };

  router.post('/import', admit, readImportBody, importBodyErrors, run);
  return router;
}
