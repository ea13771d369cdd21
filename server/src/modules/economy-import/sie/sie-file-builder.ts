/**
 * Writes SIE 4 files as a ledger exports them, line by line, for the tests and the benchmark:
 * the identification and chart of accounts, then balances and verifications. A generator of
 * lines, so that a file of a million transactions streams to disk without being held.
 * Amounts are given in öre and in SIE's own sign (costs debit +, income credit −).
 */
import { encodeCp437 } from './cp437.js';

export interface SieFileHeader {
  program: string;
  /** yyyymmdd */
  generated: string;
  company: string;
  orgNr: string;
  /** `#RAR`: year index (0, −1 …), first and last day yyyymmdd. */
  years: { index: number; start: string; end: string }[];
  dimensions: { number: string; name: string }[];
  objects: { dimension: string; code: string; name: string }[];
  accounts: { number: string; name: string; type: 'T' | 'S' | 'K' | 'I' }[];
}

/** `#RAR 0` and `#RAR -1` of calendar years, the current one given. */
export function calendarYears(year: number): SieFileHeader['years'] {
  return [0, -1].map((index) => ({ index, start: `${year + index}0101`, end: `${year + index}1231` }));
}

/** SIE's reserved dimensions for kostnadsställen and projects. */
export const costCentreAndProject: SieFileHeader['dimensions'] = [
  { number: '1', name: 'Kostnadsställe' },
  { number: '6', name: 'Projekt' },
];

/** A field as SIE writes it: quoted when it has a space, a quote or is empty. */
export function sieField(text: string): string {
  return /^[^\s"{}\\]+$/.test(text) ? text : `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** Öre as an SIE amount: −1234.50. */
export function sieAmount(ore: number): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** `{1 "100" 6 "P1"}` */
export function sieObjectList(objects: readonly (readonly [dimension: string, code: string])[]): string {
  return `{${objects.map(([d, o]) => `${d} ${sieField(o)}`).join(' ')}}`;
}

export function* sieHeaderLines(header: SieFileHeader): Generator<string> {
  yield '#FLAGGA 0';
  yield `#PROGRAM ${sieField(header.program)} 1.0`;
  yield '#FORMAT PC8';
  yield `#GEN ${header.generated}`;
  yield '#SIETYP 4';
  yield `#FNAMN ${sieField(header.company)}`;
  yield `#ORGNR ${header.orgNr}`;
  for (const y of header.years) yield `#RAR ${y.index} ${y.start} ${y.end}`;
  yield '#KPTYP "Kommun-Bas 20"';
  for (const a of header.accounts) {
    yield `#KONTO ${a.number} ${sieField(a.name)}`;
    yield `#KTYP ${a.number} ${a.type}`;
  }
  for (const d of header.dimensions) yield `#DIM ${d.number} ${sieField(d.name)}`;
  for (const o of header.objects) yield `#OBJEKT ${o.dimension} ${sieField(o.code)} ${sieField(o.name)}`;
}

/** `#PSALDO` / `#PBUDGET` of a month: year index, yyyymm, account, objects, öre. */
export function siePeriodLine(
  label: '#PSALDO' | '#PBUDGET',
  year: number,
  period: string,
  account: string,
  objects: readonly (readonly [string, string])[],
  ore: number,
): string {
  return `${label} ${year} ${period} ${account} ${sieObjectList(objects)} ${sieAmount(ore)}`;
}

export function sieResultLine(year: number, account: string, ore: number): string {
  return `#RES ${year} ${account} ${sieAmount(ore)}`;
}

export interface SieTransaction {
  account: string;
  objects: readonly (readonly [string, string])[];
  ore: number;
}

export function* sieVerificationLines(verification: {
  series: string;
  number: number;
  /** yyyymmdd */
  date: string;
  text: string;
  transactions: readonly SieTransaction[];
}): Generator<string> {
  const { series, number, date, text, transactions } = verification;
  yield `#VER ${sieField(series)} ${number} ${date} ${sieField(text)} ${date}`;
  yield '{';
  for (const t of transactions)
    yield `   #TRANS ${t.account} ${sieObjectList(t.objects)} ${sieAmount(t.ore)}`;
  yield '}';
}

/** Lines as a file's bytes: PC8, each line ended by CR LF as the ledgers write them. */
export function sieFileBytes(lines: Iterable<string>): Buffer {
  const parts: string[] = [];
  for (const line of lines) parts.push(line, '\r\n');
  return encodeCp437(parts.join(''));
}
