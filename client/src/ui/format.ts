/** Numbers and dates as Swedish readers expect them: "23 676 tkr", "2025-07-31". */
const tkrFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const numberFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });

/** Whole kronor shown in tkr, as the reports print them; a missing amount is a dash. */
export function formatTkr(kronor: number | null | undefined): string {
  if (kronor == null) return '–';
  return `${tkrFormat.format(Math.round(kronor / 1000))} tkr`;
}

/** An indicator value with its unit; missing values say so instead of showing 0. */
export function formatValue(value: number | null | undefined, unit: string): string {
  if (value == null) return 'Inget värde';
  return unit === '%' ? `${numberFormat.format(value)} %` : `${numberFormat.format(value)} ${unit}`;
}

const percentFormat = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 2 });

/** A share as the personnel tables print it, one decimal at least: "3,0 %"; missing is a dash. */
export function formatPercent(value: number | null | undefined): string {
  return value == null ? '–' : `${percentFormat.format(value)} %`;
}

/** A moment as Swedish readers write it: 2025-11-22 14:32. */
export const dateTime = (value: string | Date) =>
  new Date(value).toLocaleString('sv-SE', { dateStyle: 'short', timeStyle: 'short' });
