/** The Swedish names of a ledger mapping's parts, for messages and the app's form. */
import type { LedgerColumnRole } from './ledger-settings.js';

export const ledgerColumnLabels: Record<LedgerColumnRole, string> = {
  costCentre: 'kostnadsställe',
  account: 'konto',
  accountGroup: 'kontogrupp',
  project: 'projekt',
  budgetMonth: 'budget för månaden',
  outcomeMonth: 'utfall för månaden',
  budgetPeriod: 'budget för perioden',
  outcomePeriod: 'utfall för perioden',
  outcomePreviousYearPeriod: 'utfall samma period föregående år',
  budgetFullYear: 'budget helår',
  forecastFullYear: 'prognos helår',
};
