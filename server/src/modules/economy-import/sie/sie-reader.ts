/**
 * A SIE 4 file (SIE filformat, utgåva 4B) read into the amounts of one follow-up: for the
 * period from the first month of the file's current year (`#RAR 0`) through `lastMonth`, per
 * kostnadsställe (the objects of dimension 1), result account and project (dimension 6):
 *
 * - outcomePeriod / outcomeMonth: from the verifications (`#VER { #TRANS … }`) when the file
 *   has any, otherwise from the period balances (`#PSALDO`, the month's change on the account).
 *   SIE type 4 is type 3 plus the year's verifications, so a type 4 file has both, and its
 *   period balances are the verifications summed; counting both would count everything twice.
 *   The verifications are the finer record (a transaction carries kostnadsställe and project
 *   together), so they are used, and the year's period balances become a control total: each
 *   account's month must equal its verifications, or the file answers an error.
 * - outcomePreviousYearPeriod: the same months of year −1, from `#PSALDO -1` (a SIE file has
 *   the verifications of the current year only).
 * - budgetPeriod / budgetMonth / budgetFullYear: from `#PBUDGET 0`.
 *
 * A period balance with an empty object list (`{}`) is the whole account; those with one
 * kostnadsställe are its parts, and what the parts leave of the whole is an amount without a
 * kostnadsställe (costCentre ''), which the kommun's mapping then answers as unmapped. Period
 * balances per project or other dimensions are other cuts of the same whole and are not added.
 * `#RES` (the year's result per account) is a control total of whichever source was used.
 * `#IB`/`#UB` concern balance accounts and are skipped, as are labels the reader does not
 * know and fields after the known ones (the specification asks readers to skip them, so that
 * the format can grow).
 *
 * Only sums per key are kept (`follow-up-sums.ts`), never the transactions, and signs are
 * turned into ours on the way out: SIE books costs as debit (+) and income as credit (−).
 */
import type { LedgerAmount, LedgerLineError } from '../ledger-amount.js';
import { FollowUpSums } from './follow-up-sums.js';
import { formatOre, parseSieAmount } from './sie-amount.js';
import { monthLabel, parseSieDate, parseSiePeriod } from './sie-dates.js';
import { SieFileError, sieLines } from './sie-lines.js';
import { SieSyntaxError, tokeniseSieLine, type SieField, type SieRecord } from './sie-tokens.js';

export interface SieFollowUp {
  /** The follow-up's last month, `yyyymm`, in the file's current year (`#RAR 0`). */
  lastMonth: string;
}

export interface SieReadOptions {
  /** The dimension whose objects are the kostnadsställen; SIE reserves 1 for them. */
  costCentreDimension?: string;
  /** The dimension of projects; SIE reserves 6. */
  projectDimension?: string;
  maxBytes?: number;
  maxLineBytes?: number;
  /** Errors kept before the reading stops. */
  maxErrors?: number;
  onProgress?: (progress: { bytes: number; lines: number }) => void;
}

export interface SieReadResult {
  amounts: LedgerAmount[];
  errors: LedgerLineError[];
  /** Where the current year's outcome came from. */
  outcomeSource: 'verifications' | 'periodBalances' | 'none';
  company: { name?: string; orgNr?: string; program?: string; generated?: string };
  /** The file's kostnadsställen, code → name, for mapping them to units. */
  costCentres: Map<string, string>;
  projects: Map<string, string>;
  /** The file's chart of accounts, number → name. */
  accounts: Map<string, string>;
  lines: number;
  transactions: number;
}

export const sieReadDefaults = {
  costCentreDimension: '1',
  projectDimension: '6',
  maxBytes: 512 * 1024 * 1024,
  maxLineBytes: 8 * 1024,
  maxErrors: 200,
};

/** A field for a message. */
const shown = (field: SieField | undefined) => (typeof field === 'string' ? field : field ? '{…}' : '');
const notSie = 'Filen börjar inte med #FLAGGA, som en SIE-fil gör.';

class SieFileReading {
  readonly errors: LedgerLineError[] = [];
  readonly costCentres = new Map<string, string>();
  readonly projects = new Map<string, string>();
  readonly accounts = new Map<string, { name: string; type?: string }>();
  readonly company: SieReadResult['company'] = {};
  lines = 0;
  transactions = 0;

  private readonly options: typeof sieReadDefaults & SieReadOptions;
  private readonly lastMonth: number | null;
  private records = 0;
  private format: string | null = null;
  private sieType: string | null = null;
  private readonly years = new Map<number, { start: number; end: number; line: number }>();
  /** Once the current year is known. */
  private sums: FollowUpSums | null = null;

  /** The verification being read: after `#VER` (awaiting `{`), then inside its braces. */
  private verification: { line: number; month: number | null; sum: number; open: boolean } | null = null;
  private hasVerifications = false;

  constructor(followUp: SieFollowUp, options: SieReadOptions) {
    this.options = { ...sieReadDefaults, ...options };
    this.lastMonth = parseSiePeriod(followUp.lastMonth);
    if (this.lastMonth === null)
      this.fatal(0, `Uppföljningens sista månad «${followUp.lastMonth}» är inte en period (ååååmm).`);
  }

  fatal(line: number, message: string): never {
    throw new SieFileError(line, message);
  }

  error(line: number, message: string) {
    this.errors.push({ line, message });
    if (this.errors.length >= this.options.maxErrors) {
      this.fatal(line, `Fler än ${this.options.maxErrors} fel; läsningen avbröts.`);
    }
  }

  async read(input: AsyncIterable<Uint8Array>) {
    const { maxBytes, maxLineBytes } = this.options;
    const progress = this.options.onProgress;
    for await (const { number, text } of sieLines(input, { maxBytes, maxLineBytes }, (bytes) =>
      progress?.({ bytes, lines: this.lines }),
    )) {
      this.lines = number;
      let record: SieRecord | null;
      try {
        record = tokeniseSieLine(text);
      } catch (e) {
        if (!(e instanceof SieSyntaxError)) throw e;
        if (this.records === 0) this.fatal(number, notSie);
        this.error(number, e.message);
        continue;
      }
      if (record) this.record(number, record);
    }
    this.finish();
  }

  private record(line: number, record: SieRecord) {
    const { label, fields } = record;
    if (this.records++ === 0 && label !== '#FLAGGA') {
      this.fatal(line, notSie);
    }
    if (this.verification && !this.verification.open && label !== '{') {
      this.error(this.verification.line, 'Efter #VER väntas en rad med { och verifikationens #TRANS.');
      this.verification = null;
    }
    if (
      this.verification?.open &&
      !['#TRANS', '#RTRANS', '#BTRANS', '}'].includes(label) &&
      known.has(label)
    ) {
      this.error(this.verification.line, 'Verifikationen stängs aldrig med }.');
      this.verification = null;
    }
    const text = (i: number) => {
      const f = fields[i];
      return typeof f === 'string' ? f : undefined;
    };
    switch (label) {
      case '#FORMAT':
        this.format = text(0) ?? '';
        if (this.format !== 'PC8') {
          this.fatal(
            line,
            `Filen anger #FORMAT ${this.format || '(tomt)'}, men SIE 4 ska vara kodad i PC8 (CP437).`,
          );
        }
        break;
      case '#SIETYP':
        this.sieType = text(0) ?? '';
        if (this.sieType !== '4') {
          this.fatal(line, `Filen är SIE typ ${this.sieType || '(tomt)'}; importen läser SIE typ 4.`);
        }
        break;
      case '#PROGRAM':
        this.company.program = [text(0), text(1)].filter(Boolean).join(' ');
        break;
      case '#GEN':
        this.company.generated = text(0);
        break;
      case '#FNAMN':
        this.company.name = text(0);
        break;
      case '#ORGNR':
        this.company.orgNr = text(0);
        break;
      case '#RAR':
        this.financialYear(line, fields);
        break;
      case '#OBJEKT': {
        const [dimension, code, name] = [text(0), text(1), text(2)];
        if (!dimension || !code) return this.error(line, '#OBJEKT ska ha dimensionsnummer och objektkod.');
        if (dimension === this.options.costCentreDimension) this.costCentres.set(code, name ?? '');
        if (dimension === this.options.projectDimension) this.projects.set(code, name ?? '');
        break;
      }
      case '#KONTO': {
        const [account, name] = [text(0), text(1)];
        if (!account || !/^\d+$/.test(account))
          return this.error(line, `Kontonumret «${account ?? ''}» är inte ett nummer.`);
        this.accounts.set(account, { ...this.accounts.get(account), name: name ?? '' });
        break;
      }
      case '#KTYP': {
        const [account, type] = [text(0), text(1)];
        if (!account || !type || !['T', 'S', 'K', 'I'].includes(type)) {
          return this.error(line, '#KTYP ska ha ett kontonummer och kontotypen T, S, K eller I.');
        }
        this.accounts.set(account, { name: this.accounts.get(account)?.name ?? '', type });
        break;
      }
      case '#RES':
        this.result(line, fields);
        break;
      case '#PSALDO':
      case '#PBUDGET':
        this.periodBalance(line, label === '#PSALDO' ? 'P' : 'B', fields);
        break;
      case '#VER':
        this.openVerification(line, fields);
        break;
      case '{':
        if (!this.verification) return this.error(line, 'En { utan #VER på raden före.');
        this.verification.open = true;
        break;
      case '}':
        this.closeVerification(line);
        break;
      case '#TRANS':
        this.transaction(line, fields);
        break;
      default:
      // #RTRANS is followed by the same row as #TRANS, which is the one counted; #BTRANS is a
      // removed row. #IB, #UB, #OIB, #OUB concern balance accounts; other labels are unknown.
    }
  }

  private financialYear(line: number, fields: SieField[]) {
    const [index, start, end] = fields.map((f) => (typeof f === 'string' ? f : ''));
    const year = Number(index);
    const from = parseSieDate(start ?? '');
    const to = parseSieDate(end ?? '');
    if (!/^-?\d+$/.test(index ?? '') || year > 0 || !from || !to || to.month < from.month) {
      return this.error(line, '#RAR ska ha årsnummer (0, −1, …), startdatum och slutdatum (ååååmmdd).');
    }
    const earlier = this.years.get(year);
    if (earlier)
      return this.error(
        line,
        `Räkenskapsår ${year} anges två gånger (#RAR ${year} också på rad ${earlier.line}).`,
      );
    this.years.set(year, { start: from.month, end: to.month, line });
  }

  /** The follow-up's sums, once the current year is known (`#RAR` precedes the balances). */
  private sumsFor(line: number): FollowUpSums {
    if (this.sums) return this.sums;
    const current = this.years.get(0);
    if (!current) this.fatal(line, 'Filen saknar #RAR 0 (räkenskapsåret) före saldon och verifikationer.');
    const last = this.lastMonth!;
    if (last < current.start || last > current.end) {
      this.fatal(
        current.line,
        `Uppföljningens sista månad ${monthLabel(last)} ligger inte i filens räkenskapsår ${monthLabel(current.start)}–${monthLabel(current.end)} (#RAR 0).`,
      );
    }
    const previousStart = this.years.get(-1)?.start ?? current.start - 12;
    const previous = new Set<number>();
    for (let m = current.start; m <= last; m++) previous.add(previousStart + (m - current.start));
    this.sums = new FollowUpSums({ first: current.start, last, previous });
    return this.sums;
  }

  private isResultAccount(account: string) {
    const type = this.accounts.get(account)?.type;
    return type ? type === 'I' || type === 'K' : account[0]! >= '3';
  }

  /** An account field, checked against the chart of accounts when the file has one. */
  private account(line: number, field: SieField | undefined): string | null {
    if (typeof field !== 'string' || !/^\d+$/.test(field)) {
      this.error(line, `Kontonumret «${shown(field)}» är inte ett nummer.`);
      return null;
    }
    if (this.accounts.size > 0 && !this.accounts.has(field)) {
      this.error(line, `Konto ${field} finns inte i filens kontoplan (#KONTO).`);
      return null;
    }
    return field;
  }

  private amount(line: number, field: SieField | undefined): number | null {
    const ore = typeof field === 'string' ? parseSieAmount(field) : null;
    if (ore === null) {
      this.error(
        line,
        `Beloppet «${shown(field)}» är inte ett SIE-belopp (siffror med punkt som decimaltecken och högst två decimaler).`,
      );
    }
    return ore;
  }

  /** The kostnadsställe and project of an object list; null when it names unknown objects. */
  private objects(
    line: number,
    field: SieField | undefined,
  ): { costCentre?: string; project?: string; count: number } | null {
    if (typeof field !== 'object') {
      this.error(line, 'En objektlista ({} eller {dimension objekt …}) väntas efter kontonumret.');
      return null;
    }
    const { costCentreDimension, projectDimension } = this.options;
    const seen = new Set<string>();
    const out: { costCentre?: string; project?: string; count: number } = { count: field.objects.length };
    for (const { dimension, object } of field.objects) {
      if (seen.has(dimension)) {
        this.error(line, `Objektlistan har två objekt i dimension ${dimension}.`);
        return null;
      }
      seen.add(dimension);
      if (dimension === costCentreDimension) {
        if (!this.costCentres.has(object)) {
          this.error(
            line,
            `Kostnadsstället «${object}» (dimension ${dimension}) finns inte bland filens #OBJEKT.`,
          );
          return null;
        }
        out.costCentre = object;
      } else if (dimension === projectDimension) {
        if (!this.projects.has(object)) {
          this.error(line, `Projektet «${object}» (dimension ${dimension}) finns inte bland filens #OBJEKT.`);
          return null;
        }
        out.project = object;
      }
    }
    return out;
  }

  private result(line: number, fields: SieField[]) {
    const yearText = shown(fields[0]);
    const account = this.account(line, fields[1]);
    const ore = this.amount(line, fields[2]);
    if (!/^-?\d+$/.test(yearText)) return this.error(line, `Årsnumret «${yearText}» är inte ett tal.`);
    const year = Number(yearText);
    if (account === null || ore === null) return;
    if (this.isResultAccount(account)) this.sumsFor(line).result(year, account, ore, line);
  }

  private periodBalance(line: number, kind: 'P' | 'B', fields: SieField[]) {
    const yearText = shown(fields[0]);
    const month = parseSiePeriod(typeof fields[1] === 'string' ? fields[1] : '');
    const account = this.account(line, fields[2]);
    const objects = this.objects(line, fields[3]);
    const ore = this.amount(line, fields[4]);
    if (!/^-?\d+$/.test(yearText)) return this.error(line, `Årsnumret «${yearText}» är inte ett tal.`);
    if (month === null) return this.error(line, `Perioden «${shown(fields[1])}» är inte en månad (ååååmm).`);
    if (account === null || objects === null || ore === null) return;
    const year = Number(yearText);
    const financialYear = this.years.get(year);
    const sums = this.sumsFor(line);
    if (!financialYear) return this.error(line, `Årsnummer ${year} har ingen #RAR.`);
    if (month < financialYear.start || month > financialYear.end) {
      return this.error(
        line,
        `Perioden ${monthLabel(month)} ligger utanför räkenskapsår ${year} (#RAR ${year}).`,
      );
    }
    if (!this.isResultAccount(account)) return;
    // The whole account, or one kostnadsställe's part; other cuts of the same whole (per
    // project, other dimensions, combinations) are not added.
    if (objects.count === 0) {
      const twice = sums.periodBalance(kind, year, month, account, null, ore, line);
      if (twice) this.error(line, twice);
    } else if (objects.count === 1 && objects.costCentre !== undefined) {
      sums.periodBalance(kind, year, month, account, objects.costCentre, ore, line);
    }
  }

  private openVerification(line: number, fields: SieField[]) {
    this.sumsFor(line);
    if (this.verification?.open) this.error(this.verification.line, 'Verifikationen stängs aldrig med }.');
    this.hasVerifications = true;
    const date = parseSieDate(typeof fields[2] === 'string' ? fields[2] : '');
    let month: number | null = null;
    if (!date) {
      this.error(line, `Verifikationsdatumet «${shown(fields[2])}» är inte ett datum (ååååmmdd).`);
    } else {
      const current = this.years.get(0)!;
      if (date.month < current.start || date.month > current.end) {
        this.error(line, `Verifikationens datum ligger utanför räkenskapsåret (#RAR 0).`);
      } else month = date.month;
    }
    this.verification = { line, month, sum: 0, open: false };
  }

  private closeVerification(line: number) {
    const verification = this.verification;
    if (!verification?.open) return this.error(line, 'En } utan en öppnad verifikation.');
    if (verification.sum !== 0) {
      this.error(
        verification.line,
        `Verifikationen balanserar inte: transaktionerna summerar till ${formatOre(verification.sum)}.`,
      );
    }
    this.verification = null;
  }

  private transaction(line: number, fields: SieField[]) {
    const verification = this.verification;
    if (!verification?.open) return this.error(line, '#TRANS utanför en verifikation (#VER med { och }).');
    this.transactions++;
    const account = this.account(line, fields[0]);
    const objects = this.objects(line, fields[1]);
    const ore = this.amount(line, fields[2]);
    if (account === null || objects === null || ore === null) return;
    verification.sum += ore;
    if (!Number.isSafeInteger(verification.sum))
      this.fatal(line, 'Summan blir för stor för att räknas exakt.');
    if (verification.month === null || !this.isResultAccount(account)) return;
    this.sums!.transaction(
      verification.month,
      account,
      objects.costCentre ?? '',
      objects.project ?? '',
      ore,
      line,
    );
  }

  private finish() {
    if (this.verification) {
      this.error(this.verification.line, 'Filen slutar mitt i verifikationen (} saknas): filen är avkortad.');
    }
    if (this.format === null) this.error(1, 'Filen saknar #FORMAT PC8.');
    if (this.sieType === null) this.error(1, 'Filen saknar #SIETYP 4.');
    if (!this.years.has(0)) this.error(1, 'Filen saknar #RAR 0 (räkenskapsåret).');
    for (const { line, message } of this.sums?.controlErrors(this.hasVerifications) ?? [])
      this.error(line, message);
  }

  toResult(): SieReadResult {
    const useTransactions = this.hasVerifications;
    return {
      amounts: this.sums?.amounts(useTransactions) ?? [],
      errors: this.errors,
      outcomeSource: useTransactions
        ? 'verifications'
        : this.sums?.hasPeriodBalances(0)
          ? 'periodBalances'
          : 'none',
      company: this.company,
      costCentres: this.costCentres,
      projects: this.projects,
      accounts: new Map([...this.accounts].map(([number, { name }]) => [number, name])),
      lines: this.lines,
      transactions: this.transactions,
    };
  }
}

/** The labels this reader knows; any other is skipped, as the specification asks. */
const known = new Set([
  '#FLAGGA',
  '#FORMAT',
  '#SIETYP',
  '#PROGRAM',
  '#GEN',
  '#FNAMN',
  '#ORGNR',
  '#RAR',
  '#DIM',
  '#UNDERDIM',
  '#OBJEKT',
  '#KONTO',
  '#KTYP',
  '#IB',
  '#UB',
  '#OIB',
  '#OUB',
  '#RES',
  '#PSALDO',
  '#PBUDGET',
  '#VER',
  '#TRANS',
  '#RTRANS',
  '#BTRANS',
  '{',
  '}',
]);

/**
 * Reads a SIE 4 file from a stream (a `Readable` is one) into the follow-up's amounts and the
 * lines that cannot be read. A fault that makes the rest unreadable (wrong encoding, not SIE,
 * too large) ends the reading with that one error and no amounts.
 */
export async function readSie(
  input: AsyncIterable<Uint8Array>,
  followUp: SieFollowUp,
  options: SieReadOptions = {},
): Promise<SieReadResult> {
  let aggregation: SieFileReading | undefined;
  try {
    aggregation = new SieFileReading(followUp, options);
    await aggregation.read(input);
    return aggregation.toResult();
  } catch (e) {
    if (!(e instanceof SieFileError)) throw e;
    return {
      amounts: [],
      errors: [...(aggregation?.errors ?? []), { line: e.line, message: e.message }],
      outcomeSource: 'none',
      company: aggregation?.company ?? {},
      costCentres: aggregation?.costCentres ?? new Map<string, string>(),
      projects: aggregation?.projects ?? new Map<string, string>(),
      accounts: new Map(),
      lines: aggregation?.lines ?? 0,
      transactions: aggregation?.transactions ?? 0,
    };
  }
}
