/**
 * The ledger file formats and their readers. Each reads a file into LedgerAmounts in our sign
 * convention, and LedgerLineErrors for the lines it cannot read; the mapping to units and
 * kontogrupper, the preview and the writing are the same whatever the format.
 */
import {
  ledgerMeasures,
  type LedgerAmount,
  type LedgerLineError,
  type LedgerMeasure,
} from './ledger-amount.js';
import type { LedgerSettings } from './ledger-settings.js';
import { readLedgerCsv } from './ledger-csv-reader.js';
import { readLedgerSie } from './sie/ledger-sie-reader.js';

export const ledgerFormats = ['csv', 'sie'] as const;
export type LedgerFormat = (typeof ledgerFormats)[number];

export type LedgerItem = LedgerAmount | LedgerLineError;
export const isLineError = (item: LedgerItem): item is LedgerLineError => 'message' in item;

export interface LedgerReadOptions {
  /** Told the number of lines read so far, now and then and at the end. */
  onProgress?: (read: number) => void;
  maxRows?: number;
  /** The period's last month, `yyyymm`: a SIE file has the whole year, read up to it. */
  lastMonth?: string;
}

/** A CSV comes read whole (it is small); a SIE file as the request's stream. */
export type LedgerBody = Buffer | AsyncIterable<Uint8Array>;

/**
 * Reads a file; throws UnreadableFile (import/sheet-rows.ts) for a file it cannot read at
 * all (not UTF-8, over the limit of lines), in Swedish.
 */
export type LedgerReader = (
  body: LedgerBody,
  settings: LedgerSettings,
  options: LedgerReadOptions,
) => AsyncIterable<LedgerItem>;

/** The measures each format can hold: SIE has budget and outcome, and no forecast. */
export const ledgerFormatMeasures: Record<LedgerFormat, readonly LedgerMeasure[]> = {
  csv: ledgerMeasures,
  sie: ledgerMeasures.filter((m) => m !== 'forecastFullYear'),
};

export const ledgerReaders: Record<LedgerFormat, LedgerReader> = {
  csv: readLedgerCsv,
  sie: readLedgerSie,
};
