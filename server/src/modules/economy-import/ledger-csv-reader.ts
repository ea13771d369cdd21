/**
 * A ledger's CSV export read through the kommun's mapping: the header row names the columns,
 * each further row gives one amount per measure column on its kostnadsställe (and account or
 * kontogrupp, and project). Amounts are turned into öre and our sign convention here, once.
 */
import { readNumber, readText, type Cell } from '../import/cells.js';
import { readCsv } from '../import/csv-reader.js';
import { countRow, MAX_ROWS } from '../import/import-run.js';
import { isEmptyRow } from '../import/sheet-rows.js';
import { ledgerMeasures, type LedgerAmount, type LedgerLineError } from './ledger-amount.js';
import { ledgerColumnLabels } from './ledger-labels.js';
import type { LedgerBody, LedgerReadOptions } from './ledger-readers.js';
import type { LedgerColumnRole, LedgerSettings } from './ledger-settings.js';

/** 100 billion kronor in öre: no municipal account is larger, and sums stay exact numbers. */
const MAX_ORE = 10_000_000_000_000;

/** A cell as written with a decimal point: "1,234.5" becomes "1234,5" for the Swedish reader. */
function withDecimalComma(cell: Cell, decimalComma: boolean): Cell {
  if (decimalComma || typeof cell !== 'string') return cell;
  return cell.replace(/,/g, '').replace('.', ',');
}

/** The column index of each mapped role, or the Swedish message of the first one missing. */
function columnIndexes(
  header: readonly Cell[],
  settings: LedgerSettings,
): { ok: Map<LedgerColumnRole, number> } | { error: string } {
  const names = header.map((c) => readText(c)?.toLocaleLowerCase('sv-SE') ?? '');
  const found = new Map<LedgerColumnRole, number>();
  const missing: string[] = [];
  for (const [role, title] of Object.entries(settings.columns) as [LedgerColumnRole, string][]) {
    const index = names.indexOf(title.toLocaleLowerCase('sv-SE'));
    if (index < 0) missing.push(`”${title}” (${ledgerColumnLabels[role]})`);
    else found.set(role, index);
  }
  if (missing.length > 0) {
    return {
      error: `Rad 1 saknar ${missing.length === 1 ? 'kolumnen' : 'kolumnerna'} ${missing.join(', ')}. Rätta filen eller kopplingen.`,
    };
  }
  return { ok: found };
}

export async function* readLedgerCsv(
  body: LedgerBody,
  settings: LedgerSettings,
  options: LedgerReadOptions,
): AsyncGenerator<LedgerAmount | LedgerLineError> {
  // The route reads a CSV whole, within the spreadsheet import's limit.
  if (!Buffer.isBuffer(body)) throw new Error('A ledger CSV is read from its whole body.');
  if (!settings.columns.costCentre) {
    yield {
      line: 1,
      message: 'Kopplingen anger inte filens kolumner: ange dem för CSV-filer, eller läs in en SIE-fil.',
    };
    return;
  }
  const maxRows = options.maxRows ?? MAX_ROWS;
  const factor = settings.scale === 'tkr' ? 100_000 : 100;
  // The file's costs positive: turned to our convention, costs negative, by the sign.
  const sign = settings.signConvention === 'costsPositive' ? -1 : 1;
  let columns: Map<LedgerColumnRole, number> | null = null;
  let read = 0;
  for await (const { number, values } of readCsv(body, settings.delimiter).rows) {
    if (columns == null) {
      const found = columnIndexes(values, settings);
      if ('error' in found) {
        yield { line: number, message: found.error };
        return;
      }
      columns = found.ok;
      continue;
    }
    if (isEmptyRow(values)) continue;
    countRow(++read, maxRows, options.onProgress);
    const cell = (role: LedgerColumnRole) => {
      const index = columns!.get(role);
      return index === undefined ? null : (values[index] ?? null);
    };
    const costCentre = readText(cell('costCentre'));
    if (costCentre == null) {
      yield { line: number, message: `Kolumnen ”${settings.columns.costCentre}” (kostnadsställe) är tom.` };
      continue;
    }
    const account = readText(cell('account')) ?? undefined;
    const accountGroup = readText(cell('accountGroup')) ?? undefined;
    const project = readText(cell('project')) ?? undefined;
    if (settings.columns.account && !account) {
      yield { line: number, message: `Kolumnen ”${settings.columns.account}” (konto) är tom.` };
      continue;
    }
    if (settings.columns.accountGroup && !accountGroup) {
      yield { line: number, message: `Kolumnen ”${settings.columns.accountGroup}” (kontogrupp) är tom.` };
      continue;
    }
    const amounts: LedgerAmount[] = [];
    const problems: string[] = [];
    for (const measure of ledgerMeasures) {
      if (!columns.has(measure)) continue;
      const value = readNumber(withDecimalComma(cell(measure), settings.decimalComma));
      if ('error' in value) {
        problems.push(`Kolumnen ”${settings.columns[measure]}”: ${value.error}.`);
        continue;
      }
      if (value.ok == null) continue;
      const amountOre = sign * Math.round(value.ok * factor) || 0;
      if (Math.abs(amountOre) > MAX_ORE) {
        problems.push(`Kolumnen ”${settings.columns[measure]}”: beloppet är för stort.`);
        continue;
      }
      amounts.push({ line: number, costCentre, account, accountGroup, project, measure, amountOre });
    }
    if (problems.length > 0) yield { line: number, message: problems.join(' ') };
    else yield* amounts;
  }
  if (columns == null) yield { line: 1, message: 'Filen är tom: rad 1 ska ha kolumnernas rubriker.' };
  options.onProgress?.(read);
}
