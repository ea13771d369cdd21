/**
 * The SIE 4 reader in the ledger import's format registry: the file streamed from the request
 * into `readSie`, which keeps only sums, so a kommun's year of verifications (tens of MB) is
 * never held whole. Its lines that cannot be read come first, then the amounts in file order.
 */
import { Readable } from 'node:stream';
import { PROGRESS_EVERY } from '../../import/import-run.js';
import type { LedgerItem, LedgerReader } from '../ledger-readers.js';
import { readSie } from './sie-reader.js';

/** A SIE file's bound: a large kommun's year of verifications is well under it. */
export const MAX_SIE_BYTES = 200 * 1024 * 1024;

export const readLedgerSie: LedgerReader = async function* (body, _settings, options) {
  if (!options.lastMonth) throw new Error('A SIE file is read up to the period’s last month.');
  const input = Buffer.isBuffer(body) ? Readable.from([body]) : body;
  // The lines read so far, told as often as the CSV's rows (the reader tells every chunk).
  let told = 0;
  const onProgress = ({ lines }: { lines: number }) => {
    if (lines - told < PROGRESS_EVERY) return;
    told = lines;
    options.onProgress?.(lines);
  };
  const result = await readSie(
    input,
    { lastMonth: options.lastMonth },
    { maxBytes: MAX_SIE_BYTES, onProgress },
  );
  options.onProgress?.(result.lines);
  const items: LedgerItem[] = [...result.errors].sort((a, b) => a.line - b.line);
  yield* items;
  // A project's name from its #OBJEKT, for the investment it becomes.
  for (const amount of result.amounts) {
    const name = amount.project == null ? undefined : result.projects.get(amount.project);
    yield name ? { ...amount, projectName: name } : amount;
  }
};
