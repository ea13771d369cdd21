/**
 * The sums a SIE file is read into for one follow-up, and what they give at the end: the
 * follow-up's amounts, and the file's own control totals. Only sums per key are kept (per
 * measure, kostnadsställe, account and project; per account and month), never the records:
 * memory grows with the chart of accounts and the kostnadsställen, not with the file.
 *
 * Amounts are added in SIE's sign (costs debit +, income credit −) and turned into ours
 * (income +, costs −) on the way out.
 */
import type { LedgerAmount, LedgerLineError, LedgerMeasure } from '../ledger-amount.js';
import { formatOre } from './sie-amount.js';
import { monthLabel } from './sie-dates.js';
import { SieFileError } from './sie-lines.js';

/** The follow-up's months, as month numbers (year × 12 + month − 1). */
export interface FollowUpMonths {
  /** The current year's first month. */
  first: number;
  last: number;
  /** The same months of year −1. */
  previous: ReadonlySet<number>;
}

/** `#PSALDO` (P), `#PBUDGET` (B) or `#TRANS` (T). */
export type SieSource = 'P' | 'B' | 'T';

interface Cell {
  ore: number;
  /** The first line that added to it, for the amount's error messages. */
  line: number;
}

/** A month's balance of an account: its `{}` line, and the sum of its kostnadsställe lines. */
interface Whole {
  total?: Cell;
  parts: number;
}

const SEP = '\u0000';
const outcomeMeasures: readonly LedgerMeasure[] = ['outcomePeriod', 'outcomeMonth'];

export class FollowUpSums {
  /** measure, costCentre, account, project → sum. */
  private readonly fromTransactions = new Map<string, Cell>();
  private readonly fromBalances = new Map<string, Cell>();
  /** source, year, month, account → the month's whole and parts. */
  private readonly wholes = new Map<string, Whole>();
  /** account, month → the verifications' sum, the control of `#PSALDO 0`. */
  private readonly transactionsByMonth = new Map<string, Cell>();
  /** year, account → `#RES`. */
  private readonly results = new Map<string, Cell>();

  constructor(private readonly months: FollowUpMonths) {}

  /** The measures a month's amount counts towards, for a source and year. */
  measuresOf(source: SieSource, year: number, month: number): LedgerMeasure[] {
    const { first, last, previous } = this.months;
    const inPeriod = month >= first && month <= last;
    if (source === 'B') {
      if (year !== 0) return [];
      return [
        ...(inPeriod ? (['budgetPeriod'] as const) : []),
        ...(month === last ? (['budgetMonth'] as const) : []),
        'budgetFullYear',
      ];
    }
    if (year === -1) return previous.has(month) ? ['outcomePreviousYearPeriod'] : [];
    if (year !== 0) return [];
    return [
      ...(inPeriod ? (['outcomePeriod'] as const) : []),
      ...(month === last ? (['outcomeMonth'] as const) : []),
    ];
  }

  /**
   * A period balance of a result account: the whole account (`{}`), or the part of one
   * kostnadsställe. Answers an error message for a second whole of the same month.
   */
  periodBalance(
    source: 'P' | 'B',
    year: number,
    month: number,
    account: string,
    costCentre: string | null,
    ore: number,
    line: number,
  ): string | null {
    const key = `${source}${SEP}${year}${SEP}${month}${SEP}${account}`;
    const whole = this.wholes.get(key) ?? { parts: 0 };
    this.wholes.set(key, whole);
    if (costCentre === null) {
      if (whole.total) {
        return `Konto ${account} har två saldon för hela kontot i ${monthLabel(month)} (också rad ${whole.total.line}).`;
      }
      whole.total = { ore, line };
      return null;
    }
    whole.parts += ore;
    for (const measure of this.measuresOf(source, year, month)) {
      add(this.fromBalances, `${measure}${SEP}${costCentre}${SEP}${account}${SEP}`, ore, line);
    }
    return null;
  }

  /** A transaction on a result account in a month of the current year. */
  transaction(
    month: number,
    account: string,
    costCentre: string,
    project: string,
    ore: number,
    line: number,
  ) {
    add(this.transactionsByMonth, `${account}${SEP}${month}`, ore, line);
    for (const measure of this.measuresOf('T', 0, month)) {
      add(this.fromTransactions, `${measure}${SEP}${costCentre}${SEP}${account}${SEP}${project}`, ore, line);
    }
  }

  /** `#RES` of a result account. */
  result(year: number, account: string, ore: number, line: number) {
    add(this.results, `${year}${SEP}${account}`, ore, line);
  }

  hasPeriodBalances(year: number) {
    for (const [key, whole] of this.wholes)
      if (whole.total && key.startsWith(`P${SEP}${year}${SEP}`)) return true;
    return false;
  }

  /**
   * The file's own totals: with verifications, each account's month of `#PSALDO 0` must be
   * its verifications' sum; and `#RES` must be the year's sum of whichever source the year
   * is read from.
   */
  controlErrors(hasVerifications: boolean): LedgerLineError[] {
    const errors: LedgerLineError[] = [];
    const yearSums = new Map<string, Cell>();
    const yearsRead = new Set<number>();
    for (const [key, whole] of this.wholes) {
      const [source, year, month, account] = key.split(SEP) as [string, string, string, string];
      if (source !== 'P' || !whole.total) continue;
      if (year === '0' && hasVerifications) {
        const transactions = this.transactionsByMonth.get(`${account}${SEP}${month}`)?.ore ?? 0;
        if (transactions !== whole.total.ore) {
          errors.push({
            line: whole.total.line,
            message: `#PSALDO för konto ${account} i ${monthLabel(Number(month))} är ${formatOre(whole.total.ore)}, men verifikationerna summerar till ${formatOre(transactions)}.`,
          });
        }
        continue;
      }
      yearsRead.add(Number(year));
      add(yearSums, `${year}${SEP}${account}`, whole.total.ore, whole.total.line);
    }
    if (hasVerifications) {
      yearsRead.add(0);
      const monthsHaveBalances = this.hasPeriodBalances(0);
      for (const [key, cell] of this.transactionsByMonth) {
        const [account, month] = key.split(SEP) as [string, string];
        if (
          monthsHaveBalances &&
          cell.ore !== 0 &&
          !this.wholes.get(`P${SEP}0${SEP}${month}${SEP}${account}`)?.total
        ) {
          errors.push({
            line: cell.line,
            message: `Verifikationerna på konto ${account} i ${monthLabel(Number(month))} summerar till ${formatOre(cell.ore)}, men filen har inget #PSALDO för kontot och månaden.`,
          });
        }
        add(yearSums, `0${SEP}${account}`, cell.ore, cell.line);
      }
    }
    const resultYears = new Set([...this.results.keys()].map((k) => Number(k.split(SEP)[0])));
    for (const year of yearsRead) {
      if (!resultYears.has(year)) continue;
      const keys = new Set(
        [...yearSums.keys(), ...this.results.keys()].filter((k) => k.startsWith(`${year}${SEP}`)),
      );
      for (const key of keys) {
        const result = this.results.get(key);
        const sum = yearSums.get(key);
        if ((result?.ore ?? 0) === (sum?.ore ?? 0)) continue;
        const source = year === 0 && hasVerifications ? 'verifikationerna' : `#PSALDO ${year}`;
        errors.push({
          line: (result ?? sum)!.line,
          message: `#RES ${year} för konto ${key.split(SEP)[1]} är ${formatOre(result?.ore ?? 0)}, men ${source} summerar till ${formatOre(sum?.ore ?? 0)}.`,
        });
      }
    }
    return errors;
  }

  /**
   * The follow-up's amounts: the current year's outcome from the verifications when the file
   * has them, from the period balances otherwise, never from both. What a month's
   * kostnadsställen leave of the account's whole is an amount without a kostnadsställe.
   */
  amounts(useTransactions: boolean): LedgerAmount[] {
    const cells = new Map<string, Cell>();
    const counts = (measure: LedgerMeasure) => !(useTransactions && outcomeMeasures.includes(measure));
    for (const [key, cell] of this.fromBalances) {
      if (counts(key.split(SEP)[0] as LedgerMeasure)) cells.set(key, { ...cell });
    }
    for (const [key, whole] of this.wholes) {
      if (!whole.total || whole.total.ore === whole.parts) continue;
      const [source, year, month, account] = key.split(SEP) as ['P' | 'B', string, string, string];
      for (const measure of this.measuresOf(source, Number(year), Number(month))) {
        if (counts(measure))
          add(
            cells,
            `${measure}${SEP}${SEP}${account}${SEP}`,
            whole.total.ore - whole.parts,
            whole.total.line,
          );
      }
    }
    if (useTransactions) for (const [key, cell] of this.fromTransactions) cells.set(key, cell);
    const amounts: LedgerAmount[] = [];
    for (const [key, { ore, line }] of cells) {
      const [measure, costCentre, account, project] = key.split(SEP) as [
        LedgerMeasure,
        string,
        string,
        string,
      ];
      amounts.push({
        line,
        costCentre,
        account,
        ...(project ? { project } : {}),
        measure,
        amountOre: ore === 0 ? 0 : -ore,
      });
    }
    return amounts.sort((a, b) => a.line - b.line);
  }
}

function add(map: Map<string, Cell>, key: string, ore: number, line: number) {
  const cell = map.get(key);
  if (!cell) return void map.set(key, { ore, line });
  cell.ore += ore;
  if (!Number.isSafeInteger(cell.ore))
    throw new SieFileError(line, 'Summan blir för stor för att räknas exakt.');
}
