/**
 * The SIE 4 reader in the ledger import's format registry: the file streamed from the request
 * into `readSie`, which keeps only sums, so a kommun's year of verifications (tens of MB) is
 * never held whole. Its lines that cannot be read come first, then the amounts in file order.
 */
import { Readable } from 'node:stream';
import type { LedgerItem, LedgerReader } from '../ledger-readers.js';
import { readSie } from './sie-reader.js';

/** A SIE file's bound: a large kommun's year of verifications is well under it. */
export const MAX_SIE_BYTES = 200 * 1024 * 1024;

export const readLedgerSie: LedgerReader = async function* (body, _settings, options) {
  if (!options.lastMonth) throw new Error('A SIE file is read up to the period’s last month.');
  const input = Buffer.isBuffer(body) ? Readable.from([body]) : body;
  const result = await readSie(
    input,
    { lastMonth: options.lastMonth },
    { maxBytes: MAX_SIE_BYTES, onProgress: ({ lines }) => options.onProgress?.(lines) },
  );
  options.onProgress?.(result.lines);
  const items: LedgerItem[] = [...result.errors].sort((a, b) => a.line - b.line);
  yield* items;
  yield* result.amounts;
};
