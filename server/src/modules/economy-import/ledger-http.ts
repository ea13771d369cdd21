/**
 * The ledger import over HTTP, as the spreadsheet import (import/import-http.ts): the file
 * as the body, the answer as NDJSON lines (`{"read": n}` while reading, then `{"result": …}`
 * or `{"error": …}`), and the same sign-in, limits and places.
 *
 *   GET  /ledger-import/mapping   the kommun's mapping, the column roles and the units
 *   PUT  /ledger-import/mapping   saves it (JSON)
 *   POST /ledger-import?period=ID&format=csv|sie&mode=preview|confirm&name=FILE
 *        [&fingerprint=F][&forecastLabel=Prognos 3]   the file as the body
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { requireAdministrator } from '../editing/edit-access.js';
import type { ImportSlots } from '../import/import-http.js';
import {
  admitUpload,
  authoriseImport,
  importBodyErrors,
  importContext,
  readImportBody,
  refuseRequest,
  answerLines,
} from '../import/import-http.js';
import { OrgUnit } from '../organisation/org-unit.entity.js';
import { runLedgerImport } from './ledger-import.service.js';
import { ledgerMeasures } from './ledger-amount.js';
import { ledgerColumnLabels } from './ledger-labels.js';
import { loadMapping, saveMapping } from './ledger-mapping.service.js';
import { ledgerFormats, type LedgerFormat } from './ledger-readers.js';
import { ledgerColumnRoles, readMappingInput } from './ledger-settings.js';
import { MAX_SIE_BYTES } from './sie/ledger-sie-reader.js';

/** The administratör of the request, or the refusal already answered. */
async function administrator(orm: MikroORM, log: Logger, req: Request, res: Response) {
  const ctx = await importContext(orm, log, req);
  try {
    return { ctx, viewer: requireAdministrator(ctx) };
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    refuseRequest(res, String(error.extensions.code), error.message);
    return null;
  }
}

export function ledgerImportRoutes(orm: MikroORM, log: Logger, slots: ImportSlots): Router {
  const router = express.Router();

  router.get('/ledger-import/mapping', async (req, res) => {
    const admin = await administrator(orm, log, req, res);
    if (!admin) return;
    const kommunId = admin.viewer.kommun.id;
    const [mapping, units] = await Promise.all([
      loadMapping(admin.ctx.em, kommunId),
      admin.ctx.em.find(
        OrgUnit,
        { kommun: kommunId, closed: false },
        { fields: ['key', 'name'], orderBy: { path: 'asc' } },
      ),
    ]);
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      mapping: mapping && {
        ...mapping.settings,
        costCentres: mapping.costCentres.map(({ code, unitKey }) => ({ code, unitKey })),
        accountGroups: mapping.accountGroups,
      },
      roles: ledgerColumnRoles.map((role) => ({ role, label: ledgerColumnLabels[role] })),
      measures: ledgerMeasures,
      units: units.map((u) => ({ key: u.key, name: u.name })),
    });
  });

  router.put('/ledger-import/mapping', express.json({ limit: 1024 * 1024 }), async (req, res) => {
    const admin = await administrator(orm, log, req, res);
    if (!admin) return;
    const input = readMappingInput(req.body);
    if ('error' in input) return refuseRequest(res, 'BAD_USER_INPUT', input.error);
    const problem = await saveMapping(
      admin.ctx.em,
      { kommunId: admin.viewer.kommun.id, userId: admin.viewer.id, requestId: admin.ctx.requestId },
      input.ok,
    );
    if (problem) return refuseRequest(res, 'BAD_USER_INPUT', problem);
    res.json({ saved: true });
  });

  const admit: RequestHandler = async (req, res, next) => {
    // A SIE file (a year of verifications) is streamed into its reader, within its own bound.
    if (!admitUpload(req, res, req.query.format === 'sie' ? MAX_SIE_BYTES : undefined)) return;
    const mode = req.query.mode;
    if (mode !== 'preview' && mode !== 'confirm') {
      return refuseRequest(res, 'BAD_USER_INPUT', 'Ogiltigt värde för mode: preview eller confirm.');
    }
    if (!ledgerFormats.includes(req.query.format as LedgerFormat)) {
      return refuseRequest(res, 'BAD_USER_INPUT', 'Ogiltigt värde för format: csv eller sie.');
    }
    const authorised = await authoriseImport(orm, log, req, res);
    if (!authorised || !slots.take(res)) return;
    res.locals.ledger = authorised;
    next();
  };
  const run: RequestHandler = async (req, res) => {
    const { ctx, target } = res.locals.ledger as Awaited<ReturnType<typeof authoriseImport>> & object;
    const format = req.query.format as LedgerFormat;
    const body = format === 'sie' ? req : Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const empty = format === 'sie' ? req.headers['content-length'] === '0' : (body as Buffer).length === 0;
    if (empty) return refuseRequest(res, 'BAD_USER_INPUT', 'Filen är tom.');
    const text = (key: string, max: number) =>
      typeof req.query[key] === 'string' ? req.query[key].slice(0, max) : null;
    const name = text('name', 200) ?? 'fil';
    await answerLines(res, ctx, 'ledger import', async (onProgress) => {
      const result = await runLedgerImport(
        ctx.em,
        target,
        { name, format, body },
        {
          mode: req.query.mode as 'preview' | 'confirm',
          fingerprint: text('fingerprint', 64),
          forecastLabel: text('forecastLabel', 60),
          onProgress,
        },
      );
      ctx.log.info(
        { mode: result.mode, counts: result.counts, committed: result.committed, file: name },
        'ledger import',
      );
      return result;
    });
  };
  /** A CSV is read whole (within the spreadsheet import's limit); a SIE file is left as the stream. */
  const readBody: RequestHandler = (req, res, next) =>
    req.query.format === 'sie' ? next() : readImportBody(req, res, next);
  router.post('/ledger-import', admit, readBody, importBodyErrors, run);
  return router;
}
