/**
 * One run of an import: the file's sheets are read row by row and each row parsed by its
 * kind, then every kind's rows are written in one transaction, in the order of
 * importKindNames. A preview rolls the transaction back; a confirmation commits it only
 * when no row is wrong and the outcome is the one the preview showed (its fingerprint):
 * a file with one bad row writes nothing, and nothing changes behind the user's back
 * between the preview and the confirmation.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  ImportMode,
  ImportResult as SharedImportResult,
  ImportSheetResult as SharedSheetResult,
} from '@uppfoljning/domain';
import { GraphQLError } from 'graphql';
import { PUBLISHED_SQLSTATE } from '../../db/published-sqlstate.js';
import { recordCreation } from '../audit/record-creation.js';
import { PUBLISHED_MESSAGE } from '../editing/edit-record.js';
import { readCsv } from './csv-reader.js';
import { matchHeaders, rawRow, type SheetProblem } from './import-headers.js';
import {
  importKindNames,
  type ImportKind,
  type ImportKindName,
  type ImportTarget,
  type ParsedRow,
  type RawRow,
  type RowOutcome,
  type RowStatus,
} from './import-kind.js';
import { isEmptyRow, UnreadableFile, type Sheet } from './sheet-rows.js';
import { readXlsx } from './xlsx-reader.js';

/** The largest file an import reads: a Mål och budget of thousands of rows is far below it. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** The most data rows of a file, all sheets together: one transaction must stay short. */
export const MAX_ROWS = 20_000;
/** Progress is told every this many rows read. */
export const PROGRESS_EVERY = 500;
/** A workbook's sheet of help, which the XLSX templates carry and an import passes over. */
export const INSTRUCTIONS_SHEET = 'Instruktioner';

/** Counts a data row read: refuses a file over the limit, and tells progress now and then. */
export function countRow(read: number, maxRows: number, onProgress?: (read: number) => void): void {
  if (read > maxRows) {
    throw new UnreadableFile(
      `Filen har fler än ${maxRows.toLocaleString('sv-SE')} rader. Dela upp den i flera filer.`,
      'TOO_MANY_ROWS',
    );
  }
  if (read % PROGRESS_EVERY === 0) onProgress?.(read);
}

/** What the file holds: one kind, or (a workbook) a sheet per kind. */
export type ImportChoice = ImportKindName | 'workbook';
export type { ImportMode };

export interface ImportFile {
  name: string;
  format: 'xlsx' | 'csv';
  body: Buffer;
}

/** The import's answer, its kinds named (the shared package's shapes, which the client reads). */
export type ImportSheetResult = SharedSheetResult<ImportKindName>;
export type ImportResult = SharedImportResult<ImportKindName>;

export interface ImportOptions {
  mode: ImportMode;
  /** The preview's fingerprint, sent with a confirmation. */
  fingerprint?: string | null;
  /** Told the number of rows read so far, every PROGRESS_EVERY rows and at the end. */
  onProgress?: (read: number) => void;
  maxRows?: number;
}

/** The rows of one sheet read for a kind, before anything is written. */
interface SheetRead {
  kind: ImportKind<unknown>;
  sheet: string | null;
  parsed: ParsedRow<unknown>[];
  /** Rows found wrong while reading: cells that do not parse, a key given twice. */
  wrong: RowOutcome[];
}

/** The transaction is rolled back with the result in hand (a preview, a refused confirmation). */
class RolledBack extends Error {
  constructor(readonly result: ImportResult) {
    super('rolled back');
  }
}

const same = (a: string, b: string) => a.toLocaleLowerCase('sv-SE') === b.toLocaleLowerCase('sv-SE');

/** Which kind a sheet is imported as; null when the sheet is passed over. */
function kindOfSheet(
  sheet: Sheet,
  kinds: readonly ImportKind<unknown>[],
  choice: ImportChoice,
  taken: boolean,
): ImportKind<unknown> | SheetProblem | null {
  if (sheet.name != null && same(sheet.name, INSTRUCTIONS_SHEET)) return null;
  const named = sheet.name == null ? undefined : kinds.find((k) => same(k.sheetName, sheet.name!));
  if (choice === 'workbook') {
    if (named) return named;
    const names = kinds.map((k) => `”${k.sheetName}”`).join(', ');
    return {
      sheet: sheet.name,
      column: null,
      message: `Bladet ”${sheet.name}” heter inte som någon av mallens blad (${names}). Byt namn på det eller ta bort det.`,
    };
  }
  const chosen = kinds.find((k) => k.name === choice)!;
  // A workbook for one kind: its sheet of that name, or else its first sheet.
  if (named) return named === chosen ? chosen : null;
  return taken ? null : chosen;
}

async function drain(sheet: Sheet): Promise<void> {
  for await (const row of sheet.rows) void row;
}

async function* sheetsOf(file: ImportFile): AsyncGenerator<Sheet> {
  if (file.format === 'csv') yield readCsv(file.body);
  else yield* readXlsx(Readable.from([file.body]));
}

/**
 * Parses one row by its sheet's kind into the sheet's parsed rows, or its wrong ones (cells
 * that do not parse, a column without header, a key given before: `firstRow` holds the row
 * of each key so far).
 */
function readRow(current: SheetRead, row: RawRow, stray: readonly string[], firstRow: Map<string, number>) {
  const parsed = current.kind.parse(row);
  const errors = [
    ...parsed.errors,
    ...stray.map((letter) => ({
      column: null,
      message: `Kolumn ${letter} har ett värde men ingen rubrik.`,
    })),
  ];
  if (parsed.value === null || errors.length > 0) {
    current.wrong.push({ row: row.number, status: 'wrong', errors, changed: [] });
    return;
  }
  const key = current.kind.keyOf(parsed.value);
  const earlier = firstRow.get(key);
  if (earlier !== undefined) {
    const message = `Koden ${key} finns redan på rad ${earlier}.`;
    current.wrong.push({
      row: row.number,
      status: 'wrong',
      errors: [{ column: null, message }],
      changed: [],
    });
    return;
  }
  firstRow.set(key, row.number);
  current.parsed.push({ row: row.number, value: parsed.value });
}

/** Reads every sheet of the file into parsed rows per kind; nothing is written. */
async function readSheets(
  file: ImportFile,
  kinds: readonly ImportKind<unknown>[],
  choice: ImportChoice,
  options: ImportOptions,
): Promise<{ reads: SheetRead[]; problems: SheetProblem[] }> {
  const maxRows = options.maxRows ?? MAX_ROWS;
  const reads: SheetRead[] = [];
  const problems: SheetProblem[] = [];
  let read = 0;
  for await (const sheet of sheetsOf(file)) {
    const kind = kindOfSheet(sheet, kinds, choice, reads.length > 0);
    if (kind == null || !('importRows' in kind) || reads.some((r) => r.kind === kind)) {
      if (kind && 'importRows' in kind) {
        problems.push({
          sheet: sheet.name,
          column: null,
          message: `Bladet ”${kind.sheetName}” finns två gånger.`,
        });
      } else if (kind) problems.push(kind);
      await drain(sheet);
      continue;
    }
    const current: SheetRead = { kind, sheet: sheet.name, parsed: [], wrong: [] };
    reads.push(current);
    let keys: (string | null)[] | null = null;
    // A sheet whose header is wrong is read to its end all the same: the streaming reader
    // hands over the next sheet only after this one.
    let unusable = false;
    const firstRow = new Map<string, number>();
    for await (const { number, values } of sheet.rows) {
      if (unusable) continue;
      if (keys == null) {
        const headers = number === 1 && !isEmptyRow(values) ? matchHeaders(kind.columns, values) : null;
        if (headers == null) {
          problems.push({ sheet: sheet.name, column: null, message: 'Rad 1 ska ha kolumnernas rubriker.' });
        } else if (headers.problems.length > 0) {
          problems.push(...headers.problems.map((p) => ({ sheet: sheet.name, ...p })));
        } else {
          keys = headers.keys;
        }
        unusable = keys == null;
        continue;
      }
      if (isEmptyRow(values)) continue;
      countRow(++read, maxRows, options.onProgress);
      const { row, stray } = rawRow(keys, number, values);
      readRow(current, row, stray, firstRow);
    }
    if (keys == null && !unusable) {
      problems.push({
        sheet: sheet.name,
        column: null,
        message: 'Bladet är tomt: rad 1 ska ha kolumnernas rubriker.',
      });
    }
  }
  options.onProgress?.(read);
  if (reads.length === 0 && problems.length === 0) {
    problems.push({ sheet: null, column: null, message: 'Filen har inget blad att importera.' });
  }
  return { reads, problems };
}

function countsOf(sheets: readonly ImportSheetResult[]): Record<RowStatus, number> {
  const counts: Record<RowStatus, number> = { new: 0, changed: 0, unchanged: 0, wrong: 0 };
  for (const sheet of sheets) for (const row of sheet.rows) counts[row.status]++;
  return counts;
}

/** The same file with the same outcome for every row gives the same fingerprint. */
function fingerprintOf(
  file: ImportFile,
  choice: ImportChoice,
  sheets: readonly ImportSheetResult[],
  problems: readonly SheetProblem[],
) {
  return createHash('sha256')
    .update(createHash('sha256').update(file.body).digest('hex'))
    .update(JSON.stringify({ choice, sheets, problems }))
    .digest('hex');
}

export const STALE_PREVIEW =
  'Uppgifterna eller filen har ändrats sedan förhandsgranskningen, så inget importerades. Förhandsgranska filen igen.';

/** The import's answer when a confirmation may not write; null when it may. */
function refusalOf(result: Omit<ImportResult, 'refusal' | 'committed'>, sent: string | null | undefined) {
  const wrong = result.counts.wrong;
  if (wrong > 0 || result.problems.length > 0) {
    const what = wrong > 0 ? `${wrong} ${wrong === 1 ? 'rad är fel' : 'rader är fel'}` : 'filen har fel';
    return {
      code: 'WRONG_ROWS' as const,
      message: `Inget importerades: ${what}. Rätta filen och försök igen.`,
    };
  }
  if (result.fingerprint !== sent) return { code: 'STALE_PREVIEW' as const, message: STALE_PREVIEW };
  return null;
}

/** PUBLISHED: what a published report shows cannot change (the database's triggers say so too). */
export function publishedRefusal(message = PUBLISHED_MESSAGE): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'PUBLISHED' } });
}

/** Writes the sheets' parsed rows through their kinds, in the order of importKindNames. */
async function writeSheets(
  tx: EntityManager,
  target: ImportTarget,
  reads: readonly SheetRead[],
): Promise<ImportSheetResult[]> {
  const ordered = [...reads].sort(
    (a, b) => importKindNames.indexOf(a.kind.name) - importKindNames.indexOf(b.kind.name),
  );
  const sheets: ImportSheetResult[] = [];
  for (const read of ordered) {
    const written = read.parsed.length > 0 ? await read.kind.importRows(tx, target, read.parsed) : [];
    if (written.length !== read.parsed.length) {
      throw new Error(
        `${read.kind.name}: importRows answered ${written.length} rows of ${read.parsed.length}`,
      );
    }
    const rows = [...written, ...read.wrong].sort((a, b) => a.row - b.row);
    sheets.push({ kind: read.kind.name, sheet: read.sheet, rows });
  }
  return sheets;
}

/** Rows already read (not from a file): a kind and its rows, cells keyed by the kind's headers. */
export interface RowSheet {
  kind: ImportKind<unknown>;
  rows: readonly RawRow[];
}

/**
 * Runs rows that were not read from a file (the demo data) through the same parse, key
 * check and importRows as a file's, in the caller's transaction, which it neither commits
 * nor rolls back: the caller decides what a wrong row means.
 */
export async function importSheetRows(
  em: EntityManager,
  target: ImportTarget,
  sheets: readonly RowSheet[],
): Promise<ImportSheetResult[]> {
  const reads = sheets.map(({ kind, rows }) => {
    const read: SheetRead = { kind, sheet: kind.sheetName, parsed: [], wrong: [] };
    const firstRow = new Map<string, number>();
    for (const row of rows) readRow(read, row, [], firstRow);
    return read;
  });
  return writeSheets(em, target, reads);
}

/**
 * Reads the file and runs its rows through the kinds in one transaction, committed only for
 * a confirmation that may write. Throws UnreadableFile for a file that cannot be read.
 */
export async function runImport(
  em: EntityManager,
  kinds: readonly ImportKind<unknown>[],
  target: ImportTarget,
  file: ImportFile,
  choice: ImportChoice,
  options: ImportOptions,
): Promise<ImportResult> {
  const { reads, problems } = await readSheets(file, kinds, choice, options);
  try {
    return await em.transactional(async (tx) => {
      const sheets = await writeSheets(tx, target, reads);
      const counts = countsOf(sheets);
      const fingerprint = fingerprintOf(file, choice, sheets, problems);
      const outcome = { mode: options.mode, fingerprint, counts, problems, sheets };
      if (options.mode === 'preview') throw new RolledBack({ ...outcome, committed: false, refusal: null });
      const refusal = refusalOf(outcome, options.fingerprint);
      if (refusal) throw new RolledBack({ ...outcome, committed: false, refusal });
      recordCreation(tx, {
        by: target.userId,
        entity: 'SpreadsheetImport',
        entityId: target.periodId,
        after: { fileName: file.name, kinds: sheets.map((s) => s.kind), counts },
        requestId: target.requestId,
      });
      return { ...outcome, committed: true, refusal: null };
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.result;
    if ((error as { code?: unknown }).code === PUBLISHED_SQLSTATE) throw publishedRefusal();
    throw error;
  }
}
