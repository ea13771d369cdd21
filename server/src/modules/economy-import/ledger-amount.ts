import { lineAmountFields, type LineAmountField } from '../economy/economy-figures.js';

/**
 * What every ledger file (a CSV export, a SIE 4 file) is read into before anything is mapped
 * to units and account groups: one amount of one measure on one kostnadsställe, in our sign
 * convention (income +, costs −), in öre so that sums are exact; rounded to whole kronor only
 * when the figures are written. Each reader converts its file's convention on the way in.
 */
/** A ledger's measures are exactly the amounts of an economy line, so there is one list. */
export const ledgerMeasures = lineAmountFields;
export type LedgerMeasure = LineAmountField;

export interface LedgerAmount {
  /** The file's line (1-based) the amount comes from, for error messages. */
  line: number;
  /** The ledger's kostnadsställe or verksamhet code, mapped to a unit by the kommun's mapping. */
  costCentre: string;
  /** An account number (SIE, or a CSV with accounts), mapped to an account group by the table. */
  account?: string;
  /** Or the account group itself, where the file already has it (a CSV per kontogrupp). */
  accountGroup?: string;
  /** An investment project's number (SIE #OBJEKT of the project dimension), if any. */
  project?: string;
  /** The project's name where the file gives it (SIE #OBJEKT of the project dimension). */
  projectName?: string;
  measure: LedgerMeasure;
  /** Integer öre, income + and costs −. */
  amountOre: number;
}

/** A line of the file that cannot be read, answered with its line number and a Swedish message. */
export interface LedgerLineError {
  line: number;
  message: string;
}
