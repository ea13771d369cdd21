/**
 * Reading a CSV file with csv-parse, record by record. Swedish Excel saves "CSV" with ';'
 * between the cells (the comma is the decimal sign) and "CSV UTF-8" with a byte order mark;
 * other programs write ',' and no mark. The delimiter is the one of ';', ',' and tab that
 * the header row has most of outside quotes.
 */
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { UnreadableFile, type Sheet, type SheetRow } from './sheet-rows.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const DELIMITERS = [';', ',', '\t'] as const;

/** The delimiter the header row uses: the most frequent of ';', ',' and tab outside quotes. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best: string = ';';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** The delimiter is found from the header row unless the caller knows it (a saved mapping). */
export function readCsv(file: Buffer, delimiter?: string): Sheet {
  if (!isUtf8(file)) {
    throw new UnreadableFile(
      'Filen är inte sparad som UTF-8. Spara den i Excel som ”CSV UTF-8 (kommaavgränsad)” och försök igen.',
    );
  }
  const body = file.subarray(0, 3).equals(BOM) ? file.subarray(3) : file;
  const head = delimiter ? '' : body.subarray(0, 64 * 1024).toString('utf8');
  return { name: null, rows: csvRows(body, delimiter ?? detectDelimiter(head)) };
}

async function* csvRows(body: Buffer, delimiter: string): AsyncGenerator<SheetRow> {
  const parser = Readable.from([body]).pipe(
    parse({ delimiter, relax_column_count: true, skip_empty_lines: false, encoding: 'utf8' }),
  );
  // A record is one spreadsheet row, even when a quoted cell spans lines: the row numbers
  // are those Excel shows when it opens the file.
  let number = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      number++;
      yield { number, values: record };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      throw new UnreadableFile(
        `CSV-filen kunde inte läsas vid rad ${number + 1}: kontrollera citattecknen (") och avgränsaren (${delimiter === '\t' ? 'tabb' : delimiter}).`,
      );
    }
    throw error;
  }
}
